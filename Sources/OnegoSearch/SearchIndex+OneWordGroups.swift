extension SearchIndex {
    /// ``groupedSearch(_:filter:limit:)`` for one word, reading the documents' own texts lazily: the groups are
    /// spread and their best members taken as if no document had own matches, which gives a score the `limit`-th
    /// hit reaches at least (an own match only raises a document's labels). A document the word reaches through its
    /// own texts or code is then scored only when its largest possible score reaches that floor, or the `limit`-th
    /// score found so far (``OwnScan``).
    func oneWordGroupedSearch(_ match: WordMatch, filter: FacetFilter, limit: Int) -> [SearchHit] {
        groupScratchPool.with { groupSlots in
            scratchPool.with { documentSlots in
                var rows = GroupedRows(words: 1)
                var spread = GroupedSpread(index: self, filter: filter)
                swap(&spread.groupSlots, &groupSlots)
                spread.spreadGroups(match, word: 0, isFirst: true, into: &rows)
                swap(&spread.groupSlots, &groupSlots)
                let scored = groupScores(rows)
                var top: [ScoredDocument] = []
                top.reserveCapacity(min(limit, documents.count) + 1)
                // Replays documents' own texts; made only for words that reach some (most reach none).
                var scorer: WordScorer?
                if hasOwnMatches(match) {
                    var floorTop: [ScoredDocument] = []
                    take(scored, skipping: nil, filter: filter, limit: limit, into: &floorTop)
                    // Rounding moves a score by at most 0.005.
                    let floor = floorTop.count == limit ? (floorTop.last?.score ?? 0) - 0.011 : -Double.infinity
                    let largest = ownLargest(match)
                    let uppers = rows.groupIDs.indices.map { rows.groups[0].score($0, maxWith: largest) }
                    var own = OwnScan(floor: floor, uppers: uppers, limit: limit)
                    var replay = scorer ?? WordScorer(match, textCount: texts.count)
                    own.scan(
                        match, in: self, filter: filter, groupSlots: groupSlots, documentSlots: &documentSlots,
                        into: &top
                    ) { document in
                        _ = replay.score(document, in: self)
                        let groupRow = Int(groupSlots.slots[Int(groups.groupOf[Int(document)])])
                        let total = replay.values.score(raisedTo: groupRow >= 0 ? rows.groups[0].row(groupRow) : nil)
                        return (total * 100).rounded() / 100
                    }
                    scorer = replay
                }
                take(scored, skipping: documentSlots, filter: filter, limit: limit, into: &top)
                return top.map { scored in
                    let document = scored.document
                    guard documentSlots.slots[Int(document)] >= 0, var replay = scorer else {
                        let groupRow = Int(groupSlots.slots[Int(groups.groupOf[Int(document)])])
                        return hit(
                            scored, LabelValues(values: Array(rows.groups[0].row(groupRow)), isEmpty: false).labels)
                    }
                    return hit(scored, combined(document, rows: rows, groupSlots: groupSlots, scorer: &replay).labels)
                }
            }
        }
    }

    /// Whether the word reaches any document through its own texts (departments) or code.
    private func hasOwnMatches(_ match: WordMatch) -> Bool {
        !match.codes.isEmpty
            || match.credits.contains { !postings[Int($0.text)].isEmpty && $0.filter.accepts(.department) }
    }

    /// The word's labels for `document`: its group's row, raised by its own texts and code (replayed).
    private func combined(
        _ document: Int32, rows: GroupedRows, groupSlots: SearchScratch, scorer: inout WordScorer
    ) -> LabelValues {
        let groupRow = groupSlots.slots[Int(groups.groupOf[Int(document)])]
        var values = scorer.score(document, in: self) != nil ? scorer.values : LabelValues()
        if groupRow >= 0 { values.raise(to: rows.groups[0].row(Int(groupRow))) }
        return values
    }

    /// Per ``MatchLabel``, the largest contribution the word makes to any document through its own texts
    /// (departments) or code.
    func ownLargest(_ match: WordMatch) -> [Double] {
        var largest = [Double](repeating: 0, count: MatchLabel.allCases.count)
        for credit in match.credits where !postings[Int(credit.text)].isEmpty && credit.filter.accepts(.department) {
            let weighted = SearchField.department.weight * credit.value
            let label = MatchLabel.department
            largest[label.rawValue] = max(largest[label.rawValue], weighted)
            if let extra = credit.extra, extra != label {
                largest[extra.rawValue] = max(largest[extra.rawValue], weighted * 0.99)
            }
        }
        for (_, value) in match.codes {
            largest[MatchLabel.code.rawValue] = max(largest[MatchLabel.code.rawValue], value)
        }
        return largest
    }
}

/// The documents a word reaches through their own texts (departments) or code, read by their largest possible
/// contribution, best first; each is scored (its group's labels raised by its own) when its largest possible score
/// reaches the floor: a member of a group the word reached can score at most its group's labels raised by the word's
/// largest own contribution to each label (the score grows with every label); a document of no such group, first
/// reached through a text worth `bound`, at most `bound` plus the word's ``SearchIndex/bonusBound(of:)``.
struct OwnScan {
    /// A score the `limit`-th hit reaches at least, less the rounding margin.
    var floor: Double
    /// Per group row, the largest possible score of its members.
    let uppers: [Double]
    let limit: Int

    mutating func scan(
        _ match: WordMatch, in index: SearchIndex, filter: FacetFilter, groupSlots: SearchScratch,
        documentSlots: inout SearchScratch, into top: inout [ScoredDocument], score: (Int32) -> Double
    ) {
        let bonus = index.bonusBound(of: match)
        var order: [(bound: Double, credit: Int)] = []
        for (position, credit) in match.credits.enumerated()
        where !index.postings[Int(credit.text)].isEmpty && credit.filter.accepts(.department) {
            order.append((SearchField.department.weight * credit.value, position))
        }
        if let best = match.codes.map(\.value).max() { order.append((best, -1)) }
        order.sort { $0.bound != $1.bound ? $0.bound > $1.bound : $0.credit < $1.credit }
        let groupUpper = uppers.max() ?? -Double.infinity
        // Local copies: reading the index's tables inside the loop would retain and release them per posting.
        let groupOf = index.groups.groupOf
        let groupRows = groupSlots.slots
        let ownPostings = index.postings
        let facetTable = index.facetTable
        let documents = index.documents
        var reached: [Int32] = []
        for (bound, position) in order {
            if bound + bonus < floor && groupUpper < floor { break }
            reached.removeAll(keepingCapacity: true)
            if position < 0 {
                for (document, _) in match.codes { reached.append(document) }
            } else {
                for posting in ownPostings[Int(match.credits[position].text)] { reached.append(posting.document) }
            }
            for document in reached where documentSlots.slots[Int(document)] == -1 {
                let groupRow = groupRows[Int(groupOf[Int(document)])]
                guard (groupRow >= 0 ? uppers[Int(groupRow)] : bound + bonus) >= floor,
                    filter.isEmpty || facetTable.accepts(document, filter, in: documents)
                else { continue }
                documentSlots.set(document, 0)
                index.insert(ScoredDocument(document: document, score: score(document)), into: &top, limit: limit)
                if top.count == limit, let last = top.last { floor = max(floor, last.score - 0.011) }
            }
        }
    }
}
