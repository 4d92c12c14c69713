import Foundation
import OnegoAudit
import OnegoExport
import Testing

/// The HTML audit report stays small at scale: every section is there, long lists are cut with a note naming the
/// export that holds them in full, and the findings are counted per rule.
@Suite struct AuditHTMLScaleTests {
    static let visitsEdit = [("<visits count=\"1\" reason=\"现场核查经营场所\"/>", "<visits count=\"1\"/>")]

    @Test func cutListsKeepEverySectionAndNameTheFullExport() throws {
        let report = try AuditReportRenderingTests.report(edits: Self.visitsEdit)
        #expect(report.findings.count > 2)
        let html = AuditHTMLReport.render(report, rowLimit: 2)
        for heading in [
            "<h2>目标</h2>", "<h2>待办事项（未达成目标涉及的事项）</h2>", "<h2>各部门问题（错误多者在前）</h2>", "<h2>覆盖率</h2>",
            "<h2>各部门情况</h2>", "<h2>时限压缩</h2>", "<h2>发现按规则统计", "<h2>发现（",
        ] {
            #expect(html.contains(heading), "\(heading)")
        }
        let total = report.findings.count
        #expect(html.contains("仅列出前 2 项，共 \(total) 项，另有 \(total - 2) 项未列出；完整清单见 <code>--format csv</code>"))
        // Two finding rows in the findings table, however many there are.
        let table = try #require(html.components(separatedBy: "<table class=\"reflow findings\">").last)
        let body = try #require(table.components(separatedBy: "</table>").first)
        #expect(body.components(separatedBy: "<tr><td data-label=\"级别\" class=\"sev-").count - 1 == 2)
        // Every rule with a finding is still counted.
        for rule in Set(report.findings.map(\.rule)) { #expect(html.contains("<code>\(rule)</code>")) }
    }

    @Test func aCutWorkListKeepsEveryDepartmentWithItsCount() throws {
        let report = try AuditReportRenderingTests.report(edits: Self.visitsEdit)
        let missed = try #require(report.failedTargets.first { Set($0.missing.map(\.department)).count > 1 })
        let html = AuditHTMLReport.render(report, rowLimit: 1)
        for department in Set(missed.missing.map(\.department)) {
            let count = missed.missing.count { $0.department == department }
            #expect(html.contains("\(department)<div class=\"small\">\(count) 项</div>"), "\(department)")
        }
        #expect(html.contains("完整清单见 <code>--format xlsx</code>（工作表“待办事项”）"))
    }

    @Test func theWholeSampleFitsWithoutNotesAndCarriesTheCSP() throws {
        let report = try AuditReportRenderingTests.report()
        let html = AuditHTMLReport.render(report)
        #expect(report.findings.count <= AuditHTMLReport.defaultRowLimit)
        #expect(!html.contains("class=\"more\""))
        #expect(
            html.contains(
                "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">"
            ))
        #expect(!html.contains("<script"))
        #expect(!html.contains(" style=\""))
    }
}
