extension SearchIndex {
    /// A document that can rank, with an upper bound of its score (rounded as ``search(_:facets:limit:)`` rounds).
    struct Candidate {
        var document: Int32
        var upper: Double
        /// A lower bound of its score before rounding (its best contribution found).
        var lower: Double
    }

    /// How much a document's score for the word can exceed the word's best contribution to it, plus a margin for the
    /// rounding to hundredths: ``LabelValues/score`` adds a tenth of the other labels' contributions (at most 10), and
    /// no label can get more from the word than its largest contribution to any document. When the word can reach
    /// one label only, no document gets a bonus.
    func bonusBound(of match: WordMatch) -> Double {
        var largest = [Double](repeating: 0, count: MatchLabel.allCases.count)
        for credit in match.credits {
            var fields = textFields[Int(credit.text)]
            while fields != 0 {
                let field = SearchField.allFields[fields.trailingZeroBitCount]
                fields &= fields - 1
                guard credit.filter.accepts(field) else { continue }
                let label = field == .name ? (credit.nameLabel ?? MatchLabel(field)) : MatchLabel(field)
                let weighted = field.weight * credit.value
                largest[label.rawValue] = max(largest[label.rawValue], weighted)
                if let extra = credit.extra, extra != label {
                    largest[extra.rawValue] = max(largest[extra.rawValue], weighted * 0.99)
                }
            }
        }
        for (_, value) in match.codes {
            largest[MatchLabel.code.rawValue] = max(largest[MatchLabel.code.rawValue], value)
        }
        let total = largest.reduce(0, +)
        let smallest = largest.filter { $0 > 0 }.min() ?? 0
        // The best label's own contribution is at least the smallest positive largest one; 0.011 covers the rounding
        // of the total to hundredths (0.005 either way) and floating-point error.
        return min(10, (total - smallest) * 0.1) + 0.011
    }

    /// Candidates per hit wanted above which the lazy scoring orders them (a queue) rather than taking them as found.
    static let queuedCandidates = 32

    /// Whether `lhs` ranks before `rhs`: by score, then by code.
    func precedes(_ lhs: ScoredDocument, _ rhs: ScoredDocument) -> Bool {
        lhs.score != rhs.score ? lhs.score > rhs.score : codeRanks[Int(lhs.document)] < codeRanks[Int(rhs.document)]
    }

    /// The best `limit` candidates, best first, scored lazily: those whose upper bound is below the `limit`-th best
    /// lower bound are dropped; the rest are scored in order of their upper bound (then by code), until the next
    /// cannot precede the `limit`-th best found (or, when they are few, as found, skipping those that cannot). Nil when scoring them all would read more than `budget` forward
    /// entries (then spreading is cheaper).
    ///
    /// The candidates' upper bounds include `margin` for rounding (0.011 per word, ``bonusBound(of:)``); without it,
    /// and rounded as scores are (rounding keeps order), an upper bound is one of the scores a candidate can have at
    /// most, so candidates whose bound ties the `limit`-th best go by code like the scores.
    func lazyBest(
        _ found: [Candidate], limit: Int, budget: Int, margin: Double, scorers: inout [WordScorer]
    ) -> [ScoredDocument]? {
        var candidates = found
        if candidates.count > limit {
            // Rounding moves a score by at most 0.005.
            let floor = Self.largest(candidates.map(\.lower), rank: limit) - 0.01
            candidates.removeAll { $0.upper < floor }
        }
        if budget < Int.max {
            var read = 0
            for candidate in candidates {
                read += Int(forwardStart[Int(candidate.document) + 1] - forwardStart[Int(candidate.document)])
            }
            guard read <= budget else { return nil }
        }
        var top: [ScoredDocument] = []
        top.reserveCapacity(min(limit, candidates.count) + 1)
        func score(_ document: Int32) {
            var total = 0.0
            for index in scorers.indices { total += scorers[index].score(document, in: self) ?? 0 }
            insert(ScoredDocument(document: document, score: (total * 100).rounded() / 100), into: &top, limit: limit)
        }
        // 1e-9 covers the floating-point error of the sums behind the bounds.
        func rounded(_ upper: Double) -> Double { ((upper - margin + 1e-9) * 100).rounded() / 100 }
        guard candidates.count / Self.queuedCandidates > limit else {
            // Few: in the order found, skipping those that cannot precede the limit-th best so far.
            for candidate in candidates {
                if top.count == limit, let last = top.last,
                    !precedes(ScoredDocument(document: candidate.document, score: rounded(candidate.upper)), last)
                {
                    continue
                }
                score(candidate.document)
            }
            return top
        }
        var queue = CandidateQueue(
            candidates.map { (upper: rounded($0.upper), rank: codeRanks[Int($0.document)], item: $0.document) })
        while let (upper, _, document) = queue.pop() {
            if top.count == limit, let last = top.last,
                !precedes(ScoredDocument(document: document, score: upper), last)
            {
                break
            }
            score(document)
        }
        return top
    }

    /// Inserts `hit` into `top` (best first, at most `limit`) when it ranks there.
    func insert(_ hit: ScoredDocument, into top: inout [ScoredDocument], limit: Int) {
        if top.count == limit, let last = top.last, !precedes(hit, last) { return }
        var low = 0
        var high = top.count
        while low < high {
            let middle = (low + high) / 2
            if precedes(top[middle], hit) { low = middle + 1 } else { high = middle }
        }
        top.insert(hit, at: low)
        if top.count > limit { top.removeLast() }
    }
}

/// A binary heap of (upper bound, code rank, item), the largest bound first and ties by code rank; built in linear
/// time, so taking a few of many costs little more than reading them. The item is what the entry stands for (a
/// document, or a row of a group or list whose first member has that rank).
struct CandidateQueue {
    typealias Entry = (upper: Double, rank: Int32, item: Int32)
    private var entries: [Entry]

    init(_ candidates: [Entry]) {
        entries = candidates
        for parent in stride(from: entries.count / 2 - 1, through: 0, by: -1) { siftDown(parent) }
    }

    /// Removes and returns the first entry.
    mutating func pop() -> Entry? {
        guard let head = entries.first else { return nil }
        let last = entries.removeLast()
        if !entries.isEmpty {
            entries[0] = last
            siftDown(0)
        }
        return head
    }

    @inline(__always)
    private func first(_ lhs: Entry, _ rhs: Entry) -> Bool {
        lhs.upper != rhs.upper ? lhs.upper > rhs.upper : lhs.rank < rhs.rank
    }

    private mutating func siftDown(_ start: Int) {
        var parent = start
        while true {
            let left = 2 * parent + 1
            let right = left + 1
            var chosen = parent
            if left < entries.count && first(entries[left], entries[chosen]) { chosen = left }
            if right < entries.count && first(entries[right], entries[chosen]) { chosen = right }
            guard chosen != parent else { return }
            entries.swapAt(parent, chosen)
            parent = chosen
        }
    }
}
