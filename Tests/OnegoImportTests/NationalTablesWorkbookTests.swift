import Foundation
import OnegoCatalog
import OnegoImport
import OnegoTestSupport
import Testing

/// The national exchange tables delivered as Excel rather than CSV dumps: one workbook per table (named like the
/// table) or one workbook with a sheet per table import as the CSV dumps do.
@Suite struct NationalTablesWorkbookTests {
    static let tables = ["basic", "extend", "material", "fee_project"]

    /// The sheet body of a CSV fixture: its header and records as inline-string rows.
    static func sheet(_ table: String) throws -> String {
        let path = Fixtures.fixture("import/up_task_general_\(table).csv")
        let parsed = try CSVRecordReader.read(Array(try Data(contentsOf: URL(fileURLWithPath: path))), source: path)
        func escaped(_ text: String) -> String {
            text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        }
        func row(_ number: Int, _ values: [String]) -> String {
            let cells = values.enumerated().map { column, value in
                ImportTestSupport.cell(CellReferenceText.letters(column) + "\(number)", escaped(value))
            }
            return "<row r=\"\(number)\">\(cells.joined())</row>"
        }
        var rows = [row(1, parsed.headers)]
        for (index, record) in parsed.records.enumerated() {
            let values = parsed.headers.map { header in record.cells.first { $0.key == header }?.value ?? "" }
            rows.append(row(index + 2, values))
        }
        return "<sheetData>\(rows.joined())</sheetData>"
    }

    static func csvItems() throws -> [ServiceItem] {
        let sources = tables.map { Fixtures.fixture("import/up_task_general_\($0).csv") }
        return try ImportTestSupport.importer("national-tables").read(
            sources: sources, loader: try ImportTestSupport.loader()
        ).items
    }

    @Test func oneWorkbookWithASheetPerTable() throws {
        let book = try ImportTestSupport.workbook(
            sheets: try Self.tables.map { ("up_task_general_\($0)", try Self.sheet($0)) } + [("说明", "<sheetData/>")])
        let result = try ImportTestSupport.importer("national-tables").read(
            sources: [book], loader: try ImportTestSupport.loader())
        #expect(result.report.imported == 2 && result.report.rejected == 1)
        #expect(
            ImportTestSupport.difference(
                ImportTestSupport.comparable(result.items), ImportTestSupport.comparable(try Self.csvItems())) == nil)
    }

    /// A workbook whose file and sheet names match none of the tables is refused, naming its sheets.
    @Test func aWorkbookMatchingNoTableIsRefused() throws {
        let book = try ImportTestSupport.workbook(sheets: [("Sheet1", try Self.sheet("basic"))])
        #expect {
            _ = try ImportTestSupport.importer("national-tables").read(
                sources: [book], loader: try ImportTestSupport.loader())
        } throws: { error in
            ((error as? ImportError)?.message ?? "").contains("工作簿中有：Sheet1")
        }
    }

    @Test func oneWorkbookPerTableNamedLikeIt() throws {
        var books: [String] = []
        for table in Self.tables {
            let book = try ImportTestSupport.workbook(sheets: [("Sheet1", try Self.sheet(table))])
            let named = (book as NSString).deletingLastPathComponent + "/up_task_general_\(table).xlsx"
            try FileManager.default.moveItem(atPath: book, toPath: named)
            books.append(named)
        }
        let result = try ImportTestSupport.importer("national-tables").read(
            sources: books, loader: try ImportTestSupport.loader())
        #expect(
            result.report.imported == 2 && result.report.rejected == 1,
            "\(result.report.diagnostics.map(\.description))")
        #expect(
            ImportTestSupport.difference(
                ImportTestSupport.comparable(result.items), ImportTestSupport.comparable(try Self.csvItems())) == nil)
    }
}

/// Column letters for building test sheets.
enum CellReferenceText {
    static func letters(_ index: Int) -> String {
        var index = index
        var text = ""
        repeat {
            text = String(UnicodeScalar(UInt8(65 + index % 26))) + text
            index = index / 26 - 1
        } while index >= 0
        return text
    }
}
