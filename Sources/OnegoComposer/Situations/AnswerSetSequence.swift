import OnegoCatalog

/// Every valid, complete answer set of a matter, produced one at a time (memory stays that of one answer set).
///
/// The order is stable: questions in file order, an optional question first left unanswered, then its answers
/// in file order; a multiple-choice question's subsets in binary order of their options (first option alone,
/// second alone, both …). A number question takes one value per interval between its thresholds (the interval's
/// lower bound); a date question the date whose elapsed time on `asOf` is that lower bound.
public struct AnswerSetSequence: Sequence, IteratorProtocol, Sendable {
    let space: SituationSpace
    let asOf: CalendarDay
    /// Per question, the choice number while shown, nil while hidden.
    private var picks: [UInt64?]
    private var isStarted = false
    private var isFinished = false

    init(space: SituationSpace, asOf: CalendarDay) {
        self.space = space
        self.asOf = asOf
        picks = Array(repeating: nil, count: space.nodes.count)
    }

    /// The next answer set, or nil after the last.
    public mutating func next() -> AnswerSet? {
        guard !isFinished else { return nil }
        if !isStarted {
            isStarted = true
            if !fill(from: 0) && !advance() {
                isFinished = true
                return nil
            }
        } else if !advance() {
            isFinished = true
            return nil
        }
        return current()
    }

    private func firstChoice(_ node: SituationSpace.Node) -> UInt64? {
        let optional = !node.question.isRequired
        switch node.question.kind {
        case .multiple: return optional ? 0 : (node.options.isEmpty ? nil : 1)
        case .yesNo, .single, .number, .date: return optional || !node.options.isEmpty ? 0 : nil
        }
    }

    private func lastChoice(_ node: SituationSpace.Node) -> UInt64 {
        let count = UInt64(node.options.count)
        switch node.question.kind {
        case .multiple: return count >= 64 ? UInt64.max : (1 << count) - 1
        case .yesNo, .single, .number, .date: return node.question.isRequired ? Swift.max(count, 1) - 1 : count
        }
    }

    /// The option indexes a choice number stands for (empty: unanswered).
    private func options(_ node: SituationSpace.Node, _ choice: UInt64) -> [Int] {
        switch node.question.kind {
        case .multiple:
            return node.options.indices.filter { $0 < 64 && choice & (1 << UInt64($0)) != 0 }
        case .yesNo, .single, .number, .date:
            if node.question.isRequired { return [Int(choice)] }
            return choice == 0 ? [] : [Int(choice) - 1]
        }
    }

    private func isShown(_ index: Int) -> Bool {
        let node = space.nodes[index]
        guard node.isActive else { return false }
        guard node.hasConditions else { return true }
        return node.conditions.contains { condition in
            guard let choice = picks[condition.question] else { return false }
            return options(space.nodes[condition.question], choice).contains(condition.option)
        }
    }

    /// Sets every question from `start` on to its first choice (nil when hidden); false at a shown question that
    /// has no valid answer, leaving the picks from there on hidden.
    private mutating func fill(from start: Int) -> Bool {
        for index in start..<space.nodes.count {
            picks[index] = nil
            guard isShown(index) else { continue }
            guard let first = firstChoice(space.nodes[index]) else {
                for rest in index..<space.nodes.count { picks[rest] = nil }
                return false
            }
            picks[index] = first
        }
        return true
    }

    /// Moves to the next complete answer set; false when there is none.
    private mutating func advance() -> Bool {
        while let index = picks.indices.last(where: { isAdvanceable($0) }) {
            picks[index]? += 1
            if fill(from: index + 1) { return true }
        }
        return false
    }

    private func isAdvanceable(_ index: Int) -> Bool {
        guard let choice = picks[index] else { return false }
        return choice != lastChoice(space.nodes[index])
    }

    private func current() -> AnswerSet {
        var answers = AnswerSet()
        for (index, node) in space.nodes.enumerated() {
            guard let choice = picks[index] else { continue }
            let chosen = options(node, choice)
            guard !chosen.isEmpty else { continue }
            let question = node.question
            switch question.kind {
            case .multiple:
                answers.set(chosen.map { node.options[$0].value }, for: question.id, isMultiple: true)
            case .yesNo, .single:
                answers.set([node.options[chosen[0]].value], for: question.id)
            case .number:
                answers.set([node.options[chosen[0]].value], for: question.id, isNumber: true)
            case .date:
                let elapsed = node.options[chosen[0]].lower ?? QuestionNumber(0)
                let date = ElapsedTime.date(elapsed: Int(elapsed.wholePart), unit: question.unit ?? "日", before: asOf)
                answers.set([date.description], for: question.id)
            }
        }
        return answers
    }
}
