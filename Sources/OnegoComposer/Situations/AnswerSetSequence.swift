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
    /// Questions whose answer is given (node → choice number): only sets that show them and answer them so.
    let fixed: [Int: UInt64]
    /// Given values of number and date questions, shown instead of their interval's lower bound.
    let fixedValues: [Int: String]
    /// Per question, the choice number while shown, nil while hidden.
    private var picks: [UInt64?]
    private var isStarted = false
    private var isFinished = false

    init(space: SituationSpace, asOf: CalendarDay, fixed: FixedAnswers = FixedAnswers()) {
        self.space = space
        self.asOf = asOf
        self.fixed = fixed.choices
        fixedValues = fixed.values
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

    private func firstChoice(_ index: Int) -> UInt64? {
        if let choice = fixed[index] { return choice }
        let node = space.nodes[index]
        let optional = !node.question.isRequired
        switch node.question.kind {
        case .multiple: return optional ? 0 : (node.options.isEmpty ? nil : 1)
        case .yesNo, .single, .number, .date: return optional || !node.options.isEmpty ? 0 : nil
        }
    }

    private func lastChoice(_ index: Int) -> UInt64 {
        if let choice = fixed[index] { return choice }
        let node = space.nodes[index]
        let count = UInt64(node.options.count)
        switch node.question.kind {
        case .multiple: return count >= 64 ? UInt64.max : (1 << count) - 1
        case .yesNo, .single, .number, .date: return node.question.isRequired ? Swift.max(count, 1) - 1 : count
        }
    }

    private func isShown(_ index: Int) -> Bool {
        let node = space.nodes[index]
        guard node.isActive else { return false }
        guard node.hasConditions else { return true }
        return node.conditions.contains { condition in
            guard let choice = picks[condition.question] else { return false }
            return space.options(of: condition.question, choice: choice).contains(condition.option)
        }
    }

    /// Sets every question from `start` on to its first choice (nil when hidden); false at a shown question that
    /// has no valid answer, leaving the picks from there on hidden.
    private mutating func fill(from start: Int) -> Bool {
        for index in start..<space.nodes.count {
            picks[index] = nil
            // A given answer to a question these answers do not show rules the branch out.
            guard isShown(index) || fixed[index] != nil else { continue }
            guard isShown(index), let first = firstChoice(index) else {
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
        return choice != lastChoice(index)
    }

    private func current() -> AnswerSet {
        var answers = AnswerSet()
        for (index, node) in space.nodes.enumerated() {
            guard let choice = picks[index] else { continue }
            let chosen = space.options(of: index, choice: choice)
            guard !chosen.isEmpty else { continue }
            let question = node.question
            switch question.kind {
            case .multiple:
                answers.set(chosen.map { node.options[$0].value }, for: question.id, isMultiple: true)
            case .yesNo, .single:
                answers.set([node.options[chosen[0]].value], for: question.id)
            case .number:
                answers.set([fixedValues[index] ?? node.options[chosen[0]].value], for: question.id, isNumber: true)
            case .date:
                if let given = fixedValues[index] {
                    answers.set([given], for: question.id)
                    continue
                }
                let elapsed = node.options[chosen[0]].lower ?? QuestionNumber(0)
                let date = ElapsedTime.date(elapsed: Int(elapsed.wholePart), unit: question.unit ?? "日", before: asOf)
                answers.set([date.description], for: question.id)
            }
        }
        return answers
    }
}
