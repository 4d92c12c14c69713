public import OrderedCollections

/// The answers given to a matter's situation questions: question id → chosen answer values, in the order given.
///
/// Encodes as a JSON object whose values are strings for yes/no, single-choice and date questions, arrays for
/// multiple-choice ones and numbers for number questions (`{"invoice": "是", "scope": ["a", "b"], "area": 120}`).
public struct AnswerSet: Sendable, Hashable, Encodable, CustomStringConvertible,
    ExpressibleByDictionaryLiteral
{
    /// A question id.
    public typealias Key = String
    /// The answer ids chosen for it.
    public typealias Value = String

    /// The chosen values per question id.
    public private(set) var values: OrderedDictionary<String, [String]>
    /// Ids of the multiple-choice questions, so they encode as arrays even with one value.
    public private(set) var multipleChoice: Set<String>
    /// Ids of the number questions, so they encode as JSON numbers.
    public private(set) var numbers: Set<String> = []

    /// An empty answer set.
    public init() {
        values = [:]
        multipleChoice = []
    }

    /// Answers from `(question, value)` pairs; repeating a question adds a value.
    public init(_ pairs: [(String, String)]) {
        self.init()
        for (question, value) in pairs { add(value, for: question) }
    }

    /// Answers from a literal: `["invoice": "是", "staff": "否"]`.
    public init(dictionaryLiteral elements: (String, String)...) { self.init(elements) }

    /// Adds one value for a question.
    public mutating func add(_ value: String, for question: String) {
        values[question, default: []].append(value)
    }

    /// Sets every value of a question; `isMultiple` makes it encode as an array, `isNumber` as a number.
    public mutating func set(_ chosen: [String], for question: String, isMultiple: Bool = false, isNumber: Bool = false)
    {
        values[question] = chosen
        if isMultiple { multipleChoice.insert(question) } else { multipleChoice.remove(question) }
        if isNumber { numbers.insert(question) } else { numbers.remove(question) }
    }

    /// Removes a question's answer.
    public mutating func remove(_ question: String) {
        values.removeValue(forKey: question)
        multipleChoice.remove(question)
        numbers.remove(question)
    }

    /// The values chosen for a question (empty when unanswered).
    public subscript(question: String) -> [String] { values[question] ?? [] }

    /// Whether the question was answered with this value.
    public func contains(_ value: String, for question: String) -> Bool { values[question]?.contains(value) ?? false }

    /// The answered question ids, in the order they were first answered.
    public var questionIDs: [String] { Array(values.keys) }

    /// Whether nothing was answered.
    public var isEmpty: Bool { values.isEmpty }

    /// `invoice=是 staff=否 scope=a,b`.
    public var description: String {
        values.map { "\($0.key)=\($0.value.joined(separator: ","))" }.joined(separator: " ")
    }

    private struct QuestionKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// Encodes the value in the JSON shape documented on the type.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: QuestionKey.self)
        for (question, chosen) in values {
            if numbers.contains(question), chosen.count == 1, let number = QuestionNumber(chosen[0]) {
                try container.encode(number.decimal, forKey: QuestionKey(stringValue: question))
            } else if multipleChoice.contains(question) || chosen.count != 1 {
                try container.encode(chosen, forKey: QuestionKey(stringValue: question))
            } else {
                try container.encode(chosen[0], forKey: QuestionKey(stringValue: question))
            }
        }
    }
}
