import OnegoCatalog
import OnegoComposer

/// The readable Chinese plan `onego compose` prints for an officer.
enum ComposeText {
    static func render(_ plan: Composition, matter: Matter) -> String {
        var out: [String] = []
        let names = Dictionary(plan.members.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
        func name(_ code: String) -> String { names[code] ?? code }

        out.append("一件事：\(matter.name)（\(matter.code)）")
        out.append(
            "服务对象：\(matter.audience.rawValue)；牵头部门：\(matter.leadDepartment)"
                + (matter.cooperatingDepartments.isEmpty
                    ? "" : "；协同部门：\(matter.cooperatingDepartments.joined(separator: "、"))"))
        if !plan.answers.isEmpty {
            let lines = plan.answers.values.map { id, values -> String in
                let question = matter.question(id: id)
                let shown = values.map { value in question?.answer(value: value)?.displayText ?? value }
                return "  \(question?.text ?? id) \(shown.joined(separator: "、"))"
            }
            out.append("情形：")
            out += lines
        }

        out.append("")
        out.append("办理计划（\(plan.members.count) 个事项，\(plan.stages.count) 个阶段）：")
        for stage in plan.stages {
            let parallel = stage.members.count > 1 ? "，并联办理" : ""
            let due = stage.due.map { "，\($0) 前办结" } ?? ""
            out.append("  第 \(stage.number) 阶段（受理后 \(days(stage.finishesAfter)) 个工作日内\(due)\(parallel)）")
            for code in stage.members {
                guard let member = plan.member(code: code) else { continue }
                let mark = member.isCritical ? "★" : " "
                let online = member.isOnline ? "可网办" : "不可网办"
                out.append(
                    "   \(mark) \(member.name)［\(member.department)；承诺 \(days(member.promisedWorkingDays)) 个工作日；"
                        + "到现场 \(member.visits) 次；\(online)］")
            }
        }
        out.append(
            "  关键路径（★）：\(plan.criticalPath.map(name).joined(separator: " → "))，共 \(days(plan.workingDays.critical)) 个工作日"
        )

        out.append("")
        let brought = plan.applicantMaterials
        out.append("申请人需提交的材料（一套材料，\(brought.count) 项）：")
        for (offset, line) in brought.enumerated() {
            let counts = "原件 \(line.originals) 份，复印件 \(line.copies) 份"
            let also =
                line.aliases.count > 1 ? "（亦称：\(line.aliases.filter { $0 != line.name }.joined(separator: "、"))）" : ""
            out.append(
                "  \(offset + 1). \(line.name)\(also)  \(line.necessity.rawValue)；\(counts)；用于：\(line.usedBy.map(name).joined(separator: "、"))"
            )
        }
        let flowed = plan.materials.filter { $0.providedBy != nil }
        if !flowed.isEmpty {
            out.append("部门间流转、无需申请人提交（\(flowed.count) 项）：")
            for line in flowed {
                out.append("  - \(line.name)：\(line.note ?? "")；用于：\(line.usedBy.map(name).joined(separator: "、"))")
            }
        }

        out.append("")
        let r = plan.reductions
        out.append("成效（分别办理 → 一件事）：")
        out.append("  申请材料：\(count(r.materials))")
        out.append("  复印件：\(count(r.copies))")
        out.append("  跑动次数：\(count(r.visits))")
        out.append(
            "  办理时间：串联承诺 \(days(plan.workingDays.serialPromised)) → 关键路径 \(days(plan.workingDays.critical)) 个工作日"
                + "（减少 \(percent(r.workingDays.rate))；法定时限串联 \(days(plan.workingDays.serialStatutory)) 个工作日）")
        if r.formFields.before > 0 { out.append("  表单字段（一表申请）：\(count(r.formFields))") }
        out.append("  一件事承诺时限：\(plan.promisedLimit)")
        if let due = plan.due {
            out.append("")
            out.append("办结日期：\(due.accepted) 受理，全部事项 \(due.overall) 前办结；一件事承诺时限至 \(due.promised)")
        }
        return out.joined(separator: "\n")
    }

    /// One line of `--enumerate`: answers | members | materials | visits | days.
    static func enumerationRow(_ plan: Composition) -> String {
        let answers = plan.answers.isEmpty ? "（无情形）" : plan.answers.description
        let r = plan.reductions
        return "\(answers) | \(plan.members.count) | \(Int(r.materials.before))→\(Int(r.materials.after)) | "
            + "\(Int(r.visits.before))→\(Int(r.visits.after)) | "
            + "\(days(plan.workingDays.serialPromised))→\(days(plan.workingDays.critical))"
    }

    private static func count(_ pair: BeforeAfter) -> String {
        "\(days(pair.before)) → \(days(pair.after))（减少 \(percent(pair.rate))）"
    }

    static func days(_ value: Double) -> String {
        value.rounded() == value ? String(Int(value)) : String((value * 100).rounded() / 100)
    }

    private static func percent(_ rate: Double) -> String { days((rate * 1000).rounded() / 10) + "%" }
}
