import OnegoBase
import OnegoCatalog
import OnegoComposer

/// Material lists: duplicated and near-duplicated names, key materials, counts.
enum MaterialRules {
    static let all: [AuditRule] = [
        .item(
            "materials.duplicate-name", .error, .materials, title: "同一事项的材料名称重复",
            explanation: "同一事项中两份材料的名称（忽略空白、全角半角和标点）相同，申请人会重复准备。"
        ) { item, context in
            // Items list a handful of materials: a linear scan over their name numbers beats hashing names.
            var seen: [(id: Int, index: Int)] = []
            var issues: [RuleIssue] = []
            for (index, material) in item.materials.enumerated() {
                let id = context.materialName(material.name).normalisedID
                if let first = seen.first(where: { $0.id == id }) {
                    let earlier = item.materials[first.index]
                    issues.append(
                        RuleIssue(
                            "\(item.label)的材料“\(material.name)”与第 \(earlier.location.line) 行的“\(earlier.name)”重复",
                            at: material.location))
                } else {
                    seen.append((id, index))
                }
            }
            return issues
        },
        .item(
            "materials.near-duplicate-name", .warning, .materials, title: "同一事项的材料名称近似重复",
            explanation: "名称仅差“复印件”“原件”等限定词、同义词（身份证＝居民身份证），或较长名称中仅差一字（且不是父/母、甲/乙这类当事人用字）的两份材料，多半是同一份材料。"
        ) { item, context in
            var issues: [RuleIssue] = []
            let keys = item.materials.map { context.materialName($0.name) }
            for j in keys.indices {
                for i in keys.indices where i < j {
                    let (a, b) = (keys[i], keys[j])
                    guard a.normalisedID != b.normalisedID,
                        a.synonymID == b.synonymID || a.comparisonID == b.comparisonID
                            || MaterialNameMatch.areNearDuplicates(a.comparison, b.comparison)
                    else { continue }
                    issues.append(
                        RuleIssue(
                            "\(item.label)的材料“\(item.materials[j].name)”与“\(item.materials[i].name)”名称近似，可能重复",
                            at: item.materials[j].location))
                    break
                }
            }
            return issues
        },
        .item(
            "materials.key-optional", .error, .materials, title: "关键材料不能是非必要材料",
            explanation: "关键材料是受理的前提，必要性不能为“非必要”。"
        ) { item, _ in
            item.materials.filter { $0.isKey && $0.necessity == .optional }.map {
                RuleIssue("\(item.label)的材料“\($0.name)”标为关键材料，必要性却为非必要", at: $0.location)
            }
        },
        .item(
            "materials.no-count", .note, .materials, title: "纸质材料须写明原件或复印件份数",
            explanation: "一次性告知单和收件清单需要原件、复印件份数。"
        ) { item, _ in
            item.materials.filter {
                $0.form != .electronic && $0.form != .unspecified && $0.originals == 0 && $0.copies == 0
            }.map {
                RuleIssue("\(item.label)的材料“\($0.name)”未写明原件或复印件份数", at: $0.location)
            }
        },
        .item(
            "materials.none", .warning, .materials, title: "依申请事项须列申请材料",
            explanation: "依申请办理的事项应列出申请材料清单（至少申请表）。"
        ) { item, _ in
            guard item.materials.isEmpty else { return [] }
            return [RuleIssue("\(item.label)没有列出任何申请材料")]
        },
        .item(
            "materials.unspecified", .note, .materials, title: "材料类型、形式、必要性或来源未注明",
            explanation: "来源只给出材料名称时，类型、形式、必要性、来源记为“未注明”（不推测）；依赖这些字段的规则跳过这些材料，容缺材料比例不计入。"
        ) { item, _ in
            let count = item.materials.count(where: \.hasUnspecifiedFacts)
            guard count > 0 else { return [] }
            return [RuleIssue("\(item.label)有 \(count) 条材料未注明类型、形式、必要性或来源，相关规则已跳过")]
        },
    ]
}

/// Legal basis.
enum LegalRules {
    static let all: [AuditRule] = [
        .item(
            "legal.basis-missing", .warning, .legal, title: "行政权力事项须有设定依据",
            explanation: "行政许可、确认、给付等行政权力事项须写明设定依据（法律法规名称和条款）。"
        ) { item, _ in
            guard !item.type.isPublicService, item.legalBasis.isEmpty else { return [] }
            return [RuleIssue("\(item.label)是\(item.type.label)事项，但未写明设定依据")]
        }
    ]
}

/// Findings that come from elsewhere and are listed so they can be read and waived.
enum MatterRules {
    static let all: [AuditRule] = [
        ("matter.duplicate-id", Severity.error, "成员、问题或表单字段编号重复", "一件事内成员、情形问题和表单字段的编号须唯一。"),
        ("matter.duplicate-code", .error, "一件事编码重复", "同一编码的一件事只能定义一次。"),
        ("matter.reference.member", .error, "引用了不存在的成员", "先后顺序、阶段、答案效果或表单映射引用的成员须存在。"),
        ("matter.reference.question", .error, "引用了不存在的问题", "追问条件只能引用此前的问题。"),
        ("matter.reference.answer", .error, "引用了不存在的答案", "追问条件引用的答案须是该问题提供的选项。"),
        ("matter.answer.unreachable", .error, "答案永远不能被选中", "重复的答案值、是非题中“是/否”以外的答案都无法选中。"),
        ("matter.member.unknown-code", .error, "成员事项不在目录中", "一件事的成员事项编码须在事项目录中。"),
        ("matter.material.unknown", .error, "免去的材料不在成员事项中", "答案要免去的材料须是该成员事项目录中的申请材料，名称写错会让材料仍留在清单上。"),
        ("matter.question.unreachable", .error, "问题永远不会出现", "任何答案组合都不会显示该问题。"),
        ("matter.member.never-selected", .error, "成员事项永远不会被选中", "任何情形都不会选中该成员事项。"),
        ("matter.cycle", .error, "成员先后顺序成环", "成员事项互为前置，无法排出办理顺序。"),
        ("matter.promise.short", .error, "一件事承诺时限短于关键路径", "一件事的承诺时限不能短于某一情形下成员事项的关键路径。"),
        ("matter.enumeration.truncated", .note, "情形组合过多", "答案组合过多，且全部成员同时办理时超出承诺时限或成环，承诺时限和先后顺序只抽查了部分组合（可达性仍精确判定）。"),
        ("matter.material.idle", .warning, "材料增减永远不会生效", "答案或阈值免去、增加的材料，其成员事项在该答案被选中时从不被选中。"),
        ("matter.threshold.unit", .error, "阈值单位与问题不一致", "数值题、日期题的阈值须使用问题的单位。"),
        ("matter.threshold.overlap", .error, "阈值区间重复", "同一问题的两个阈值区间相同，规则应合并。"),
        ("matter.threshold.contradiction", .error, "阈值规则矛盾", "区间重叠的阈值不能一个选中、一个排除同一成员（或一个增加、一个免去同一材料），区间也不能为空。"),
        ("matter.audience", .error, "服务对象未被选择", "服务多个对象的一件事须由答案选择每个服务对象，且答案只能选择一件事的服务对象。"),
        ("matter.value", .error, "一件事取值无效", "一件事文件中的取值不符合 matter.xsd。"),
        ("matter.root", .error, "不是一件事文件", "根元素不是 urn:onego:matter:1 的 <matter>。"),
    ].map { id, severity, title, explanation in
        AuditRule(
            id, severity, .matters, title: title,
            explanation: explanation + "（由编排模块 MatterChecks 检查，作为审计发现列出。）", check: .external)
    }
}

/// Problems found while loading the catalog (XML syntax and schema), passed on as findings.
enum LoadRules {
    static let all: [AuditRule] = [
        AuditRule(
            "xml.syntax", .error, .load, title: "XML 语法错误",
            explanation: "目录文件不是格式正确的 XML，出错位置之后的事项未被读取。", check: .external),
        AuditRule(
            "xml.schema", .error, .load, title: "不符合 catalog.xsd",
            explanation: "目录文件不符合 Schemas/catalog.xsd，相应取值未被采用。", check: .external),
        AuditRule(
            "io.read", .error, .load, title: "无法读取文件", explanation: "路径不存在或没有读取权限。", check: .external),
    ]
}

/// Problems with the waiver file itself.
enum WaiverRules {
    static let all: [AuditRule] = [
        AuditRule(
            "waivers.expired", .warning, .waivers, title: "豁免已过期",
            explanation: "豁免过期后不再生效，原发现重新列出；请续期或修正事项。", check: .external),
        AuditRule(
            "waivers.unknown-rule", .error, .waivers, title: "豁免引用了不存在的规则",
            explanation: "豁免中的规则编号不在规则表中（可用 onego rules 查看）。", check: .external),
        AuditRule(
            "waivers.unknown-item", .warning, .waivers, title: "豁免引用了不存在的事项",
            explanation: "豁免中的事项编码不在目录中，可能事项已撤销或编码写错。", check: .external),
        AuditRule(
            "waivers.unused", .note, .waivers, title: "豁免未被使用",
            explanation: "豁免对应的发现已不存在，可以删除该豁免。", check: .external),
    ]
}
