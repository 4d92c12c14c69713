import OnegoBase
import OnegoCatalog

/// 容缺受理: never on key materials; a supplement deadline within the promise.
enum ToleranceRules {
    static let all: [AuditRule] = [
        .item(
            "tolerance.key-material", .error, .tolerance, title: "关键材料不得容缺",
            explanation: "容缺受理只适用于次要材料；关键材料（key=true）必须齐全才能受理。"
        ) { item, _ in
            item.materials.filter { $0.allowsLaterSupply && $0.isKey }.map {
                RuleIssue("\(item.label)的关键材料“\($0.name)”被设为容缺后补", at: $0.location)
            }
        },
        .item(
            "tolerance.supply-days-missing", .warning, .tolerance, title: "容缺材料须写明补交期限",
            explanation: "容缺受理通知书须一次性告知补交材料、形式和期限。"
        ) { item, _ in
            item.materials.filter { $0.allowsLaterSupply && $0.supplyDays == nil }.map {
                RuleIssue("\(item.label)的容缺材料“\($0.name)”未写明补交期限（supplyDays）", at: $0.location)
            }
        },
        .item(
            "tolerance.supply-exceeds-promise", .error, .tolerance, title: "补交期限不超过承诺时限",
            explanation: "容缺材料的补交期限不得超过承诺办结时限（按工作日折算）。"
        ) { item, context in
            guard let promised = item.promisedLimit else { return [] }
            let promise = promised.workingDays(in: context.settings.officeHours)
            return item.materials.compactMap { material in
                guard material.allowsLaterSupply, let days = material.supplyDays, days > promise + 1e-9 else {
                    return nil
                }
                let shown = TimeLimit(days, .workingDays)
                return RuleIssue(
                    "\(item.label)的容缺材料“\(material.name)”补交期限为\(shown)，超过承诺时限（\(promised)）",
                    at: material.location)
            }
        },
        .item(
            "tolerance.application-form", .warning, .tolerance, title: "申请表不宜容缺",
            explanation: "申请表格文书是受理的基础，一般不作为容缺材料。"
        ) { item, _ in
            item.materials.filter { $0.allowsLaterSupply && $0.type == .form && $0.name.contains("申请") }.map {
                RuleIssue("\(item.label)的申请表格“\($0.name)”被设为容缺后补", at: $0.location)
            }
        },
        .item(
            "tolerance.all-materials", .warning, .tolerance, title: "不能所有材料都容缺",
            explanation: "容缺受理以关键材料齐全为前提；全部材料都可容缺意味着没有关键材料。"
        ) { item, _ in
            guard item.materials.count > 1, item.materials.allSatisfy(\.allowsLaterSupply) else { return [] }
            return [RuleIssue("\(item.label)的 \(item.materials.count) 项材料全部为容缺后补，缺少关键材料")]
        },
    ]
}
