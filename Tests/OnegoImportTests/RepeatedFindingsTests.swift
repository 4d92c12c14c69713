import Foundation
import OnegoBase
import OnegoCatalog
import OnegoTestSupport
import Testing

@testable import OnegoImport

/// A finding that holds for many rows (a default filled on every row of a column, a type name read as the same
/// code) is reported once with its rows; findings that differ, and every rejected row, stay one a row.
@Suite struct RepeatedFindingsTests {
    static let header = [
        "序号", "事项名称", "事项类型", "实施编码", "实施主体", "行使层级", "法定办结时限", "承诺办结时限", "到办事现场次数", "是否网办",
        "办理地点", "咨询电话", "服务对象", "申请材料",
    ]

    /// `count` licence rows under a title and the header (rows 3 …), every 10th a public service; row 3 + `blank`
    /// has no name (rejected) when given.
    static func list(_ count: Int, blankNames: [Int] = []) -> [[String]] {
        var rows = [["广安市广安区政务服务事项目录"], header]
        for index in 0..<count {
            let code = String(format: "511A%04d000000-511602000000-000-11511602MB15327088-1-00", index + 100)
            let type = index % 10 == 9 ? "公共服务" : "行政许可"
            let name = blankNames.contains(index) ? "" : "食品经营许可（新办）（\(index + 1)）"
            rows.append([
                "\(index + 1)", name, type, code, "广安市广安区行政审批局", "区级", "20个工作日", "5个工作日", "0", "是",
                "广安区政务服务中心二楼B区", "0826-2345678", "企业", "1.食品经营许可申请书；2.营业执照",
            ])
        }
        return rows
    }

    static func read(_ rows: [[String]]) throws -> ImportResult {
        let book = try ImportTestSupport.workbook(sheets: [("行政许可", ExcelListImportTests.sheet(rows))])
        return try ExcelListImportTests.importer(codeProfile: "sichuan").read(
            sources: [book], loader: ImportTestSupport.loader())
    }

    @Test func aDefaultOnEveryRowIsReportedOnceWithItsRows() throws {
        let result = try Self.read(Self.list(40))
        let report = result.report
        #expect(report.imported == 40, "\(report.diagnostics.map(\.description))")
        let nature = report.diagnostics.filter { $0.field == "body.nature" && $0.rule == "import.value.defaulted" }
        #expect(nature.count == 1)
        #expect(nature.first?.row == 3 && nature.first?.rows == [3...42] && nature.first?.count == 40)
        #expect(nature.first?.description.hasSuffix("[import.value.defaulted]（共 40 行：第 3–42 行）") == true)
        // The type names read as two codes: one finding for each, with their rows.
        let types = report.diagnostics.filter { $0.field == "type" && $0.rule == "import.value.transformed" }
        #expect(types.count == 2)
        let service = try #require(types.first { $0.message.contains("公共服务") })
        #expect(service.rows == [12...12, 22...22, 32...32, 42...42] && service.count == 4)
        #expect(service.description.contains("（共 4 行：第 12、22、32、42 行）"))
        // The basic code differs on every row: one finding a row.
        let basic = report.diagnostics.filter { $0.field == "basicCode" && $0.rule == "import.value.derived" }
        #expect(basic.count == 40 && basic.allSatisfy { $0.count == 1 && $0.rows == [$0.row!...$0.row!] })
        #expect(!basic[0].description.contains("共"))
        // The tally still counts every row.
        let tallies = ImportTally.tally(report.diagnostics)
        let natureTally = try #require(tallies.first { $0.field == "body.nature" })
        #expect(natureTally.count == 40 && natureTally.rowRanges().hasSuffix("book.xlsx[行政许可] 第 3–42 行"))
        #expect(tallies.first { $0.field == "type" }?.count == 40)
    }

    @Test func rejectedRowsStayOneARow() throws {
        let report = try Self.read(Self.list(12, blankNames: [2, 5, 6])).report
        #expect(report.rejected == 3 && report.imported == 9)
        // Each rejected row keeps its errors, though their messages are the same on the three rows.
        let rejected = report.diagnostics.filter { $0.rule == "import.row.rejected" && $0.field == nil }
        #expect(Set(rejected.map(\.message)).count == 1 && rejected.first?.message.hasPrefix("该行未导入") == true)
        #expect(rejected.map(\.row) == [5, 8, 9] && rejected.allSatisfy { $0.count == 1 && $0.severity == .error })
        #expect(report.diagnostics.filter { $0.severity == .error }.count == 9)
    }

    @Test func theRowsRoundTripThroughJSON() throws {
        let report = try Self.read(Self.list(15)).report
        let data = try JSONEncoder().encode(report)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let entries = try #require(object["diagnostics"] as? [[String: Any]])
        let nature = try #require(entries.first { $0["field"] as? String == "body.nature" })
        #expect(nature["row"] as? Int == 3 && nature["rows"] as? [[Int]] == [[3, 17]])
        let sheetRead = try #require(entries.first { $0["rule"] as? String == "import.source.sheet-read" })
        #expect(sheetRead["rows"] as? [[Int]] == [] && sheetRead["row"] is NSNull)
        let decoded = try JSONDecoder().decode(
            [ImportDiagnostic].self, from: try JSONEncoder().encode(report.diagnostics))
        #expect(decoded == report.diagnostics)
        #expect(decoded.map(\.count) == report.diagnostics.map(\.count))
    }

    /// Rows join in ascending order, except those of a joined table read out of item order and a row's check
    /// problems; a row held already is refused (the caller keeps that repeat apart).
    @Test func rowsJoinInAnyOrder() {
        var finding = ImportDiagnostic(
            source: "a.csv", row: 7, field: "visits", severity: .note, rule: .importValueTransformed, message: "…")
        let seven = finding.addRow(7)
        #expect(!seven)
        #expect(finding.rows == [7...7] && finding.count == 1 && !finding.description.contains("共"))
        let added = [8, 9, 12, 4, 10, 9, 5].map { finding.addRow($0) }
        #expect(added == [true, true, true, true, true, false, true])
        #expect(finding.rows == [4...5, 7...10, 12...12] && finding.count == 7 && finding.row == 4)
        #expect(finding.description == "a.csv:4: 提示: visits：… [import.value.transformed]（共 7 行：第 4–5、7–10、12 行）")
        let added6 = finding.addRow(6)
        #expect(added6 && finding.rows == [4...10, 12...12])
        let added11 = finding.addRow(11)
        #expect(added11 && finding.rows == [4...12] && finding.count == 9)
        let added1 = finding.addRow(1)
        #expect(added1 && finding.rows == [1...1, 4...12] && finding.row == 1)
    }

    /// The national tables: materials sorted by their own id, not by item, join their findings out of row order;
    /// a code given twice in one cell gives its note twice on that row, and both are counted.
    @Test func joinedRowsOutOfOrderAndRepeatsOnOneRow() throws {
        let folder = try Fixtures.temporaryDirectory()
        var sources: [String] = []
        for table in ["basic", "extend", "material", "fee_project"] {
            var text = try String(
                contentsOfFile: Fixtures.fixture("import/up_task_general_\(table).csv"), encoding: .utf8)
            if table == "basic" {
                text = text.replacingOccurrences(of: ",2,\"2,5\",《中华人民共和国食品安全法》", with: ",2,\"2,2,5\",《中华人民共和国食品安全法》")
            }
            if table == "material" {
                // The second item's first material first, then the first item's in reverse.
                let lines = text.split(whereSeparator: \.isNewline).map(String.init)
                text =
                    ([lines[0], lines[4], lines[3], lines[2], lines[1]] + lines[5...]).joined(separator: "\n") + "\n"
            }
            let path = folder + "/up_task_general_\(table).csv"
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            sources.append(path)
        }
        let report = try ImportTestSupport.importer("national-tables").read(
            sources: sources, loader: try ImportTestSupport.loader()
        ).report
        #expect(report.imported == 2, "\(report.diagnostics.map(\.description))")
        // Necessity 1 on material lines 4 and 5 (the first item's, built first) and 2 (the second item's).
        let necessary = report.diagnostics.filter { $0.field == "material.necessity" && $0.message.contains("“1”") }
        #expect(necessary.count == 1 && necessary.first?.rows == [2...2, 4...5] && necessary.first?.row == 2)
        // "2,2,5": the note for 2 on row 2 twice; row 3 ("2,5") joins the first.
        let enterprise = report.diagnostics.filter { $0.field == "serviceObjects" && $0.message.contains("“2”") }
        #expect(enterprise.map(\.rows) == [[2...3], [2...2]], "\(enterprise.map(\.description))")
        #expect(ImportTally.tally(report.diagnostics).first { $0.field == "serviceObjects" }?.count == 6)
    }
}
