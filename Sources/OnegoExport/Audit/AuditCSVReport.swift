import Foundation
public import OnegoAudit
import OnegoBase

/// The findings as CSV, one row per finding: 部门, 事项编码, 事项名称, 规则, 规则名称, 级别, 说明, 位置.
///
/// UTF-8 with a byte-order mark and CRLF line ends (RFC 4180), so Excel and WPS open it with the Chinese intact.
public enum AuditCSVReport {
    /// The header row.
    public static let header = ["部门", "事项编码", "事项名称", "规则", "规则名称", "级别", "说明", "位置"]

    /// Renders the findings, departments worst first, then in report order.
    public static func render(_ report: AuditReport) -> String {
        var out = "\u{FEFF}" + line(header)
        for finding in AuditSpreadsheet.findingsByDepartment(report) {
            out += line(AuditSpreadsheet.findingRow(finding, report))
        }
        return out
    }

    /// One CSV line: fields quoted when they hold a comma, quote or line break.
    static func line(_ fields: [String]) -> String {
        fields.map(quoted).joined(separator: ",") + "\r\n"
    }

    static func quoted(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

/// The rows the CSV and XLSX exports share.
enum AuditSpreadsheet {
    /// Findings ordered by department (worst first; findings without one last), then report order.
    static func findingsByDepartment(_ report: AuditReport) -> [Finding] {
        var rank: [String: Int] = [:]
        for (index, name) in report.departmentsWorstFirst.enumerated() { rank[name] = index }
        return report.findings.enumerated().sorted { a, b in
            let ra = a.element.department.flatMap { rank[$0] } ?? Int.max
            let rb = b.element.department.flatMap { rank[$0] } ?? Int.max
            return ra != rb ? ra < rb : a.offset < b.offset
        }.map(\.element)
    }

    /// 部门, 事项编码, 事项名称, 规则, 规则名称, 级别, 说明, 位置.
    static func findingRow(_ finding: Finding, _ report: AuditReport) -> [String] {
        [
            finding.department ?? "", finding.item ?? "", finding.itemName ?? "", finding.rule.rawValue,
            AuditFormatting.ruleTitle(finding.rule.rawValue, in: report), finding.severity.label, finding.message,
            finding.location?.description ?? "",
        ]
    }
}
