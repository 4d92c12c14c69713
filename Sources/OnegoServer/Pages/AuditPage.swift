import OnegoAudit
import OnegoExport

/// The audit summary: targets and gaps, rates, per-department charts, compression, matters and findings, the same
/// sections as `onego audit --format html`.
struct AuditPage {
    let report: AuditReport

    var body: String {
        """
        <main>
        <div class="actions noprint"><a class="button secondary" href="/api/audit">下载 JSON</a></div>
        \(AuditHTMLReport.sections(report))
        </main>
        """
    }
}
