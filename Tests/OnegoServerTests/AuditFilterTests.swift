import Foundation
import OnegoAudit
import OnegoBase
import OnegoServer
import OnegoTestSupport
import Testing

/// The audit page's findings filter: by rule, department and severity, over the same report as the downloads.
@Suite(.serialized) struct AuditFilterTests {
    /// The rows of the filtered-findings table.
    func rows(_ page: String) -> [Substring] {
        guard let start = page.range(of: "<section id=\"filtered-findings\">"),
            let end = page[start.upperBound...].range(of: "</section>")
        else { return [] }
        return page[start.upperBound..<end.lowerBound].split(separator: "<tr>").dropFirst(2).map { $0 }
    }

    @Test func filtersFindingsByRuleDepartmentAndSeverity() async throws {
        let data = try AuditDownloadTests.auditedData()
        let report = try #require(data.audit)
        let finding = try #require(report.findings.first { $0.department != nil && $0.severity == .warning })
        let department = try #require(finding.department)
        let rule = finding.rule.rawValue
        let expected = report.findings.filter { $0.rule.rawValue == rule && $0.department == department }
        let warnings = report.findings.filter { $0.severity == .warning }
        try await RunningWorkbench.with(data: data) { client in
            let plain = try await client.send("GET", "/audit", headers: [RunningWorkbench.bearer]).body
            #expect(plain.contains("id=\"finding-filter\""))
            #expect(plain.contains("<option value=\"\(rule)\">"), "the rules found are offered")
            #expect(!plain.contains("filtered-findings"), "nothing filtered, no extra table")
            let query =
                "rule=\(rule)&department="
                + (department.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
            let page = try await client.send("GET", "/audit?" + query, headers: [RunningWorkbench.bearer]).body
            #expect(page.contains("筛选出的发现（\(expected.count) 条）"))
            let found = rows(page)
            #expect(found.count == expected.count)
            #expect(found.allSatisfy { $0.contains("<code>\(rule)</code>") && $0.contains(department) })
            #expect(page.contains("<option value=\"\(rule)\" selected>"), "the form keeps the choice")
            #expect(page.contains("<a href=\"/audit\" id=\"clear-filter\">清除筛选</a>"))
            #expect(!plain.contains("清除筛选"))
            let bySeverity = try await client.send("GET", "/audit?severity=warning", headers: [RunningWorkbench.bearer])
            #expect(rows(bySeverity.body).count == min(warnings.count, 500))
            #expect(rows(bySeverity.body).allSatisfy { $0.contains("class=\"sev-warning\"") })
            let none = try await client.send("GET", "/audit?rule=no.such-rule", headers: [RunningWorkbench.bearer])
            #expect(none.body.contains("没有符合条件的发现。"))
        }
    }
}
