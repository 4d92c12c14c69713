extension SearchIndex {
    /// The documents passing `facets` that match every word and can be among the best `limit`: the rarest word's
    /// documents are the candidates; each further word keeps those it matches (read from its postings, or from the
    /// candidates' own texts when they are fewer), and the candidates whose largest possible score is below the
    /// `limit`-th best certain score are dropped; each comes with its largest possible score. A document's score for
    /// a word is at least the word's largest contribution to it and at most that plus the word's `bonuses` entry
    /// (``bonusBound(of:)``).
    func topCandidates(
        _ matches: [WordMatch], scorers: [WordScorer], bonuses: [Double], facets: SearchFacets, limit: Int
    ) -> [Candidate] {
        guard let filter = facetTable.filter(facets) else { return [] }
        let costs = matches.map(postingCount)
        let order = matches.indices.sorted { costs[$0] != costs[$1] ? costs[$0] < costs[$1] : $0 < $1 }
        // Scratch slots, -1: not reached; -2: filtered out or not matching; else the document's place in
        // `candidates`.
        let (candidates, certain) = scratchPool.with { scratch in
            var candidates: [Int32] = []
            var certain: [Double] = []
            spread(matches[order[0]]) { document, contribution in
                let place = scratch.slots[Int(document)]
                if place >= 0 {
                    certain[Int(place)] = max(certain[Int(place)], contribution)
                } else if place == -1 {
                    guard facetTable.accepts(document, filter, in: documents) else {
                        scratch.set(document, -2)
                        return
                    }
                    scratch.set(document, Int32(candidates.count))
                    candidates.append(document)
                    certain.append(contribution)
                }
            }
            let averageTexts = max(1, forwardTexts.count / max(1, documents.count))
            for word in order.dropFirst() where !candidates.isEmpty {
                var best = [Double](repeating: -1, count: candidates.count)
                if candidates.count * averageTexts < costs[word] {
                    for (place, document) in candidates.enumerated() {
                        best[place] = scorers[word].bestContribution(document, in: self) ?? -1
                    }
                } else {
                    spread(matches[word]) { document, contribution in
                        let place = scratch.slots[Int(document)]
                        if place >= 0 { best[Int(place)] = max(best[Int(place)], contribution) }
                    }
                }
                var kept = 0
                for place in candidates.indices {
                    let document = candidates[place]
                    guard best[place] >= 0 else {
                        scratch.set(document, -2)
                        continue
                    }
                    candidates[kept] = document
                    certain[kept] = certain[place] + best[place]
                    scratch.set(document, Int32(kept))
                    kept += 1
                }
                candidates.removeLast(candidates.count - kept)
                certain.removeLast(certain.count - kept)
            }
            return (candidates, certain)
        }
        let bonus = bonuses.reduce(0, +)
        guard candidates.count > limit else {
            return candidates.indices.map {
                Candidate(document: candidates[$0], upper: certain[$0] + bonus, lower: certain[$0])
            }
        }
        // Rounding the total to hundredths moves a score by at most 0.005.
        let floor = Self.largest(certain, rank: limit) - 0.01
        return candidates.indices.filter { certain[$0] + bonus >= floor }.map {
            Candidate(document: candidates[$0], upper: certain[$0] + bonus, lower: certain[$0])
        }
    }

    /// The number of postings and code matches a word reaches (what spreading it costs).
    func postingCount(_ match: WordMatch) -> Int {
        match.credits.reduce(match.codes.count) { $0 + postings[Int($1.text)].count }
    }

    /// Calls `visit` with each document and field contribution of the word's text and code matches.
    private func spread(_ match: WordMatch, visit: (Int32, Double) -> Void) {
        for credit in match.credits {
            for posting in postings[Int(credit.text)] where credit.filter.accepts(posting.field) {
                visit(posting.document, posting.field.weight * credit.value)
            }
        }
        for (document, value) in match.codes { visit(document, value) }
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
}
