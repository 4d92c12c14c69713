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
    /// The selected members, in matter order.
    public var members: [ComposedMember]
    /// One line per distinct material; lines removed by document flow carry `providedBy`.
    public var materials: [MergedMaterial]
    /// Stages of members that run in parallel, in order.
    public var stages: [PlanStage]
    /// Codes of the members on the critical path, in run order.
    public var criticalPath: [String]
    /// Time figures in working days.
    public var workingDays: WorkingDayFigures
    /// Visits to the service centre.
    public var visits: BeforeAfter
    /// Every reduction, before and after, with its rate.
    public var reductions: Reductions
    /// The bundle's promised limit.
    public var promisedLimit: TimeLimit
    /// Due dates, when an acceptance date was given.
    public var due: DueDates?

    /// The lines the applicant still brings (not provided by document flow).
    public var applicantMaterials: [MergedMaterial] { materials.filter { $0.providedBy == nil } }

    /// The member with this code.
    public func member(code: String) -> ComposedMember? { members.first { $0.code == code } }

    enum CodingKeys: String, CodingKey {
        case matter, answers, members, materials, stages, criticalPath, workingDays, visits, reductions
        case promisedLimit, due
    }

    /// Encodes the value in the JSON shape documented on the type.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(["code": matterCode, "name": matterName], forKey: .matter)
        try container.encode(answers, forKey: .answers)
        try container.encode(members, forKey: .members)
        try container.encode(materials, forKey: .materials)
        try container.encode(stages, forKey: .stages)
        try container.encode(criticalPath, forKey: .criticalPath)
        try container.encode(workingDays, forKey: .workingDays)
        try container.encode(visits, forKey: .visits)
        try container.encode(reductions, forKey: .reductions)
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
    /// The promised limit, in working days.
    public var promisedWorkingDays: Double
    /// The statutory limit, in working days, when the item has one.
    public var statutoryWorkingDays: Double?
    /// 到办事现场次数.
    public var visits: Int
    /// Whether the item can be handled online (是否网办 and depth Ⅲ or Ⅳ).
    public var isOnline: Bool
    /// Whether it lies on the critical path.
    public var isCritical: Bool
    /// Working days after acceptance by which it finishes at the earliest.
    public var finishesAfter: Double

    enum CodingKeys: String, CodingKey {
        case id, code, name, department, stage, promisedWorkingDays, statutoryWorkingDays, visits
        case isOnline = "online", isCritical = "critical", finishesAfter
    }
}

/// One line of the merged material list.
public struct MergedMaterial: Sendable, Hashable, Encodable {
    /// The identity the line was merged on (normalised e-licence type or name, after synonyms).
    public var key: String
    /// The name shown: the synonym table's preferred name, else the first name written.
    public var name: String
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
    /// The code of the member whose result provides it, when document flow removes it from the applicant's list.
    public var providedBy: String?
    /// `由 X 办理结果自动获取` when provided by document flow.
    public var note: String?

    enum CodingKeys: String, CodingKey {
        case name, aliases, necessity, originals, copies, eLicence, usedBy, providedBy, note
    }

    /// Encodes the value in the JSON shape documented on the type.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        if aliases.count > 1 { try container.encode(aliases, forKey: .aliases) }
        try container.encode(necessity.rawValue, forKey: .necessity)
        try container.encode(originals, forKey: .originals)
        try container.encode(copies, forKey: .copies)
        try container.encodeIfPresent(eLicence, forKey: .eLicence)
        try container.encode(usedBy, forKey: .usedBy)
        try container.encodeIfPresent(providedBy, forKey: .providedBy)
        try container.encodeIfPresent(note, forKey: .note)
    }
}

/// One stage of the plan: members that run in parallel.
public struct PlanStage: Sendable, Hashable, Encodable {
    /// 1-based.
    public var number: Int
    /// Codes of its members.
    public var members: [String]
    /// Working days after acceptance by which every member of the stage has finished.
    public var finishesAfter: Double
    /// The date the stage is due, when an acceptance date was given.
    public var due: CalendarDay?
}

/// Time figures of a composition, in working days.
public struct WorkingDayFigures: Sendable, Hashable, Encodable {
    /// The longest chain of promised limits through the dependency graph.
    public var critical: Double
    /// The promised limits of every member, one after another.
    public var serialPromised: Double
    /// The statutory limits one after another (a member without one counts its promised limit).
    public var serialStatutory: Double
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
    /// Material lines the applicant brings: Σ members' lines → merged lines not provided by document flow.
    public var materials: BeforeAfter
    /// Paper copies: Σ members' copies → Σ copies of the remaining merged lines.
    public var copies: BeforeAfter
    /// Visits: see ``Composer``.
    public var visits: BeforeAfter
    /// Working days: serial sum of promised limits → critical path.
    public var workingDays: BeforeAfter
    /// Form fields: Σ member fields filled by the shared form → shared fields asked once.
    public var formFields: BeforeAfter
}

/// Due dates counted on the working-day calendar from the acceptance date.
public struct DueDates: Sendable, Hashable, Encodable {
    /// The acceptance date (counting starts the day after).
    public var accepted: CalendarDay
    /// When the last stage is due: the whole matter.
    public var overall: CalendarDay
    /// When each stage is due, in order.
    public var stages: [CalendarDay]
    /// When the bundle's own promised limit runs out.
    public var promised: CalendarDay
}

extension Double {
    /// Whole numbers as integers in JSON (`3`, not `3.0`), others rounded to 2 decimals.
    var jsonNumber: Double { (self * 100).rounded() / 100 }
}
