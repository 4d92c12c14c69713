import OnegoCatalog
public import OnegoComposer

/// The readable Chinese plan `onego compose` prints for an officer.
public enum CompositionText {
    /// The plan of `plan` for `matter`: situation, stages with their items, materials by disposition, figures.
    public static func render(_ plan: Composition, matter: Matter) -> String {
        let names = Dictionary(plan.members.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })
        let name = { (code: String) in names[code] ?? code }
        let sections = [
            header(plan, matter: matter), stages(plan, name: name), materials(plan, name: name), visits(plan),
            figures(plan),
        ]
        return sections.map { $0.joined(separator: "\n") }.joined(separator: "\n\n")
    }

    /// The matter, its audience and departments, and the answers.
    private static func header(_ plan: Composition, matter: Matter) -> [String] {
        var out: [String] = []
        out.append("一件事：\(matter.name)（\(matter.code)）")
        let served = plan.servedAudiences.map(\.rawValue).joined(separator: "、")
        let audience =
            switch (plan.audience, plan.servedAudiences.count > 1) {
            case (let chosen?, true): "\(chosen.rawValue)（按所选情形；本一件事服务对象：\(served)）"
            case (let chosen?, false): chosen.rawValue
            case (nil, _): "\(served)（所选情形未确定申请主体）"
            }
        out.append(
            "服务对象：\(audience)；牵头部门：\(matter.leadDepartment)"
                + (matter.cooperatingDepartments.isEmpty
                    ? "" : "；协同部门：\(matter.cooperatingDepartments.joined(separator: "、"))"))
        if !plan.answers.isEmpty {
            let lines = plan.answers.values.map { id, values -> String in
                let question = matter.question(id: id)
                let shown = values.map { value in question?.displayText(for: value) ?? value }
                return "  \(question?.text ?? id) \(shown.joined(separator: "、"))"
            }
            out.append("情形：")
            out += lines
        }
        return out
    }

    /// The stages with their members, and the critical path.
    private static func stages(_ plan: Composition, name: (String) -> String) -> [String] {
        var out: [String] = []
        let time = plan.workingDays
        out.append("办理计划（\(plan.members.count) 个事项，\(plan.stages.count) 个阶段）：")
        for stage in plan.stages {
            let parallel = stage.members.count > 1 ? "，并联办理" : ""
            let due = stage.dueAt.map { "，\($0) 前办结" } ?? stage.due.map { "，\($0) 前办结" } ?? ""
            let within = stage.finish == .zero ? "当场办结" : "受理后 \(span(stage.finish, time))内"
            out.append("  第 \(stage.number) 阶段（\(within)\(due)\(parallel)）")
            for code in stage.members {
                guard let member = plan.member(code: code) else { continue }
                let mark = member.isCritical ? "★" : " "
                let online = member.isOnline ? "可网办" : "不可网办"
                let promised = member.promised == .zero ? "即办" : "承诺 \(member.promisedLimit)"
                out.append(
                    "   \(mark) \(member.name)［\(member.department)；\(promised)；"
                        + "到现场 \(member.visits) 次；\(online)］")
                for procedure in member.specialProcedureTexts { out.append("       特别程序：\(procedure)") }
            }
        }
        out.append(
            "  关键路径（★）：\(plan.criticalPath.map(name).joined(separator: " → "))，共 \(span(time.criticalExact, time))"
        )
        return out
    }

    /// What the applicant brings, then the materials fetched, produced, replaced or not needed.
    private static func materials(_ plan: Composition, name: (String) -> String) -> [String] {
        var out: [String] = []
        let brought = plan.applicantMaterials
        out.append("申请人需提交的材料（一套材料，\(brought.count) 项）：")
        for (offset, line) in brought.enumerated() {
            let counts = "原件 \(line.originals) 份，复印件 \(line.copies) 份"
            let also =
                line.aliases.count > 1 ? "（亦称：\(line.aliases.filter { $0 != line.name }.joined(separator: "、"))）" : ""
            let hint = line.holderHint.map { "\n     注意：\($0)" } ?? ""
            out.append(
                "  \(offset + 1). \(line.name)\(also)  \(line.necessity.rawValue)；\(counts)；用于：\(line.usedBy.map(name).joined(separator: "、"))\(hint)"
            )
        }
        for disposition in [MaterialDisposition.fetched, .produced, .replaced, .notNeeded] {
            let lines = plan.materials.filter { $0.disposition == disposition }
            guard !lines.isEmpty else { continue }
            out.append("\(heading(disposition))（\(lines.count) 项）：")
            for line in lines {
                out.append(
                    "  - \(line.name)：\(plan.note(for: line) ?? "")；用于：\(line.usedBy.map(name).joined(separator: "、"))")
            }
        }
        return out
    }

    /// Trips and steps, with their definitions.
    private static func visits(_ plan: Composition) -> [String] {
        var out: [String] = []
        out.append("跑动与环节（\(plan.arrangement.intake.label)，\(plan.arrangement.delivery.label)）：")
        out.append("  跑动次数：\(count(plan.reductions.visits))")
        out.append("  办理环节：\(count(plan.reductions.steps))：\(plan.stepNames.joined(separator: " → "))")
        out.append("  跑动次数口径：\(plan.tripsDefinition)")
        out.append("  办理环节口径：\(plan.stepsDefinition)")
        return out
    }

    /// The reductions, the promised limit and the due dates.
    private static func figures(_ plan: Composition) -> [String] {
        var out: [String] = []
        let time = plan.workingDays
        let r = plan.reductions
        out.append("成效（分别办理 → 一件事）：")
        out.append("  申请材料：\(count(r.materials))")
        out.append("  复印件：\(count(r.copies))")
        out.append("  跑动次数：\(count(r.visits))")
        out.append("  办理环节：\(count(r.steps))")
        out.append(
            "  办理时间：串联承诺 \(span(time.serialPromisedExact, time)) → 关键路径 \(span(time.criticalExact, time))"
                + "（减少 \(percent(r.workingDays.rate))；法定时限串联 \(span(time.serialStatutoryExact, time))）")
        if r.formFields.before > 0 { out.append("  表单字段（一表申请）：\(count(r.formFields))") }
        out.append("  一件事承诺时限：\(plan.promisedLimit.value == 0 ? "即办（当场办结）" : plan.promisedLimit.description)")
        if let due = plan.due {
            out.append("")
            if let overall = due.overallAt, let promised = due.promisedAt, let accepted = due.acceptedAt {
                out.append("办结时间：\(accepted) 受理，全部事项 \(overall) 前办结；一件事承诺时限至 \(promised)（按办公时间计）")
            } else {
                out.append("办结日期：\(due.accepted) 受理，全部事项 \(due.overall) 前办结；一件事承诺时限至 \(due.promised)")
            }
            let excluded = plan.excludedProcedures
            if !excluded.isEmpty {
                out.append("以上日期不含特别程序所需时间（依法不计入办结时限），申请人另需等候：\(excluded.joined(separator: "；"))")
            }
        }
        return out
    }

    /// One line of `--enumerate`: answers | members | materials | visits | working days, or office hours (marked
    /// 小时) for an hour-counted plan.
    public static func enumerationRow(_ plan: Composition) -> String {
        let answers = plan.answers.isEmpty ? "（无情形）" : plan.answers.description
        let r = plan.reductions
        let time = plan.workingDays
        let serial = time.inPlanUnit(time.serialPromisedExact).value.doubleValue
        let critical = time.inPlanUnit(time.criticalExact).value.doubleValue
        return "\(answers) | \(plan.members.count) | \(Int(r.materials.before))→\(Int(r.materials.after)) | "
            + "\(Int(r.visits.before))→\(Int(r.visits.after)) | "
            + "\(days(serial))→\(days(critical))\(time.isHourPlan ? " 小时" : "")"
    }

    /// `2 个工作日`, `3 小时` for an hour plan, `即办` for zero; rounded here, for display only.
    static func span(_ value: Rational, _ time: WorkingDayFigures) -> String {
        if value == .zero { return "即办" }
        if time.isHourPlan { return "\(days(time.hours(value).doubleValue)) 小时" }
        return "\(days(value.doubleValue)) 个工作日"
    }

    private static func heading(_ disposition: MaterialDisposition) -> String {
        switch disposition {
        case .bring: "申请人需提交"
        case .fetched: "免证办、窗口调取电子证照，无需申请人提交"
        case .produced: "部门间流转、无需申请人提交"
        case .replaced: "一表申请或告知承诺代替、无需另行提交"
        case .notNeeded: "本情形无需提交"
        }
    }

    private static func count(_ pair: BeforeAfter) -> String {
        "\(days(pair.before)) → \(days(pair.after))（减少 \(percent(pair.rate))）"
    }

    static func days(_ value: Double) -> String {
        value.rounded() == value ? String(Int(value)) : String((value * 100).rounded() / 100)
    }

    private static func percent(_ rate: Double) -> String { days((rate * 1000).rounded() / 10) + "%" }
}
