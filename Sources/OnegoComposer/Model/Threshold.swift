public import OnegoBase

/// A threshold of a number or date question: a range `[atLeast, below)` of answers (either side may be open)
/// whose effects apply when the answer falls in it, as if an answer with those effects had been chosen.
/// `经营场所面积 ≥ 500 平方米` includes the hygiene permit; `≥ 300 且 < 500 平方米` the fire-safety check by
/// promise; `年龄 ≥ 60 岁` adds a material.
public struct Threshold: Sendable, Hashable {
    /// The smallest answer that meets it (inclusive); nil: from 0.
    public var atLeast: QuestionNumber?
    /// The first answer above the range (exclusive); nil: unbounded.
    public var below: QuestionNumber?
    /// The unit the threshold is written in; it must be the question's.
    public var unit: String
    /// The effects when the answer meets the threshold.
    public var effects: [AnswerEffect]
    /// Where the `<threshold>` element is.
    public var location: SourceLocation

    /// Creates a threshold.
    public init(
        atLeast: QuestionNumber? = nil, below: QuestionNumber? = nil, unit: String, effects: [AnswerEffect] = [],
        location: SourceLocation = SourceLocation(file: "", line: 0, column: 0)
    ) {
        self.atLeast = atLeast
        self.below = below
        self.unit = unit
        self.effects = effects
        self.location = location
    }

    /// Whether a value meets the threshold.
    public func isMet(by value: QuestionNumber) -> Bool {
        (atLeast.map { value >= $0 } ?? true) && (below.map { value < $0 } ?? true)
    }

    /// Whether some value meets both thresholds.
    public func overlaps(_ other: Threshold) -> Bool {
        let lower = Swift.max(atLeast ?? QuestionNumber(0), other.atLeast ?? QuestionNumber(0))
        guard let upper = [below, other.below].compactMap({ $0 }).min() else { return true }
        return lower < upper
    }

    /// Whether no value meets it (`below` at or under `atLeast`, or `below="0"`).
    public var isEmpty: Bool {
        guard let below else { return false }
        return below <= (atLeast ?? QuestionNumber(0))
    }

    /// `≥ 300 且 < 500 平方米`.
    public var condition: String {
        let parts = [atLeast.map { "≥ \($0)" }, below.map { "< \($0)" }].compactMap { $0 }
        return parts.joined(separator: " 且 ") + " " + unit
    }
}
