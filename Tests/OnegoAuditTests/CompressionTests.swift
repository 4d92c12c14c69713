import OnegoAudit
import OnegoCatalog
import OnegoTestSupport
import Testing

@Suite struct CompressionTests {
    /// Items with a statutory limit: 3 → 0.5, 20 → 10, 即办 15 → 0, 10 → 10; items 4 and 6 have none.
    @Test func computesBothAggregatesOnTheFixture() throws {
        let catalog = try AuditFixture.load(Fixtures.fixture(AuditFixture.district)).catalog
        let figures = CompressionFigures.compute(items: catalog.items)
        #expect(figures.overall.counted == 4)
        let mean = try #require(figures.overall.meanOfRates)
        #expect(abs(mean - (2.5 / 3 + 0.5 + 1 + 0) / 4) < 1e-9)
        let weighted = try #require(figures.overall.dayWeighted)
        #expect(abs(weighted - 27.5 / 48) < 1e-9)
        #expect(figures.overall.statutoryDays == 48)
        #expect(figures.overall.promisedDays == 20.5)
        #expect(figures.licensing.counted == 3)
        #expect(abs((figures.licensing.dayWeighted ?? 0) - 27.5 / 38) < 1e-9)
    }

    @Test func listsExcludedUnreformedAndImmediateItems() throws {
        let catalog = try AuditFixture.load(Fixtures.fixture(AuditFixture.district)).catalog
        let figures = CompressionFigures.compute(items: catalog.items)
        #expect(figures.excluded.map(\.name) == ["失业登记", "社会保障卡申领"])
        #expect(figures.excluded.allSatisfy { $0.exclusion == "无法定办结时限" })
        #expect(figures.unreformed.map(\.name) == ["职业资格证书补发"])
        #expect(figures.immediateCount == 1)
        #expect(figures.items.first { $0.name == "个体工商户注销登记" }?.rate == 1)
    }

    @Test func excludesIncomparableUnitsAndConvertsClockUnits() {
        let codes = ItemCodes(basic: "000101001000", implementation: "X1")
        let natural = ServiceItem(
            codes: codes, name: "自然日", statutoryLimit: TimeLimit(20, .workingDays),
            promisedLimit: TimeLimit(10, .naturalDays))
        let hours = ServiceItem(
            codes: ItemCodes(basic: "000101001000", implementation: "X2"), name: "小时",
            statutoryLimit: TimeLimit(8, .hours), promisedLimit: TimeLimit(120, .minutes))
        let figures = CompressionFigures.compute(items: [natural, hours])
        #expect(figures.excluded.map(\.name) == ["自然日"])
        #expect(figures.items.first { $0.name == "小时" }?.rate == 0.75)
    }
}
