extension SearchIndex {
    /// Whether any of the word's text matches reaches a group (a text shared by a group's members).
    func reachesGroups(_ match: WordMatch) -> Bool {
        for credit in match.credits {
            var fields = groupTextFields[Int(credit.text)]
            while fields != 0 {
                let field = SearchField.allFields[fields.trailingZeroBitCount]
                fields &= fields - 1
                if credit.filter.accepts(field) { return true }
            }
        }
        return false
    }

    /// The number of group postings a word reaches.
    func groupPostingCount(_ match: WordMatch) -> Int {
        match.credits.reduce(0) { $0 + groupPostings[Int($1.text)].count }
    }

    /// The best `limit` hits for the words' matches, scoring each content group once: a document's labels for a
    /// word are the label-wise maximum of its group's and its own (department texts, codes), which is what spreading
    /// the word over the document's texts gives, because the two sets of texts reach different field labels. The
    /// documents a word reaches through their own texts are scored one by one; every other member of a group
    /// scores as the group, and the best of those are taken group by group, members in code order.
    func groupedSearch(_ matches: [WordMatch], filter: FacetFilter, limit: Int) -> [SearchHit] {
        if matches.count == 1 { return oneWordSearch(matches[0], filter: filter, limit: limit) }
        let costs = matches.map { groupPostingCount($0) + postingCount($0) }
        let order = matches.indices.sorted { costs[$0] != costs[$1] ? costs[$0] < costs[$1] : $0 < $1 }
        return groupScratchPool.with { groupSlots in
            scratchPool.with { documentSlots in
                var rows = GroupedRows(words: matches.count)
                // The slots move into the spread and back (a copy would duplicate them on the first write).
                var spread = GroupedSpread(index: self, filter: filter)
                swap(&spread.groupSlots, &groupSlots)
                swap(&spread.documentSlots, &documentSlots)
                for (position, word) in order.enumerated() {
                    spread.spread(matches[word], word: word, isFirst: position == 0, into: &rows)
                }
                swap(&spread.groupSlots, &groupSlots)
                swap(&spread.documentSlots, &documentSlots)
                var top = ownBest(rows, groupSlots: groupSlots, limit: limit)
                groupBest(rows, documentSlots: documentSlots, filter: filter, limit: limit, into: &top)
                return top.map { scored in
                    let document = scored.document
                    let groupRow = Int(groupSlots.slots[Int(groups.groupOf[Int(document)])])
                    let ownRow = documentSlots.slots[Int(document)] >= 0 ? Int(documentSlots.slots[Int(document)]) : nil
                    var matched: [String] = []
                    for word in matches.indices {
                        let values = LabelValues(
                            values: rows.groups[word].combined(groupRow, rows.own[word], ownRow), isEmpty: false)
                        for label in values.labels where !matched.contains(label) { matched.append(label) }
                    }
                    return hit(scored, matched)
                }
            }
        }
    }

    /// The best `limit` of the documents reached through their own texts.
    private func ownBest(_ rows: GroupedRows, groupSlots: SearchScratch, limit: Int) -> [ScoredDocument] {
        var top: [ScoredDocument] = []
        top.reserveCapacity(min(limit, documents.count) + 1)
        for (ownRow, document) in rows.ownDocuments.enumerated() {
            let groupRow = Int(groupSlots.slots[Int(groups.groupOf[Int(document)])])
            var total = 0.0
            var matchesAll = true
            for word in rows.groups.indices {
                let inGroup = rows.groups[word].reached[groupRow]
                let inOwn = rows.own[word].reached[ownRow]
                guard inGroup || inOwn else {
                    matchesAll = false
                    break
                }
                total += rows.groups[word].score(
                    inGroup ? groupRow : nil, maxWith: rows.own[word], inOwn ? ownRow : nil)
            }
            guard matchesAll else { continue }
            insert(ScoredDocument(document: document, score: (total * 100).rounded() / 100), into: &top, limit: limit)
        }
        return top
    }

    /// Adds to `top` the best members of the groups every word reached, that no word reached through their own
    /// texts: groups by score, members of a group (of the filter's department) in code order.
    private func groupBest(
        _ rows: GroupedRows, documentSlots: SearchScratch, filter: FacetFilter, limit: Int,
        into top: inout [ScoredDocument]
    ) {
        take(groupScores(rows), skipping: documentSlots, filter: filter, limit: limit, into: &top)
    }

    /// The rounded score of each group row that every word reached, best first.
    func groupScores(_ rows: GroupedRows) -> [(score: Double, group: Int32)] {
        var scored: [(score: Double, group: Int32)] = []
        for (groupRow, group) in rows.groupIDs.enumerated() {
            var total = 0.0
            var matchesAll = true
            for word in rows.groups.indices {
                guard rows.groups[word].reached[groupRow] else {
                    matchesAll = false
                    break
                }
                total += rows.groups[word].score(groupRow)
            }
            if matchesAll { scored.append(((total * 100).rounded() / 100, group)) }
        }
        scored.sort { $0.score > $1.score }
        return scored
    }

    /// Adds to `top` the best members of the `scored` groups (best first), each scoring as its group; members whose
    /// slot in `skipping` is set (not -1) are left out.
    func take(
        _ scored: [(score: Double, group: Int32)], skipping documentSlots: SearchScratch?, filter: FacetFilter,
        limit: Int, into top: inout [ScoredDocument]
    ) {
        for (score, group) in scored {
            if top.count == limit, let last = top.last, score < last.score { break }
            for member in groups.members(of: group, department: filter.department)
            where documentSlots.map({ $0.slots[Int(member)] == -1 }) ?? true {
                let candidate = ScoredDocument(document: member, score: score)
                if top.count == limit, let last = top.last, !precedes(candidate, last) { break }
                insert(candidate, into: &top, limit: limit)
            }
        }
    }
}

/// The rows of a grouped search: per word, a ``LabelTable`` row per group reached and per document reached through
/// its own texts (every word's tables have the same rows).
struct GroupedRows {
    var groups: [LabelTable]
    var own: [LabelTable]
    /// The group of each group row, the document of each own row.
    var groupIDs: [Int32] = []
    var ownDocuments: [Int32] = []

    init(words: Int) {
        groups = Array(repeating: LabelTable(rows: 0), count: words)
        own = Array(repeating: LabelTable(rows: 0), count: words)
    }

    mutating func addGroup(_ group: Int32) -> Int32 {
        groupIDs.append(group)
        for word in groups.indices { groups[word].addSlot() }
        return Int32(groupIDs.count - 1)
    }

    mutating func addOwn(_ document: Int32) -> Int32 {
        ownDocuments.append(document)
        for word in own.indices { own[word].addSlot() }
        return Int32(ownDocuments.count - 1)
    }
}

/// Spreads words over groups and documents' own texts for ``SearchIndex/groupedSearch(_:filter:limit:)``. The first
/// word (the cheapest) decides which groups can hold hits: later words reach only those groups and their members.
struct GroupedSpread {
    let index: SearchIndex
    let filter: FacetFilter
    /// The filter without the department (the facets a group's members share).
    let groupFilter: FacetFilter
    /// Per group: -1 not reached, -2 filtered out, else its row. Per document: -1, -2, else its own row.
    var groupSlots = SearchScratch(documents: 0)
    var documentSlots = SearchScratch(documents: 0)

    init(index: SearchIndex, filter: FacetFilter) {
        self.index = index
        self.filter = filter
        var groupFilter = filter
        groupFilter.department = -1
        self.groupFilter = groupFilter
    }

    mutating func spread(_ match: WordMatch, word: Int, isFirst: Bool, into rows: inout GroupedRows) {
        spreadGroups(match, word: word, isFirst: isFirst, into: &rows)
        for credit in match.credits {
            for posting in index.postings[Int(credit.text)] where credit.filter.accepts(posting.field) {
                guard let row = ownRow(posting.document, isFirst: isFirst, into: &rows) else { continue }
                rows.own[word].apply(Int(row), credit, field: posting.field)
            }
        }
        for (document, value) in match.codes {
            guard let row = ownRow(document, isFirst: isFirst, into: &rows) else { continue }
            rows.own[word].add(Int(row), .code, value)
        }
    }

    /// Spreads the word over the groups holding its texts.
    mutating func spreadGroups(_ match: WordMatch, word: Int, isFirst: Bool, into rows: inout GroupedRows) {
        for credit in match.credits {
            for posting in index.groupPostings[Int(credit.text)] where credit.filter.accepts(posting.field) {
                guard let row = groupRow(posting.document, isFirst: isFirst, into: &rows) else { continue }
                rows.groups[word].apply(Int(row), credit, field: posting.field)
            }
        }
    }

    /// The group's row; a group is given one only by the first word, when its members pass the shared facets.
    private mutating func groupRow(_ group: Int32, isFirst: Bool, into rows: inout GroupedRows) -> Int32? {
        let slot = groupSlots.slots[Int(group)]
        if slot != -1 { return slot >= 0 ? slot : nil }
        guard isFirst else { return nil }
        let first = index.groups.members[Int(index.groups.memberStart[Int(group)])]
        guard index.facetTable.accepts(first, groupFilter, in: index.documents) else {
            groupSlots.set(group, -2)
            return nil
        }
        let row = rows.addGroup(group)
        groupSlots.set(group, row)
        return row
    }

    /// The document's own row; after the first word, only members of groups with a row get one.
    private mutating func ownRow(_ document: Int32, isFirst: Bool, into rows: inout GroupedRows) -> Int32? {
        let slot = documentSlots.slots[Int(document)]
        if slot != -1 { return slot >= 0 ? slot : nil }
        let group = index.groups.groupOf[Int(document)]
        let groupSlot = groupSlots.slots[Int(group)]
        guard (isFirst && groupSlot == -1) || groupSlot >= 0,
            index.facetTable.accepts(document, filter, in: index.documents)
        else {
            documentSlots.set(document, -2)
            return nil
        }
        if groupSlot == -1 { groupSlots.set(group, rows.addGroup(group)) }
        let row = rows.addOwn(document)
        documentSlots.set(document, row)
        return row
    }
}
