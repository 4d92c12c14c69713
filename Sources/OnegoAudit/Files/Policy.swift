import OnegoCatalog
public import OnegoXML

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

    /// Reads and validates a policy file.
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
                            .error, rule: "policy.unknown-figure",
                            message: "目标引用的指标“\(figure)”不存在；可用：\(Policy.knownFigures.joined(separator: "、"))",
                            at: element.location))
                    continue
                }
                guard let threshold = parseThreshold(text) else {
                    problems.append(
                        Diagnostic(
                            .error, rule: "policy.threshold", message: "目标阈值“\(text)”无效（应为 80%、1/3 或 0.8 这样的值）",
                            at: element.location))
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
                        .error, rule: "policy.unknown-source",
                        message: "目标“\(target.name)”引用的来源“\(source)”未在 <source> 中定义",
                        at: target.location))
            }
        }
        return (problems.containsErrors ? nil : policy, problems)
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
    /// Whether the target is met.
    public var met: Bool
    /// The items that count against the target (empty when it is met or its figure has no item list).
    public var missing: [WorkItem] = []

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
        switch target.comparison {
        case .atLeast: return max(0, Int((target.threshold * denominator - numerator - 1e-9).rounded(.up)))
        case .atMost: return max(0, Int((numerator - target.threshold * denominator - 1e-9).rounded(.up)))
        }
    }
}
