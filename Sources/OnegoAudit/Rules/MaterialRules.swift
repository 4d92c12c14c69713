public import OnegoBase
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

extension RuleID {
    /// A waiver past its expiry date.
    public static let waiversExpired = RuleID("waivers.expired")
    /// A waiver naming a rule that does not exist.
    public static let waiversUnknownRule = RuleID("waivers.unknown-rule")
    /// A waiver naming an item not in the catalog.
    public static let waiversUnknownItem = RuleID("waivers.unknown-item")
    /// A waiver that silenced nothing.
    public static let waiversUnused = RuleID("waivers.unused")
    /// A policy target naming a figure that does not exist.
    public static let policyUnknownFigure = RuleID("policy.unknown-figure")
    /// A policy target's threshold that cannot be read.
    public static let policyThreshold = RuleID("policy.threshold")
    /// A policy target citing a source not defined in the file.
    public static let policyUnknownSource = RuleID("policy.unknown-source")
}

/// Problems with the policy-targets file itself.
enum PolicyRules {
    static let all: [AuditRule] = [
        RuleDescriptor(
            .policyUnknownFigure, .error, .references, title: "政策目标引用了不存在的指标",
            explanation: "政策目标文件中的指标名称须是 onego 计算的指标之一。"),
        RuleDescriptor(
            .policyThreshold, .error, .references, title: "政策目标阈值无效",
            explanation: "目标阈值应写作 80%、1/3 或 0.8 这样的值，且在 0 与 1 之间。"),
        RuleDescriptor(
            .policyUnknownSource, .error, .references, title: "政策目标引用了未定义的来源",
            explanation: "目标引用的政策来源须先在 <source> 中定义。"),
    ].map { AuditRule(external: $0) }
}

/// Problems with the waiver file itself.
enum WaiverRules {
    static let all: [AuditRule] = [
        AuditRule(
            .waiversExpired, .warning, .waivers, title: "豁免已过期",
            explanation: "豁免过期后不再生效，原发现重新列出；请续期或修正事项。", check: .external),
        AuditRule(
            .waiversUnknownRule, .error, .waivers, title: "豁免引用了不存在的规则",
            explanation: "豁免中的规则编号不在规则表中（可用 onego rules 查看）。", check: .external),
        AuditRule(
            .waiversUnknownItem, .warning, .waivers, title: "豁免引用了不存在的事项",
            explanation: "豁免中的事项编码不在目录中，可能事项已撤销或编码写错。", check: .external),
        AuditRule(
            .waiversUnused, .note, .waivers, title: "豁免未被使用",
            explanation: "豁免对应的发现已不存在，可以删除该豁免。", check: .external),
    ]
}
