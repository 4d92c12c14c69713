extension SearchIndex {
    /// The query's words (separated by whitespace).
    static func words(of query: String) -> [String] {
        query.split(whereSeparator: \.isWhitespace).map(String.init)
    }

    /// The documents matching every word, in no particular order.
    func matchingDocuments(_ matches: [WordMatch]) -> [Int32] {
        guard let first = matches.first else { return documents.indices.map { Int32($0) } }
        var candidates: [Int32] = []
        let (firstGroups, firstDocuments) = marks(first)
        for group in firstGroups.indices where firstGroups[group] {
            candidates += groups.members(of: Int32(group), department: -1)
        }
        for document in firstDocuments.indices
        where firstDocuments[document] && !firstGroups[Int(groups.groupOf[document])] {
            candidates.append(Int32(document))
        }
        for match in matches.dropFirst() where !candidates.isEmpty {
            let (wantedGroups, wantedDocuments) = marks(match)
            candidates.removeAll { !wantedDocuments[Int($0)] && !wantedGroups[Int(groups.groupOf[Int($0)])] }
        }
        return candidates
    }

    /// The groups and the documents (through their own texts and codes) the word matches.
    private func marks(_ match: WordMatch) -> (groups: [Bool], documents: [Bool]) {
        var groupMarks = [Bool](repeating: false, count: groups.count)
        var documentMarks = [Bool](repeating: false, count: documents.count)
        for credit in match.credits {
            for posting in groupPostings[Int(credit.text)] where credit.filter.accepts(posting.field) {
                groupMarks[Int(posting.document)] = true
            }
            for posting in postings[Int(credit.text)] where credit.filter.accepts(posting.field) {
                documentMarks[Int(posting.document)] = true
            }
        }
        for (document, _) in match.codes { documentMarks[Int(document)] = true }
        return (groupMarks, documentMarks)
    }

    /// The documents passing `facets` that can be among the best `limit` for one word, with their largest possible
    /// score: the word's text matches are taken by their largest possible contribution, best first, and the rest are
    /// skipped once `limit` documents are certain to outrank every document not yet reached (a document's score is
    /// at least any one contribution and at most its best plus `bonus`, ``bonusBound(of:)``).
    func topCandidates(_ match: WordMatch, bonus: Double, facets: SearchFacets, limit: Int) -> [Candidate] {
        guard let filter = facetTable.filter(facets) else { return [] }
        var groups = match.credits.indices.map { (bound: bound(of: match.credits[$0]), credit: $0) }
        if let best = match.codes.map(\.value).max() { groups.append((best, -1)) }
        groups.sort { $0.bound != $1.bound ? $0.bound > $1.bound : $0.credit < $1.credit }
        // Per document (scratch slots), -1: not reached; -2: filtered out by the facets; else its place in
        // `candidates`, whose `upper` holds the largest contribution read so far.
        return scratchPool.with { scratch in
            var candidates: [Candidate] = []
            var isCertain: [Bool] = []
            var certain = 0
            var heap = BoundHeap()
            func touch(_ document: Int32, _ contribution: Double) {
                var place = scratch.slots[Int(document)]
                if place == -1 {
                    guard facetTable.accepts(document, filter, in: documents) else {
                        scratch.set(document, -2)
                        return
                    }
                    place = Int32(candidates.count)
                    scratch.set(document, place)
                    candidates.append(Candidate(document: document, upper: contribution, lower: contribution))
                    isCertain.append(false)
                }
                guard place >= 0 else { return }
                candidates[Int(place)].upper = max(candidates[Int(place)].upper, contribution)
                candidates[Int(place)].lower = candidates[Int(place)].upper
                if !isCertain[Int(place)] { heap.push(contribution, place) }
            }
            // The largest contribution of the matches not read.
            var unread = 0.0
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
                let threshold = groups[position + 1].bound + bonus
                while let top = heap.top, top.bound > threshold {
                    heap.pop()
                    if !isCertain[Int(top.document)] {
                        isCertain[Int(top.document)] = true
                        certain += 1
                    }
                }
                if certain >= limit {
                    unread = groups[position + 1].bound
                    break
                }
            }
            for place in candidates.indices { candidates[place].upper = max(candidates[place].upper, unread) + bonus }
            return candidates
        }
    }

    /// The largest contribution a text match can make to any document: its value times the heaviest accepted field
    /// the text occurs in.
    private func bound(of credit: TextCredit) -> Double {
        var fields = textFields[Int(credit.text)]
        var weight = 0.0
        while fields != 0 {
            let field = SearchField.allFields[fields.trailingZeroBitCount]
            fields &= fields - 1
            if credit.filter.accepts(field) { weight = max(weight, field.weight) }
        }
        return weight * credit.value
    }
}

/// A max-heap of (contribution, candidate place), for counting the documents certain to rank high.
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
