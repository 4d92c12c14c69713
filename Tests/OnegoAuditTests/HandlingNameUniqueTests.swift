import OnegoBase
import OnegoCatalog
import OnegoTestSupport
import Testing

@testable import OnegoAudit

/// `codes.handling-name-unique` normalises names only for items whose implementation code another item has: its
/// findings must be the ones of every item's name compared under its code (the oracle below).
@Suite struct HandlingNameUniqueTests {
    /// The rule as it was before the codes were counted first: every item's (implementation code, normalised name).
    static func oracle(_ items: [ServiceItem]) -> [(item: String, message: String)] {
        struct Key: Hashable {
            let implementation: String
            let name: String
        }
        var seen: [Key: Int] = [:]
        var out: [(item: String, message: String)] = []
        for (index, item) in items.enumerated() {
            let key = Key(implementation: item.codes.implementation, name: MaterialNameMatch.normalised(item.name))
            guard let first = seen[key] else {
                seen[key] = index
                continue
            }
            let earlier = items[first]
            guard earlier.id != item.id else { continue }
            out.append((item.id, "\(item.label)与\(earlier.label)同属实施编码 \(item.codes.implementation)，名称相同"))
        }
        return out
    }

    @Test func findingsEqualEveryNameComparedUnderItsCode() throws {
        let sample = try AuditFixture.loader().load(paths: [Fixtures.sampleItems]).catalog.items
        var items = sample
        for (position, item) in sample.enumerated() {
            var copy = item
            switch position % 4 {
            case 0:  // another handling item of the same implementation, its name spelled with other punctuation
                copy.codes.handling = (item.codes.handling ?? item.codes.implementation) + "7"
                copy.name = "（" + item.name + "）"
            case 1:  // the same code again (a repeat, which this rule leaves to codes.duplicate)
                break
            case 2:  // a new implementation code of its own, same name
                copy.codes.implementation = item.codes.implementation + "8"
                copy.codes.handling = (item.codes.handling ?? item.codes.implementation) + "8"
            default:  // same implementation, another name
                copy.codes.handling = (item.codes.handling ?? item.codes.implementation) + "9"
                copy.name = item.name + "（变更）"
            }
            items.append(copy)
        }
        let catalog = Catalog(items: items, files: [CatalogFile(path: "all.xml", itemCount: items.count)])
        let found = Auditor().findings(in: catalog).filter { $0.rule == "codes.handling-name-unique" }
        let expected = Self.oracle(items)
        #expect(expected.count > sample.count / 8)
        #expect(found.map(\.item) == expected.map(\.item))
        #expect(found.map(\.message) == expected.map(\.message))
    }
}
