import OnegoCatalog
import OnegoComposer
import PropertyBased
import Testing

/// Invariants of composition on generated matters and answers (``GeneratedMatter``), checked with
/// swift-property-based (a failing case prints its seed and a shrunk input).
@Suite struct ComposerPropertyTests {
    static let numbers = Gen.int(in: 0...1_000_000).array(of: 8...60)
    let calendar: WorkingCalendar
    let synonyms: SynonymTable

    init() throws {
        calendar = try ComposerFixtures.calendar()
        synonyms = try ComposerFixtures.synonyms()
    }

    func composer(_ catalog: Catalog) -> Composer {
        Composer(catalog: catalog, synonyms: synonyms, calendar: calendar)
    }

    func compose(_ generated: GeneratedMatter) throws -> Composition {
        let day = try #require(CalendarDay(iso: "2026-01-05")).adding(days: generated.acceptedOffset)
        let moment = CalendarMoment(day: day, minute: generated.acceptedMinute)
        return try composer(generated.catalog).compose(
            matter: generated.matter, answers: generated.answers, accepted: day, acceptedAt: moment)
    }

    @Test func bundlingNeverAddsMaterialsOrTrips() async {
        await propertyCheck(count: 300, input: Self.numbers) { numbers in
            let generated = GeneratedMatter(numbers)
            let plan = try compose(generated)
            let r = plan.reductions
            #expect(r.materials.after <= r.materials.before, "\(generated)")
            // Trips before are the members' own published visits (intake and collection). Bundling adds a trip
            // only when the matter declares collection at the window and those visits total at most 1 (the members
            // post results, issue e-licences or take the file online): exactly one more, which the figures show.
            if plan.visits.after > plan.visits.before {
                #expect(generated.matter.arrangement?.delivery == .window, "\(generated)")
                #expect(plan.visits.before <= 1 && plan.visits.after == plan.visits.before + 1, "\(generated)")
            }
            #expect(r.copies.after <= r.copies.before, "\(generated)")
            // Every other figure the plan reports never grows either (issue 11: after ≤ before for every figure).
            #expect(r.steps.after <= r.steps.before, "\(generated)")
            #expect(r.workingDays.after <= r.workingDays.before, "\(generated)")
            #expect(r.formFields.after <= r.formFields.before, "\(generated)")
        }
    }

    @Test func everyDueDateIsOnOrAfterAcceptance() async {
        await propertyCheck(count: 300, input: Self.numbers) { numbers in
            let generated = GeneratedMatter(numbers)
            let plan = try compose(generated)
            let due = try #require(plan.due)
            #expect(due.overall >= due.accepted, "\(generated)")
            #expect(due.promised >= due.accepted, "\(generated)")
            #expect(due.stages.allSatisfy { $0 >= due.accepted }, "\(generated)")
            if let at = due.acceptedAt {
                #expect((due.overallAt ?? at) >= at && (due.promisedAt ?? at) >= at, "\(generated)")
                #expect(plan.stages.allSatisfy { ($0.dueAt ?? at) >= at }, "\(generated)")
            }
            // Whatever the order in the plan, the critical path never exceeds the members one after another.
            #expect(plan.workingDays.criticalExact <= plan.workingDays.serialPromisedExact, "\(generated)")
        }
    }

    /// One material line, independent of the order the members are listed in.
    struct LineIdentity: Hashable {
        var key: String
        var holder: String?
        var disposition: MaterialDisposition
        var necessity: Necessity
        var originals: Int
        var copies: Int
        var aliases: Set<String>
        var users: Set<String>
    }

    static func identities(_ lines: [MergedMaterial], users: (String) -> String = { $0 }) -> Set<LineIdentity> {
        Set(
            lines.map {
                LineIdentity(
                    key: $0.key, holder: $0.holder, disposition: $0.disposition, necessity: $0.necessity,
                    originals: $0.originals, copies: $0.copies, aliases: Set($0.aliases),
                    users: Set($0.usedBy.map(users)))
            })
    }

    @Test func mergingDoesNotDependOnTheOrderOfMembers() async {
        await propertyCheck(count: 200, input: Self.numbers) { numbers in
            let generated = GeneratedMatter(numbers)
            let composer = composer(generated.catalog)
            let forward = try composer.submittedSet(matter: generated.matter, answers: generated.answers)
            let backward = try composer.submittedSet(matter: generated.reversed, answers: generated.answers)
            #expect(Self.identities(forward) == Self.identities(backward), "\(generated)")
        }
    }

    @Test func mergingTheSameMembersTwiceChangesNothing() async {
        await propertyCheck(count: 200, input: Self.numbers) { numbers in
            let generated = GeneratedMatter(numbers)
            let once = try composer(generated.catalog).submittedSet(
                matter: generated.matter, answers: generated.answers)
            let doubled = generated.doubled
            let twice = try composer(doubled.catalog).submittedSet(matter: doubled.matter, answers: doubled.answers)
            // A clone's code is its original's with "B" appended: map it back.
            let original = { (code: String) in code.hasSuffix("B") ? String(code.dropLast()) : code }
            #expect(Self.identities(once) == Self.identities(twice, users: original), "\(generated)")
        }
    }

    @Test func theSubmittedSetIsTheOneEveryFigureReads() async {
        await propertyCheck(count: 300, input: Self.numbers) { numbers in
            let generated = GeneratedMatter(numbers)
            let plan = try compose(generated)
            let set = try composer(generated.catalog).submittedSet(matter: generated.matter, answers: generated.answers)
            #expect(set == plan.materials, "\(generated)")
            let brought = plan.materials.filter { $0.disposition == .bring }
            #expect(plan.reductions.materials.after == Double(brought.count), "\(generated)")
            #expect(plan.applicantMaterials == brought, "\(generated)")
            // Only the joint form is a line no member asked for; every other line names its members.
            #expect(plan.materials.allSatisfy { !$0.usedBy.isEmpty }, "\(generated)")
            #expect(plan.materials.filter(\.isJointForm).count == (generated.matter.jointForm == nil ? 0 : 1))
        }
    }
}
