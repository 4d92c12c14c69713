import Foundation
import OnegoBase
import OnegoCatalog
import OnegoImport
import OnegoTestSupport
import Testing
import ZIPFoundation

@Suite struct BadInputTests {
    private func templateImport(_ path: String) throws -> ImportResult {
        try ImportTestSupport.importer("template").read(sources: [path], loader: try ImportTestSupport.loader())
    }

    /// Old Excel and WPS workbooks are refused before anything is read, with what to do about it; the types read
    /// are accepted whatever their case.
    @Test func unsupportedTypesSayWhatToDo() throws {
        #expect(SourceTypes.refusal(for: "事项清单.XLSX") == nil)
        #expect(SourceTypes.refusal(for: "交换报文.xml") == nil)
        let xls = try #require(SourceTypes.refusal(for: "2021年事项清单.xls"))
        #expect(xls.contains("2021年事项清单.xls") && xls.contains("另存为“Excel 工作簿（.xlsx）”"))
        let path = try Fixtures.temporaryDirectory() + "/事项.et"
        try Data("not a workbook".utf8).write(to: URL(fileURLWithPath: path))
        #expect {
            _ = try templateImport(path)
        } throws: { error in
            "\(error)".contains("另存为“Excel 工作簿（.xlsx）”")
        }
    }

    @Test func missingItemSheetNamesTheSheetsThereAre() throws {
        let path = try ImportTestSupport.workbook(sheets: [("Sheet1", "<sheetData/>")])
        #expect {
            _ = try templateImport(path)
        } throws: { error in
            "\(error)".contains("缺少工作表“事项”（工作簿中有：Sheet1）")
        }
    }

    @Test func unknownHeadersAreReportedOncePerSheet() throws {
        var sheets = TemplateWorkbook.sheets(for: [TemplateExample.item])
        sheets[0].rows[0].append("备注栏")
        sheets[0].rows[1].append("这一列不在模板中")
        let path = try Fixtures.temporaryDirectory() + "/extra.xlsx"
        try TemplateWorkbook.write(sheets, to: path)
        let result = try templateImport(path)
        #expect(result.report.imported == 1)
        let unknown = result.report.diagnostics.filter { $0.rule == "import.source.unknown-header" }
        #expect(unknown.count == 1)
        #expect(unknown.first?.sheet == "事项")
        #expect(unknown.first?.message.contains("备注栏") == true)
    }

    @Test func mergedCellsFillTheirRangeAndSayWhere() throws {
        // 部门 merged down over two item rows, as offices lay out their lists.
        var sheets = TemplateWorkbook.sheets(for: [TemplateExample.item])
        var second = sheets[0].rows[1]
        second[0] = "11440188MB2C90231K400011700400002"
        second[3] = "11440188MB2C90231K400011700400002"
        second[4] = "食品经营许可（变更）"
        let departmentColumn = sheets[0].rows[0].firstIndex(of: "部门") ?? 0
        second[departmentColumn] = ""
        sheets[0].rows.append(second)
        let data = try TemplateWorkbook.data(sheets)
        // Re-pack with a merge over the 部门 cells of rows 2-3.
        let letters = CellReference.letters(departmentColumn + 1)
        let path = try repack(data, sheet: "xl/worksheets/sheet1.xml") {
            $0.replacingOccurrences(
                of: "</sheetData>",
                with: "</sheetData><mergeCells count=\"1\"><mergeCell ref=\"\(letters)2:\(letters)3\"/></mergeCells>")
        }
        let result = try templateImport(path)
        #expect(result.report.imported == 2)
        #expect(result.items.map(\.department) == ["云溪区市场监督管理局", "云溪区市场监督管理局"])
        #expect(
            result.report.diagnostics.contains {
                $0.row == 3 && $0.column == letters && $0.message.contains("合并单元格 \(letters)2:\(letters)3")
            })
    }

    /// Offices' lists open with a title (often merged across the columns) and a "填报单位 / 填报日期" line above the
    /// header: the header is the first row naming the profile's columns, and the rows above it are reported as
    /// skipped. Streamed (no merge) and read whole (a merged title) alike.
    @Test(arguments: [false, true])
    func titleRowsAboveTheHeaderAreSkippedAndReported(mergedTitle: Bool) throws {
        var sheets = TemplateWorkbook.sheets(for: [TemplateExample.item])
        let width = sheets[0].rows[0].count
        let title = ["广州市云溪区政务服务事项目录（2026年版）"] + Array(repeating: "", count: width - 1)
        let filler = ["填报单位：云溪区政务服务和数据管理局", "", "", "填报日期：2026年11月30日"] + Array(repeating: "", count: width - 4)
        sheets[0].rows.insert(contentsOf: [title, filler], at: 0)
        let data = try TemplateWorkbook.data(sheets)
        let path = try repack(data, sheet: "xl/worksheets/sheet1.xml") {
            mergedTitle
                ? $0.replacingOccurrences(
                    of: "</sheetData>",
                    with: "</sheetData><mergeCells count=\"1\"><mergeCell ref=\"A1:J1\"/></mergeCells>")
                : $0
        }
        let result = try templateImport(path)
        #expect(result.report.imported == 1)
        #expect(result.items.first?.name == TemplateExample.item.name)
        #expect(!result.report.diagnostics.contains { $0.rule == "import.source.unknown-header" })
        let skipped = result.report.diagnostics.filter { $0.rule == "import.source.title-row" }
        #expect(skipped.map(\.row) == [1, 2])
        #expect(skipped.first?.message.contains("广州市云溪区政务服务事项目录（2026年版）") == true)
        #expect(skipped.last?.message.contains("填报日期：2026年11月30日") == true)
    }

    /// Headers typed with a line break in the cell, or with other brackets than the profile's, are read in the
    /// profile's spelling and each is reported; nothing under them is lost.
    @Test func headersWrittenWithLineBreaksOrOtherBracketsAreRead() throws {
        var sheets = TemplateWorkbook.sheets(for: [TemplateExample.item])
        let headers = sheets[0].rows[0]
        let name = try #require(headers.firstIndex(of: "事项名称"))
        let promised = try #require(headers.firstIndex(of: "承诺办结时限"))
        sheets[0].rows[0][name] = "事项\n名称"
        sheets[0].rows[0][promised] = " 承诺办结　时限 "
        if let materials = sheets.firstIndex(where: { $0.name == "材料" }),
            let supply = sheets[materials].rows[0].firstIndex(of: "容缺补交期限（工作日）")
        {
            sheets[materials].rows[0][supply] = "容缺补交期限(工作日)"
        }
        let path = try Fixtures.temporaryDirectory() + "/spelling.xlsx"
        try TemplateWorkbook.write(sheets, to: path)
        let result = try templateImport(path)
        #expect(result.report.imported == 1)
        #expect(result.items.first?.name == TemplateExample.item.name)
        #expect(result.items.first?.promisedLimit == TemplateExample.item.promisedLimit)
        #expect(!result.report.diagnostics.contains { $0.rule == "import.source.unknown-header" })
        let spelled = result.report.diagnostics.filter { $0.rule == "import.source.header-spelling" }
        #expect(spelled.count == 3)
        #expect(spelled.contains { $0.message.contains("表头“事项↵名称”按导入配置的“事项名称”读取") })
    }

    /// More one-cell note rows above the header than the rows searched for it: the header is still the first row
    /// naming the profile's columns, however far down (a regression once: every row was rejected).
    @Test func manyNoteRowsAboveTheHeaderAreAllSkipped() throws {
        var sheets = TemplateWorkbook.sheets(for: [TemplateExample.item])
        let width = sheets[0].rows[0].count
        let notes = (1...35).map { ["填报说明第 \($0) 条：带 * 的列必填"] + Array(repeating: "", count: width - 1) }
        sheets[0].rows.insert(contentsOf: notes, at: 0)
        let path = try Fixtures.temporaryDirectory() + "/notes.xlsx"
        try TemplateWorkbook.write(sheets, to: path)
        let result = try templateImport(path)
        #expect(result.report.imported == 1)
        #expect(result.report.diagnostics.filter { $0.rule == "import.source.title-row" }.count == 35)
    }

    /// A row holding both the profile's spelling of a header and a loose one keeps them apart: the loose one is an
    /// unknown column, reported, not a second source of the same field.
    @Test func aLooseHeaderBesideTheExactOneStaysUnknown() throws {
        var sheets = TemplateWorkbook.sheets(for: [TemplateExample.item])
        sheets[0].rows[0].append("事项 名称")
        sheets[0].rows[1].append("另一个名称")
        let path = try Fixtures.temporaryDirectory() + "/both.xlsx"
        try TemplateWorkbook.write(sheets, to: path)
        let result = try templateImport(path)
        #expect(result.items.first?.name == TemplateExample.item.name)
        #expect(!result.report.diagnostics.contains { $0.rule == "import.source.header-spelling" })
        #expect(
            result.report.diagnostics.contains {
                $0.rule == "import.source.unknown-header" && $0.message.contains("事项 名称")
            })
    }

    /// A sheet whose rows name none of the profile's columns still takes its first row of two values as the header,
    /// so its unknown headers are reported rather than the sheet looking empty.
    @Test func aSheetNamingNoKnownColumnReportsItsHeaders() throws {
        let rows = (1...40).map { row in
            "<row r=\"\(row)\">" + ImportTestSupport.cell("A\(row)", row == 1 ? "序号" : "\(row)")
                + ImportTestSupport.cell("B\(row)", row == 1 ? "名称" : "第\(row)项") + "</row>"
        }
        let path = try ImportTestSupport.workbook(sheets: [("事项", "<sheetData>\(rows.joined())</sheetData>")])
        let result = try templateImport(path)
        #expect(result.report.imported == 0)
        let unknown = result.report.diagnostics.filter { $0.rule == "import.source.unknown-header" }
        #expect(unknown.count == 1)
        #expect(unknown.first?.message.contains("序号") == true)
        #expect(unknown.first?.row == 1)
    }

    @Test func itemRowsOutOfOrderAreReadInRowOrder() throws {
        // A hand-edited file holding row 3 before row 2: the item sheet, streamed as a rule, is read whole instead
        // and its items come in row order.
        var sheets = TemplateWorkbook.sheets(for: [TemplateExample.item])
        var second = sheets[0].rows[1]
        second[0] = "11440188MB2C90231K400011700400002"
        second[3] = "11440188MB2C90231K400011700400002"
        second[4] = "食品经营许可（变更）"
        sheets[0].rows.append(second)
        let path = try repack(try TemplateWorkbook.data(sheets), sheet: "xl/worksheets/sheet1.xml") { xml in
            guard let two = xml.range(of: "<row r=\"2\">"), let three = xml.range(of: "<row r=\"3\">"),
                let end = xml.range(of: "</sheetData>")
            else { return xml }
            return String(xml[..<two.lowerBound]) + xml[three.lowerBound..<end.lowerBound]
                + xml[two.lowerBound..<three.lowerBound] + xml[end.lowerBound...]
        }
        let result = try templateImport(path)
        #expect(result.report.rows == 2)
        #expect(result.report.imported == 2)
        #expect(result.items.map(\.name) == [TemplateExample.item.name, "食品经营许可（变更）"])
    }

    @Test func formulasUseTheCachedValueAndDatesAreRead() throws {
        let styles = """
            <cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs>
            """
        let body = """
            <sheetData><row r="1">\(ImportTestSupport.cell("A1", "事项名称"))\(ImportTestSupport.cell("B1", "到办事现场次数"))\
            \(ImportTestSupport.cell("C1", "受理条件"))</row>\
            <row r="2">\(ImportTestSupport.cell("A2", "食品经营许可（新办）"))<c r="B2"><f>1-1</f><v>0</v></c>\
            <c r="C2" s="1"><v>45658</v></c></row></sheetData>
            """
        let path = try ImportTestSupport.workbook(sheets: [("事项", body)], styles: styles)
        let tables = try XLSXReader().read(path: path, source: "book.xlsx")
        let cells = try #require(tables.first?.records.first?.cells)
        #expect(cells.map(\.value) == ["食品经营许可（新办）", "0", "2025-01-01"])
        #expect(cells[1].readNote?.contains("公式 =1-1") == true)
        #expect(cells[2].readNote?.contains("日期序列值 45658") == true)
        // And through the template profile the notes reach the report with their cell.
        let result = try templateImport(path)
        #expect(result.report.diagnostics.contains { $0.column == "B" && $0.message.contains("公式") })
        #expect(result.report.rejected == 1)
    }

    @Test func datesTypedAsTextAreRejectedWhereANumberIsNeeded() throws {
        var sheets = TemplateWorkbook.sheets(for: [TemplateExample.item])
        let column = sheets[0].rows[0].firstIndex(of: "承诺办结时限") ?? 0
        sheets[0].rows[1][column] = "2025年3月1日前"
        let path = try Fixtures.temporaryDirectory() + "/dates.xlsx"
        try TemplateWorkbook.write(sheets, to: path)
        let result = try templateImport(path)
        #expect(result.report.rejected == 1)
        #expect(
            result.report.diagnostics.contains {
                $0.row == 2 && $0.column == CellReference.letters(column + 1) && $0.field == "promisedLimit"
                    && $0.severity == .error
            })
    }

    @Test func zipBombIsRefusedBeforeItInflates() throws {
        let bomb = Data(count: 24 << 20)
        let path = try ImportTestSupport.workbook(
            sheets: [("事项", "<sheetData/>")], extra: [("xl/sharedStrings.xml", bomb)])
        #expect {
            _ = try XLSXReader().read(path: path, source: "bomb.xlsx")
        } throws: { error in
            let text = "\(error)"
            return text.contains("xl/sharedStrings.xml") && text.contains("zip 炸弹")
        }
    }

    @Test func nothingIsWrittenWhenNoRowImports() throws {
        var sheets = TemplateWorkbook.sheets(for: [TemplateExample.item])
        sheets[0].rows[1][4] = ""
        let folder = try Fixtures.temporaryDirectory()
        try TemplateWorkbook.write(sheets, to: folder + "/empty-name.xlsx")
        let report = try ImportTestSupport.importer("template").run(
            sources: [folder + "/empty-name.xlsx"], outputDirectory: folder + "/catalog")
        #expect(report.imported == 0)
        #expect(report.rejected == 1)
        #expect(!FileManager.default.fileExists(atPath: folder + "/catalog"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["empty-name.xlsx"])
    }

    @Test func existingFolderIsNotReplacedUnlessAsked() throws {
        let folder = try Fixtures.temporaryDirectory()
        let workbook = try Fixtures.temporaryDirectory() + "/t.xlsx"
        try Fixtures.write("keep", to: "old.xml", in: folder)
        try TemplateWorkbook.write(TemplateWorkbook.sheets(for: [TemplateExample.item]), to: workbook)
        #expect(throws: ImportError.self) {
            _ = try ImportTestSupport.importer("template").run(sources: [workbook], outputDirectory: folder)
        }
        #expect(FileManager.default.fileExists(atPath: folder + "/old.xml"))
    }

    private func repack(_ data: Data, sheet: String, _ edit: (String) -> String) throws -> String {
        let source = try Fixtures.temporaryDirectory() + "/in.xlsx"
        try data.write(to: URL(fileURLWithPath: source))
        let tables = [
            "[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml",
        ]
        var parts: [(String, Data)] = []
        let archive = try Archive(url: URL(fileURLWithPath: source), accessMode: .read)
        for entry in archive {
            var bytes = Data()
            _ = try archive.extract(entry) { bytes.append($0) }
            if entry.path == sheet { bytes = Data(edit(String(decoding: bytes, as: UTF8.self)).utf8) }
            parts.append((entry.path, bytes))
        }
        _ = tables
        let out = try Archive(accessMode: .create)
        for (path, bytes) in parts {
            try out.addEntry(with: path, type: .file, uncompressedSize: Int64(bytes.count), compressionMethod: .deflate)
            {
                position, size in bytes.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        let path = try Fixtures.temporaryDirectory() + "/merged.xlsx"
        try out.data?.write(to: URL(fileURLWithPath: path))
        return path
    }
}
