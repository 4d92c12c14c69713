public import OnegoCatalog

/// What a matter becomes for one answer set: the members, the merged material list, the staged plan, and the
/// before/after figures. Encodes as the JSON that `onego compose --format json` prints.
public struct Composition: Sendable, Hashable, Encodable {
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
    /// How trips are counted, in Chinese (printed beside the figure).
    public var tripsDefinition: String
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

    enum CodingKeys: String, CodingKey {
        case matter, answers, audience, members, materials, stages, criticalPath, workingDays, visits, trips, steps,
            arrangement
        case reductions, promisedLimit, due
    }

    /// Encodes the value in the JSON shape documented on the type.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(["code": matterCode, "name": matterName], forKey: .matter)
        try container.encode(answers, forKey: .answers)
        try container.encode(
            AudienceFigure(chosen: audience?.rawValue, served: servedAudiences.map(\.rawValue)), forKey: .audience)
        try container.encode(membersJSON, forKey: .members)
        try container.encode(materials, forKey: .materials)
        try container.encode(stagesJSON, forKey: .stages)
        try container.encode(criticalPath, forKey: .criticalPath)
        try container.encode(workingDays, forKey: .workingDays)
        try container.encode(visits, forKey: .visits)
        try container.encode(
            TripsFigure(before: Int(visits.before), after: Int(visits.after), definition: tripsDefinition),
            forKey: .trips)
        try container.encode(steps, forKey: .steps)
        try container.encode(
            ["intake": arrangement.intake.rawValue, "delivery": arrangement.delivery.rawValue], forKey: .arrangement)
        try container.encode(ReductionsWithHours(reductions: reductions, time: workingDays), forKey: .reductions)
        try container.encode(promisedLimit.description, forKey: .promisedLimit)
        try container.encodeIfPresent(due, forKey: .due)
    }
}

/// One selected member of a composition.
public struct ComposedMember: Sendable, Hashable, Encodable {
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
    /// Its special procedures (特别程序: 公示, 检验检测 …), whose time the limits do not count but the applicant waits.
    public var specialProcedures: [SpecialProcedure] = []

    /// Each special procedure as printed: `公示，20自然日（不计入办结时限；简易注销公示期）`.
    public var specialProcedureTexts: [String] {
        specialProcedures.map { procedure in
            let limit = procedure.limit.map { "，\($0)" } ?? ""
            let note = procedure.note.map { "；\($0)" } ?? ""
            return "\(procedure.kind.rawValue)\(limit)（不计入办结时限\(note)）"
        }
    }

    /// The promised limit in working days (for display).
    public var promisedWorkingDays: Double { promised.doubleValue }
    /// The statutory limit in working days (for display).
    public var statutoryWorkingDays: Double? { statutory?.doubleValue }
    /// When it finishes, in working days after acceptance (for display).
    public var finishesAfter: Double { finish.doubleValue }

    enum CodingKeys: String, CodingKey {
        case id, code, name, department, stage, promisedWorkingDays, statutoryWorkingDays, promisedLimit, visits
        case isOnline = "online", isCritical = "critical", finishesAfter, specialProcedures
    }

    /// Encodes the value, times rounded to 2 decimals.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(code, forKey: .code)
        try container.encode(name, forKey: .name)
        try container.encode(department, forKey: .department)
        try container.encode(stage, forKey: .stage)
        try container.encode(promisedWorkingDays.jsonNumber, forKey: .promisedWorkingDays)
        try container.encodeIfPresent(statutoryWorkingDays?.jsonNumber, forKey: .statutoryWorkingDays)
        try container.encode(promisedLimit.description, forKey: .promisedLimit)
        try container.encode(visits, forKey: .visits)
        try container.encode(isOnline, forKey: .isOnline)
        try container.encode(isCritical, forKey: .isCritical)
        try container.encode(finishesAfter.jsonNumber, forKey: .finishesAfter)
        if !specialProcedures.isEmpty { try container.encode(specialProcedureTexts, forKey: .specialProcedures) }
    }
}

/// One line of the merged material list: one document of one holder, and what happens to it.
public struct MergedMaterial: Sendable, Hashable, Encodable {
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
    /// What replaces it: the joint form's name or 告知承诺书 (disposition ``MaterialDisposition/replaced``).
    public var replacedBy: String?
    /// Why the applicant need not bring it, in Chinese (every disposition but bring).
    public var note: String?
    /// A suggestion to declare holders, when lines of one e-licence type stay apart for want of one.
    public var holderHint: String?
    /// Whether this line is the matter's joint application form.
    public var isJointForm: Bool = false

    enum CodingKeys: String, CodingKey {
        case name, holder, aliases, necessity, originals, copies, eLicence, usedBy, disposition, providedBy
        case fetchedAs, replacedBy, note, holderHint, jointForm
    }

    /// Encodes the value in the JSON shape documented on the type.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(holder ?? "", forKey: .holder)
        if aliases.count > 1 { try container.encode(aliases, forKey: .aliases) }
        try container.encode(necessity.rawValue, forKey: .necessity)
        try container.encode(originals, forKey: .originals)
        try container.encode(copies, forKey: .copies)
        try container.encodeIfPresent(eLicence, forKey: .eLicence)
        try container.encode(usedBy, forKey: .usedBy)
        try container.encode(disposition.rawValue, forKey: .disposition)
        try container.encodeIfPresent(providedBy, forKey: .providedBy)
        try container.encodeIfPresent(fetchedAs, forKey: .fetchedAs)
        try container.encodeIfPresent(replacedBy, forKey: .replacedBy)
        try container.encodeIfPresent(note, forKey: .note)
        try container.encodeIfPresent(holderHint, forKey: .holderHint)
        if isJointForm { try container.encode(true, forKey: .jointForm) }
    }
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
public struct PlanStage: Sendable, Hashable, Encodable {
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

    /// When the stage finishes, in working days after acceptance (for display).
    public var finishesAfter: Double { finish.doubleValue }

    enum CodingKeys: String, CodingKey { case number, members, finishesAfter, due, dueAt }

    /// Encodes the value, times rounded to 2 decimals.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(number, forKey: .number)
        try container.encode(members, forKey: .members)
        try container.encode(finishesAfter.jsonNumber, forKey: .finishesAfter)
        try container.encodeIfPresent(due, forKey: .due)
        try container.encodeIfPresent(dueAt, forKey: .dueAt)
    }
}

/// Time figures of a composition, exact, in working days; an hour-counted plan also reports hours.
public struct WorkingDayFigures: Sendable, Hashable, Encodable {
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

    /// The critical path in working days (for display).
    public var critical: Double { criticalExact.doubleValue }
    /// The serial promised sum in working days (for display).
    public var serialPromised: Double { serialPromisedExact.doubleValue }
    /// The serial statutory sum in working days (for display).
    public var serialStatutory: Double { serialStatutoryExact.doubleValue }

    /// Working days as office hours.
    public func hours(_ days: Rational) -> Rational { days * Rational(minutesPerDay, 60) }

    enum CodingKeys: String, CodingKey { case unit, planUnit, critical, serialPromised, serialStatutory, hours }

    /// Encodes working days (rounded to 2 decimals, `unit` always `工作日`), the plan's own unit (`planUnit`:
    /// `工作日` or `小时`) and, for an hour plan, the same figures in office hours under `hours` (`unit` `小时`).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode("工作日", forKey: .unit)
        try container.encode(isHourPlan ? "小时" : "工作日", forKey: .planUnit)
        try container.encode(critical.jsonNumber, forKey: .critical)
        try container.encode(serialPromised.jsonNumber, forKey: .serialPromised)
        try container.encode(serialStatutory.jsonNumber, forKey: .serialStatutory)
        if isHourPlan {
            var hours = container.nestedContainer(keyedBy: CodingKeys.self, forKey: .hours)
            try hours.encode("小时", forKey: .unit)
            try hours.encode(self.hours(criticalExact).doubleValue.jsonNumber, forKey: .critical)
            try hours.encode(self.hours(serialPromisedExact).doubleValue.jsonNumber, forKey: .serialPromised)
            try hours.encode(self.hours(serialStatutoryExact).doubleValue.jsonNumber, forKey: .serialStatutory)
        }
    }

    /// A duration in the plan's own unit, exact: office hours for an hour plan, else working days.
    public func inPlanUnit(_ days: Rational) -> (value: Rational, unit: String) {
        isHourPlan ? (hours(days), "小时") : (days, "工作日")
    }
}

/// Trips (跑动次数) with how they are counted, as `compose --format json` prints them.
struct TripsFigure: Encodable {
    var before: Int
    var after: Int
    var definition: String
}

/// The steps (环节) the applicant goes through, as the applicant sees them: apply, (supplement), collect. Not
/// the internal stages, which the applicant does not see.
public struct ApplicantSteps: Sendable, Hashable, Encodable {
    /// Each member on its own: apply, supplement when it accepts 容缺, collect.
    public var before: Int
    /// The steps under the bundle's arrangement, in order.
    public var after: [String]
    /// How the figures are counted, in Chinese.
    public var definition: String

    enum CodingKeys: String, CodingKey { case before, after, names, definition }

    /// Encodes the counts, the step names and the definition.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(before, forKey: .before)
        try container.encode(after.count, forKey: .after)
        try container.encode(after, forKey: .names)
        try container.encode(definition, forKey: .definition)
    }
}

/// A figure before and after bundling, with the reduction rate `(before − after) / before` (0 when before is 0).
public struct BeforeAfter: Sendable, Hashable, Encodable {
    /// Separately, member by member.
    public var before: Double
    /// As one matter.
    public var after: Double

    /// Creates a pair.
    public init(before: Double, after: Double) {
        self.before = before
        self.after = after
    }

    /// `(before − after) / before`, rounded to 4 decimals; 0 when `before` is 0.
    public var rate: Double { before > 0 ? ((before - after) / before * 10_000).rounded() / 10_000 : 0 }

    enum CodingKeys: String, CodingKey { case before, after, rate }

    /// Encodes the value in the JSON shape documented on the type.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(before.jsonNumber, forKey: .before)
        try container.encode(after.jsonNumber, forKey: .after)
        try container.encode(rate, forKey: .rate)
    }
}

/// Every reduction a composition reports.
public struct Reductions: Sendable, Hashable, Encodable {
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
/// moments counted in office hours.
public struct DueDates: Sendable, Hashable, Encodable {
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

extension Double {
    /// Whole numbers as integers in JSON (`3`, not `3.0`), others rounded to 2 decimals.
    var jsonNumber: Double { (self * 100).rounded() / 100 }
}

/// `"audience": {"chosen": "个体工商户", "served": ["法人", "个体工商户"]}` in the compose JSON; `chosen` is null
/// when the matter serves several audiences and the answers did not choose one.
struct AudienceFigure: Encodable {
    var chosen: String?
    var served: [String]

    enum CodingKeys: String, CodingKey { case chosen, served }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        if let chosen {
            try container.encode(chosen, forKey: .chosen)
        } else {
            try container.encodeNil(forKey: .chosen)
        }
        try container.encode(served, forKey: .served)
    }
}
