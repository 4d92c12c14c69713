public import OnegoCatalog

/// Builds the 办事指南 of one item: every guide element the catalog holds, in the standard order of DOMAIN.md §9
/// (basic facts and scope, legal basis, implementing body, conditions, materials, process, handling modes, time
/// limits, fees, results and delivery, consultation and complaint, address and hours).
public enum ItemGuide {
    /// The guide document for `item`.
    public static func make(_ item: ServiceItem, options: GuideOptions) -> GuideDocument {
        var sections: [GuideSection] = [basics(item)]
        if !item.legalBasis.isEmpty {
            let laws = item.legalBasis.map(\.display)
            sections.append(GuideSection("设定依据", [.list(laws)]))
        }
        sections.append(
            GuideSection(
                "实施主体",
                [
                    .fields([
                        GuideField("实施主体", item.implementingBody.name),
                        GuideField("主体性质", item.implementingBody.nature.rawValue),
                        GuideField("统一社会信用代码", item.implementingBody.creditCode.rawValue),
                        GuideField("责任部门", item.department),
                    ])
                ]))
        if let conditions = item.conditions { sections.append(GuideSection("受理条件", [.paragraph(conditions)])) }
        sections.append(GuideSection("申请材料", [materialTable(item)]))
        if !item.steps.isEmpty { sections.append(process(item)) }
        sections.append(modes(item))
        sections.append(limits(item))
        sections.append(fees(item))
        if !item.results.isEmpty { sections.append(results(item)) }
        sections.append(
            GuideSection(
                "咨询与投诉",
                [
                    .fields([
                        GuideField("咨询电话", item.contact.phone),
                        GuideField("投诉电话", item.contact.complaintPhone),
                    ])
                ]))
        sections.append(
            GuideSection(
                "办理地点和时间",
                [.fields([GuideField("办理地点", item.contact.addressText), GuideField("办理时间", item.contact.hoursText)])]))
        return GuideDocument(
            kind: .guide, title: GuideKind.guide.label, subject: item.name,
            header: [GuideField("事项编码", item.id), GuideField("实施主体", item.implementingBody.name)],
            sections: sections.map(dropEmptyFields),
            footer: "本指南依据事项目录生成，与网上办事指南信息同源、内容一致。印发日期：\(options.issued.chinese)")
    }

    /// Names (with the 俗称 people use, when the catalog gives them), codes, level, audience, kind of handling and
    /// cross-region scope.
    static func basics(_ item: ServiceItem) -> GuideSection {
        var basics = [
            GuideField("事项名称", item.name),
            GuideField("俗称", item.details.aliases.joined(separator: "、")),
            GuideField("事项类型", item.type.label),
            GuideField("基本编码", item.codes.basic),
            GuideField("实施编码", item.codes.implementation),
        ]
        if let handling = item.codes.handling { basics.append(GuideField("业务办理项编码", handling)) }
        basics.append(GuideField("行使层级", item.level.label))
        basics.append(GuideField("服务对象", item.serviceObjects.map(\.rawValue).joined(separator: "、")))
        basics.append(GuideField("办件类型", item.handling.rawValue))
        if let cross = item.crossRegion { basics.append(GuideField("通办范围", ItemFacts.crossRegion(cross))) }
        return GuideSection("基本信息", [.fields(basics)])
    }

    /// The internal steps with their limits and roles.
    static func process(_ item: ServiceItem) -> GuideSection {
        let rows = item.steps.enumerated().map { index, step in
            [
                String(index + 1), step.name,
                step.limit.map { $0.value == 0 ? "当场办结" : ItemFacts.limit($0) } ?? "—", step.role ?? "—",
            ]
        }
        return GuideSection(
            "办理流程", [.table(GuideTable(columns: ["序号", "环节", "时限", "办理人员"], rows: rows, centred: [0]))])
    }

    /// Badges, handling forms, online depth and address, visits and 告知承诺.
    static func modes(_ item: ServiceItem) -> GuideSection {
        var modes: [GuideBlock] = []
        let badges = ItemText.badges(for: item)
        if !badges.isEmpty { modes.append(.badges(badges)) }
        var modeFields = [
            GuideField("办理形式", item.handlingForms.map(\.rawValue).joined(separator: "、")),
            GuideField("网上办理", ItemFacts.online(item)),
        ]
        if let url = item.online.url { modeFields.append(GuideField("网办地址", url)) }
        modeFields.append(GuideField("到办事现场次数", ItemFacts.visits(item)))
        if item.modes.isPromiseBased {
            modeFields.append(GuideField("告知承诺", "可书面承诺代替部分证明材料，事后核查"))
        }
        modes.append(.fields(modeFields))
        return GuideSection("办理方式", modes)
    }

    /// The statutory and promised limits and the special procedures they do not count.
    static func limits(_ item: ServiceItem) -> GuideSection {
        var limits = [
            GuideField("法定办结时限", item.statutoryLimit.map(ItemFacts.limit) ?? "无法定时限"),
            GuideField("承诺办结时限", ItemFacts.promised(item)),
        ]
        for procedure in item.specialProcedures {
            let limit = procedure.limit.map { "，\($0)" } ?? ""
            let note = procedure.note.map { "；\($0)" } ?? ""
            limits.append(GuideField("特别程序", "\(procedure.kind.rawValue)\(limit)（不计入办结时限\(note)）"))
        }
        return GuideSection("办理时限", [.fields(limits)])
    }

    /// Whether it is charged, and the fee items.
    static func fees(_ item: ServiceItem) -> GuideSection {
        var fees: [GuideBlock] = [.fields([GuideField("是否收费", item.fee.isCharged ? "收费" : "不收费")])]
        if !item.fee.items.isEmpty {
            fees.append(
                .table(
                    GuideTable(
                        columns: ["收费项目", "收费标准", "收费依据"],
                        rows: item.fee.items.map { [$0.name, $0.standard, $0.basis ?? "—"] })))
        }
        return GuideSection("收费标准", fees)
    }

    /// The results with their validity, delivery and e-licence.
    static func results(_ item: ServiceItem) -> GuideSection {
        let rows = item.results.map { result in
            [
                result.name, result.type.rawValue, result.validity ?? "—", result.delivery ?? "—",
                result.eLicence ?? "—",
            ]
        }
        return GuideSection(
            "办理结果及送达",
            [.table(GuideTable(columns: ["结果名称", "类型", "有效期", "送达方式", "电子证照"], rows: rows))])
    }

    /// The guide's full material table.
    static func materialTable(_ item: ServiceItem) -> GuideBlock {
        let rows = item.materials.enumerated().map { index, material in
            [
                String(index + 1), material.name, material.necessity.rawValue, material.form.rawValue,
                ItemFacts.count(material.originals), ItemFacts.count(material.copies), ItemFacts.source(material),
                ItemFacts.remarks(material, of: item),
            ]
        }
        if rows.isEmpty { return .paragraph("本事项无需提交申请材料。") }
        return .table(
            GuideTable(
                columns: ["序号", "材料名称", "必要性", "材料形式", "原件", "复印件", "来源渠道", "要求与说明"], rows: rows,
                centred: [0, 2, 4, 5]))
    }

    /// Removes fields whose value is empty (an element the catalog does not hold is left out, not printed blank).
    static func dropEmptyFields(_ section: GuideSection) -> GuideSection {
        GuideSection(
            section.heading,
            section.blocks.map { block in
                if case .fields(let fields) = block {
                    return .fields(fields.filter { $0.isBlank || !$0.value.isEmpty })
                }
                return block
            })
    }
}
