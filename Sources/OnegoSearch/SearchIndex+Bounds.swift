extension SearchIndex {
    /// A document that can rank, with an upper bound of its score (rounded as ``search(_:facets:limit:)`` rounds).
    struct Candidate {
        var document: Int32
        var upper: Double
    }

    /// How much a document's score for the word can exceed the word's best contribution to it, plus a margin for the
    /// rounding to hundredths: ``LabelValues/score`` adds a tenth of the other labels' contributions (at most 10), and
    /// no label can get more from the word than its largest contribution to any document. When the word can reach
    /// one label only, no document gets a bonus.
    func bonusBound(of match: WordMatch) -> Double {
        var largest = [Double](repeating: 0, count: MatchLabel.allCases.count)
        for credit in match.credits {
            let fields = textFields[Int(credit.text)]
            for field in SearchField.allCases
            where fields & (1 << UInt16(field.rawValue)) != 0 && credit.filter.accepts(field) {
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

    /// Whether `lhs` ranks before `rhs`: by score, then by code.
    func precedes(_ lhs: ScoredDocument, _ rhs: ScoredDocument) -> Bool {
        lhs.score != rhs.score ? lhs.score > rhs.score : codeRanks[Int(lhs.document)] < codeRanks[Int(rhs.document)]
    }

    /// The best `limit` candidates, best first, scored lazily: in order of their upper bound (then by code), until the
    /// next cannot precede the `limit`-th best found. Nil when that would read more than `budget` forward entries.
    func lazyBest(_ candidates: [Candidate], limit: Int, budget: Int, scorers: inout [WordScorer]) -> [ScoredDocument]?
    {
        var queue = CandidateQueue(candidates) { lhs, rhs in
            lhs.upper != rhs.upper
                ? lhs.upper > rhs.upper : codeRanks[Int(lhs.document)] < codeRanks[Int(rhs.document)]
        }
        var top: [ScoredDocument] = []
        top.reserveCapacity(min(limit, candidates.count) + 1)
        var read = 0
        while let next = queue.pop() {
            if top.count == limit, let last = top.last,
                !precedes(ScoredDocument(document: next.document, score: next.upper), last)
            {
                break
            }
            read += scorers.count * Int(forwardStart[Int(next.document) + 1] - forwardStart[Int(next.document)])
            guard read <= budget else { return nil }
            var total = 0.0
            for index in scorers.indices { total += scorers[index].score(next.document, in: self) ?? 0 }
            insert(
                ScoredDocument(document: next.document, score: (total * 100).rounded() / 100), into: &top, limit: limit)
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

/// A binary heap of candidates, first by an ordering given at creation; built in linear time, so taking a few of many
/// costs little more than reading them.
struct CandidateQueue {
    private var entries: [SearchIndex.Candidate]
    private let first: (SearchIndex.Candidate, SearchIndex.Candidate) -> Bool

    init(
        _ candidates: [SearchIndex.Candidate],
        first: @escaping (SearchIndex.Candidate, SearchIndex.Candidate) -> Bool
    ) {
        entries = candidates
        self.first = first
        for parent in stride(from: entries.count / 2 - 1, through: 0, by: -1) { siftDown(parent) }
    }

    /// Removes and returns the first candidate.
    mutating func pop() -> SearchIndex.Candidate? {
        guard let head = entries.first else { return nil }
        let last = entries.removeLast()
        if !entries.isEmpty {
            entries[0] = last
            siftDown(0)
        }
        return head
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
