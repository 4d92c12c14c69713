import Foundation
import OnegoTestSupport
import Testing

@testable import OnegoExport

/// The minimal workbook writer, read back by openpyxl (installed by `.ci/setup`).
@Suite struct XLSXWriterTests {
    /// Writes a workbook and returns openpyxl's description of each sheet.
    static func readBack(_ writer: XLSXWriter) throws -> [[String: Any]] {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/book.xlsx"
        try writer.data().write(to: URL(fileURLWithPath: path))
        let check = Process()
        check.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        check.arguments = ["python3", Fixtures.path("Tests/Fixtures/office/check-xlsx.py"), path]
        let output = Pipe()
        check.standardOutput = output
        check.standardError = output
        try check.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        check.waitUntilExit()
        try #require(check.terminationStatus == 0, "\(text)")
        return try text.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
    }

    @Test func openpyxlReadsSheetsCellsBoldFrozenHeaderAndWidths() throws {
        let sheets = try Self.readBack(
            XLSXWriter(sheets: [
                XLSXSheet(
                    name: "部门", header: ["部门", "错误"], columnWidths: [30, 8],
                    rows: [[.string("民政局 <&> \"引号\""), .number(3)], [.string("教育局"), .number(0.5)]]),
                XLSXSheet(name: "a/b:c", header: ["空"]),
            ]))
        #expect(sheets.count == 2)
        let first = try #require(sheets.first)
        #expect(first["sheet"] as? String == "部门")
        #expect(first["header"] as? [String] == ["部门", "错误"])
        #expect(first["headerBold"] as? Bool == true)
        #expect(first["freeze"] as? String == "A2")
        #expect(first["rows"] as? Int == 3)
        let second = try #require(first["second"] as? [Any])
        #expect(second.first as? String == "民政局 <&> \"引号\"")
        #expect(second.last as? Int == 3)
        #expect((first["widths"] as? [Any])?.first as? Double == 30)
        #expect(sheets.last?["sheet"] as? String == "a_b_c")
    }

    @Test(arguments: [(0, "A"), (25, "Z"), (26, "AA"), (701, "ZZ"), (702, "AAA")])
    func columnNamesFollowExcel(index: Int, name: String) {
        #expect(XLSXWriter.columnName(index) == name)
    }

    @Test func sameInputGivesSameBytes() throws {
        let writer = XLSXWriter(sheets: [XLSXSheet(name: "x", header: ["h"], rows: [[.string("v")]])])
        #expect(try writer.data() == writer.data())
    }
}
