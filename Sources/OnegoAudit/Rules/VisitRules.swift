import OnegoBase
import OnegoCatalog

/// Visits (到办事现场次数): reasons for on-site presence, postal handling when nothing is online, 最多跑一次.
enum VisitRules {
    static let all: [AuditRule] = [
        .item(
            "visits.zero-with-reason", .warning, .visits, title: "零跑动事项不应填写到现场理由",
            explanation: "到办事现场次数为 0 时，“必须现场办理的理由”应为空。"
        ) { item, _ in
            guard item.isZeroVisit, let reason = item.visitReason, !reason.isEmpty else { return [] }
            return [RuleIssue("\(item.label)到现场次数为 0，却填写了到现场理由“\(reason)”")]
        },
        .item(
            "visits.reason-missing", .warning, .visits, title: "需到现场的事项须说明理由",
            explanation: "到办事现场次数大于 0 时，应说明必须到现场的理由（如核验原件、现场勘验）。"
        ) { item, _ in
            guard item.visits > 0, (item.visitReason ?? "").isEmpty else { return [] }
            return [RuleIssue("\(item.label)需到现场 \(item.visits) 次，但未说明到现场的理由")]
        },
        .item(
            "visits.zero-offline-needs-post", .error, .visits, title: "零跑动且不能网办须提供快递申请",
            explanation: "到现场次数为 0 而又不能网上办理时，申请人只能通过快递递交材料，办理形式须包含快递申请。"
        ) { item, _ in
            guard item.isZeroVisit, !item.online.isAvailable, !item.handlingForms.contains(.post) else { return [] }
            let forms = item.handlingForms.map(\.rawValue).joined(separator: "、")
            return [RuleIssue("\(item.label)到现场次数为 0 且不能网上办理，但办理形式（\(forms.isEmpty ? "无" : forms)）不含快递申请")]
        },
        .item(
            "visits.more-than-allowed", .warning, .visits, title: "最多跑一次",
            explanation: "“最多跑一次”改革要求到现场次数不超过 1 次（阈值可配置）。"
        ) { item, context in
            guard item.visits > context.settings.maxVisits else { return [] }
            return [RuleIssue("\(item.label)需到现场 \(item.visits) 次，超过“最多跑\(context.settings.maxVisits)次”")]
        },
        .item(
            "visits.window-only-zero", .error, .visits, title: "仅窗口办理的事项不可能零跑动",
            explanation: "办理形式只有窗口办理时，到现场次数至少为 1。"
        ) { item, _ in
            guard item.isZeroVisit, !item.handlingForms.isEmpty, item.handlingForms.allSatisfy({ $0 == .window })
            else { return [] }
            return [RuleIssue("\(item.label)只能窗口办理，到现场次数却为 0")]
        },
    ]
}
