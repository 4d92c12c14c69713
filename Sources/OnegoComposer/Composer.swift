import Foundation
public import OnegoCatalog

/// Composes "one matter" bundles: for a matter and an answer set, the members, the material lines and what
/// happens to each, the document flow, the staged plan with its critical path, the before/after figures and the
/// due dates.
///
/// ```swift
/// let composer = Composer(catalog: catalog, synonyms: synonyms, calendar: calendar)
/// let plan = try composer.compose(matter: matter, answers: ["invoice": "是", "staff": "否", "bank": "是"],
///                                 accepted: CalendarDay(iso: "2026-03-02"))
/// print(plan.reductions.materials.exactRate)
/// ```
///
/// A composition runs pure stages, each a function in its own file returning values: select members
/// (``SelectedMembers``) → merge materials (``MaterialMerge``) → document flow (``DocumentFlow``) → dispositions
/// (``SubmittedSet``) → plan (``Plan``) → figures (``Figures``) → due dates (``DueDateStage``).
///
/// ## Rules
/// - **Materials** merge on identity: the document (the e-licence type when a member's line names one, else the
///   name, normalised (``MaterialName``) and mapped through the ``SynonymTable``) and its holder
///   (``MaterialHolder``). Without a declared holder, lines of one e-licence type merge only when their names
///   agree too; lines of one member never merge with each other. A merged line keeps the strictest necessity
///   (必要 > 容缺后补 > 非必要), the largest original and copy counts, and every member that asks for it.
/// - **Dispositions**: see ``submittedSet(matter:answers:)``; the materials figure after bundling is the number
///   of `bring` lines.
/// - **Document flow**: when a selected member's result (by e-licence type, else name) is the document of a
///   line another selected member asks for, the producer runs before the consumer; when every member asking for
///   the line has such a producer, the line is `produced`.
/// - **Plan**: document flow, `member/@after` and explicit stages form a dependency graph; a member's stage is
///   one more than its latest predecessor's. Durations are promised limits in working days, exact
///   (``OfficeHours/workingDays(_:)``: hours through the office day's length, natural days × 5/7); the critical
///   path is the longest chain. Serial figures add every member's promised (or statutory) limit. A plan whose
///   members all count hours or minutes is reported and dated in hours.
/// - **Trips and steps**: see ``Figures``.
/// - **Form fields** before add, per selected member, the member fields the shared form fills; after count the
///   shared fields mapped to any selected member.
/// - **Due dates**: see ``DueDateStage``.
public struct Composer: Sendable {
    /// The catalog the member codes refer to.
    public let catalog: Catalog
    /// Material synonyms.
    public let synonyms: SynonymTable
    /// The working-day calendar for due dates; without it, due dates are not computed.
    public let calendar: WorkingCalendar?
    /// The office hours: hour-counted due dates, and the conversion between hours and working days.
    public let officeHours: OfficeHours
    private let cache = PreparedCache()

    /// Creates a composer.
    public init(
        catalog: Catalog, synonyms: SynonymTable = .empty, calendar: WorkingCalendar? = nil,
        officeHours: OfficeHours = .standard
    ) {
        self.catalog = catalog
        self.synonyms = synonyms
        self.calendar = calendar
        self.officeHours = officeHours
    }

    /// Every valid, complete answer set of the matter (optional questions are also left unanswered), in a
    /// stable order; at most `limit` sets.
    public func enumerateAnswerSets(for matter: Matter, limit: Int = 4096) -> [AnswerSet] {
        prepared(matter).resolver.enumerate(limit: limit)
    }

    /// The shown, required questions the answers leave open, in order (for prompting); empty when complete.
    /// Questions whose visibility depends on missing answers are not listed yet.
    public func missingQuestions(for matter: Matter, answers: AnswerSet) -> [Question] {
        let resolver = prepared(matter).resolver
        do {
            _ = try resolver.resolve(answers)
            return []
        } catch {
            if case .missingAnswers(let questions) = error { return questions }
            return []
        }
    }

    /// What the applicant hands in for one answer set: every material line with its ``MaterialDisposition``.
    ///
    /// The one function that decides it: a line the situation drops is `notNeeded`; one the joint form (一表申请)
    /// or a written promise (告知承诺) replaces is `replaced`; one another selected member's result provides is
    /// `produced`; one that every member behind it fetches as an e-licence (免证办) is `fetched`; anything else,
    /// and the joint form itself, is `bring`. ``compose(matter:answers:accepted:acceptedAt:)`` returns the same
    /// lines in ``Composition/materials``.
    ///
    /// - Throws: ``CompositionError`` for incomplete or contradictory answers or a member code missing from the
    ///   catalog.
    public func submittedSet(matter: Matter, answers: AnswerSet) throws(CompositionError) -> [MergedMaterial] {
        let prepared = prepared(matter)
        let selection = try SelectedMembers.make(prepared, answers: answers)
        let merge = MaterialMerge.make(selection, prepared: prepared, synonyms: synonyms)
        let flow = DocumentFlow.make(selection, merge: merge, prepared: prepared)
        return SubmittedSet.make(selection, merge: merge, flow: flow, matter: matter)
    }

    /// Composes the matter for one answer set.
    ///
    /// - Parameters:
    ///   - matter: the matter.
    ///   - answers: the situation answers; yes/no accept 是/否 (also yes/no, y/n, true/false, 1/0).
    ///   - accepted: the acceptance date; when given (and the composer has a calendar), due dates are computed.
    ///   - acceptedAt: the acceptance moment, for hour-counted plans (its day is used when `accepted` is nil).
    /// - Throws: ``CompositionError`` for incomplete or contradictory answers (naming the question), a member
    ///   code missing from the catalog, an order cycle, or a year the calendar does not cover.
    public func compose(
        matter: Matter, answers: AnswerSet, accepted: CalendarDay? = nil, acceptedAt: CalendarMoment? = nil
    ) throws(CompositionError) -> Composition {
        let prepared = prepared(matter)
        let selection = try SelectedMembers.make(prepared, answers: answers, asOf: accepted ?? acceptedAt?.day)
        let merge = MaterialMerge.make(selection, prepared: prepared, synonyms: synonyms)
        let flow = DocumentFlow.make(selection, merge: merge, prepared: prepared)
        let materials = SubmittedSet.make(selection, merge: merge, flow: flow, matter: matter)
        var plan = try Plan.make(selection, flow: flow, matter: matter, hours: officeHours)
        let figures = Figures.make(
            selection, merge: merge, materials: materials, plan: plan, prepared: prepared, hours: officeHours)
        var due: DueDates?
        if let day = accepted ?? acceptedAt?.day, let calendar {
            due = try DueDateStage.make(
                selection, plan: &plan, matter: matter, accepted: day, acceptedAt: acceptedAt, calendar: calendar,
                hours: officeHours)
        }
        let onPath = Set(plan.schedule.criticalPath)
        let members = selection.indexes.enumerated().map { position, member in
            let item = selection.items[position]
            return ComposedMember(
                id: matter.members[member].id, code: item.id, name: item.name, department: item.department,
                stage: plan.schedule.stage[position], promised: plan.durations[position],
                statutory: item.statutoryLimit.map(officeHours.workingDays), promisedLimit: item.composingLimit,
                visits: item.visits, isOnline: Self.isOnline(item), isCritical: onPath.contains(position),
                finish: plan.schedule.finish[position], specialProcedures: item.specialProcedures)
        }
        return Composition(
            matterCode: matter.code, matterName: matter.name, answers: selection.outcome.answers,
            audience: matter.chosenAudience(selection.outcome.answers), servedAudiences: matter.servedAudiences,
            members: members,
            materials: materials, stages: plan.stages,
            criticalPath: plan.schedule.criticalPath.map { selection.items[$0].id }, workingDays: figures.time,
            visits: figures.visits, resultsAtIntake: figures.resultsAtIntake, steps: figures.steps,
            arrangement: matter.arrangement ?? .memberWindows,
            reductions: figures.reductions, promisedLimit: matter.promisedLimit, due: due)
    }

    /// Whether an item can be applied for online: 是否网办 and depth Ⅲ (在线申办) or Ⅳ (全程网办).
    public static func isOnline(_ item: ServiceItem) -> Bool {
        item.online.isAvailable && item.online.depth >= .onlineApplication
    }

    func prepared(_ matter: Matter) -> PreparedMatter {
        cache.value(for: matter) { PreparedMatter(matter: matter, catalog: catalog, synonyms: synonyms) }
    }
}

/// Per-matter precomputation, kept for the composer's lifetime. Keyed by matter code; a hit is confirmed with
/// `==`, which is cheap for the same stored value (shared buffers), unlike hashing the whole matter.
private final class PreparedCache: Sendable {
    private let storage = Locked<[String: [PreparedMatter]]>([:])

    func value(for matter: Matter, make: () -> PreparedMatter) -> PreparedMatter {
        if let found = storage.withLock({ $0[matter.code]?.first { $0.matter == matter } }) { return found }
        let made = make()
        storage.withLock { $0[matter.code, default: []].append(made) }
        return made
    }
}
