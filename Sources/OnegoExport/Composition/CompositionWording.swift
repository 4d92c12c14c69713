import OnegoCatalog
public import OnegoComposer

/// The Chinese words of a composition: why a line need not be brought, how trips and steps are counted, the
/// names of the applicant's steps and the special procedures. The composer returns values; every reader (text,
/// JSON, notice, checklist, site, workbench) words them here, so they say the same thing.
extension Composition {
    /// Why the applicant need not bring the line (`nil` for a line to bring): `由 企业设立登记 办理结果自动获取`.
    public func note(for line: MergedMaterial) -> String? {
        switch line.disposition {
        case .bring: nil
        case .notNeeded: "本情形无需提交"
        case .replaced:
            line.isReplacedByPromise
                ? "实行告知承诺制，以申请人签署的告知承诺书代替" : "已并入《\(line.replacedBy ?? "")》，一表申请，无需另行填报"
        case .produced: "由 \(line.providedBy.map(memberName) ?? "") 办理结果自动获取"
        case .fetched: "免证办，窗口通过电子证照“\(line.fetchedAs ?? line.eLicence ?? "")”调取"
        }
    }

    /// The name of the selected member with this code (the code when none has it).
    public func memberName(_ code: String) -> String { member(code: code)?.name ?? code }

    /// How trips are counted, printed beside the figure.
    public var tripsDefinition: String {
        let intake = arrangement.intake
        let delivery = arrangement.delivery
        switch intake {
        case .jointWindow, .online:
            return "分别办理为各事项公布的到办事现场次数之和；一件事按“\(intake.label)、\(delivery.label)”计："
                + (intake == .online ? "网上申请不到场" : "有事项须到场时到综合窗口递交 1 次，否则网上申请不到场")
                + (delivery != .window
                    ? "，结果无需到场领取"
                    : intake == .jointWindow && resultsAtIntake ? "，全部事项即办、递交时当场领取结果" : "，窗口领取结果 1 次")
        case .memberWindows:
            return "分别办理为各事项公布的到办事现场次数之和；一件事在各事项窗口分别受理时，全部事项可网办且无需到场的为 0，"
                + "否则每个需到场事项所在的阶段计 1 次"
        }
    }

    /// The applicant's steps after bundling, named: `综合窗口一次申请`, `补齐容缺材料`, `窗口一次领取全部结果`.
    public var stepNames: [String] { steps.after.map(stepName) }

    /// One step, named.
    public func stepName(_ step: ApplicantStep) -> String {
        switch step {
        case .applyAtMemberWindow(let code): "申请：\(memberName(code))"
        case .applyAtJointWindow: "综合窗口一次申请"
        case .applyOnline: "网上一次申请"
        case .supplement: "补齐容缺材料"
        case .collectAtMemberWindow(let code): "领取：\(memberName(code))"
        case .collectAll(let onTheSpot): onTheSpot ? "窗口当场领取全部结果" : "窗口一次领取全部结果"
        }
    }

    /// How steps are counted, printed beside the figure.
    public var stepsDefinition: String {
        let delivery = arrangement.delivery
        return "环节为申请人所见的步骤：申请、（补齐容缺材料）、领取结果；分别办理时每个事项各自申请和领取，"
            + "一件事按“\(arrangement.intake.label)、\(delivery.label)”计，不含部门内部审查环节"
            + (arrangement.intake != .memberWindows && delivery != .window
                ? "；结果\(delivery == .post ? "邮寄送达" : "以电子证照发放")，申请人无需办理，不计为环节" : "")
    }

    /// The members' special procedures as the due-date listing states them: `注销登记：公示，20个自然日`; the due
    /// dates do not count them.
    public var excludedProcedures: [String] {
        members.flatMap { member in
            member.specialProcedures.map { procedure in
                "\(member.name)：\(procedure.kind.rawValue)" + (procedure.limit.map { "，\($0)" } ?? "（时限未公布）")
            }
        }
    }
}

extension ComposedMember {
    /// Each special procedure as printed: `公示，20个自然日（不计入办结时限；简易注销公示期）`.
    public var specialProcedureTexts: [String] {
        specialProcedures.map { procedure in
            let limit = procedure.limit.map { "，\($0)" } ?? ""
            let note = procedure.note.map { "；\($0)" } ?? ""
            return "\(procedure.kind.rawValue)\(limit)（不计入办结时限\(note)）"
        }
    }
}

extension MergedMaterial {
    /// A suggestion to declare holders, when lines of one e-licence type stay apart for want of one.
    public var holderHint: String? {
        guard !keptApartFrom.isEmpty else { return nil }
        return "与\(keptApartFrom.map { "“\($0)”" }.joined(separator: "、"))同为电子证照“\(eLicence ?? "")”，"
            + "未注明持有人，未合并；如为同一人的证件，请在目录中注明持有人（holder）"
    }
}

extension BeforeAfter {
    /// `(before − after) / before`, rounded to 4 decimals; 0 when `before` is 0.
    public var rate: Double { (exactRate * 10_000).rounded() / 10_000 }
}
