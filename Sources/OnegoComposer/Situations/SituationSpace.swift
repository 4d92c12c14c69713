import OnegoCatalog

/// A matter's questions reduced to what reachability, counting and enumeration need.
///
/// Each question gets its distinct valid options with their effects: the answers of a listed question (yes/no
/// keeps 是 and 否 only; a repeated value keeps its first answer, as the resolver does), or, for a number or
/// date question, the half-open intervals between its threshold bounds, each carrying the effects of every
/// threshold its values meet. A condition becomes a (question, option) pair; conditions that can never hold
/// (a later or unknown question, an answer its question does not offer) are dropped. A repeated question id
/// is inactive: the resolver only ever asks the first.
struct SituationSpace: Sendable {
    struct Option: Sendable {
        /// The answer value: the listed answer's value, or the interval's lower bound.
        var value: String
        var effects: [AnswerEffect]
        /// For number and date questions, the interval `[lower, upper)` (upper nil: unbounded).
        var lower: QuestionNumber?
        var upper: QuestionNumber?
    }

    struct Node: Sendable {
        var question: Question
        var isActive: Bool
        var options: [Option]
        /// The (question, option) pairs that show this question; empty with `hasConditions` means never shown.
        var conditions: [(question: Int, option: Int)]
        var hasConditions: Bool
        /// Per option, the later questions that its choice shows.
        var followUps: [[Int]]
    }

    let nodes: [Node]
    /// Member id → index of its first declaration.
    let memberIndex: [String: Int]

    init(matter: Matter) {
        var members: [String: Int] = [:]
        for (offset, member) in matter.members.enumerated() where members[member.id] == nil {
            members[member.id] = offset
        }
        memberIndex = members
        var nodes: [Node] = []
        var seen: [String: Int] = [:]
        for question in matter.questions {
            let isActive = seen[question.id] == nil
            if isActive { seen[question.id] = nodes.count }
            let options = Self.options(of: question)
            var conditions: [(question: Int, option: Int)] = []
            for condition in question.shownWhen {
                guard let parent = seen[condition.question], parent < nodes.count else { continue }
                guard let option = nodes[parent].options.firstIndex(where: { $0.value == condition.answer }),
                    !nodes[parent].question.kind.isMeasured
                else { continue }
                conditions.append((parent, option))
            }
            nodes.append(
                Node(
                    question: question, isActive: isActive, options: options, conditions: conditions,
                    hasConditions: !question.shownWhen.isEmpty,
                    followUps: Array(repeating: [], count: options.count)))
        }
        for index in nodes.indices where nodes[index].isActive {
            for (parent, option) in nodes[index].conditions where nodes[parent].followUps[option].last != index {
                nodes[parent].followUps[option].append(index)
            }
        }
        self.nodes = nodes
    }

    /// The distinct valid options of a question, in file order.
    static func options(of question: Question) -> [Option] {
        switch question.kind {
        case .yesNo, .single, .multiple:
            var options: [Option] = []
            var values = Set<String>()
            for answer in question.answers where values.insert(answer.value).inserted {
                if question.kind == .yesNo && answer.value != "是" && answer.value != "否" { continue }
                options.append(Option(value: answer.value, effects: answer.effects))
            }
            return options
        case .number, .date:
            return intervals(of: question).map { lower, upper in
                // Every value of [lower, upper) meets a threshold whose range holds the interval.
                let met = question.thresholds.filter { threshold in
                    (threshold.atLeast ?? QuestionNumber(0)) <= lower
                        && (threshold.below.map { bound in upper.map { $0 <= bound } ?? false } ?? true)
                }
                return Option(value: lower.description, effects: met.flatMap(\.effects), lower: lower, upper: upper)
            }
        }
    }

    /// The half-open intervals `[0, b₁), [b₁, b₂) … [bₖ, ∞)` between the distinct threshold bounds.
    static func intervals(of question: Question) -> [(QuestionNumber, QuestionNumber?)] {
        let bounds = Set(question.thresholds.flatMap { [$0.atLeast, $0.below].compactMap { $0 } }).sorted()
        var result: [(QuestionNumber, QuestionNumber?)] = []
        var lower = QuestionNumber(0)
        for bound in bounds where bound > lower {
            result.append((lower, bound))
            lower = bound
        }
        result.append((lower, nil))
        return result
    }

    /// The option of a measured question whose interval holds `value`.
    func option(of node: Int, holding value: QuestionNumber) -> Int? {
        nodes[node].options.firstIndex { option in
            guard let lower = option.lower, value >= lower else { return false }
            return option.upper.map { value < $0 } ?? true
        }
    }

    /// The option indexes a choice number stands for: a multiple-choice question's bit mask of options; for the
    /// other kinds the option index, shifted by one when the question is optional (0: unanswered).
    func options(of index: Int, choice: UInt64) -> [Int] {
        let node = nodes[index]
        switch node.question.kind {
        case .multiple:
            return node.options.indices.filter { $0 < 64 && choice & (1 << UInt64($0)) != 0 }
        case .yesNo, .single, .number, .date:
            if node.question.isRequired { return [Int(choice)] }
            return choice == 0 ? [] : [Int(choice) - 1]
        }
    }

    /// The choice number of a set of option indexes (the inverse of ``options(of:choice:)``).
    func choice(of index: Int, options: [Int]) -> UInt64 {
        let node = nodes[index]
        switch node.question.kind {
        case .multiple:
            return options.reduce(0) { $0 | ($1 < 64 ? 1 << UInt64($1) : 0) }
        case .yesNo, .single, .number, .date:
            guard let option = options.first else { return 0 }
            return UInt64(option + (node.question.isRequired ? 0 : 1))
        }
    }

    /// The members (indexes) an option's effects include and exclude.
    func memberEffects(_ option: Option) -> (included: [Int], excluded: [Int]) {
        var included: [Int] = []
        var excluded: [Int] = []
        for effect in option.effects {
            switch effect {
            case .includeMember(let id, _): if let index = memberIndex[id] { included.append(index) }
            case .excludeMember(let id, _): if let index = memberIndex[id] { excluded.append(index) }
            case .excludeMaterial, .addMaterial: break
            }
        }
        return (included, excluded)
    }
}
