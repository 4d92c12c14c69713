import OnegoBase
import OnegoTestSupport
import Testing

@testable import OnegoAudit
@testable import OnegoCatalog

/// `codes.duplicate`, `codes.handling-name-unique` and the report's count of implementation codes read the catalog's
/// code counts (``Catalog/hasRepeatedIDs``, ``Catalog/implementationCodeCount``) before looking items up one by one:
/// what they give must equal an item-by-item look-up, with and without repeated codes.
@Suite struct CatalogCodeCountsTests {
    /// The sample catalog (implementation codes shared), its first item of each implementation code (every code
    /// once), that with a second handling item of one code under the same name, and with a repeat of one item.
    static func variants() throws -> [(name: String, items: [ServiceItem])] {
        let sample = try AuditFixture.loader().load(paths: [Fixtures.sampleItems]).catalog.items
        var seen = Set<String>()
        let distinct = sample.filter { seen.insert($0.codes.implementation).inserted }
        var sameName = distinct
        var copy = distinct[3]
        copy.codes.handling = (copy.codes.handling ?? copy.codes.implementation) + "7"
        sameName.append(copy)
        var repeated = distinct
        repeated.insert(distinct[5], at: 9)
        return [("sample", sample), ("distinct", distinct), ("same name", sameName), ("repeated", repeated)]
    }

    @Test func countsEqualTheSetsOfCodes() throws {
        for (name, items) in try Self.variants() {
            let catalog = Catalog(items: items)
            #expect(catalog.implementationCodeCount == Set(items.map(\.codes.implementation)).count, "\(name)")
            #expect(catalog.hasRepeatedIDs == (Set(items.map(\.id)).count < items.count), "\(name)")
        }
        let variants = try Self.variants()
        #expect(variants[0].items.count > Catalog(items: variants[0].items).implementationCodeCount)
        #expect(variants[1].items.count == Catalog(items: variants[1].items).implementationCodeCount)
        #expect(!Catalog(items: variants[1].items).hasRepeatedIDs)
        #expect(Catalog(items: variants[3].items).hasRepeatedIDs)
    }

    @Test func rulesAndFiguresEqualALookUpOfEveryItem() throws {
        for (name, items) in try Self.variants() {
            let catalog = Catalog(items: items, files: [CatalogFile(path: "all.xml", itemCount: items.count)])
            let found = Auditor().findings(in: catalog)
            var ids = Set<String>()
            let repeats = items.filter { !ids.insert($0.id).inserted }.map(\.id)
            #expect(found.filter { $0.rule == "codes.duplicate" }.map(\.item) == repeats, "\(name)")
            let sameNames = HandlingNameUniqueTests.oracle(items)
            #expect(
                found.filter { $0.rule == "codes.handling-name-unique" }.map(\.message) == sameNames.map(\.message),
                "\(name)")
            let load = CatalogLoadResult(catalog: catalog, diagnostics: [], skippedDocuments: [])
            let report = Auditor().audit(load, today: try #require(CalendarDay(iso: "2026-11-21")))
            #expect(report.subject.implementationItems == Set(items.map(\.codes.implementation)).count, "\(name)")
        }
        let variants = try Self.variants()
        #expect(HandlingNameUniqueTests.oracle(variants[2].items).count == 1)
        #expect(Auditor().findings(in: Catalog(items: variants[3].items)).contains { $0.rule == "codes.duplicate" })
    }
}
