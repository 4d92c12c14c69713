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
            // The handling units: each code once, the repeats left out of the rates.
            #expect(report.subject.handlingItems == Set(items.map(\.id)).count, "\(name)")
            #expect(report.compression.items.count == Set(items.map(\.id)).count, "\(name)")
            #expect(report.rates.allSatisfy { $0.excluded.count == repeats.count }, "\(name)")
        }
        let variants = try Self.variants()
        #expect(HandlingNameUniqueTests.oracle(variants[2].items).count == 1)
        #expect(Auditor().findings(in: Catalog(items: variants[3].items)).contains { $0.rule == "codes.duplicate" })
    }

    /// The handling units of a catalog without repeated codes, taken without look-ups, are the ones the look-ups
    /// give.
    @Test func unitsOfDistinctCodesEqualTheLookedUpUnits() throws {
        for (name, items) in try Self.variants() where !Catalog(items: items).hasRepeatedIDs {
            let looked = PopulationIndex(.handlingItems, items: items)
            let taken = PopulationIndex(.handlingItems, items: items, idsAreDistinct: true)
            #expect(taken.members == looked.members, "\(name)")
            #expect(taken.starts == looked.starts, "\(name)")
            #expect(taken.codes == looked.codes, "\(name)")
            #expect(taken.excluded.isEmpty && looked.excluded.isEmpty, "\(name)")
            let implementation = PopulationIndex(.implementationItems, items: items, idsAreDistinct: true)
            #expect(implementation.codes == PopulationIndex(.implementationItems, items: items).codes, "\(name)")
        }
    }

    /// The four-same groups (one look-up per item) equal a grouping by basic code in order of first appearance,
    /// keeping the groups whose items lie in more than one region.
    @Test func groupsAcrossRegionsEqualAGroupingByBasicCode() throws {
        let sample = try Self.variants()[0].items
        var items = sample
        for (position, item) in sample.enumerated().reversed() where position % 3 != 1 {
            var copy = item
            copy.region = RegionCode(position % 2 == 0 ? "440104" : item.region.rawValue)
            copy.codes.basic = position % 5 == 0 ? "" : item.codes.basic
            items.append(copy)
        }
        var order: [String] = []
        var byCode: [String: [ServiceItem]] = [:]
        for item in items where !item.codes.basic.isEmpty {
            if byCode[item.codes.basic] == nil { order.append(item.codes.basic) }
            byCode[item.codes.basic, default: []].append(item)
        }
        let expected = order.compactMap { code -> [String]? in
            let group = byCode[code] ?? []
            return Set(group.map(\.region.rawValue)).count > 1 ? group.map(\.id) : nil
        }
        let groups = ConsistencyRules.implementationsAcrossRegions(Catalog(items: items))
        #expect(expected.count > 10)
        #expect(groups.map { $0.map(\.id) } == expected)
    }

    @Test func insertIfAbsentStoresOnlyANewKey() {
        var positions: [String: Int] = [:]
        let first = positions.insertIfAbsent(1, forKey: "a")
        let again = positions.insertIfAbsent(2, forKey: "a")
        let other = positions.insertIfAbsent(3, forKey: "b")
        #expect(first.value == 1 && first.isNew)
        #expect(again.value == 1 && !again.isNew)
        #expect(other.value == 3 && other.isNew)
        #expect(positions == ["a": 1, "b": 3])
    }

    /// A catalog of 20,000 items with repeated codes keeps the first item of each code in both indexes.
    @Test func indexesOfALargeCatalogKeepTheFirstItemOfEachCode() throws {
        let sample = try Self.variants()[0].items
        var items: [ServiceItem] = []
        for copy in 0..<(20_000 / sample.count + 1) {
            for var item in sample {
                // Every fifth copy repeats the sample's codes; the others get codes of their own.
                if copy % 5 != 0 {
                    item.codes.implementation += "-\(copy)"
                    item.codes.handling = item.codes.handling.map { $0 + "-\(copy)" }
                }
                items.append(item)
            }
        }
        #expect(items.count >= 20_000)
        let catalog = Catalog(items: items)
        var first: [String: Int] = [:]
        var firstOfImplementation: [String: Int] = [:]
        for (offset, item) in items.enumerated() {
            if first[item.id] == nil { first[item.id] = offset }
            if firstOfImplementation[item.codes.implementation] == nil {
                firstOfImplementation[item.codes.implementation] = offset
            }
        }
        #expect(items.allSatisfy { catalog.firstIndex(ofID: $0.id) == first[$0.id] })
        #expect(catalog.hasRepeatedIDs == (first.count < items.count))
        #expect(catalog.implementationCodeCount == firstOfImplementation.count)
        // An implementation code that is no item's handling-item code names the first item that has it.
        for (code, offset) in firstOfImplementation where first[code] == nil {
            #expect(catalog.item(code: code) == items[offset])
        }
    }

    /// The departments in order of first appearance equal every item's department, each kept at its first item: for the
    /// sample (departments together), the sample interleaved with its reversed copy (a department every other
    /// item), and with a department that comes back after others.
    @Test func departmentsAreEveryItemsInOrderOfFirstAppearance() throws {
        let sample = try Self.variants()[0].items
        var interleaved: [ServiceItem] = []
        for (item, other) in zip(sample, sample.reversed()) { interleaved += [item, other] }
        var returning = sample
        if var back = sample.first {
            back.department = "后来又出现的部门"
            returning.insert(back, at: 1)
            returning.append(back)
        }
        for items in [sample, interleaved, returning] {
            var seen = Set<String>()
            let expected = items.map(\.department).filter { seen.insert($0).inserted }
            #expect(Array(Catalog(items: items).departments) == expected)
        }
        #expect(Catalog(items: sample).departments.count > 5)
    }
}
