import OnegoCatalog

/// What a 一次性告知单 and a 收件清单 are made of, whether for one item or for a composed matter: the subject, its
/// material lines, its time limit and where to go. Item and matter builders fill it; `IntakeDocuments` prints it.
struct Intake {
    /// The item or matter name.
    var subject: String
    /// The item code or matter code.
    var code: String
    /// Who handles it (implementing body, or the matter's lead department).
    var handler: String
    /// The material lines the applicant must consider, in order.
    var lines: [IntakeLine]
    /// Member items of a matter, shown as a table; empty for one item.
    var members: [IntakeMember] = []
    /// Time-limit fields (promised, statutory, stages).
    var limits: [GuideField]
    /// The limit from which the due date is counted (items); matters give their due dates in `dueFields`.
    var dueLimit: TimeLimit?
    /// Due dates worked out by the composer, printed after the acceptance date.
    var dueFields: [GuideField] = []
    /// Whether the subject is handled on the spot.
    var isImmediate: Bool
    /// Where to go and whom to call.
    var contacts: [GuideField]
    /// Situation answers behind a matter's list, printed so the notice can be reproduced.
    var answers: [GuideField] = []
    /// A matter's intake, delivery, trips and steps.
    var trips: [GuideField] = []
    /// The shared-form fields the applicant fills in (一表申请), for a matter.
    var formFields: [String] = []
    /// The joint form's name, when the matter has one.
    var jointFormName: String?
    /// Whether the limit counts office hours (an hour-counted item or plan) rather than working days.
    var countsOfficeHours = false

    /// Whether any line names its member items (a matter).
    var isMatter: Bool { !members.isEmpty }
}

/// One material line of an intake.
struct IntakeLine {
    /// The material's name.
    var name: String
    /// 必要 / 非必要 / 容缺后补.
    var necessity: Necessity
    /// Originals to show or hand in.
    var originals: Int
    /// Copies to hand in.
    var copies: Int
    /// 纸质 / 电子 / both, when known.
    var form: String?
    /// Requirements and notes for the applicant.
    var remarks: String
    /// Names of the member items that use the line (matters only).
    var usedBy: [String] = []
    /// For a 容缺 line: how long after acceptance it may be supplied.
    var supplyLimit: TimeLimit?
    /// Why the applicant need not bring it, when that is so.
    var exemption: String?
}

/// A member item in a matter's notice.
struct IntakeMember {
    var name: String
    var code: String
    var department: String
    var promised: String
    var phone: String
}

/// Prints an `Intake` as a 一次性告知单 or a 收件清单.
enum IntakeDocuments {
    /// The one-time notice.
    static func notice(_ intake: Intake, options: GuideOptions) -> GuideDocument {
        var sections: [GuideSection] = []
        let toBring = intake.lines.filter { $0.exemption == nil }
        let later = toBring.filter { $0.supplyLimit != nil }
        let exempt = intake.lines.filter { $0.exemption != nil }

        if !intake.answers.isEmpty {
            sections.append(GuideSection("您的办理情形", [.fields(intake.answers)]))
        }
        if intake.isMatter { sections.append(membersSection(intake)) }

        sections.append(bringSection(intake, toBring: toBring))

        if !later.isEmpty { sections.append(laterSection(later, options: options)) }

        if !exempt.isEmpty {
            sections.append(
                GuideSection(
                    "无需提交的材料",
                    [.list(exempt.map { "\($0.name)：\($0.exemption ?? "")" })]))
        }

        if !intake.formFields.isEmpty {
            let form = intake.jointFormName.map { "《\($0)》" } ?? "一件事申请表"
            sections.append(
                GuideSection(
                    "一表申请需填写的信息",
                    [
                        .paragraph("以下信息在\(form)中填写一次，各部门共享使用，不再重复填报："),
                        .list(intake.formFields),
                    ]))
        }

        if !intake.trips.isEmpty {
            sections.append(GuideSection("跑动次数与办理环节", [.fields(intake.trips)]))
        }

        sections.append(limitsSection(intake, options: options))

        sections.append(GuideSection("办理地点与咨询", [.fields(intake.contacts)]))
        sections.append(
            GuideSection(
                "告知确认",
                [
                    .paragraph("窗口已一次性告知上述内容。"),
                    .signatures(ItemFacts.windowSignatures + ["申请人签收"]),
                ]))

        return GuideDocument(
            kind: .notice, title: GuideKind.notice.label, subject: intake.subject,
            header: [
                GuideField(intake.isMatter ? "一件事编码" : "事项编码", intake.code),
                GuideField(intake.isMatter ? "牵头部门" : "实施主体", intake.handler),
                .blank("申请人"),
                GuideField("告知日期", options.issued.chinese),
            ],
            sections: sections.map(ItemGuide.dropEmptyFields),
            footer: "本告知单依据事项目录生成，与网上办事指南信息同源、内容一致。")
    }

    /// The window's intake checklist.
    static func checklist(_ intake: Intake, options: GuideOptions) -> GuideDocument {
        var sections: [GuideSection] = []
        let toCollect = intake.lines.filter { $0.exemption == nil }
        let exempt = intake.lines.filter { $0.exemption != nil }

        var columns = ["序号", "材料", "原件", "复印件", "份数", "容缺", "已收"]
        if intake.isMatter { columns.insert("使用事项", at: 2) }
        let rows = toCollect.enumerated().map { index, line in
            var row = [
                String(index + 1), line.name + necessitySuffix(line), ItemFacts.count(line.originals),
                ItemFacts.count(line.copies), String(line.originals + line.copies),
                line.supplyLimit.map { "可容缺，\($0)内补齐" } ?? "—", "☐",
            ]
            if intake.isMatter { row.insert(line.usedBy.joined(separator: "、"), at: 2) }
            return row
        }
        let offset = intake.isMatter ? 1 : 0
        var collect: [GuideBlock] = []
        if rows.isEmpty {
            collect.append(.paragraph("无需收取纸质材料。"))
        } else {
            collect.append(
                .table(
                    GuideTable(
                        columns: columns, rows: rows,
                        centred: [0, 2 + offset, 3 + offset, 4 + offset, 6 + offset])))
        }
        collect.append(.note("“原件”为核验或收取的原件份数，“复印件”为收取的复印件份数，“份数”为合计。标注“可容缺”的材料暂缺时可容缺受理，须申请人签署《容缺受理承诺书》。"))
        sections.append(GuideSection("收取材料", collect))

        if !exempt.isEmpty {
            sections.append(
                GuideSection(
                    "免收材料",
                    [
                        .table(
                            GuideTable(
                                columns: ["材料", "免收原因"], rows: exempt.map { [$0.name, $0.exemption ?? ""] }))
                    ]))
        }
        sections.append(
            GuideSection("收件确认", [.signatures(["收件人", "收件日期：　　　　年　　月　　日", "申请人确认"])]))

        var header = [
            GuideField(intake.isMatter ? "一件事编码" : "事项编码", intake.code),
            GuideField(intake.isMatter ? "牵头部门" : "实施主体", intake.handler),
            .blank("申请人"),
        ]
        if let accepted = options.accepted {
            header.append(GuideField("收件日期", accepted.chinese))
        } else {
            header.append(.blank("收件日期"))
        }
        return GuideDocument(
            kind: .checklist, title: GuideKind.checklist.label, subject: intake.subject, header: header,
            sections: sections, footer: "打印日期：\(options.issued.chinese)")
    }

    /// The member items of a matter, as a table.
    private static func membersSection(_ intake: Intake) -> GuideSection {
        GuideSection(
            "一次办理的事项",
            [
                .table(
                    GuideTable(
                        columns: ["序号", "事项名称", "事项编码", "办理部门", "承诺时限", "咨询电话"],
                        rows: intake.members.enumerated().map { index, member in
                            [
                                String(index + 1), member.name, member.code, member.department, member.promised,
                                member.phone,
                            ]
                        }, centred: [0, 4, 5]))
            ])
    }

    /// What the applicant brings, as a table (or a sentence when nothing).
    private static func bringSection(_ intake: Intake, toBring: [IntakeLine]) -> GuideSection {
        var bring: [GuideBlock] = [
            .paragraph(
                "请按下表一次性备齐材料。本告知单已一次性告知办理所需的全部材料，窗口不会在本告知单之外要求您补充其他材料。")
        ]
        if toBring.isEmpty {
            bring.append(.paragraph("无需提交纸质材料。"))
        } else {
            var columns = ["序号", "材料名称", "原件", "复印件", "材料形式", "要求与说明"]
            if intake.isMatter { columns.insert("使用事项", at: 5) }
            let rows = toBring.enumerated().map { index, line in
                var row = [
                    String(index + 1), line.name + necessitySuffix(line), ItemFacts.count(line.originals),
                    ItemFacts.count(line.copies), line.form ?? "—", line.remarks,
                ]
                if intake.isMatter { row.insert(line.usedBy.joined(separator: "、"), at: 5) }
                return row
            }
            bring.append(.table(GuideTable(columns: columns, rows: rows, centred: [0, 2, 3])))
        }
        return GuideSection("需提交的材料", bring)
    }

    /// The 容缺 lines with their supplement deadlines (and dates, when accepted).
    private static func laterSection(_ later: [IntakeLine], options: GuideOptions) -> GuideSection {
        var columns = ["材料名称", "补交期限"]
        if options.printsDueDates { columns.append("补交截止日期") }
        let rows = later.map { line -> [String] in
            let limit = line.supplyLimit ?? TimeLimit(0, .workingDays)
            var row = [line.name, "受理后\(limit)内"]
            if let due = options.due(limit) { row.append(ItemFacts.dueText(due)) }
            return row
        }
        return GuideSection(
            "可容缺后补的材料",
            [
                .paragraph(
                    "以下材料暂时缺少或有瑕疵时，在其他材料齐全、符合法定形式的前提下可先行受理。您须签署《容缺受理承诺书》，并在下列期限内补齐；补齐后出具办理结果。信用记录不良的申请人不适用容缺受理。"
                ),
                .table(GuideTable(columns: columns, rows: rows)),
            ])
    }

    /// The limits, the acceptance and due dates, and how time is counted.
    private static func limitsSection(_ intake: Intake, options: GuideOptions) -> GuideSection {
        var limits = intake.limits
        if let accepted = options.accepted {
            limits.append(GuideField("受理日期", accepted.chinese))
            if let limit = intake.dueLimit, let due = options.due(limit) {
                limits.append(GuideField(intake.isImmediate ? "办结日期" : "预计办结日期", ItemFacts.dueText(due)))
            }
            limits += intake.dueFields
        }
        limits.append(
            GuideField(
                "说明",
                intake.countsOfficeHours
                    ? "时限按工作日的办公时间计算，自受理时起算，下班后受理的自次一工作日上班时起算；法定节假日不计；特别程序所需时间不计入办结时限。"
                    : "时限自受理次日起按工作日计算，法定节假日不计；特别程序所需时间不计入办结时限。"))
        return GuideSection("办理时限", [.fields(limits)])
    }

    /// `（非必要）` after optional materials, so the list is complete without implying they are required.
    static func necessitySuffix(_ line: IntakeLine) -> String {
        line.necessity == .optional ? "（非必要）" : ""
    }
}
