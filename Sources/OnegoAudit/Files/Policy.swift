public import OnegoBase
import OnegoCatalog

/// The published document a target comes from.
public struct PolicySource: Sendable, Hashable, Codable {
    /// The ID targets refer to.
    public var id: String
    /// The document's title.
    public var title: String
    /// Who issued it.
    public var issuer: String?
    /// Its number (文号) or year.
    public var reference: String?
    /// A note on how the figure was taken from it.
    public var note: String?
}

/// One reform target: a rate, a comparison and a threshold.
public struct PolicyTarget: Sendable, Hashable, Codable {
    /// How the figure is compared with the threshold.
    public enum Comparison: String, Sendable, Hashable, Codable {
        case atLeast, atMost

        /// ≥ or ≤.
        public var symbol: String { self == .atLeast ? "≥" : "≤" }
    }

    /// Whether the threshold is a rate (0…1) or a count of items.
    public enum Measure: String, Sendable, Hashable, Codable {
        case rate, count
    }

    /// The target's ID within the policy.
    public var id: String
    /// The Chinese name, e.g. 网上可办率.
    public var name: String
    /// The figure's ID (a rate of ``RateDefinition/all`` or a compression figure).
    public var figure: String
    /// ≥ or ≤.
    public var comparison: Comparison
    /// The threshold: a fraction for rates, a number of items for counts.
    public var threshold: Double
    /// The threshold as written (80%, 1/3, 0.5).
    public var thresholdText: String
    /// Rate or count.
    public var measure: Measure
    /// The source document's ID.
    public var source: String?
    /// Where the target is written.
    public var location: SourceLocation
}

/// A policy file: the targets a reform office measures a catalog against (`Schemas/policy.xsd`).
public struct Policy: Sendable, Hashable, Codable {
    /// The policy's name.
    public var name: String
    /// The year it applies to.
    public var year: String?
    /// The region it applies to.
    public var region: String?
    /// The documents cited.
    public var sources: [PolicySource]
    /// The targets, in file order.
    public var targets: [PolicyTarget]
    /// The file it was read from.
    public var path: String

    /// The figure IDs a target may name: the rates plus the compression figures.
    public static var knownFigures: [String] {
        RateDefinition.all.map(\.id) + CompressionFigure.allCases.map(\.rawValue)
    }

    /// The policy file for `nameOrPath`: a path as given (anything ending in `.xml` or holding `/`), else a shipped
    /// policy by name (`Catalogs/policies/NAME.xml`: guangdong-style-2026, meizhou-2017; `ONEGO_POLICIES` names
    /// another folder); `nil` when there is none.
    public static func locate(_ nameOrPath: String) -> String? {
        ShippedFile.locate(nameOrPath, folder: "Catalogs/policies", environmentVariable: "ONEGO_POLICIES")
    }

    /// The shipped policy audits use when none is named and the workspace has no `policy.xml`.
    public static let defaultName = "guangdong-style-2026"

    /// Reads and validates a policy file (a path, or a shipped policy's pseudo path from ``locate(_:)``).
    public static func load(path: String, schemaPath: String? = nil) -> (Policy?, [Diagnostic]) {
        let (elements, diagnostics) = SmallDocument.read(
            path: path, kind: .policy, namespace: OnegoNamespace.policy, schemaPath: schemaPath)
        var problems = diagnostics
        guard !diagnostics.containsErrors, let root = elements.first else { return (nil, problems) }
        var policy = Policy(
            name: root.attributes["name"] ?? "", year: root.attributes["year"], region: root.attributes["region"],
            sources: [], targets: [], path: path)
        let known = Set(knownFigures)
        for element in elements.dropFirst() {
            switch element.name {
            case "source":
                policy.sources.append(
                    PolicySource(
                        id: element.attributes["id"] ?? "", title: element.attributes["title"] ?? "",
                        issuer: element.attributes["issuer"], reference: element.attributes["reference"],
                        note: element.text.isEmpty ? nil : element.text))
            case "target":
                let figure = element.attributes["figure"] ?? ""
                let text = element.attributes["threshold"] ?? ""
                let measure = PolicyTarget.Measure(rawValue: element.attributes["measure"] ?? "rate") ?? .rate
                guard known.contains(figure) else {
                    problems.append(
                        Diagnostic(
                            .error, rule: .policyUnknownFigure,
                            message: "目标引用的指标“\(figure)”不存在；可用：\(Policy.knownFigures.joined(separator: "、"))",
                            at: element.location))
                    continue
                }
                guard let threshold = parseThreshold(text) else {
                    problems.append(
                        Diagnostic(
                            .error, rule: .policyThreshold, message: "目标阈值“\(text)”无效（应为 80%、1/3 或 0.8 这样的值）",
                            at: element.location))
                    continue
                }
                if let problem = thresholdProblem(threshold, text: text, measure: measure) {
                    problems.append(
                        Diagnostic(.error, rule: .policyThreshold, message: problem, at: element.location))
                    continue
                }
                policy.targets.append(
                    PolicyTarget(
                        id: element.attributes["id"] ?? figure, name: element.attributes["name"] ?? figure,
                        figure: figure,
                        comparison: PolicyTarget.Comparison(rawValue: element.attributes["comparison"] ?? "")
                            ?? .atLeast,
                        threshold: threshold, thresholdText: text, measure: measure,
                        source: element.attributes["source"],
                        location: element.location))
            default:
                break
            }
        }
        let sourceIDs = Set(policy.sources.map(\.id))
        for target in policy.targets {
            if let source = target.source, !sourceIDs.contains(source) {
                problems.append(
                    Diagnostic(
                        .error, rule: .policyUnknownSource,
                        message: "目标“\(target.name)”引用的来源“\(source)”未在 <source> 中定义",
                        at: target.location))
            }
        }
        return (problems.containsErrors ? nil : policy, problems)
    }

    /// The most items a count target may name: more than any catalog holds, small enough to print exactly.
    public static let maxCountThreshold = 100_000_000.0

    /// Why a threshold is meaningless for its measure, or `nil`: a rate is a share of items (0% to 100%), a count
    /// a whole number of items.
    static func thresholdProblem(_ threshold: Double, text: String, measure: PolicyTarget.Measure) -> String? {
        guard threshold.isFinite, threshold >= 0 else { return "目标阈值“\(text)”无效：应为不小于 0 的有限数" }
        switch measure {
        case .rate:
            if threshold > 1 + 1e-12 {
                return "目标阈值“\(text)”超过 100%：比率目标应在 0% 到 100% 之间（写作 80%、0.8 或 4/5）"
            }
        case .count:
            if text.contains("%") || text.contains("/") || threshold.rounded() != threshold {
                return "目标阈值“\(text)”不是整数：measure=\"count\" 的目标是事项个数，应写作 100 这样的整数"
            }
            if threshold > maxCountThreshold {
                return "目标阈值“\(text)”超过 \(Int(maxCountThreshold)) 个事项的上限，不是有意义的目标"
            }
        }
        return nil
    }

    /// `80%` → 0.8, `1/3` → 0.333…, `0.5` → 0.5, `100` (counts) → 100.
    public static func parseThreshold(_ text: String) -> Double? {
        let t = text.trimmed
        if t.hasSuffix("%"), let v = Double(t.dropLast()) { return v / 100 }
        let parts = t.split(separator: "/")
        if parts.count == 2, let a = Double(parts[0]), let b = Double(parts[1]), b != 0 { return a / b }
        return Double(t)
    }
}

/// The compression figures a policy may target.
public enum CompressionFigure: String, Sendable, CaseIterable {
    case mean = "compression-mean"
    case weighted = "compression-weighted"
    case licensingMean = "licensing-compression-mean"
    case licensingWeighted = "licensing-compression-weighted"
}

/// How one target fared.
public struct TargetResult: Sendable, Hashable, Codable {
    /// The target.
    public var target: PolicyTarget
    /// The figure's value (fraction for rates, items for counts), or `nil` when nothing could be counted.
    public var value: Double?
    /// The figure's numerator.
    public var numerator: Double
    /// The figure's denominator.
    public var denominator: Double
    /// Whether the target is met (never when it cannot be assessed).
    public var met: Bool
    /// The items that count against the target (empty when it is met or its figure has no item list).
    public var missing: [WorkItem] = []

    /// Whether the figure could be computed: a denominator of 0 (no item in the population, no statutory limit
    /// to compress) leaves the target 无法评估, neither met nor missed.
    public var isAssessable: Bool { value != nil && denominator > 0 }

    /// 达成, 未达成 or 无法评估.
    public var verdict: String { met ? "达成" : (isAssessable ? "未达成" : "无法评估") }

    /// How far the figure is from the threshold (positive when short), in the figure's unit.
    public var gap: Double? {
        guard let value else { return nil }
        return target.comparison == .atLeast ? target.threshold - value : value - target.threshold
    }

    /// For item rates: how many more items must change to meet the target.
    public var itemsNeeded: Int? {
        guard target.measure == .rate, !met, denominator > 0, value != nil,
            RateDefinition.definition(id: target.figure) != nil
        else { return nil }
        let needed: Double
        switch target.comparison {
        case .atLeast: needed = (target.threshold * denominator - numerator - 1e-9).rounded(.up)
        case .atMost: needed = (numerator - target.threshold * denominator - 1e-9).rounded(.up)
        }
        // Never trap on a figure out of Int's range (thresholds are checked on load; this is the last guard).
        guard needed.isFinite, needed < 1e15 else { return nil }
        return Int(max(0, needed))
    }
}
