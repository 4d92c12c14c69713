extension SearchIndex {
    /// The best `limit` hits of one query word, scoring each content group and each own-text list once: a document's
    /// labels are the label-wise maximum of its group's (the texts its members share), its own list's (department
    /// texts) and its code matches, which is what spreading the word over the document's texts gives, because the
    /// sets of texts reach different field labels (see ``groupedSearch(_:filter:limit:)``).
    ///
    /// The members of reached groups and lists are read group by group or list by list, best bound first, in code
    /// order, until no further one can precede the `limit`-th hit (``OneWordRanking/rankMembers(ownLargest:)``);
    /// then the documents reached by code alone.
    func oneWordSearch(_ match: WordMatch, filter: FacetFilter, limit: Int) -> [SearchHit] {
        groupScratchPool.with { groupSlots in
            ownListScratchPool.with { listSlots in
                var ranking = OneWordRanking(index: self, filter: filter, limit: limit)
                swap(&ranking.groupSlots, &groupSlots)
                swap(&ranking.listSlots, &listSlots)
                ranking.spread(match)
                ranking.rankMembers(ownLargest: ownLargest(match))
                ranking.rankCodeMatches()
                let hits = ranking.top.map { scored in
                    hit(scored, LabelValues(values: ranking.labels(of: scored.document), isEmpty: false).labels)
                }
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
        where !ownLists.postings[Int(credit.text)].isEmpty && credit.filter.accepts(.department) {
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

/// The state of ``SearchIndex/oneWordSearch(_:filter:limit:)``: a label row per content group and per own-text list
/// the word reaches, the documents' code matches, and the best hits so far.
struct OneWordRanking {
    let index: SearchIndex
    let filter: FacetFilter
    /// The filter without the department (the facets a group's members share).
    let groupFilter: FacetFilter
    let limit: Int
    /// Per group: -1 not reached, -2 filtered out, else its row in `groupRows`. Per list: the same for `listRows`.
    var groupSlots = SearchScratch(documents: 0)
    var listSlots = SearchScratch(documents: 0)
    var groupRows = LabelTable(rows: 0)
    var listRows = LabelTable(rows: 0)
    /// The group of each group row, the list of each list row.
    var groupIDs: [Int32] = []
    var listIDs: [Int32] = []
    /// The largest code-prefix contribution per document reached by code.
    var codeValues: [Int32: Double] = [:]
    var top: [ScoredDocument] = []

    init(index: SearchIndex, filter: FacetFilter, limit: Int) {
        self.index = index
        self.filter = filter
        var groupFilter = filter
        groupFilter.department = -1
        self.groupFilter = groupFilter
        self.limit = limit
        top.reserveCapacity(min(limit, index.documents.count) + 1)
    }

    /// Applies the word's text matches to the groups and lists holding the texts, in credit order (as
    /// ``WordScorer`` does on one document), and collects the code matches.
    mutating func spread(_ match: WordMatch) {
        // At most a row per posting: reserved once, so the tables do not grow step by step.
        // Local copies: reading the index's tables inside the loops would retain and release them per credit.
        let groupPostings = index.groupPostings
        let listPostings = index.ownLists.postings
        var groupCount = 0
        var listCount = 0
        for credit in match.credits {
            groupCount += groupPostings[Int(credit.text)].count
            listCount += listPostings[Int(credit.text)].count
        }
        groupRows = LabelTable(rows: min(groupCount, index.groups.count))
        listRows = LabelTable(rows: min(listCount, index.ownLists.count))
        for credit in match.credits {
            for posting in groupPostings[Int(credit.text)] where credit.filter.accepts(posting.field) {
                let slot = groupSlots.slots[Int(posting.document)]
                if slot >= 0 {
                    groupRows.apply(Int(slot), credit, field: posting.field)
                } else if slot == -1, let row = addGroup(posting.document) {
                    groupRows.apply(row, credit, field: posting.field)
                }
            }
            for posting in listPostings[Int(credit.text)] where credit.filter.accepts(posting.field) {
                let slot = listSlots.slots[Int(posting.document)]
                if slot >= 0 {
                    listRows.apply(Int(slot), credit, field: posting.field)
                } else if slot == -1, let row = addList(posting.document) {
                    listRows.apply(row, credit, field: posting.field)
                }
            }
        }
        for (document, value) in match.codes { codeValues[document] = max(codeValues[document] ?? 0, value) }
    }

    private mutating func addGroup(_ group: Int32) -> Int? {
        let first = index.groups.members[Int(index.groups.memberStart[Int(group)])]
        guard index.facetTable.accepts(first, groupFilter, in: index.documents) else {
            groupSlots.set(group, -2)
            return nil
        }
        groupSlots.set(group, Int32(groupIDs.count))
        groupIDs.append(group)
        groupRows.addSlot()
        return groupIDs.count - 1
    }

    private mutating func addList(_ list: Int32) -> Int? {
        guard filter.department < 0 || index.ownLists.departments[Int(list)] == filter.department else {
            listSlots.set(list, -2)
            return nil
        }
        listSlots.set(list, Int32(listIDs.count))
        listIDs.append(list)
        listRows.addSlot()
        return listIDs.count - 1
    }

    /// The document's row in `listRows`, or -1.
    func listRow(of document: Int32) -> Int {
        let slot = listSlots.slots[Int(index.ownLists.listOf[Int(document)])]
        return slot >= 0 ? Int(slot) : -1
    }

    /// The document's row in `groupRows`, or -1.
    func groupRow(of document: Int32) -> Int {
        let slot = groupSlots.slots[Int(index.groups.groupOf[Int(document)])]
        return slot >= 0 ? Int(slot) : -1
    }

    /// The document's score (rounded to hundredths).
    func score(_ document: Int32, groupRow: Int, listRow: Int) -> Double {
        let code = codeValues.isEmpty ? 0 : codeValues[document] ?? 0
        let total = groupRows.score(groupRow, maxWith: listRows, listRow, code: code)
        return (total * 100).rounded() / 100
    }

    /// The document's labels, one value per ``MatchLabel``.
    func labels(of document: Int32) -> [Double] {
        let code = codeValues.isEmpty ? 0 : codeValues[document] ?? 0
        return groupRows.combined(groupRow(of: document), listRows, listRow(of: document), code: code)
    }

    /// Whether a document of code rank `rank` scoring `score` would precede the `limit`-th hit (true while fewer).
    func canEnter(_ score: Double, rank: Int32) -> Bool {
        guard top.count == limit, let last = top.last else { return true }
        return score != last.score ? score > last.score : rank < index.codeRanks[Int(last.document)]
    }

    /// An upper bound rounded as scores are (rounding keeps order; 1e-9 covers the sums' floating-point error).
    static func rounded(_ upper: Double) -> Double { ((upper + 1e-9) * 100).rounded() / 100 }

    /// Scores every document a code matches (with its group's and list's labels).
    mutating func rankCodeMatches() {
        for document in codeValues.keys {
            guard groupSlots.slots[Int(index.groups.groupOf[Int(document)])] != -2,
                listSlots.slots[Int(index.ownLists.listOf[Int(document)])] != -2,
                index.facetTable.accepts(document, filter, in: index.documents)
            else { continue }
            let scored = score(document, groupRow: groupRow(of: document), listRow: listRow(of: document))
            index.insert(ScoredDocument(document: document, score: scored), into: &top, limit: limit)
        }
    }
}
