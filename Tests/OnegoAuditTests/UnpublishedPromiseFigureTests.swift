import OnegoAudit
import OnegoCatalog
import Testing

/// An item whose promised limit is 未公布 is "no data" for the compression figures: listed, never counted as 0.
@Suite struct UnpublishedPromiseFigureTests {
    static func item(_ suffix: String, promised: TimeLimit?) -> ServiceItem {
        ServiceItem(
            codes: ItemCodes(basic: "000117012000", implementation: "11440000006939795C20001170120\(suffix)"),
            name: "建筑业企业资质核准（\(suffix)）", department: "广东省住房和城乡建设厅",
            statutoryLimit: TimeLimit(20, .workingDays), promisedLimit: promised)
    }

    @Test func unpublishedPromiseIsListedAndLeftOutOfTheRates() {
        let figures = CompressionFigures.compute(items: [
            Self.item("01", promised: TimeLimit(10, .workingDays)), Self.item("02", promised: nil),
        ])
        #expect(figures.overall.counted == 1)
        #expect(figures.overall.meanOfRates == 0.5)
        #expect(figures.overall.promisedDays == 10)
        #expect(figures.notPublished.map(\.item) == ["11440000006939795C2000117012002"])
        #expect(figures.notPublished.first?.promised == nil)
        #expect(figures.excluded.count == 1)
    }
}
