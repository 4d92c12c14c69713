import OnegoBase
import OnegoCatalog

/// 秒批: automatic approval cannot rest on what a machine cannot check.
enum InstantApprovalRules {
    static let all: [AuditRule] = [
        .item(
            "instant.paper-proof", .error, .instant, title: "秒批事项不得要求只能人工审核的纸质证明",
            explanation: "无人干预自动审批依赖电子证照和共享数据；申请人自备、只收纸质件的证件证明或其他材料无法自动核验。"
        ) { item, _ in
            guard item.modes.isInstantApproval else { return [] }
            return item.materials.filter {
                $0.isPaperOnly && $0.type != .form && $0.source != .government && $0.necessity != .optional
            }.map {
                RuleIssue(
                    "\(item.label)为秒批事项，但材料“\($0.name)”（\($0.source.label)、仅纸质）须人工审核", at: $0.location)
            }
        },
        .item(
            "instant.special-procedure", .error, .instant, title: "秒批事项不得有特别程序",
            explanation: "检验检测、专家评审、听证、现场勘验等特别程序需要人工判断，与秒批矛盾。"
        ) { item, _ in
            guard item.modes.isInstantApproval, !item.specialProcedures.isEmpty else { return [] }
            let kinds = item.specialProcedures.map(\.kind.rawValue).joined(separator: "、")
            return [RuleIssue("\(item.label)为秒批事项，却有特别程序（\(kinds)）")]
        },
        .item(
            "instant.long-promise", .warning, .instant, title: "秒批事项应为即办件或短时限",
            explanation: "自动审批应当场办结；非即办件的承诺时限不应超过配置的上限（默认 1 个工作日）。"
        ) { item, context in
            guard item.modes.isInstantApproval, !item.isImmediate, let promised = item.promisedLimit else { return [] }
            let limit = context.settings.instantApprovalMaxPromise
            let hours = context.settings.officeHours
            let tooLong: Bool
            if let order = promised.compare(to: limit, officeHours: hours) {
                tooLong = order == .descending
            } else {
                tooLong = promised.workingDays(in: hours) > limit.workingDays(in: hours)
            }
            guard tooLong else { return [] }
            return [RuleIssue("\(item.label)为秒批事项，但承诺时限为\(promised)，超过\(limit)")]
        },
        .item(
            "instant.not-online", .warning, .instant, title: "秒批事项须可在线申办",
            explanation: "秒批在网上受理后自动决定，网上办理深度应至少为Ⅲ级。"
        ) { item, _ in
            guard item.modes.isInstantApproval, item.online.depth < .onlineApplication || !item.online.isAvailable
            else { return [] }
            return [RuleIssue("\(item.label)为秒批事项，但网上办理深度为\(item.online.depth.label)")]
        },
    ]
}
