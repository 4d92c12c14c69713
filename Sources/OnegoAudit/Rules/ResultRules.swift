import OnegoBase
import OnegoCatalog

/// Results (办理结果).
enum ResultRules {
    static let all: [AuditRule] = [
        .item(
            "results.licensing-missing", .error, .results, title: "行政许可事项须有办理结果",
            explanation: "行政许可事项须写明办理结果（证照、批文等），以便申请人知道得到什么、一件事中其他事项能否复用。"
        ) { item, _ in
            guard item.type.isLicensing, item.results.isEmpty else { return [] }
            return [RuleIssue("\(item.label)是行政许可事项，但未写明办理结果")]
        },
        .item(
            "results.licence-without-elicence", .note, .results, title: "证照类结果宜有电子证照",
            explanation: "证照类办理结果应同步生成电子证照，供其他事项免证调用。"
        ) { item, _ in
            item.results.filter { $0.type == .licence && ($0.eLicence ?? "").isEmpty }.map {
                RuleIssue("\(item.label)的证照类结果“\($0.name)”未写明电子证照类型")
            }
        },
        .item(
            "results.validity-missing", .note, .results, title: "证照类结果宜写明有效期",
            explanation: "证照类办理结果应写明有效期限（可为“长期”）。"
        ) { item, _ in
            item.results.filter { $0.type == .licence && ($0.validity ?? "").isEmpty }.map {
                RuleIssue("\(item.label)的证照类结果“\($0.name)”未写明有效期")
            }
        },
    ]
}
