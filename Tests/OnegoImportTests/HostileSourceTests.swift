import Foundation
import OnegoBase
import OnegoCatalog
import OnegoImport
import OnegoTestSupport
import OnegoXML
import Testing

/// Sources that are too big, inflate too far or break mid-sheet: each is refused with its position, and nothing
/// is written.
@Suite struct HostileSourceTests {
    /// A sparse file of `bytes` (takes no disk space).
    private func sparse(_ name: String, bytes: Int64) throws -> String {
        let path = try Fixtures.temporaryDirectory() + "/" + name
        #expect(FileManager.default.createFile(atPath: path, contents: Data("TASK_CODE,TASK_NAME\n".utf8)))
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: UInt64(bytes))
        try handle.close()
        return path
    }

    @Test(arguments: ["up_task_general_basic.csv", "items.xlsx", "items.json"])
    func aOneGigabyteSourceIsRefusedBeforeAnyRowIsRead(name: String) throws {
        let path = try sparse(name, bytes: 1 << 30)
        let out = try Fixtures.temporaryDirectory() + "/catalog"
        let profile = name.hasSuffix(".csv") ? "national-tables" : name.hasSuffix(".json") ? "gdzwfw" : "template"
        #expect {
            _ = try ImportTestSupport.importer(profile).run(sources: [path], outputDirectory: out)
        } throws: { error in
            let text = "\(error)"
            return text.contains(path) && text.contains("1024.0 MB") && text.contains("超过导入上限 512.0 MB")
        }
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func aSheetThatInflatesAThousandfoldIsStoppedWhileStreaming() throws {
        // 40 MB of blank cells' worth of spaces inside <sheetData>: valid XML, so only the ratio check stops it.
        let padding = String(repeating: " ", count: 40 << 20)
        let path = try ImportTestSupport.workbook(sheets: [
            ("事项", "<sheetData><row r=\"1\">\(ImportTestSupport.cell("A1", "事项名称"))</row>\(padding)</sheetData>")
        ])
        let compressed = try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        #expect(compressed * 1000 < 40 << 20)
        let out = try Fixtures.temporaryDirectory() + "/catalog"
        #expect {
            _ = try ImportTestSupport.importer("template").run(sources: [path], outputDirectory: out)
        } throws: { error in
            let text = "\(error)"
            return text.contains("xl/worksheets/sheet1.xml") && text.contains("zip 炸弹")
        }
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func brokenSheetXMLNamesThePartLineAndColumn() throws {
        let body = """
            <sheetData><row r="1">\(ImportTestSupport.cell("A1", "事项名称"))\(ImportTestSupport.cell("B1", "部门"))</row>
            <row r="2"><c r="A2" t="inlineStr"><is><t>食品经营许可（新办）</t></is></c></rowx></sheetData>
            """
        let path = try ImportTestSupport.workbook(sheets: [("事项", body)])
        #expect {
            _ = try XLSXReader().read(path: path, source: "book.xlsx")
        } throws: { error in
            // The sheet's own line 2, at the mismatched end tag.
            "\(error)".contains("book.xlsx!xl/worksheets/sheet1.xml:2:")
        }
    }

    @Test func unknownHeadersNameTheirRowAndColumn() throws {
        var sheets = TemplateWorkbook.sheets(for: [TemplateExample.item])
        sheets[0].rows[0].append("备注栏")
        sheets[0].rows[1].append("这一列不在模板中")
        let column = CellReference.letters(sheets[0].rows[0].count)
        let path = try Fixtures.temporaryDirectory() + "/extra.xlsx"
        try TemplateWorkbook.write(sheets, to: path)
        let result = try ImportTestSupport.importer("template").read(
            sources: [path], loader: try ImportTestSupport.loader())
        let unknown = try #require(result.report.diagnostics.first { $0.rule == "import.source.unknown-header" })
        #expect(unknown.sheet == "事项")
        #expect(unknown.row == 1)
        #expect(unknown.column == column)
        #expect(unknown.message.contains("备注栏（\(column) 列）"))
    }

    @Test func mergedCellsFillColumnsARowLeavesOut() throws {
        // 部门 merged down over row 3, which has no <c> in column B: the filled cell joins the row in column order.
        let body = """
            <sheetData><row r="1">\(ImportTestSupport.cell("A1", "事项名称"))\(ImportTestSupport.cell("B1", "部门"))</row>\
            <row r="2">\(ImportTestSupport.cell("A2", "食品经营许可（新办）"))\(ImportTestSupport.cell("B2", "云溪区市场监督管理局"))</row>\
            <row r="3">\(ImportTestSupport.cell("A3", "食品经营许可（变更）"))</row></sheetData>\
            <mergeCells count="1"><mergeCell ref="B2:B3"/></mergeCells>
            """
        let path = try ImportTestSupport.workbook(sheets: [("事项", body)])
        let table = try #require(try XLSXReader().read(path: path, source: "book.xlsx").first)
        #expect(
            table.records.map { $0.cells.map(\.value) } == [
                ["食品经营许可（新办）", "云溪区市场监督管理局"], ["食品经营许可（变更）", "云溪区市场监督管理局"],
            ])
        #expect(table.records.last?.cells.last?.readNote?.contains("合并单元格 B2:B3") == true)
        #expect(table.records.last?.cells.last?.column == "B")
    }
}
