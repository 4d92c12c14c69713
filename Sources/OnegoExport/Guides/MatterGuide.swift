public import OnegoCatalog
public import OnegoComposer

/// The overview of a "one matter" bundle for its handbook page: what it is, which items it can include and when,
/// and the situation questions that decide the material list.
public enum MatterGuide {
    /// The overview document of `matter`.
    public static func make(_ matter: Matter, catalog: Catalog, options: GuideOptions) -> GuideDocument {
        var basics = [
            GuideField("一件事名称", matter.name),
            GuideField("一件事编码", matter.code),
            GuideField("服务对象", matter.servedAudiences.map(\.rawValue).joined(separator: "、")),
            GuideField("牵头部门", matter.leadDepartment),
        ]
        if !matter.cooperatingDepartments.isEmpty {
            basics.append(GuideField("协同部门", matter.cooperatingDepartments.joined(separator: "、")))
        }
        basics.append(GuideField("一件事承诺时限", ItemFacts.limit(matter.promisedLimit)))
        var sections = [GuideSection("基本信息", [.fields(basics)])]
        if let summary = matter.summary { sections.append(GuideSection("事项说明", [.paragraph(summary)])) }

        let rows = matter.members.enumerated().map { index, member -> [String] in
            let item = catalog.item(code: member.code)
            return [
                String(index + 1), item?.name ?? "（目录中没有此事项）", member.code, item?.department ?? "—",
                item.map(ItemFacts.promisedShort) ?? "—", member.selection == .always ? "必办" : "视情形",
            ]
        }
        sections.append(
            GuideSection(
                "包含的事项",
                [
                    .table(
                        GuideTable(
                            columns: ["序号", "事项名称", "事项编码", "办理部门", "承诺时限", "纳入方式"], rows: rows,
                            centred: [0, 4, 5]))
                ]))

        if !matter.questions.isEmpty {
            let questions = matter.questions.map { question in
                let answers =
                    question.kind.isMeasured
                    ? "填写\(question.kind == .date ? "日期" : "数值（\(question.unit ?? "")）")，按 "
                        + question.thresholds.map(\.condition).joined(separator: " / ") + " 确定"
                    : question.answers.map(\.displayText).joined(separator: " / ")
                let follow = question.isFollowUp ? "（追问）" : ""
                let choices = question.kind.isMeasured ? answers : "可选：\(answers)"
                return "\(question.text)\(follow)　\(choices)" + (question.hint.map { "。\($0)" } ?? "")
            }
            sections.append(
                GuideSection(
                    "办理情形",
                    [
                        .paragraph("窗口按以下问题确认申请人的情形，据此确定需办理的事项和需提交的材料："),
                        .list(questions),
                    ]))
        }
        return GuideDocument(
            kind: .guide, title: "一件事办事指南", subject: matter.name,
            header: [GuideField("一件事编码", matter.code), GuideField("牵头部门", matter.leadDepartment)],
            sections: sections.map(ItemGuide.dropEmptyFields),
            footer: "本指南依据事项目录和一件事定义生成。印发日期：\(options.issued.chinese)")
    }
}
