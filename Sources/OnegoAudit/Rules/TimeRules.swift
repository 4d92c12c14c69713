import OnegoBase
import OnegoCatalog

/// Time limits and units: 即办件 ⇔ 承诺 0, promise within the statutory limit, comparable units, step limits.
enum TimeRules {
    static let all: [AuditRule] = [
        .item(
            "time.promise-exceeds-statutory", .error, .time, title: "承诺时限不超过法定时限",
            explanation: "承诺办结时限（换算为同一单位后）不得超过法定办结时限。"
        ) { item, context in
            guard let statutory = item.statutoryLimit, let promised = item.promisedLimit,
                promised.compare(to: statutory, officeHours: context.settings.officeHours) == .descending
            else { return [] }
            return [RuleIssue("\(item.label)的承诺时限（\(promised)）超过法定时限（\(statutory)）")]
        },
        .item(
            "time.immediate-nonzero-promise", .error, .time, title: "即办件承诺时限为 0",
            explanation: "即办件在材料齐全时当场办结，承诺时限应为 0。"
        ) { item, _ in
            guard item.isImmediate, let promised = item.promisedLimit, promised.value != 0 else { return [] }
            return [RuleIssue("\(item.label)为即办件，但承诺时限为\(promised)，应为 0")]
        },
        .item(
            "time.zero-promise-not-immediate", .warning, .time, title: "承诺时限为 0 的事项应标为即办件",
            explanation: "承诺时限为 0 即当场办结，办件类型应为即办件（即办件 ⇔ 承诺 0）。"
        ) { item, _ in
            guard !item.isImmediate, item.promisedLimit?.value == 0 else { return [] }
            return [RuleIssue("\(item.label)承诺时限为 0，但办件类型为承诺件，应为即办件")]
        },
        .item(
            "time.incomparable-units", .note, .time, title: "法定与承诺时限单位不可直接比较",
            explanation: "工作日与自然日之间须按工作日历换算，压缩率无法逐项计算，建议统一单位（小时、分钟按办公时间折算为工作日，可以比较）。"
        ) { item, context in
            guard let statutory = item.statutoryLimit, !item.isImmediate, let promised = item.promisedLimit,
                promised.compare(to: statutory, officeHours: context.settings.officeHours) == nil
            else { return [] }
            return [RuleIssue("\(item.label)的法定时限（\(statutory)）与承诺时限（\(promised)）单位不同，无法直接比较")]
        },
        .item(
            "time.licensing-without-statutory", .warning, .time, title: "行政许可事项须有法定时限",
            explanation: "《行政许可法》第四十二条规定了许可决定的法定期限，行政许可事项应填写法定办结时限。"
        ) { item, _ in
            guard item.type.isLicensing, item.statutoryLimit == nil else { return [] }
            return [RuleIssue("\(item.label)是行政许可事项，但未填写法定办结时限")]
        },
        .item(
            "time.steps-exceed-promise", .warning, .time, title: "环节时限之和不超过承诺时限",
            explanation: "办理流程各环节时限（同一单位）之和不应超过承诺时限。"
        ) { item, _ in
            let limits = item.steps.compactMap(\.limit)
            guard let promised = item.promisedLimit, !limits.isEmpty, limits.allSatisfy({ $0.unit == promised.unit })
            else { return [] }
            let sum = limits.reduce(0) { $0 + $1.value }
            guard sum > promised.value + 1e-9 else { return [] }
            let total = TimeLimit(sum, promised.unit)
            return [RuleIssue("\(item.label)各环节时限之和（\(total)）超过承诺时限（\(promised)）")]
        },
        .item(
            "time.special-procedure-limit", .note, .time, title: "特别程序应写明时限",
            explanation: "特别程序（检验检测、专家评审、听证等）不计入办结时限，应单独公布其时限。"
        ) { item, _ in
            item.specialProcedures.filter { $0.limit == nil }.map {
                RuleIssue("\(item.label)的特别程序“\($0.kind.rawValue)”未写明时限")
            }
        },
        .item(
            "time.not-compressed", .note, .time, title: "承诺时限等于法定时限（未压缩）",
            explanation: "承诺时限与法定时限相同，说明该事项尚未做时限压缩。"
        ) { item, _ in
            guard !item.isImmediate, let statutory = item.statutoryLimit, statutory.value > 0,
                item.promisedLimit?.compare(to: statutory) == .same
            else { return [] }
            return [RuleIssue("\(item.label)的承诺时限与法定时限相同（\(statutory)），尚未压缩")]
        },
    ]
}
