/// Counts answer sets without listing them: a layered walk over the questions in order (a small decision
/// diagram), whose state is the set of later questions already shown by earlier answers plus a few flags.
///
/// Answers of one question that show the same later questions and set the same flags lead to the same state,
/// so they are counted together (a multiple-choice question with n options is folded option by option, never
/// listing its 2ⁿ subsets). For questionnaires whose follow-ups hang off a few questions the state stays tiny;
/// the walk gives up (returns nil) past ``stateLimit`` distinct states rather than run away.
struct AnswerSetCounter {
    /// The most distinct states kept in one layer.
    static let stateLimit = 100_000

    /// Later questions shown so far, as a bit set over question indexes.
    struct Pending: Hashable {
        var words: [UInt64]

        init(count: Int) { words = Array(repeating: 0, count: (count + 63) / 64) }

        func contains(_ index: Int) -> Bool { words[index / 64] & (1 << UInt64(index % 64)) != 0 }
        mutating func insert(_ index: Int) { words[index / 64] |= 1 << UInt64(index % 64) }
        mutating func remove(_ index: Int) { words[index / 64] &= ~(1 << UInt64(index % 64)) }
        mutating func formUnion(_ other: Pending) {
            for index in words.indices { words[index] |= other.words[index] }
        }
    }

    struct State: Hashable {
        var pending: Pending
        var flags: UInt8
    }

    /// What choosing one option does for a query: whether it may be chosen at all, and the flags it sets.
    typealias Mark = (isAllowed: Bool, flags: UInt8)

    let space: SituationSpace
    /// Questions whose answer is given (node → choice number, as ``AnswerSetSequence`` numbers them): only sets
    /// that show them and answer them so are counted.
    var fixed: [Int: UInt64] = [:]

    /// The number of valid, complete answer sets (a number or date question counts one per interval; an optional
    /// question left unanswered counts once). Nil when the walk outgrows ``stateLimit``.
    func count() -> AnswerSetCount? {
        count(mark: { _, _ in (true, 0) }, accepts: { _ in true })
    }

    /// The number of answer sets that choose only allowed options and whose final flags pass `accepts`.
    func count(mark: (Int, Int) -> Mark, accepts: (UInt8) -> Bool) -> AnswerSetCount? {
        let nodes = space.nodes
        var layer: [State: AnswerSetCount] = [State(pending: Pending(count: nodes.count), flags: 0): 1]
        for (index, node) in nodes.enumerated() {
            var next: [State: AnswerSetCount] = [:]
            // The ways to answer, grouped by what they show and the flags they set.
            var shownWays: [State: AnswerSetCount]?
            for (state, ways) in layer {
                var rest = state
                rest.pending.remove(index)
                let isShown = node.isActive && (node.hasConditions ? state.pending.contains(index) : true)
                guard isShown else {
                    if fixed[index] == nil { next[rest, default: .zero] += ways }
                    continue
                }
                if shownWays == nil { shownWays = choices(of: index, mark: mark) }
                for (choice, count) in shownWays ?? [:] {
                    var target = rest
                    target.pending.formUnion(choice.pending)
                    target.flags |= choice.flags
                    next[target, default: .zero] += ways * count
                }
            }
            guard next.count <= Self.stateLimit else { return nil }
            layer = next
        }
        return layer.reduce(AnswerSetCount.zero) { accepts($1.key.flags) ? $0 + $1.value : $0 }
    }

    /// The ways to answer one shown question, grouped by (questions shown, flags), with their numbers.
    private func choices(of index: Int, mark: (Int, Int) -> Mark) -> [State: AnswerSetCount] {
        let node = space.nodes[index]
        let empty = State(pending: Pending(count: space.nodes.count), flags: 0)
        func effect(_ option: Int) -> State? {
            let marked = mark(index, option)
            guard marked.isAllowed else { return nil }
            var state = empty
            for later in node.followUps[option] { state.pending.insert(later) }
            state.flags = marked.flags
            return state
        }
        var result: [State: AnswerSetCount] = [:]
        if let choice = fixed[index] {
            var state = empty
            for option in space.options(of: index, choice: choice) {
                guard let marked = effect(option) else { return [:] }
                state.pending.formUnion(marked.pending)
                state.flags |= marked.flags
            }
            return [state: 1]
        }
        switch node.question.kind {
        case .yesNo, .single, .number, .date:
            for option in node.options.indices {
                if let state = effect(option) { result[state, default: .zero] += 1 }
            }
            if !node.question.isRequired { result[empty, default: .zero] += 1 }
        case .multiple:
            // Fold the options in: each subset is counted under the union of its options' effects.
            result[empty] = 1
            for option in node.options.indices {
                guard let state = effect(option) else { continue }
                var folded = result
                for (subset, count) in result {
                    var joined = subset
                    joined.pending.formUnion(state.pending)
                    joined.flags |= state.flags
                    folded[joined, default: .zero] += count
                }
                result = folded
            }
            // The empty subset is "unanswered": allowed only for an optional question.
            if node.question.isRequired, let count = result[empty] {
                let rest = count.decremented()
                result[empty] = rest.isZero ? nil : rest
            }
        }
        return result
    }
}
