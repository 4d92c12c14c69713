public import OnegoCatalog

/// What a matter becomes for one answer set: the members, the merged material list, the staged plan, and the
/// before/after figures. Values only: the exporters word and round them (`CompositionJSON` in OnegoExport prints
/// the JSON of `onego compose --format json`).
public struct Composition: Sendable, Hashable {
    /// The matter's code.
    public var matterCode: String
    /// The matter's name.
    public var matterName: String
    /// The answers, in canonical form.
    public var answers: AnswerSet
    /// The audience (服务对象) the answers chose (``Matter/chosenAudience(_:)``); `nil` when the matter serves
    /// several and the answers did not choose.
    public var audience: ServiceObject?
    /// Every audience the matter serves.
    public var servedAudiences: [ServiceObject] = []
    /// The selected members, in matter order.
    public var members: [ComposedMember]
    /// One line per distinct document and holder, each with its ``MaterialDisposition``; the joint form, when the
    /// matter has one, is a line too.
    public var materials: [MergedMaterial]
    /// Stages of members that run in parallel, in order.
    public var stages: [PlanStage]
    /// Codes of the members on the critical path, in run order.
    public var criticalPath: [String]
    /// Time figures, exact, in working days (and in hours for an hour-counted plan).
    public var workingDays: WorkingDayFigures
    /// Trips to the service centre (跑动次数): before, each member's own; after, under ``arrangement``.
    public var visits: BeforeAfter
    /// Whether the results are handed over during the intake visit: a visited joint window where every member is
    /// 即办 (how the trips after were counted).
    public var resultsAtIntake: Bool
    /// The steps (环节) the applicant goes through.
    public var steps: ApplicantSteps
    /// How the bundle is handed in and its results delivered.
    public var arrangement: IntakeArrangement
    /// Every reduction, before and after, with its rate.
    public var reductions: Reductions
    /// The bundle's promised limit.
    public var promisedLimit: TimeLimit
    /// Due dates, when an acceptance date was given.
    public var due: DueDates?

    /// The lines the applicant brings (disposition ``MaterialDisposition/bring``): the one submitted set.
    public var applicantMaterials: [MergedMaterial] { materials.filter { $0.disposition == .bring } }

    /// The member with this code.
    public func member(code: String) -> ComposedMember? { members.first { $0.code == code } }
}

/// One selected member of a composition.
public struct ComposedMember: Sendable, Hashable {
    /// The member's id in the matter file.
    public var id: String
    /// The catalog code.
    public var code: String
    /// The item's name.
    public var name: String
    /// The item's department.
    public var department: String
    /// The 1-based stage it runs in.
    public var stage: Int
    /// The promised limit, in working days, exactly.
    public var promised: Rational
    /// The statutory limit, in working days, exactly, when the item has one.
    public var statutory: Rational?
    /// The promised limit as the catalog writes it.
    public var promisedLimit: TimeLimit
    /// 到办事现场次数.
    public var visits: Int
    /// Whether the item can be handled online (是否网办 and depth Ⅲ or Ⅳ).
    public var isOnline: Bool
    /// Whether it lies on the critical path.
    public var isCritical: Bool
    /// Working days after acceptance by which it finishes at the earliest, exactly.
    public var finish: Rational
    /// Its special procedures (特别程序: 公示, 检验检测 …), whose time the limits and due dates do not count but the
    /// applicant waits.
    public var specialProcedures: [SpecialProcedure] = []

    /// The promised limit in working days.
    public var promisedWorkingDays: Double { promised.doubleValue }
    /// The statutory limit in working days.
    public var statutoryWorkingDays: Double? { statutory?.doubleValue }
    /// When it finishes, in working days after acceptance.
    public var finishesAfter: Double { finish.doubleValue }
}

/// One line of the merged material list: one document of one holder, and what happens to it.
public struct MergedMaterial: Sendable, Hashable {
    /// The identity the line was merged on (document and holder).
    public var key: String
    /// The name shown, with the holder: `居民身份证（母亲）`.
    public var name: String
    /// Whose document it is, when declared (``MaterialHolder``).
    public var holder: String?
    /// Every distinct name the members wrote for it.
    public var aliases: [String]
    /// The strictest necessity of the members' lines.
    public var necessity: Necessity
    /// The largest original count.
    public var originals: Int
    /// The largest copy count.
    public var copies: Int
    /// The e-licence type, when a member names one.
    public var eLicence: String?
    /// Codes of the members that ask for it.
    public var usedBy: [String]
    /// What happens to the line for this answer set.
    public var disposition: MaterialDisposition
    /// The code of the member whose result provides it (disposition ``MaterialDisposition/produced``).
    public var providedBy: String?
    /// The e-licence or shared data fetched instead (disposition ``MaterialDisposition/fetched``).
    public var fetchedAs: String?
    /// What replaces it: the joint form's name or ``MergedMaterial/promiseName`` (disposition
    /// ``MaterialDisposition/replaced``).
    public var replacedBy: String?
    /// The names of the other lines of the same e-licence type kept apart from this one because none declares a
    /// holder (the exporters suggest declaring one); empty otherwise.
    public var keptApartFrom: [String] = []
    /// Whether this line is the matter's joint application form.
    public var isJointForm: Bool = false

    /// What ``replacedBy`` says for a written promise under 告知承诺制.
    public static let promiseName = "告知承诺书"

    /// Whether a written promise (告知承诺书) replaces the line.
    public var isReplacedByPromise: Bool { disposition == .replaced && replacedBy == Self.promiseName }
}

/// What happens to one material line for an answer set. One function (``Composer/submittedSet(matter:answers:)``)
/// decides it; compose, the notice, the checklist and the audit read it.
public enum MaterialDisposition: String, Sendable, Hashable, Codable, CaseIterable {
    /// The applicant brings it (originals, copies, count as stated).
    case bring
    /// 免证办: the window fetches the e-licence or shared data instead.
    case fetched
    /// Document flow: another member's result provides it.
    case produced
    /// The joint form, or a written promise under 告知承诺制, replaces it.
    case replaced
    /// Not needed in this situation.
    case notNeeded

    /// The Chinese label.
    public var label: String {
        switch self {
        case .bring: "需提交"
        case .fetched: "免提交（电子证照调取）"
        case .produced: "部门间流转"
        case .replaced: "已合并替代"
        case .notNeeded: "本情形无需提交"
        }
    }
}

/// One stage of the plan: members that run in parallel.
public struct PlanStage: Sendable, Hashable {
    /// 1-based.
    public var number: Int
    /// Codes of its members.
    public var members: [String]
    /// Working days after acceptance by which every member of the stage has finished, exactly.
    public var finish: Rational
    /// The date the stage is due, when an acceptance date was given.
    public var due: CalendarDay?
    /// The moment the stage is due, for an hour-counted plan.
    public var dueAt: CalendarMoment?

    /// When the stage finishes, in working days after acceptance.
    public var finishesAfter: Double { finish.doubleValue }
}

/// Time figures of a composition, exact, in working days; an hour-counted plan also reports hours.
public struct WorkingDayFigures: Sendable, Hashable {
    /// The longest chain of promised limits through the dependency graph.
    public var criticalExact: Rational
    /// The promised limits of every member, one after another.
    public var serialPromisedExact: Rational
    /// The statutory limits one after another (a member without one counts its promised limit).
    public var serialStatutoryExact: Rational
    /// Whether every member counts hours or minutes, so the plan and its promise are in hours.
    public var isHourPlan: Bool
    /// Office minutes in one working day (the conversion between hours and working days).
    public var minutesPerDay: Int

    /// Working days as office hours.
    public func hours(_ days: Rational) -> Rational { days * Rational(minutesPerDay, 60) }

    /// The critical path in working days.
    public var critical: Double { criticalExact.doubleValue }
    /// The serial promised sum in working days.
    public var serialPromised: Double { serialPromisedExact.doubleValue }
    /// The serial statutory sum in working days.
    public var serialStatutory: Double { serialStatutoryExact.doubleValue }

    /// A duration in the plan's own unit, exact: office hours for an hour plan, else working days.
    public func inPlanUnit(_ days: Rational) -> (value: Rational, unit: String) {
        isHourPlan ? (hours(days), TimeUnit.hours.rawValue) : (days, TimeUnit.workingDays.rawValue)
    }
}

/// The steps (环节) the applicant goes through, as the applicant sees them: apply, (supplement), collect. Not
/// the internal stages, which the applicant does not see, and not results that reach the applicant by post or as
/// e-licences without the applicant doing anything.
public struct ApplicantSteps: Sendable, Hashable {
    /// Each member on its own: apply, supplement when it accepts 容缺, collect.
    public var before: Int
    /// The steps under the bundle's arrangement, in order.
    public var after: [ApplicantStep]
}

/// One step (环节) the applicant takes.
public enum ApplicantStep: Sendable, Hashable {
    /// Applies for one member at its own window (the member's code).
    case applyAtMemberWindow(String)
    /// Applies once for the whole bundle at the joint window (一窗受理).
    case applyAtJointWindow
    /// Applies once for the whole bundle online.
    case applyOnline
    /// Hands in the 容缺 lines accepted for later supply.
    case supplement
    /// Collects one member's result at its own window (the member's code).
    case collectAtMemberWindow(String)
    /// Collects every result at the window; `onTheSpot` when every member is 即办 and the results are handed over in
    /// the intake visit.
    case collectAll(onTheSpot: Bool)
}

/// A figure before and after bundling, with the reduction rate `(before − after) / before` (0 when before is 0).
public struct BeforeAfter: Sendable, Hashable {
    /// Separately, member by member.
    public var before: Double
    /// As one matter.
    public var after: Double

    /// Creates a pair.
    public init(before: Double, after: Double) {
        self.before = before
        self.after = after
    }

    /// `(before − after) / before`, exact; 0 when `before` is 0.
    public var exactRate: Double { before > 0 ? (before - after) / before : 0 }
}

/// Every reduction a composition reports.
public struct Reductions: Sendable, Hashable {
    /// Material lines: Σ members' lines needed in the situation (each member's own forms included) → the lines
    /// whose disposition is ``MaterialDisposition/bring`` (the joint form counted once).
    public var materials: BeforeAfter
    /// Paper copies: Σ members' copies → Σ copies of the lines to bring.
    public var copies: BeforeAfter
    /// Trips: see ``Composer``.
    public var visits: BeforeAfter
    /// Steps (环节) as the applicant sees them.
    public var steps: BeforeAfter
    /// Working days: serial sum of promised limits → critical path.
    public var workingDays: BeforeAfter
    /// Form fields: Σ member fields filled by the shared form → shared fields asked once.
    public var formFields: BeforeAfter
}

/// Due dates counted on the working-day calendar from the acceptance date; an hour-counted plan also gives
/// moments counted in office hours. Special procedures (特别程序) of the members are not counted, as the law says;
/// the exporters list them beside the dates.
public struct DueDates: Sendable, Hashable {
    /// The acceptance date (day counts start the day after).
    public var accepted: CalendarDay
    /// When the last member is due: the whole matter.
    public var overall: CalendarDay
    /// When each stage is due, in order (each its own, not forced later by the stage before).
    public var stages: [CalendarDay]
    /// When the bundle's own promised limit runs out.
    public var promised: CalendarDay
    /// The acceptance moment, when given with a time.
    public var acceptedAt: CalendarMoment?
    /// For an hour-counted plan: when the whole matter is due.
    public var overallAt: CalendarMoment?
    /// For an hour-counted plan: when the promise runs out.
    public var promisedAt: CalendarMoment?
}
