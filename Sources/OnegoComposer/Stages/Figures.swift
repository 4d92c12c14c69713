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
/// - **Steps** (环节) are what the applicant does (DOMAIN.md §11): before, per member apply and collect, plus
///   supplement when it accepts a 容缺 line; after, apply once (at the joint window or online), supplement when a
///   brought line is 容缺后补, and collect at the window when results are collected there. Results posted or issued
///   as e-licences reach the applicant without a step: applying online with results posted is one step.
struct Figures: Sendable {
    var reductions: Reductions
    var visits: BeforeAfter
    var steps: ApplicantSteps
    var time: WorkingDayFigures
    /// Whether the results are handed over in the intake visit (a visited joint window, every member 即办).
    var resultsAtIntake: Bool

    static func make(
        _ selection: SelectedMembers, merge: MaterialMerge, materials: [MergedMaterial], plan: Plan,
        prepared: PreparedMatter, hours: OfficeHours
    ) -> Figures {
        let items = selection.items
        let arrangement = prepared.matter.arrangement ?? .memberWindows
        let brought = materials.filter { $0.disposition == .bring }
        // The joint window is visited only when some member needs the applicant on site; otherwise the bundle
        // goes through online like its members.
        let onSite = items.contains { $0.visits > 0 }
        // Members that all finish on the spot (即办, promised 0) hand their results over during the intake visit.
        let resultsAtIntake = onSite && plan.durations.allSatisfy { $0 == .zero }
        let visits = BeforeAfter(
            before: Double(items.reduce(0) { $0 + $1.visits }),
            after: Double(
                tripsAfter(items, plan: plan, arrangement: arrangement, onSite: onSite, atIntake: resultsAtIntake)))
        let steps = ApplicantSteps(
            before: items.count * 2 + supplementingMembers(merge),
            after: stepsAfter(
                items, arrangement: arrangement, onSite: onSite, atIntake: resultsAtIntake,
                supplement: brought.contains { $0.necessity == .supplyLater }))
        let time = timeFigures(items, plan: plan, hours: hours)
        let fields = formFields(selection, prepared: prepared)
        let reductions = Reductions(
            materials: BeforeAfter(before: Double(merge.linesBefore), after: Double(brought.count)),
            copies: BeforeAfter(
                before: Double(merge.copiesBefore), after: Double(brought.reduce(0) { $0 + $1.copies })),
            visits: visits,
            steps: BeforeAfter(before: Double(steps.before), after: Double(steps.after.count)),
            workingDays: BeforeAfter(before: time.serialPromised, after: time.critical),
            formFields: BeforeAfter(before: Double(fields.before), after: Double(fields.after)))
        return Figures(
            reductions: reductions, visits: visits, steps: steps, time: time, resultsAtIntake: resultsAtIntake)
    }

    /// Trips after bundling under the arrangement (see the type's documentation).
    static func tripsAfter(
        _ items: [ServiceItem], plan: Plan, arrangement: IntakeArrangement, onSite: Bool, atIntake: Bool
    ) -> Int {
        let collectionVisit = arrangement.delivery == .window && !atIntake
        switch arrangement.intake {
        case .jointWindow: return (onSite ? 1 : 0) + (collectionVisit ? 1 : 0)
        case .online: return arrangement.delivery == .window ? 1 : 0
        case .memberWindows:
            if items.allSatisfy({ Composer.isOnline($0) && $0.visits == 0 }) { return 0 }
            return Set((0..<items.count).filter { items[$0].visits > 0 }.map { plan.schedule.stage[$0] }).count
        }
    }

    /// The members that accept a 容缺 line the applicant still brings: each has a supplement step of its own.
    static func supplementingMembers(_ merge: MaterialMerge) -> Int {
        var supplementing = Set<Int>()
        for line in merge.lines.values where line.fate == .none {
            for source in line.sources where source.material.allowsLaterSupply { supplementing.insert(source.position) }
        }
        return supplementing.count
    }

    /// The applicant's steps after bundling, in order.
    static func stepsAfter(
        _ items: [ServiceItem], arrangement: IntakeArrangement, onSite: Bool, atIntake: Bool, supplement: Bool
    ) -> [ApplicantStep] {
        var steps: [ApplicantStep] = []
        switch arrangement.intake {
        case .memberWindows:
            steps += items.map { .applyAtMemberWindow($0.id) }
            if supplement { steps.append(.supplement) }
            steps += items.map { .collectAtMemberWindow($0.id) }
        case .jointWindow, .online:
            steps.append(arrangement.intake == .jointWindow && onSite ? .applyAtJointWindow : .applyOnline)
            if supplement { steps.append(.supplement) }
            if arrangement.delivery == .window {
                steps.append(.collectAll(onTheSpot: arrangement.intake == .jointWindow && atIntake))
            }
        }
        return steps
    }

    /// The exact time figures: the critical path, and the promised and statutory limits one after another.
    static func timeFigures(_ items: [ServiceItem], plan: Plan, hours: OfficeHours) -> WorkingDayFigures {
        let serialPromised = plan.durations.reduce(Rational.zero, +)
        let serialStatutory = zip(items, plan.durations).reduce(Rational.zero) { sum, pair in
            sum + (pair.0.statutoryLimit.map(hours.workingDays) ?? pair.1)
        }
        return WorkingDayFigures(
            criticalExact: plan.schedule.critical, serialPromisedExact: serialPromised,
            serialStatutoryExact: serialStatutory, isHourPlan: plan.isHourPlan, minutesPerDay: hours.minutesPerDay)
    }

    /// Form fields: before, per selected member, the member fields the shared form fills; after, the distinct
    /// shared fields mapped to any selected member.
    static func formFields(_ selection: SelectedMembers, prepared: PreparedMatter) -> (before: Int, after: Int) {
        var before = 0
        var after = Set<Int>()
        for member in selection.indexes {
            for field in prepared.formFieldsByMember[member] {
                before += 1
                after.insert(field)
            }
        }
        return (before, after.count)
    }
}
