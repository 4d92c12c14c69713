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

    @Test func comparesHoursWithWorkingDaysThroughTheWorkspaceOfficeDay() throws {
        // 企业开办 promised in hours against a statutory limit in working days: 3.5 hours is half of the default
        // 7-hour office day, so (1 − 0.5) ÷ 1 = 50%; under an 8:30–12:00, 13:30–18:00 day (8 hours) 3.5 h is 7/16.
        let item = ServiceItem(
            codes: ItemCodes(basic: "000101001000", implementation: "X3"), name: "企业设立登记",
            statutoryLimit: TimeLimit(1, .workingDays), promisedLimit: TimeLimit(3.5, .hours))
        let standard = CompressionFigures.compute(items: [item])
        #expect(try #require(standard.items.first?.rate) == 0.5)
        #expect(standard.items.first?.promisedDays == 0.5)
        let long = OfficeHours(periods: [.init(start: 510, end: 720), .init(start: 810, end: 1080)])
        let longDay = CompressionFigures.compute(items: [item], officeHours: long)
        #expect(try #require(longDay.items.first?.rate) == 1 - 7.0 / 16)
        // Hours beyond a working day exceed it under the same conversion (the rule the audit runs).
        #expect(TimeLimit(8, .hours).compare(to: TimeLimit(1, .workingDays), officeHours: .standard) == .descending)
        #expect(TimeLimit(8, .hours).compare(to: TimeLimit(1, .workingDays), officeHours: long) == .same)
        #expect(TimeLimit(7, .hours).compare(to: TimeLimit(1, .naturalDays), officeHours: .standard) == nil)
    }
}
