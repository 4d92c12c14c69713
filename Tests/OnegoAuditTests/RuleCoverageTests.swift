import Foundation
import OnegoAudit
import OnegoBase
import OnegoCatalog
import OnegoComposer
import OnegoTestSupport
import OnegoXML
import Testing

/// Every rule ID a validate, audit or compose run emits on the fixtures (the hostile corpus included) is in the
/// registry that `onego rules` lists.
@Suite struct RuleCoverageTests {
    /// Every `.xml` file under `Tests/Fixtures`, sorted.
    static func fixtureFiles() -> [String] {
        let root = Fixtures.fixture("")
        let walker = FileManager.default.enumerator(atPath: root)
        var files: [String] = []
        while let relative = walker?.nextObject() as? String {
            if relative.hasSuffix(".xml") { files.append(root + relative) }
        }
        return files.sorted()
    }

    /// The rule IDs emitted by loading each fixture as a catalog, a matter, a calendar, waivers and a policy,
    /// auditing each catalog that loads, and checking the matters against the matter fixtures' catalog.
    static func emittedRules() throws -> Set<RuleID> {
        let files = fixtureFiles()
        let catalogs = try CatalogLoader.validating(schemaPath: Fixtures.schemas + "/catalog.xsd")
        let matters = try MatterLoader.validating(schemaPath: Fixtures.schemas + "/matter.xsd")
        let today = try #require(CalendarDay(year: 2026, month: 11, day: 21))
        var emitted = Set<RuleID>()
        for file in files {
            let load = catalogs.load(paths: [file])
            emitted.formUnion(load.diagnostics.map(\.rule))
            if !load.catalog.items.isEmpty {
                emitted.formUnion(Auditor().audit(load, today: today).findings.map(\.rule))
            }
            emitted.formUnion(matters.load(paths: [file]).diagnostics.map(\.rule))
            emitted.formUnion(WorkingCalendar.load(paths: [file]).diagnostics.map(\.rule))
            emitted.formUnion(WaiverSet.load(path: file).1.map(\.rule))
            emitted.formUnion(Policy.load(path: file).1.map(\.rule))
        }
        let items = catalogs.load(paths: [Fixtures.fixture("matters/items.xml")]).catalog
        let loaded = matters.load(paths: files.filter { $0.contains("/matters/") })
        emitted.formUnion(MatterChecks.run(matters: loaded.matters, catalog: items).map(\.rule))
        return emitted
    }

    @Test func everyEmittedRuleIsRegistered() throws {
        let emitted = try Self.emittedRules()
        let registry = RuleRegistry.standard
        let unregistered = emitted.filter { !registry.contains($0) }.sorted()
        #expect(unregistered.isEmpty, "not in onego rules: \(unregistered)")
        // The run reaches the loader's, the hostile corpus's, the composer's and the calendar's rules.
        for rule: RuleID in [.xmlDoctype, .xmlEmpty, .catalogRoot, .matterCycle, .calendarOverlap, .xmlEncoding] {
            #expect(emitted.contains(rule), "\(rule)")
        }
    }

    @Test func theRegistryListsTheLoaderRulesOnce() {
        let ids = RuleRegistry.standard.rules.map(\.id)
        #expect(Set(ids).count == ids.count)
        for rule: RuleID in [.xmlDoctype, .ioNoCatalog, .catalogRoot, .xmlEncoding, .matterSkipped] {
            #expect(RuleRegistry.standard.contains(rule), "\(rule)")
        }
    }
}
