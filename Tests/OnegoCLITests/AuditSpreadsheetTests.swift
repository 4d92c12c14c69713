import Foundation
import OnegoTestSupport
import Testing

/// `onego audit --format csv` and `--format xlsx` on the sample district.
@Suite struct AuditSpreadsheetTests {
    static let audit = [
        "audit", "Catalogs/yunxi", "--policy", "Catalogs/policies/guangdong-style-2026.xml", "--today", "2026-11-21",
    ]

    @Test func csvHasABOMTheHeaderAndOneRowPerFinding() throws {
        let run = try Fixtures.runOnego(Self.audit + ["--format", "csv"])
        #expect(run.status == 1, "\(run.stderr)")  // targets missed
        #expect(run.stdout.hasPrefix("\u{FEFF}部门,事项编码,事项名称,规则,规则名称,级别,说明,位置\r\n"))
        let json = try Fixtures.runOnego(Self.audit + ["--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let findings = try #require(object["findings"] as? [[String: Any]])
        let lines = run.stdout.split(separator: "\r\n", omittingEmptySubsequences: true)
        #expect(lines.count == findings.count + 1)
        #expect(lines.dropFirst().allSatisfy { $0.contains(",警告,") || $0.contains(",错误,") || $0.contains(",提示,") })
    }

    @Test func xlsxHasTheFourSheetsAndOpensInOpenpyxl() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/审计.xlsx"
        let run = try Fixtures.runOnego(Self.audit + ["--format", "xlsx", "--output", path])
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.stderr.contains("报告已写入"))
        let check = Process()
        check.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        check.arguments = ["python3", Fixtures.path("Tests/Fixtures/office/check-xlsx.py"), path]
        let output = Pipe()
        check.standardOutput = output
        check.standardError = output
        try check.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        check.waitUntilExit()
        #expect(check.terminationStatus == 0, "\(text)")
        let sheets = try text.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        #expect(sheets.map { $0["sheet"] as? String } == ["目标", "待办事项", "问题清单", "部门"])
        let work = try #require(sheets.first { $0["sheet"] as? String == "待办事项" })
        #expect((work["rows"] as? Int ?? 0) > 10)
        #expect(work["header"] as? [String] == ["目标", "部门", "事项编码", "事项名称", "未达标原因"])
    }

    @Test func xlsxWithoutOutputIsAUsageError() throws {
        let run = try Fixtures.runOnego(Self.audit + ["--format", "xlsx"])
        #expect(run.status == 64)
        #expect(run.stderr.contains("--output"))
    }
}
