import OnegoCatalog
import Testing

@testable import OnegoExport

/// Day figures and table layout shared by the guide renderers.
@Suite struct GuidePresentationTests {
    @Test(arguments: [
        (20.21, "20.5"), (20.0, "20"), (20.5, "20.5"), (20.51, "21"), (0.5, "0.5"), (0.2, "0.5"), (3.0000000001, "3"),
    ])
    func daysRoundUpToTheHalfDay(value: Double, printed: String) {
        #expect(DayFigures.days(value) == printed)
    }

    @Test func zeroReadsJiBanAndFractionsAreRounded() {
        #expect(DayFigures.limit(TimeLimit(0, .workingDays)) == "即办")
        #expect(DayFigures.limit(TimeLimit(25.71, .workingDays)) == "26个工作日")
        #expect(DayFigures.limit(TimeLimit(1.25, .hours)) == "1.3小时")
        #expect(ItemFacts.limit(TimeLimit(0, .workingDays, note: "当场办结")) == "即办（当场办结）")
    }

    @Test func codeColumnMovesUnderTheNames() {
        let table = GuideTablePresentation(
            GuideTable(
                columns: ["序号", "事项名称", "事项编码", "承诺时限"],
                rows: [["1", "企业设立登记", "11440188MB2C9023XA4000101001001001", "即办"]], centred: [0, 3]))
        #expect(table.columns == ["序号", "事项名称", "承诺时限"])
        #expect(table.rows == [["1", "企业设立登记", "即办"]])
        #expect(table.centred == [0, 2])
        #expect(table.code(row: 0, column: 1) == "11440188MB2C9023XA4000101001001001")
        #expect(table.code(row: 0, column: 0) == nil)
    }

    @Test func aFormColumnWhereAllRowsAgreeBecomesANote() {
        let same = GuideTablePresentation(
            GuideTable(columns: ["材料名称", "材料形式"], rows: [["身份证", "纸质和电子"], ["申请表", "纸质和电子"]]))
        #expect(same.columns == ["材料名称"])
        #expect(same.note == "以上材料的材料形式均为：纸质和电子")
        let mixed = GuideTablePresentation(
            GuideTable(columns: ["材料名称", "材料形式"], rows: [["身份证", "纸质和电子"], ["申请表", "电子"]]))
        #expect(mixed.columns == ["材料名称", "材料形式"])
        #expect(mixed.note == nil)
    }
}
