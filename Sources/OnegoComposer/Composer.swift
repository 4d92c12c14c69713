import Foundation
public import OnegoCatalog
import OrderedCollections

/// Composes "one matter" bundles: for a matter and an answer set, the members, the merged material list, the
/// document flow, the staged plan with its critical path, the before/after figures and the due dates.
///
/// ```swift
/// let composer = Composer(catalog: catalog, synonyms: synonyms, calendar: calendar)
/// let plan = try composer.compose(matter: matter, answers: ["invoice": "是", "staff": "否", "bank": "是"],
///                                 accepted: CalendarDay(iso: "2026-03-02"))
/// print(plan.reductions.materials.rate)
/// ```
///
/// ## Rules
/// - **Materials** merge on identity: the e-licence type when a member's line names one, else the name,
///   normalised (``MaterialName``) and mapped through the ``SynonymTable``. A merged line keeps the strictest
///   necessity (必要 > 容缺后补 > 非必要), the largest original and copy counts, and every member that asks for it.
/// - **Document flow**: when a selected member's result (by e-licence type, else name) has the identity of a
///   line another selected member asks for, the producer runs before the consumer; when every member asking for
///   the line has such a producer, the line leaves the applicant's list (`由 X 办理结果自动获取`).
/// - **Plan**: document flow, `member/@after` and explicit stages form a dependency graph; a member's stage is
///   one more than its latest predecessor's. Durations are promised limits in working days
///   (``TimeLimit/approximateWorkingDays``: 8-hour days, natural days × 5/7); the critical path is the longest
///   chain. Serial figures add every member's promised (or statutory) limit.
/// - **Visits before** add every member's 到办事现场次数. **Visits after** are 0 when every member can be handled
///   online (是否网办, depth ≥ Ⅲ) with no visit; otherwise one visit per stage that holds a member needing the
///   applicant on site: the single window (一窗受理) takes every application and material of the bundle at the
///   first of those visits, and the members of one stage are served together, but a later stage's on-site step
///   (collecting a seal, signing at the bank, a site inspection) cannot happen before its inputs exist.
/// - **Form fields** before add, per selected member, the member fields the shared form fills; after count the
///   shared fields mapped to any selected member.
/// - **Due dates** count working days on the calendar from the day after acceptance (a fraction rounds up).
public struct Composer: Sendable {
    /// The catalog the member codes refer to.
    public let catalog: Catalog
    /// Material synonyms.
    public let synonyms: SynonymTable
    /// The working-day calendar for due dates; without it, due dates are not computed.
    public let calendar: WorkingCalendar?
    private let cache = PreparedCache()

    /// Creates a composer.
    public init(catalog: Catalog, synonyms: SynonymTable = .empty, calendar: WorkingCalendar? = nil) {
        self.catalog = catalog
        self.synonyms = synonyms
        self.calendar = calendar
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

    /// Composes the matter for one answer set.
    ///
    /// - Parameters:
    ///   - matter: the matter.
    ///   - answers: the situation answers; yes/no accept 是/否 (also yes/no, y/n, true/false, 1/0).
    ///   - accepted: the acceptance date; when given (and the composer has a calendar), due dates are computed.
    /// - Throws: ``CompositionError`` for incomplete or contradictory answers (naming the question), a member
    ///   code missing from the catalog, an order cycle, or a year the calendar does not cover.
    public func compose(matter: Matter, answers: AnswerSet, accepted: CalendarDay? = nil) throws(CompositionError)
        -> Composition
    {
        let prepared = prepared(matter)
        let outcome = try prepared.resolver.resolve(answers, asOf: accepted)
        let selected = outcome.selected
        var items: [ServiceItem] = []
        items.reserveCapacity(selected.count)
        for member in selected {
            guard let item = prepared.items[member] else { throw .unknownItem(member: matter.members[member]) }
            items.append(item)
        }
        var node = [Int: Int]()
        for (position, member) in selected.enumerated() { node[member] = position }

        // Merge the materials.
        var merged = OrderedDictionary<String, MergedMaterial>()
        var materialsBefore = 0
        var copiesBefore = 0
        var users = [String: OrderedSet<Int>]()
        for (position, member) in selected.enumerated() {
            let dropped = outcome.droppedMaterials[member] ?? []
            var lines = prepared.lines[member].filter { !dropped.contains($0.material.name) }
            for extra in outcome.addedMaterials[member] ?? [] {
                lines.append(PreparedMatter.Line(extra, synonyms: synonyms))
            }
            for line in lines {
                materialsBefore += 1
                copiesBefore += line.material.copies
                users[line.key, default: []].append(position)
                let code = items[position].id
                if var existing = merged[line.key] {
                    existing.necessity = max(existing.necessity, line.material.necessity)
                    existing.originals = max(existing.originals, line.material.originals)
                    existing.copies = max(existing.copies, line.material.copies)
                    if !existing.usedBy.contains(code) { existing.usedBy.append(code) }
                    if !existing.aliases.contains(line.material.name) { existing.aliases.append(line.material.name) }
                    if existing.eLicence == nil { existing.eLicence = line.material.eLicence }
                    merged[line.key] = existing
                } else {
                    merged[line.key] = MergedMaterial(
                        key: line.key, name: line.displayName,
                        aliases: [line.material.name], necessity: line.material.necessity,
                        originals: line.material.originals, copies: line.material.copies,
                        eLicence: line.material.eLicence, usedBy: [code])
                }
            }
        }

        // Document flow and explicit order.
        var graph = DependencyGraph(count: selected.count)
        for (key, consumers) in users {
            let producers = (prepared.producers[key] ?? []).compactMap { node[$0] }
            guard !producers.isEmpty else { continue }
            var allProvided = true
            var provider: Int?
            for consumer in consumers {
                guard let producer = producers.first(where: { $0 != consumer }) else {
                    allProvided = false
                    continue
                }
                provider = provider ?? producer
                for p in producers where p != consumer { graph.addEdge(from: p, to: consumer) }
            }
            if allProvided, let provider, var line = merged[key] {
                line.providedBy = items[provider].id
                line.note = "由 \(items[provider].name) 办理结果自动获取"
                merged[key] = line
            }
        }
        for (position, member) in selected.enumerated() {
            for predecessor in prepared.explicitPredecessors[member] {
                if let from = node[predecessor] { graph.addEdge(from: from, to: position) }
            }
        }
        let order: [Int]
        switch graph.topologicalOrder() {
        case .success(let found): order = found
        case .failure(let cycle):
            let ids = cycle.nodes.map { matter.members[selected[$0]].id }
            throw .cycle(ids, at: matter.members[selected[cycle.nodes.first ?? 0]].location)
        }
        let durations = items.map { $0.promisedLimit.approximateWorkingDays }
        let schedule = graph.schedule(order: order, durations: durations)
        let onPath = Set(schedule.criticalPath)

        let members = selected.enumerated().map { position, member in
            let item = items[position]
            return ComposedMember(
                id: matter.members[member].id, code: item.id, name: item.name, department: item.department,
                stage: schedule.stage[position], promisedWorkingDays: durations[position].jsonNumber,
                statutoryWorkingDays: item.statutoryLimit.map { $0.approximateWorkingDays.jsonNumber },
                visits: item.visits, isOnline: Self.isOnline(item), isCritical: onPath.contains(position),
                finishesAfter: schedule.finish[position].jsonNumber)
        }
        let stageCount = schedule.stage.max() ?? 0
        var stages = (1...max(1, stageCount)).map { number in
            let positions = selected.indices.filter { schedule.stage[$0] == number }
            return PlanStage(
                number: number, members: positions.map { items[$0].id },
                finishesAfter: (positions.map { schedule.finish[$0] }.max() ?? 0).jsonNumber, due: nil)
        }
        if stageCount == 0 { stages = [] }
        // Stages finish in order even when a later stage's members are quicker.
        for index in stages.indices.dropFirst() {
            stages[index].finishesAfter = max(stages[index].finishesAfter, stages[index - 1].finishesAfter)
        }

        // Figures.
        let visitsBefore = items.reduce(0) { $0 + $1.visits }
        let visitsAfter: Int
        if items.allSatisfy({ Self.isOnline($0) && $0.visits == 0 }) {
            visitsAfter = 0
        } else {
            visitsAfter = Set(selected.indices.filter { items[$0].visits > 0 }.map { schedule.stage[$0] }).count
        }
        let remaining = merged.values.filter { $0.providedBy == nil }
        var fieldsBefore = 0
        var fieldsAfter = Set<Int>()
        for member in selected {
            for field in prepared.formFieldsByMember[member] {
                fieldsBefore += 1
                fieldsAfter.insert(field)
            }
        }
        let serialPromised = durations.reduce(0, +)
        let serialStatutory = zip(items, durations).reduce(0.0) {
            $0 + ($1.0.statutoryLimit?.approximateWorkingDays ?? $1.1)
        }
        let critical = schedule.critical
        let reductions = Reductions(
            materials: BeforeAfter(before: Double(materialsBefore), after: Double(remaining.count)),
            copies: BeforeAfter(before: Double(copiesBefore), after: Double(remaining.reduce(0) { $0 + $1.copies })),
            visits: BeforeAfter(before: Double(visitsBefore), after: Double(visitsAfter)),
            workingDays: BeforeAfter(before: serialPromised.jsonNumber, after: critical.jsonNumber),
            formFields: BeforeAfter(before: Double(fieldsBefore), after: Double(fieldsAfter.count)))

        var due: DueDates?
        if let accepted, let calendar {
            do {
                // Each member's deadline. Working-day chains accumulate fractions (two half-day steps take one
                // day); a natural-day member is due its own limit in natural days after its inputs are ready (a legal
                // deadline that holidays do not move), and whatever follows it waits for that date.
                var memberDue = [CalendarDay](repeating: accepted, count: items.count)
                var afterNaturalDays = [Bool](repeating: false, count: items.count)
                for position in order {
                    let predecessors = graph.predecessors[position]
                    let ready = predecessors.map { memberDue[$0] }.max() ?? accepted
                    let limit = items[position].promisedLimit
                    afterNaturalDays[position] = predecessors.contains {
                        items[$0].promisedLimit.unit == .naturalDays || afterNaturalDays[$0]
                    }
                    if limit.unit == .naturalDays {
                        memberDue[position] = try calendar.dueDate(accepted: ready, limit: limit)
                    } else {
                        let planned = try calendar.dueDate(
                            accepted: accepted, limit: TimeLimit(schedule.finish[position], .workingDays))
                        memberDue[position] =
                            afterNaturalDays[position]
                            ? max(planned, try calendar.dueDate(accepted: ready, limit: limit)) : planned
                    }
                }
                var previous = accepted
                for index in stages.indices {
                    let positions = selected.indices.filter { schedule.stage[$0] == stages[index].number }
                    let latest = max(previous, positions.map { memberDue[$0] }.max() ?? previous)
                    stages[index].due = latest
                    previous = latest
                }
                due = DueDates(
                    accepted: accepted,
                    overall: memberDue.max() ?? accepted,
                    stages: stages.compactMap(\.due),
                    promised: try calendar.dueDate(accepted: accepted, limit: matter.promisedLimit))
            } catch {
                throw .calendar(calendar.message(for: error))
            }
        }

        return Composition(
            matterCode: matter.code, matterName: matter.name, answers: outcome.answers, members: members,
            materials: Array(merged.values), stages: stages,
            criticalPath: schedule.criticalPath.map { items[$0].id },
            workingDays: WorkingDayFigures(
                critical: critical.jsonNumber, serialPromised: serialPromised.jsonNumber,
                serialStatutory: serialStatutory.jsonNumber),
            visits: BeforeAfter(before: Double(visitsBefore), after: Double(visitsAfter)),
            reductions: reductions, promisedLimit: matter.promisedLimit, due: due)
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
private final class PreparedCache: @unchecked Sendable {
    private var storage: [String: [PreparedMatter]] = [:]
    private let lock = NSLock()

    func value(for matter: Matter, make: () -> PreparedMatter) -> PreparedMatter {
        if let found = lock.withLock({ storage[matter.code]?.first { $0.matter == matter } }) { return found }
        let made = make()
        lock.withLock { storage[matter.code, default: []].append(made) }
        return made
    }
}
