import Foundation
import OnegoAudit
import OnegoExport
import Testing

/// Work lists, department columns and the print stylesheet in the audit renderers.
@Suite struct AuditWorkListRenderingTests {
    @Test func textNamesTheItemsOfEachMissedTargetWithACount() throws {
        let report = try AuditReportRenderingTests.report()
        let text = AuditTextReport.render(report)
        let missed = try #require(report.failedTargets.first { !$0.missing.isEmpty })
        #expect(text.contains("待办事项 \(missed.missing.count) 项"))
        let first = try #require(missed.missing.first)
        #expect(text.contains("\(first.code)  \(first.name)：\(first.reason)"))
        #expect(text.contains("各部门（错误多者在前）"))
    }

    @Test func jsonListsEveryMissingItemWithCodeNameDepartment() throws {
        let report = try AuditReportRenderingTests.report()
        let json = try AuditReportRenderingTests.object(try AuditJSONReport.render(report))
        let targets = try #require(json["targets"] as? [[String: Any]])
        for (entry, result) in zip(targets, report.targets) {
            let missing = try #require(entry["missing"] as? [[String: Any]])
            #expect(missing.count == result.missing.count)
            for row in missing { #expect(Set(row.keys) == ["code", "name", "department", "reason"]) }
        }
        let departments = try #require(json["departments"] as? [[String: Any]])
        #expect(departments.count == report.departmentSummaries.count)
    }

    @Test func htmlHasWorkListsDepartmentColumnRuleTitlesAndA4Print() throws {
        let report = try AuditReportRenderingTests.report(edits: [
            ("<visits count=\"1\" reason=\"现场核查经营场所\"/>", "<visits count=\"1\"/>")
        ])
        let html = AuditHTMLReport.render(report)
        #expect(html.contains("<h2>待办事项（未达成目标涉及的事项）</h2>"))
        #expect(html.contains("<th>级别</th><th>规则</th><th>部门</th><th>事项</th>"))
        let finding = try #require(report.findings.first { $0.department != nil })
        let title = try #require(report.registry.rule(id: finding.rule)?.title)
        #expect(html.contains("<span class=\"rule-title\">\(title)</span><code>\(finding.rule)</code>"))
        #expect(html.contains("@page{size:A4"))
        #expect(html.contains("break-inside:avoid"))
        #expect(html.contains("counter(page)"))
        for missing in report.failedTargets.flatMap(\.missing) { #expect(html.contains(missing.code)) }
    }
}
