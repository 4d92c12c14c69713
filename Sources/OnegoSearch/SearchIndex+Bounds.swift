extension SearchIndex {
    /// Whether `lhs` ranks before `rhs`: by score, then by code.
    func precedes(_ lhs: ScoredDocument, _ rhs: ScoredDocument) -> Bool {
        lhs.score != rhs.score ? lhs.score > rhs.score : codeRanks[Int(lhs.document)] < codeRanks[Int(rhs.document)]
    }

    /// The `rank`-th largest of `values` (1 is the largest); `values` has at least `rank` elements. A min-heap of the
    /// `rank` largest so far.
    static func largest(_ values: [Double], rank: Int) -> Double {
        var heap = Array(values.prefix(rank)).sorted()  // ascending order is a valid min-heap
        for value in values.dropFirst(rank) where value > heap[0] {
            heap[0] = value
            var parent = 0
            while true {
                let left = 2 * parent + 1
                let right = left + 1
                var smallest = parent
                if left < heap.count && heap[left] < heap[smallest] { smallest = left }
                if right < heap.count && heap[right] < heap[smallest] { smallest = right }
                guard smallest != parent else { break }
                heap.swapAt(parent, smallest)
                parent = smallest
            }
        }
        return heap[0]
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
