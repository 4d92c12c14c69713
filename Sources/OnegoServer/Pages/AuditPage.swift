import OnegoAudit
import OnegoBase
import OnegoExport

/// The audit summary: targets and gaps, rates, per-department charts, compression, matters and findings, the same
/// sections as `onego audit --format html`, after a form that filters the findings by rule, department and
/// severity (`/audit?rule=…&department=…&severity=…`; the filtered findings are listed first).
struct AuditPage {
    let report: AuditReport
    /// The rule ID the findings are filtered by; empty for every rule.
    var rule = ""
    /// The department the findings are filtered by; empty for every department.
    var department = ""
    /// The severity (`error`, `warning`, `note`) the findings are filtered by; empty for every severity.
    var severity = ""

    /// The most filtered findings listed (the downloads hold them all).
    static let rowLimit = 500

    var isFiltering: Bool { !(rule.isEmpty && department.isEmpty && severity.isEmpty) }

    /// The findings the filter keeps.
    var matching: [Finding] {
        report.findings.filter { finding in
            (rule.isEmpty || finding.rule.rawValue == rule) && (department.isEmpty || finding.department == department)
                && (severity.isEmpty || finding.severity.rawValue == severity)
        }
    }

    var body: HTML {
        """
        <main>
        <div class="actions noprint" id="audit-downloads"><span>下载：</span>\
        <a class="button" href="/audit/download/xlsx" download>Excel（目标、待办清单、问题）</a>\
        <a class="button secondary" href="/audit/download/csv" download>CSV（问题）</a>\
        <a class="button secondary" href="/audit/download/html" download>可打印的报告（HTML）</a>\
        <a class="button secondary" href="/audit/download/sarif" download>SARIF</a>\
        <a class="button secondary" href="/audit/download/json" download>JSON</a></div>
        \(filterForm)\(filtered)
        \(AuditHTMLReport.sectionsMarkup(report))
        </main>
        """
    }

    /// The filter: one select per criterion, each listing what the findings hold, with counts.
    var filterForm: HTML {
        guard !report.findings.isEmpty else { return "" }
        func select(_ name: String, _ label: String, _ values: [(String, String)], _ current: String) -> HTML {
            let options = values.map { value, text -> HTML in
                "<option value=\"\(value)\"\(value == current ? " selected" : "")>\(text)</option>"
            }
            return "<label>\(label) <select name=\"\(name)\"><option value=\"\">（全部）</option>"
                + "\(HTML.joined(options))</select></label>"
        }
        func counted(_ keys: [String]) -> [(String, String)] {
            var counts: [String: Int] = [:]
            for key in keys { counts[key, default: 0] += 1 }
            return counts.keys.sorted().map { ($0, "\($0)（\(counts[$0] ?? 0)）") }
        }
        let severities = Severity.allCases.compactMap { level -> (String, String)? in
            let count = report.findings.filter { $0.severity == level }.count
            return count == 0 ? nil : (level.rawValue, "\(level.label)（\(count)）")
        }
        return """
            <form method="get" action="/audit" class="edit filters noprint" id="finding-filter">\
            <strong>筛选发现</strong>\
            \(select("rule", "规则", counted(report.findings.map(\.rule.rawValue)), rule))\
            \(select("department", "部门", counted(report.findings.compactMap(\.department)), department))\
            \(select("severity", "级别", severities, severity))\
            <button type="submit">筛选</button>\(isFiltering ? clear : "")</form>
            """
    }

    /// The link that drops the filter.
    var clear: HTML { " <a href=\"/audit\" id=\"clear-filter\">清除筛选</a>" }

    /// The findings the filter keeps, as a table that reflows on a phone; empty when nothing is filtered.
    var filtered: HTML {
        guard isFiltering else { return "" }
        let found = matching
        let rows = found.prefix(Self.rowLimit).map { finding -> HTML in
            """
            <tr><td data-label="级别" class="sev-\(finding.severity.rawValue)">\(finding.severity.label)</td>\
            <td data-label="规则"><code>\(finding.rule.rawValue)</code></td>\
            <td data-label="部门">\(finding.department ?? "")</td>\
            <td data-label="事项">\(finding.itemName ?? "")<br><code>\(finding.item ?? "")</code></td>\
            <td data-label="说明">\(finding.message)</td></tr>
            """
        }
        let more: HTML =
            found.count > Self.rowLimit
            ? "<p class=\"muted\">只列出前 \(Self.rowLimit) 条；全部发现见下载的 Excel 或 CSV。</p>" : ""
        let table: HTML =
            found.isEmpty
            ? "<p class=\"muted\">没有符合条件的发现。</p>"
            : """
            <table class="reflow findings"><thead><tr><th>级别</th><th>规则</th><th>部门</th><th>事项</th><th>说明</th>\
            </tr></thead><tbody>\(HTML.joined(rows))</tbody></table>
            """
        return "<section id=\"filtered-findings\"><h2>筛选出的发现（\(found.count) 条）</h2>\(table)\(more)</section>"
    }
}
