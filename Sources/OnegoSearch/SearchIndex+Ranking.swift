extension SearchIndex {
    /// How much a document's score can exceed its best contribution for one word (``LabelValues/score``), plus a
    /// margin for the rounding to hundredths.
    static let bonusBound = 10.011

    /// The query's words (separated by whitespace).
    static func words(of query: String) -> [String] {
        query.split(whereSeparator: \.isWhitespace).map(String.init)
    }

    /// The documents matching every word, in no particular order.
    func matchingDocuments(_ matches: [WordMatch]) -> [Int32] {
        guard let first = matches.first else { return documents.indices.map { Int32($0) } }
        var candidates: [Int32] = []
        mark(first) { document in candidates.append(document) }
        for match in matches.dropFirst() where !candidates.isEmpty {
            var wanted = [Bool](repeating: false, count: documents.count)
            mark(match) { document in wanted[Int(document)] = true }
            candidates.removeAll { !wanted[Int($0)] }
        }
        return candidates
    }

    /// Calls `found` once for each document the word matches.
    private func mark(_ match: WordMatch, found: (Int32) -> Void) {
        var seen = [Bool](repeating: false, count: documents.count)
        for credit in match.credits {
            for posting in postings[Int(credit.text)]
            where !seen[Int(posting.document)] && credit.filter.accepts(posting.field) {
                seen[Int(posting.document)] = true
                found(posting.document)
            }
        }
        for (document, _) in match.codes where !seen[Int(document)] {
            seen[Int(document)] = true
            found(document)
        }
    }

    /// The documents passing `facets` that can be among the best `limit` for one word: the word's text matches are
    /// taken by their largest possible contribution, best first, and the rest are skipped once `limit` documents
    /// are certain to outrank every document not yet reached (a document's score is at least any one contribution
    /// and at most its best plus ``bonusBound``); of the documents reached, those that cannot reach the `limit`-th
    /// best certain score are dropped.
    func topCandidates(_ match: WordMatch, facets: SearchFacets, limit: Int) -> [Int32] {
        var groups = match.credits.indices.map { (bound: bound(of: match.credits[$0]), credit: $0) }
        if let best = match.codes.map(\.value).max() { groups.append((best, -1)) }
        groups.sort { $0.bound != $1.bound ? $0.bound > $1.bound : $0.credit < $1.credit }
        // -1: not reached; -2: filtered out by the facets; else the document's place in `candidates`.
        var slot = [Int32](repeating: -1, count: documents.count)
        var isCertain: [Bool] = []
        var best: [Double] = []
        var certain = 0
        var heap = BoundHeap()
        var candidates: [Int32] = []
        func touch(_ document: Int32, _ contribution: Double) {
            if slot[Int(document)] == -1 {
                let passes = facets.isEmpty || documents[Int(document)].matches(facets)
                slot[Int(document)] = passes ? Int32(candidates.count) : -2
                if passes {
                    candidates.append(document)
                    isCertain.append(false)
                    best.append(0)
                }
            }
            let place = Int(slot[Int(document)])
            if place >= 0 && !isCertain[place] { heap.push(contribution, document) }
            if place >= 0 { best[place] = max(best[place], contribution) }
        }
        var unspread = 0.0
        for (position, group) in groups.enumerated() {
            if group.credit < 0 {
                for (document, value) in match.codes { touch(document, value) }
            } else {
                let credit = match.credits[group.credit]
                for posting in postings[Int(credit.text)] where credit.filter.accepts(posting.field) {
                    touch(posting.document, posting.field.weight * credit.value)
                }
            }
            guard position + 1 < groups.count else { break }
            let threshold = groups[position + 1].bound + Self.bonusBound
            while let top = heap.top, top.bound > threshold {
                heap.pop()
                let place = Int(slot[Int(top.document)])
                if !isCertain[place] {
                    isCertain[place] = true
                    certain += 1
                }
            }
            if certain >= limit {
                unspread = groups[position + 1].bound
                break
            }
        }
        // A reached document's score is at least its largest contribution so far and at most the larger of that and
        // the best group not spread, plus the bonus; rounding to hundredths moves a score by at most 0.005.
        guard candidates.count > limit else { return candidates }
        let floor = Self.largest(best, rank: limit) - 0.01
        return candidates.indices.filter { max(best[$0], unspread) + Self.bonusBound >= floor }.map { candidates[$0] }
    }

    /// The largest contribution a text match can make to any document: its value times the heaviest accepted field
    /// the text occurs in.
    private func bound(of credit: TextCredit) -> Double {
        let fields = textFields[Int(credit.text)]
        var weight = 0.0
        for field in SearchField.allCases where fields & (1 << UInt16(field.rawValue)) != 0 {
            if credit.filter.accepts(field) { weight = max(weight, field.weight) }
        }
        return weight * credit.value
    }
}

/// A max-heap of (contribution, document), for counting the documents certain to rank high.
struct BoundHeap {
    private var entries: [(bound: Double, document: Int32)] = []

    /// The largest entry.
    var top: (bound: Double, document: Int32)? { entries.first }

    mutating func push(_ bound: Double, _ document: Int32) {
        entries.append((bound, document))
        var child = entries.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard entries[parent].bound < entries[child].bound else { break }
            entries.swapAt(parent, child)
            child = parent
        }
    }

    mutating func pop() {
        guard !entries.isEmpty else { return }
        entries.swapAt(0, entries.count - 1)
        entries.removeLast()
        var parent = 0
        while true {
            let left = 2 * parent + 1
            let right = left + 1
            var largest = parent
            if left < entries.count && entries[left].bound > entries[largest].bound { largest = left }
            if right < entries.count && entries[right].bound > entries[largest].bound { largest = right }
            guard largest != parent else { return }
            entries.swapAt(parent, largest)
            parent = largest
        }
    }
}
