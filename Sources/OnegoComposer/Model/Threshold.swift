public import OnegoXML

/// A threshold of a number or date question: when the answer meets it, its effects apply (as if an answer with
/// those effects had been chosen). `经营场所面积 ≥ 50 平方米` includes the fire-safety check; `年龄 ≥ 60 岁` adds a
/// material.
public struct Threshold: Sendable, Hashable {
    /// How the answer is compared with the bound.
    public var comparison: ThresholdComparison
    /// The bound, in the question's unit.
    public var bound: QuestionNumber
    /// The unit the threshold is written in; it must be the question's.
    public var unit: String
    /// The effects when the answer meets the threshold.
    public var effects: [AnswerEffect]
    /// Where the `<threshold>` element is.
    public var location: SourceLocation

    /// Creates a threshold.
    public init(
        _ comparison: ThresholdComparison, _ bound: QuestionNumber, unit: String, effects: [AnswerEffect] = [],
        location: SourceLocation = SourceLocation(file: "", line: 0, column: 0)
    ) {
        self.comparison = comparison
        self.bound = bound
        self.unit = unit
        self.effects = effects
        self.location = location
    }

    /// Whether a value meets the threshold.
    public func isMet(by value: QuestionNumber) -> Bool {
        switch comparison {
        case .atLeast: value >= bound
        case .below: value < bound
        }
    }

    /// `≥ 50 平方米`, `< 90 日`.
    public var condition: String { "\(comparison.symbol) \(bound) \(unit)" }
}

/// How a threshold compares: `atLeast` (≥ bound) or `below` (< bound), so the thresholds of one question split
/// its values into half-open intervals `[a, b)`.
public enum ThresholdComparison: String, Sendable, Hashable, Codable, CaseIterable {
    /// The answer is at least the bound.
    case atLeast
    /// The answer is below the bound.
    case below

    /// `≥` or `<`.
    public var symbol: String { self == .atLeast ? "≥" : "<" }
}
