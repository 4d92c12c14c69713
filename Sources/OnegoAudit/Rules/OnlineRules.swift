import OnegoBase
import OnegoCatalog

/// Online depth and handling forms.
enum OnlineRules {
    static let all: [AuditRule] = [
        .item(
            "online.full-depth-visits", .error, .online, title: "全程网办事项零跑动",
            explanation: "网上办理深度为Ⅳ级（全程网办）时，到现场次数应为 0。"
        ) { item, _ in
            guard item.isFullyOnline, item.visits > 0 else { return [] }
            return [RuleIssue("\(item.label)网上办理深度为Ⅳ级（全程网办），但到现场次数为 \(item.visits)")]
        },
        .item(
            "online.depth-without-flag", .error, .online, title: "网办深度与“是否网办”一致",
            explanation: "网上办理深度达到Ⅲ级（在线申办）及以上时，“是否网办”应为是。"
        ) { item, _ in
            guard !item.online.isAvailable, item.online.depth >= .onlineApplication else { return [] }
            return [RuleIssue("\(item.label)标为不可网办，但网上办理深度为\(item.online.depth.label)")]
        },
        .item(
            "online.flag-shallow-depth", .warning, .online, title: "可网办事项的深度至少Ⅲ级",
            explanation: "“是否网办”为是，意味着可在线申办，网上办理深度应至少为Ⅲ级。"
        ) { item, _ in
            guard item.online.isAvailable, item.online.depth < .onlineApplication else { return [] }
            return [RuleIssue("\(item.label)标为可网办，但网上办理深度仅为\(item.online.depth.label)")]
        },
        .item(
            "online.form-missing", .warning, .online, title: "可网办事项的办理形式含网上办理",
            explanation: "可网办的事项，办理形式应包含网上办理。"
        ) { item, _ in
            guard item.online.isAvailable, !item.handlingForms.contains(.online) else { return [] }
            return [RuleIssue("\(item.label)可网办，但办理形式未列“网上办理”")]
        },
        .item(
            "online.form-without-flag", .warning, .online, title: "列有网上办理的事项应标为可网办",
            explanation: "办理形式列有网上办理，而“是否网办”为否，两者矛盾。"
        ) { item, _ in
            guard !item.online.isAvailable, item.handlingForms.contains(.online) else { return [] }
            return [RuleIssue("\(item.label)的办理形式含“网上办理”，但标为不可网办")]
        },
        .item(
            "online.url-missing", .warning, .online, title: "可网办事项须有办理网址",
            explanation: "可网办的事项应公布网上办理地址。"
        ) { item, _ in
            guard item.online.isAvailable, (item.online.url ?? "").isEmpty else { return [] }
            return [RuleIssue("\(item.label)可网办，但未填写网上办理地址")]
        },
        .item(
            "online.forms-missing", .error, .online, title: "须至少有一种办理形式",
            explanation: "事项须写明至少一种办理形式（窗口、网上、快递、自助终端、移动端）。"
        ) { item, _ in
            guard item.handlingForms.isEmpty else { return [] }
            return [RuleIssue("\(item.label)未写明任何办理形式")]
        },
    ]
}
