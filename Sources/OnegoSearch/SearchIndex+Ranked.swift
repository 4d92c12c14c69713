extension SearchIndex {
    /// The best `limit` hits of the query words' matches, scoring each content group and each own-text list once per
    /// word: a document's labels for a word are the label-wise maximum of its group's (the texts its members share),
    /// its own list's (department texts) and its code matches, which is what spreading the word over the document's
    /// texts gives, because the sets of texts reach different field labels and ``LabelValues/add(_:_:)`` keeps a
    /// maximum; a document matches when every word reaches it one of these ways, and its score is the sum of the
    /// words' scores in query order, rounded to hundredths, as the reference scan sums them.
    ///
    /// The members of reached groups and lists are read group by group or list by list, best bound first, in code
    /// order, until no further one can precede the `limit`-th hit (``WordRanking/rankMembers(ownLargest:)``); then
    /// the documents reached by code.
    func rankedSearch(_ matches: [WordMatch], filter: FacetFilter, limit: Int) -> [SearchHit] {
        groupScratchPool.with { groupSlots in
            ownListScratchPool.with { listSlots in
                var ranking = WordRanking(index: self, words: matches.count, filter: filter, limit: limit)
                swap(&ranking.groupSlots, &groupSlots)
                swap(&ranking.listSlots, &listSlots)
                ranking.spread(matches)
                ranking.rankMembers(ownLargest: matches.map(ownLargest))
                ranking.rankCodeMatches()
                let hits = ranking.top.map { hit($0, ranking.labels(of: $0.document)) }
                swap(&ranking.groupSlots, &groupSlots)
                swap(&ranking.listSlots, &listSlots)
                return hits
            }
        }
    }

    /// Per ``MatchLabel``, the largest contribution the word makes to any document through its own texts
    /// (departments).
    func ownLargest(_ match: WordMatch) -> [Double] {
        var largest = [Double](repeating: 0, count: MatchLabel.allCases.count)
        for credit in match.credits
        where !ownLists.postings[credit.text].isEmpty && credit.filter.accepts(.department) {
            // Own lists hold department texts only.
            let weighted = SearchField.department.weight * credit.value
            let label = MatchLabel.department
            largest[label.rawValue] = max(largest[label.rawValue], weighted)
            if let extra = credit.extra, extra != label {
                largest[extra.rawValue] = max(largest[extra.rawValue], weighted * 0.99)
            }
        }
        return largest
    }
}
