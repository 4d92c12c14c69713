extension SearchIndex {
    /// ``groupedSearch(_:filter:limit:)`` for one word, reading the documents' own texts lazily: the groups are
    /// spread and their best members taken as if no document had own matches, which gives a score the `limit`-th
    /// hit reaches at least (an own match only raises a document's labels). A document the word reaches through its
    /// own texts or code is then scored only when its largest possible score (its group's labels raised by the word's
    /// largest own contribution to each label; the score grows with every label) reaches that floor.
    func oneWordGroupedSearch(_ match: WordMatch, filter: FacetFilter, limit: Int) -> [SearchHit] {
        groupScratchPool.with { groupSlots in
            scratchPool.with { documentSlots in
                var rows = GroupedRows(words: 1)
                var spread = GroupedSpread(index: self, filter: filter)
                swap(&spread.groupSlots, &groupSlots)
                spread.spreadGroups(match, word: 0, isFirst: true, into: &rows)
                swap(&spread.groupSlots, &groupSlots)
                let scored = groupScores(rows)
                var floorTop: [ScoredDocument] = []
                take(scored, skipping: nil, filter: filter, limit: limit, into: &floorTop)
                // Rounding moves a score by at most 0.005.
                let floor = floorTop.count == limit ? (floorTop.last?.score ?? 0) - 0.011 : -Double.infinity
                let largest = ownLargest(match)
                let uppers = rows.groupIDs.indices.map { rows.groups[0].score($0, maxWith: largest) }
                let ownOnlyUpper = LabelTable(rows: 0).score(nil, maxWith: largest)
                var candidates: [Int32] = []
                func consider(_ document: Int32) {
                    guard documentSlots.slots[Int(document)] == -1 else { return }
                    let groupRow = groupSlots.slots[Int(groups.groupOf[Int(document)])]
                    guard (groupRow >= 0 ? uppers[Int(groupRow)] : ownOnlyUpper) >= floor,
                        facetTable.accepts(document, filter, in: documents)
                    else { return }
                    documentSlots.set(document, Int32(candidates.count))
                    candidates.append(document)
                }
                for credit in match.credits {
                    for posting in postings[Int(credit.text)] where credit.filter.accepts(posting.field) {
                        consider(posting.document)
                    }
                }
                for (document, _) in match.codes { consider(document) }
                var scorer = WordScorer(match, textCount: texts.count)
                var top: [ScoredDocument] = []
                top.reserveCapacity(limit + 1)
                for document in candidates {
                    let values = combined(document, rows: rows, groupSlots: groupSlots, scorer: &scorer)
                    insert(
                        ScoredDocument(document: document, score: (values.score * 100).rounded() / 100), into: &top,
                        limit: limit)
                }
                take(scored, skipping: documentSlots, filter: filter, limit: limit, into: &top)
                return top.map { scored in
                    hit(scored, combined(scored.document, rows: rows, groupSlots: groupSlots, scorer: &scorer).labels)
                }
            }
        }
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
