import OnegoBase
import OnegoCatalog

/// Checks of number and date questions and of audiences that need no catalog; part of
/// ``MatterChecks/references(in:)``, so the loader reports them with file, line and column.
enum SituationChecks {
    static func problems(in matter: Matter) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for question in matter.questions where question.kind.isMeasured {
            diagnostics += thresholdProblems(question)
        }
        diagnostics += audienceProblems(matter)
        return diagnostics
    }

    private static func thresholdProblems(_ question: Question) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let unit = question.unit ?? ""
        if question.kind == .date && !ElapsedTime.units.contains(unit) {
            diagnostics.append(
                Diagnostic(
                    .error, rule: .matterValue,
                    message: "日期题 \(question.id) 的单位“\(unit)”无效：应为 日、月 或 岁（按受理日计算已过时间）",
                    at: question.location))
        } else if unit.isEmpty {
            diagnostics.append(
                Diagnostic(
                    .error, rule: .matterValue, message: "数值题 \(question.id) 必须用 unit 写明单位（如 平方米）",
                    at: question.location))
        }
        var seen: [String: Threshold] = [:]
        for (offset, threshold) in question.thresholds.enumerated() {
            if threshold.unit != unit {
                diagnostics.append(
                    Diagnostic(
                        .error, rule: .matterThresholdUnit,
                        message: "情形问题 \(question.id) 以“\(unit)”计，阈值 \(threshold.condition) 的单位不一致",
                        at: threshold.location, related: [question.location]))
            }
            if question.kind == .date && ![threshold.atLeast, threshold.below].allSatisfy({ $0?.isWhole ?? true }) {
                diagnostics.append(
                    Diagnostic(
                        .error, rule: .matterValue, message: "日期题 \(question.id) 的阈值 \(threshold.condition) 应为整数",
                        at: threshold.location))
            }
            if threshold.isEmpty {
                diagnostics.append(
                    Diagnostic(
                        .error, rule: .matterThresholdContradiction,
                        message: "情形问题 \(question.id) 的阈值 \(threshold.condition) 没有任何回答能满足",
                        at: threshold.location))
            }
            let key = "\(threshold.atLeast?.description ?? "-") \(threshold.below?.description ?? "-")"
            if let first = seen[key] {
                diagnostics.append(
                    Diagnostic(
                        .error, rule: .matterThresholdOverlap,
                        message: "情形问题 \(question.id) 的阈值 \(threshold.condition) 重复，两处规则作用于同一区间，请合并",
                        at: threshold.location, related: [first.location]))
            } else {
                seen[key] = threshold
            }
            for earlier in question.thresholds[..<offset]
            where earlier.unit == unit && threshold.unit == unit && earlier.overlaps(threshold) {
                if let clash = clash(earlier.effects, threshold.effects) {
                    diagnostics.append(
                        Diagnostic(
                            .error, rule: .matterThresholdContradiction,
                            message: "情形问题 \(question.id) 的阈值 \(earlier.condition) 与 \(threshold.condition) 对同时满足两者的回答"
                                + "规则矛盾：\(clash)",
                            at: threshold.location, related: [earlier.location]))
                }
            }
        }
        return diagnostics
    }

    /// One effect of `a` that `b` undoes (a member both included and excluded, a material both added and
    /// dropped), described.
    private static func clash(_ a: [AnswerEffect], _ b: [AnswerEffect]) -> String? {
        func key(_ effect: AnswerEffect) -> (String, String)? {
            switch effect {
            case .includeMember(let id, _): ("+member", id)
            case .excludeMember(let id, _): ("-member", id)
            case .addMaterial(let id, let material, _): ("+material", id + "/" + material.name)
            case .excludeMaterial(let id, let name, _): ("-material", id + "/" + name)
            }
        }
        let opposite = ["+member": "-member", "-member": "+member", "+material": "-material", "-material": "+material"]
        let theirs = Set(b.compactMap(key).map { "\($0.0) \($0.1)" })
        for effect in a {
            guard let (kind, target) = key(effect), let other = opposite[kind] else { continue }
            if theirs.contains("\(other) \(target)") {
                return kind.hasSuffix("member") ? "成员事项 \(target) 既被选中又被排除" : "材料 \(target) 既被增加又被免去"
            }
        }
        return nil
    }

    private static func audienceProblems(_ matter: Matter) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let served = matter.servedAudiences
        var picked = Set<ServiceObject>()
        for question in matter.questions {
            for answer in question.answers {
                guard let audience = answer.audience else { continue }
                picked.insert(audience)
                if !served.contains(audience) {
                    diagnostics.append(
                        Diagnostic(
                            .error, rule: .matterAudience,
                            message: "答案“\(answer.value)”选择的服务对象 \(audience.rawValue) 不在一件事的服务对象"
                                + "（\(served.map(\.rawValue).joined(separator: "、"))）中",
                            at: answer.location))
                }
            }
        }
        if served.count > 1 {
            let unpicked = served.filter { !picked.contains($0) }
            if !unpicked.isEmpty {
                diagnostics.append(
                    Diagnostic(
                        .error, rule: .matterAudience,
                        message: "一件事服务 \(served.map(\.rawValue).joined(separator: "、"))，但没有答案选择 "
                            + "\(unpicked.map(\.rawValue).joined(separator: "、"))：请在问“谁来申请”的题目的答案上写 audience",
                        at: matter.location))
            }
        }
        return diagnostics
    }
}
