public import Foundation
public import OnegoAudit

/// The audit as an Excel workbook with four sheets: 目标 (targets), 待办事项 (the work list of every missed target),
/// 问题清单 (findings, as in the CSV) and 部门 (departments worst first).
public enum AuditXLSXReport {
    /// The workbook's bytes.
    public static func render(_ report: AuditReport) throws(OfficePackageError) -> Data {
        try XLSXWriter(sheets: sheets(report)).data()
    }

    /// The four sheets.
    public static func sheets(_ report: AuditReport) -> [XLSXSheet] {
        [targets(report), workList(report), findings(report), departments(report)]
    }

    static func targets(_ report: AuditReport) -> XLSXSheet {
        let rows: [[XLSXCell]] = report.targets.map { result in
            let t = result.target
            return [
                .string(t.name), .string(AuditFormatting.targetValue(result.value, t)),
                result.value.map { .number(round4($0)) } ?? .empty, .number(round4(result.numerator)),
                .number(round4(result.denominator)), .string("\(t.comparison.symbol) \(t.thresholdText)"),
                .string(result.met ? "达成" : "未达成"), .string(AuditFormatting.gap(result)),
                .number(Double(result.missing.count)),
            ]
        }
        return XLSXSheet(
            name: "目标", header: ["目标", "实际", "数值", "分子", "分母", "要求", "结果", "差距", "待办事项数"],
            columnWidths: [24, 10, 10, 10, 10, 12, 10, 34, 12], rows: rows)
    }

    static func workList(_ report: AuditReport) -> XLSXSheet {
        var rows: [[XLSXCell]] = []
        let order = report.departmentsWorstFirst
        for result in report.targets where !result.missing.isEmpty {
            for (department, items) in AuditFormatting.grouped(result.missing, order: order) {
                for item in items {
                    rows.append([
                        .string(result.target.name), .string(department), .string(item.code), .string(item.name),
                        .string(item.reason),
                    ])
                }
            }
        }
        return XLSXSheet(
            name: "待办事项", header: ["目标", "部门", "事项编码", "事项名称", "未达标原因"],
            columnWidths: [18, 28, 38, 40, 40], rows: rows)
    }

    static func findings(_ report: AuditReport) -> XLSXSheet {
        let rows = AuditSpreadsheet.findingsByDepartment(report).map {
            AuditSpreadsheet.findingRow($0, report).map(XLSXCell.string)
        }
        return XLSXSheet(
            name: "问题清单", header: AuditCSVReport.header, columnWidths: [28, 38, 36, 30, 24, 8, 70, 50], rows: rows)
    }

    static func departments(_ report: AuditReport) -> XLSXSheet {
        let rows: [[XLSXCell]] = report.departmentSummaries.map {
            [
                .string($0.department), .number(Double($0.errors)), .number(Double($0.warnings)),
                .number(Double($0.notes)), .number(Double($0.workItems)),
            ]
        }
        return XLSXSheet(
            name: "部门", header: ["部门", "错误", "警告", "提示", "待办事项"], columnWidths: [30, 8, 8, 8, 10], rows: rows)
    }
}
