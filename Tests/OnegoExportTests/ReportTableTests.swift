import Foundation
import OnegoAudit
import OnegoExport
import Testing

@testable import OnegoExport

/// Report tables that reflow on a phone: every cell carries its column's header, catalog text stays escaped, and
/// tables whose cells span rows are left to scroll in their own box.
@Suite struct ReportTableTests {
    @Test func everyCellOfEveryRowCarriesItsColumnsHeader() {
        let rows: HTML = """
            <tr><td>企业设立登记<br><code>11440188MB2C90231K4010100100100001</code></td><td class="num">0.5个工作日</td></tr>
            <tr><td>烟草专卖零售许可证核发（新办）</td><td class="num">10个工作日</td></tr>

            """
        let html = ReportTable.reflowing(headers: ["事项", "承诺 <时限>"], rows: rows).text
        #expect(html.hasPrefix("<table class=\"reflow\"><thead><tr><th>事项</th><th>承诺 &lt;时限&gt;</th></tr></thead>"))
        #expect(html.components(separatedBy: "<td data-label=\"事项\">").count - 1 == 2)
        #expect(html.components(separatedBy: "<td data-label=\"承诺 &lt;时限&gt;\" class=\"num\">").count - 1 == 2)
        #expect(html.contains("<code>11440188MB2C90231K4010100100100001</code></td>"))
        #expect(!html.contains("<td>") && !html.contains("<td class"))
    }

    @Test func escapedCatalogTextIsNeverTakenForACell() {
        let rows: HTML = "<tr><td>&lt;td&gt;食品经营许可&lt;tr&gt;</td></tr>\n"
        #expect(
            ReportTable.labelled(rows, headers: ["事项"]).text
                == "<tr><td data-label=\"事项\">&lt;td&gt;食品经营许可&lt;tr&gt;</td></tr>\n")
    }

    @Test func auditAndDiffPagesReflowTheirFlatTablesAndScrollTheRest() throws {
        let report = try AuditReportRenderingTests.report()
        let html = AuditHTMLReport.render(report)
        #expect(html.contains("<h2>目标</h2>\n<table class=\"reflow\"><thead><tr><th>目标</th><th>实际</th>"))
        #expect(html.contains("<td data-label=\"结果\" class=\"missed\">✗ 未达成</td>"))
        #expect(html.contains("<table class=\"reflow findings\"><colgroup>"))
        // The work list spans rows by department: it keeps its grid and scrolls.
        #expect(html.contains("<table><thead><tr><th>部门</th><th>事项</th><th>未达标原因</th></tr></thead>"))
        #expect(html.contains("table.reflow td::before{content:attr(data-label)"))
        #expect(html.contains("table.reflow td:empty{display:none}"))
        #expect(
            html.contains(
                "@media screen and (max-width:600px){body{padding:12px}table{font-size:12px;display:block;overflow-x:auto"
            ))
        #expect(!html.contains("style=\""))
    }
}
