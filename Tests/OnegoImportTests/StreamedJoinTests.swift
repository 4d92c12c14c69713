import Foundation
import OnegoBase
import OnegoCatalog
import OnegoImport
import OnegoTestSupport
import Testing

/// The joined sheets of a template workbook are read beside the item sheet when their rows come in item order (as
/// the export writes them), and the in-memory way when they do not: both give the same import.
@Suite struct StreamedJoinTests {
    private static func items() -> [ServiceItem] {
        var generator = SplitMix64(seed: 2026)
        return (0..<40).map { GeneratedItems.item($0, using: &generator) }
    }

    private static func imported(_ sheets: [WorksheetContent]) throws -> ImportResult {
        let path = try Fixtures.temporaryDirectory() + "/joined.xlsx"
        try TemplateWorkbook.data(sheets).write(to: URL(fileURLWithPath: path))
        return try ImportTestSupport.importer("template").read(sources: [path], loader: try ImportTestSupport.loader())
    }

    /// `sheets` with the data rows of the sheet named `name` changed by `edit` (the header row stays first).
    private static func editing(
        _ sheets: [WorksheetContent], _ name: String, _ edit: ([[String]]) -> [[String]]
    ) throws -> [WorksheetContent] {
        var sheets = sheets
        let at = try #require(sheets.firstIndex { $0.name == name })
        sheets[at].rows = [sheets[at].rows[0]] + edit(Array(sheets[at].rows.dropFirst()))
        return sheets
    }

    @Test func materialsAndResultsInItemOrderComeBackEqual() throws {
        let items = Self.items()
        let result = try Self.imported(TemplateWorkbook.sheets(for: items))
        #expect(result.report.rejected == 0)
        #expect(result.items.flatMap(\.materials).count == items.flatMap(\.materials).count)
        #expect(
            ImportTestSupport.difference(
                ImportTestSupport.comparable(items), ImportTestSupport.comparable(result.items))
                == nil)
    }

    @Test(arguments: [TemplateWorkbook.materialSheet, TemplateWorkbook.resultSheet, TemplateWorkbook.feeSheet])
    func aJoinedSheetInAnotherOrderGivesTheSameItems(sheet: String) throws {
        let items = Self.items()
        let sheets = TemplateWorkbook.sheets(for: items)
        // Each item's rows together, the items in reverse order.
        let reversed = try Self.imported(
            try Self.editing(sheets, sheet) { rows in
                var groups: [[[String]]] = []
                for row in rows {
                    if groups.last?.first?.first == row.first {
                        groups[groups.count - 1].append(row)
                    } else {
                        groups.append([row])
                    }
                }
                return Array(groups.reversed().joined())
            })
        #expect(reversed.report.rejected == 0)
        #expect(
            ImportTestSupport.difference(
                ImportTestSupport.comparable(items), ImportTestSupport.comparable(reversed.items)) == nil)
        // The first row moved to the end: its item's rows split around every other item's.
        let first = try #require(sheets.first { $0.name == sheet }?.rows.dropFirst().first)
        let split = try Self.imported(try Self.editing(sheets, sheet) { Array($0.dropFirst()) + [first] })
        var expected = items
        let at = try #require(expected.firstIndex { $0.id == first[0] })
        switch sheet {
        case TemplateWorkbook.materialSheet:
            expected[at].materials = expected[at].materials.dropFirst() + [items[at].materials[0]]
        case TemplateWorkbook.resultSheet:
            expected[at].results = expected[at].results.dropFirst() + [items[at].results[0]]
        default: expected[at].fee.items = expected[at].fee.items.dropFirst() + [items[at].fee.items[0]]
        }
        #expect(split.report.rejected == 0)
        #expect(
            ImportTestSupport.difference(
                ImportTestSupport.comparable(expected), ImportTestSupport.comparable(split.items)) == nil)
    }

    @Test func materialRowsOfAnUnknownItemAreReportedWhereverTheyStand() throws {
        let items = Self.items()
        let sheets = TemplateWorkbook.sheets(for: items)
        let material = try #require(sheets[1].rows.dropFirst().first)
        var stray = material
        stray[0] = "11440106MB2D033225999999999999"
        stray[2] = "委托书"
        let atTheEnd = try Self.imported(try Self.editing(sheets, TemplateWorkbook.materialSheet) { $0 + [stray] })
        let inTheMiddle = try Self.imported(
            try Self.editing(sheets, TemplateWorkbook.materialSheet) { rows in
                Array(rows.prefix(rows.count / 2)) + [stray] + rows.dropFirst(rows.count / 2)
            })
        for result in [atTheEnd, inTheMiddle] {
            #expect(result.report.rejected == 0)
            let orphans = result.report.diagnostics.filter { $0.rule == .importJoinOrphan }
            #expect(orphans.map(\.message) == ["1 行材料所属事项“11440106MB2D033225999999999999”不在事项表中，已舍弃"])
            #expect(orphans.first?.sheet == TemplateWorkbook.materialSheet)
            #expect(
                ImportTestSupport.difference(
                    ImportTestSupport.comparable(items), ImportTestSupport.comparable(result.items)) == nil)
        }
        let others = { (r: ImportResult) in
            r.report.diagnostics.filter { $0.rule != .importJoinOrphan }.map { "\($0.row ?? 0) \($0.message)" }
        }
        #expect(others(atTheEnd) == others(inTheMiddle))
    }

    @Test func aMaterialRowWithoutItemCodeIsReportedOnItsRow() throws {
        let sheets = TemplateWorkbook.sheets(for: Self.items())
        var blank = try #require(sheets[1].rows.dropFirst().first)
        blank[0] = ""
        let result = try Self.imported(try Self.editing(sheets, TemplateWorkbook.materialSheet) { [blank] + $0 })
        let warning = try #require(result.report.diagnostics.first { $0.rule == .importJoinMissingParent })
        #expect(warning.sheet == TemplateWorkbook.materialSheet)
        #expect(warning.row == 2)
        #expect(result.report.rejected == 0)
    }
}
