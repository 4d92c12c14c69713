import OnegoAudit
import OnegoCatalog
import OnegoTestSupport
import Testing

/// ``CatalogDiff`` on the six-item fixture and an edited copy.
@Suite struct CatalogDiffTests {
    static func diff(_ edits: [(String, String)]) throws -> CatalogDiff {
        let old = try AuditFixture.load(Fixtures.fixture(AuditFixture.district))
        let new = try AuditFixture.load(try Fixtures.variant(of: AuditFixture.district, edits))
        let today = try #require(AuditFixture.today)
        return CatalogDiff(
            old: (old.catalog, Auditor().audit(old, today: today)),
            new: (new.catalog, Auditor().audit(new, today: today)))
    }

    @Test func sameCatalogHasNoChangeAndNoRegression() throws {
        let diff = try Self.diff([])
        #expect(diff.added.isEmpty && diff.removed.isEmpty && diff.changed.isEmpty)
        #expect(diff.rates.allSatisfy { $0.direction == .same })
        #expect(diff.regressions.isEmpty)
    }

    @Test func renamedMaterialIsOneAddedAndOneRemoved() throws {
        let diff = try Self.diff([("<material name=\"公司章程\"", "<material name=\"公司章程（修正案）\"")])
        let change = try #require(diff.changed.first)
        #expect(diff.changed.count == 1)
        #expect(change.materialsAdded == ["公司章程（修正案）"])
        #expect(change.materialsRemoved == ["公司章程"])
        #expect(change.fields.isEmpty)
        #expect(!change.promisedLimitGrew)
    }

    @Test func longerPromiseIsARegressionShorterIsNot() throws {
        let longer = try Self.diff([
            ("<promisedLimit value=\"10\" unit=\"工作日\"/>", "<promisedLimit value=\"12\" unit=\"工作日\"/>")
        ])
        let grown = try #require(longer.changed.first)
        #expect(grown.promisedLimitGrew)
        #expect(grown.fields.contains { $0.field == "承诺时限" && $0.old == "10个工作日" && $0.new == "12个工作日" })
        #expect(longer.regressions.contains { $0.contains("承诺时限延长") })
        let shorter = try Self.diff([
            ("<promisedLimit value=\"10\" unit=\"工作日\"/>", "<promisedLimit value=\"8\" unit=\"工作日\"/>")
        ])
        #expect(shorter.changed.first?.promisedLimitGrew == false)
        #expect(!shorter.regressions.contains { $0.contains("承诺时限延长") })
    }
}
