import OnegoAudit
import OnegoBase
import OnegoXML

/// The parts of the audit page that keep it small at scale: the findings counted per rule, and the note under
/// every list cut short that says where the full list is.
extension AuditHTMLReport {
    /// Bars per chart at most: a chart of this many departments still fits on one A4 page.
    static let chartBarLimit = 30

    /// Which full export holds a list the page cuts short.
    enum FullList {
        case workList, findings, compression, waivers, regionalVariation

        /// The Chinese pointer to the right `--format`.
        var pointer: HTML {
            switch self {
            case .workList:
                "完整清单见 <code>--format xlsx</code>（工作表“待办事项”）或 <code>--format json</code>（targets[].missing）"
            case .findings:
                "完整清单见 <code>--format csv</code>、<code>--format xlsx</code>（工作表“问题清单”）或 <code>--format json</code>（findings）"
            case .compression:
                "完整清单见 <code>--format json</code>（compression.unreformed、compression.excluded）"
            case .waivers:
                "完整清单见 <code>--format sarif</code>（带 suppressions 的结果）"
            case .regionalVariation:
                "完整对照见 <code>--format json</code>（regionalVariation）"
            }
        }
    }

    /// `仅列出前 200 项，共 5,000 项；完整清单见 …`, or nothing when the whole list is shown.
    static func omitted(shown: Int, of total: Int, in list: FullList) -> HTML {
        guard total > shown else { return "" }
        return "<p class=\"more\">仅列出前 \(shown) 项，共 \(total) 项，另有 \(total - shown) 项未列出；\(list.pointer)。</p>"
    }

    /// Findings counted per rule (most first): every rule with a finding appears, however long the list is.
    static func findingsByRule(_ report: AuditReport) -> HTML {
        guard !report.findings.isEmpty else { return "" }
        struct Count {
            var severity: Severity
            var findings = 0
            var departments = Set<String>()
        }
        var counts: [String: Count] = [:]
        for finding in report.findings {
            counts[finding.rule.rawValue, default: Count(severity: finding.severity)].findings += 1
            if let department = finding.department { counts[finding.rule.rawValue]?.departments.insert(department) }
        }
        // Errors first (Severity orders error < warning < note), then the most frequent.
        let ordered = counts.sorted {
            $0.value.severity != $1.value.severity
                ? $0.value.severity < $1.value.severity
                : ($1.value.findings, $0.key) < ($0.value.findings, $1.key)
        }
        var rows: HTML = ""
        for (rule, count) in ordered {
            rows += """
                <tr><td class="sev-\(count.severity.rawValue)">\(count.severity.label)</td>\
                <td><span class="rule-title">\(AuditFormatting.ruleTitle(rule, in: report))</span><code>\(rule)</code></td>\
                <td class="num">\(count.findings)</td><td class="num">\(count.departments.count)</td></tr>

                """
        }
        return """
            <h2>发现按规则统计（\(ordered.count) 条规则）</h2>
            \(ReportTable.reflowing(headers: ["级别", "规则", "发现", "涉及部门"], rows: rows))

            """
    }
}
