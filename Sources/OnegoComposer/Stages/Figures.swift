import OnegoCatalog
import OrderedCollections

/// Stage 6 of a composition: the before/after figures, each read from the earlier stages' values.
///
/// - **Materials**: before, every member line needed in this situation (each member's own forms included);
///   after, the lines whose disposition is `bring` (the joint form counts once).
/// - **Trips** (跑动次数): before, Σ members' 到办事现场次数 (each member's own intake and collection visits, as
///   published). After, under the matter's arrangement: 一窗受理 1 visit when any member needs the applicant on
///   site (else 0), online 0, plus 1 when results are collected at the window — except at a visited joint window
///   where every member is 即办, whose results are handed over in that visit; with each member at its own window
///   (or no arrangement declared), 0 when every member is online with no visit, else one visit per stage holding a
///   member that needs the applicant on site. After exceeds before only when the matter itself declares window
///   collection and its members' published visits total at most 1 (they post results or issue e-licences, or
///   take the file online): then after = before + 1, a trip the arrangement adds and the figures show (#11).
/// - **Steps** (环节) as the applicant sees them: before, per member apply and collect, plus supplement when it
///   accepts a 容缺 line; after, apply, (supplement when a brought line is 容缺后补), collect or receive.
struct Figures: Sendable {
    var reductions: Reductions
    var visits: BeforeAfter
    var steps: ApplicantSteps
    var time: WorkingDayFigures
    var tripsDefinition: String

    static func make(
        _ selection: SelectedMembers, merge: MaterialMerge, materials: [MergedMaterial], plan: Plan,
        prepared: PreparedMatter, hours: OfficeHours
    ) -> Figures {
        let items = selection.items
        let arrangement = prepared.matter.arrangement ?? .memberWindows
        let brought = materials.filter { $0.disposition == .bring }

        let visitsBefore = items.reduce(0) { $0 + $1.visits }
        // The joint window is visited only when some member needs the applicant on site; otherwise the bundle
        // goes through online like its members.
        let onSite = items.contains { $0.visits > 0 }
        // Members that all finish on the spot (即办, promised 0) hand their results over during the intake visit.
        let collectedAtIntake = onSite && plan.durations.allSatisfy { $0 == .zero }
        let collectionVisit = arrangement.delivery == .window && !collectedAtIntake
        let visitsAfter: Int
        switch arrangement.intake {
        case .jointWindow:
            visitsAfter = (onSite ? 1 : 0) + (collectionVisit ? 1 : 0)
        case .online: visitsAfter = arrangement.delivery == .window ? 1 : 0
        case .memberWindows:
            if items.allSatisfy({ Composer.isOnline($0) && $0.visits == 0 }) {
                visitsAfter = 0
            } else {
                visitsAfter =
                    Set((0..<items.count).filter { items[$0].visits > 0 }.map { plan.schedule.stage[$0] })
                    .count
            }
        }

        // Steps.
        var supplementing = Set<Int>()
        for line in merge.lines.values where line.fate == .none {
            for source in line.sources where source.material.allowsLaterSupply { supplementing.insert(source.position) }
        }
        let stepsBefore = items.count * 2 + supplementing.count
        var after: [String] = []
        let supplement = brought.contains { $0.necessity == .supplyLater }
        switch arrangement.intake {
        case .memberWindows:
            for item in items { after.append("申请：\(item.name)") }
            if supplement { after.append("补齐容缺材料") }
            for item in items { after.append("领取：\(item.name)") }
        case .jointWindow, .online:
            after.append(arrangement.intake == .jointWindow && onSite ? "综合窗口一次申请" : "网上一次申请")
            if supplement { after.append("补齐容缺材料") }
            switch arrangement.delivery {
            case .window:
                after.append(
                    arrangement.intake == .jointWindow && collectedAtIntake ? "窗口当场领取全部结果" : "窗口一次领取全部结果")
            case .post: after.append("接收邮寄送达的全部结果")
            case .eLicence: after.append("接收电子证照")
            }
        }
        let steps = ApplicantSteps(
            before: stepsBefore, after: after,
            definition: "环节为申请人所见的步骤：申请、（补齐容缺材料）、领取结果；分别办理时每个事项各自申请和领取，"
                + "一件事按“\(arrangement.intake.label)、\(arrangement.delivery.label)”计，不含部门内部审查环节")

        var fieldsBefore = 0
        var fieldsAfter = Set<Int>()
        for member in selection.indexes {
            for field in prepared.formFieldsByMember[member] {
                fieldsBefore += 1
                fieldsAfter.insert(field)
            }
        }
        let serialPromised = plan.durations.reduce(Rational.zero, +)
        let serialStatutory = zip(items, plan.durations).reduce(Rational.zero) { sum, pair in
            sum + (pair.0.statutoryLimit.map(hours.workingDays) ?? pair.1)
        }
        let time = WorkingDayFigures(
            criticalExact: plan.schedule.critical, serialPromisedExact: serialPromised,
            serialStatutoryExact: serialStatutory, isHourPlan: plan.isHourPlan, minutesPerDay: hours.minutesPerDay)
        let visits = BeforeAfter(before: Double(visitsBefore), after: Double(visitsAfter))
        let reductions = Reductions(
            materials: BeforeAfter(before: Double(merge.linesBefore), after: Double(brought.count)),
            copies: BeforeAfter(
                before: Double(merge.copiesBefore), after: Double(brought.reduce(0) { $0 + $1.copies })),
            visits: visits,
            steps: BeforeAfter(before: Double(stepsBefore), after: Double(after.count)),
            workingDays: BeforeAfter(before: serialPromised.doubleValue, after: time.critical),
            formFields: BeforeAfter(before: Double(fieldsBefore), after: Double(fieldsAfter.count)))
        let tripsDefinition: String
        switch arrangement.intake {
        case .jointWindow, .online:
            tripsDefinition =
                "分别办理为各事项公布的到办事现场次数之和；一件事按“\(arrangement.intake.label)、\(arrangement.delivery.label)”计："
                + (arrangement.intake == .online ? "网上申请不到场" : "有事项须到场时到综合窗口递交 1 次，否则网上申请不到场")
                + (arrangement.delivery != .window
                    ? "，结果无需到场领取"
                    : arrangement.intake == .jointWindow && collectedAtIntake
                        ? "，全部事项即办、递交时当场领取结果" : "，窗口领取结果 1 次")
        case .memberWindows:
            tripsDefinition =
                "分别办理为各事项公布的到办事现场次数之和；一件事在各事项窗口分别受理时，全部事项可网办且无需到场的为 0，"
                + "否则每个需到场事项所在的阶段计 1 次"
        }
        return Figures(
            reductions: reductions, visits: visits, steps: steps, time: time, tripsDefinition: tripsDefinition)
    }
}
