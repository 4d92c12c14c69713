import OnegoAudit
import OnegoExport

/// The audit summary: targets and gaps, rates, per-department charts, compression, matters and findings, the same
/// sections as `onego audit --format html`.
struct AuditPage {
    let report: AuditReport

    var body: HTML {
        """
        <main>
        <div class="actions noprint" id="audit-downloads"><span>下载：</span>\
        <a class="button" href="/audit/download/xlsx" download>Excel（目标、待办清单、问题）</a>\
        <a class="button secondary" href="/audit/download/csv" download>CSV（问题）</a>\
        <a class="button secondary" href="/audit/download/html" download>可打印的报告（HTML）</a>\
        <a class="button secondary" href="/audit/download/sarif" download>SARIF</a>\
        <a class="button secondary" href="/audit/download/json" download>JSON</a></div>
        \(AuditHTMLReport.sectionsMarkup(report))
        </main>
        """
    }
}
