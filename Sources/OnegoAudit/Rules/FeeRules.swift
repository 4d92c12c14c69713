import OnegoBase
import OnegoCatalog

/// Fees: charged ⇒ fee items with standard and basis.
enum FeeRules {
    static let all: [AuditRule] = [
        .item(
            "fees.items-missing", .error, .fees, title: "收费事项须列收费项目",
            explanation: "是否收费为是时，须列出收费项目、收费标准和收费依据。"
        ) { item, _ in
            guard item.fee.isCharged, item.fee.items.isEmpty else { return [] }
            return [RuleIssue("\(item.label)标为收费，但未列收费项目")]
        },
        .item(
            "fees.basis-missing", .error, .fees, title: "收费项目须写明依据",
            explanation: "每个收费项目都须写明收费依据（文件名称和文号）。"
        ) { item, _ in
            guard item.fee.isCharged else { return [] }
            return item.fee.items.filter { ($0.basis ?? "").isEmpty }.map {
                RuleIssue("\(item.label)的收费项目“\($0.name)”未写明收费依据")
            }
        },
        .item(
            "fees.standard-missing", .error, .fees, title: "收费项目须写明标准",
            explanation: "每个收费项目都须写明收费标准。"
        ) { item, _ in
            guard item.fee.isCharged else { return [] }
            return item.fee.items.filter { $0.standard.isEmpty }.map {
                RuleIssue("\(item.label)的收费项目“\($0.name)”未写明收费标准")
            }
        },
        .item(
            "fees.items-but-free", .warning, .fees, title: "不收费事项不应列收费项目",
            explanation: "是否收费为否，却列出收费项目，两者矛盾。"
        ) { item, _ in
            guard !item.fee.isCharged, !item.fee.items.isEmpty else { return [] }
            let names = item.fee.items.map(\.name).joined(separator: "、")
            return [RuleIssue("\(item.label)标为不收费，却列有收费项目（\(names)）")]
        },
    ]
}
