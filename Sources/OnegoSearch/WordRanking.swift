/// The state of ``SearchIndex/rankedSearch(_:filter:limit:)``: per query word, a label row per content group and per
/// own-text list that some word reaches (every word's tables have the same rows), the documents' code matches, and
/// the best hits so far.
struct WordRanking {
    let index: SearchIndex
    let filter: FacetFilter
    /// The filter without the department (the facets a group's members share).
    let groupFilter: FacetFilter
    let limit: Int
    /// Per group: -1 no row, -2 filtered out, else its row in each word's `groupRows`. Per list: the same for
    /// `listRows`.
    var groupSlots = SearchScratch(documents: 0)
    var listSlots = SearchScratch(documents: 0)
    /// Per word, its labels in each group row and in each list row.
    var groupRows: [LabelTable]
    var listRows: [LabelTable]
    /// The group of each group row, the list of each list row.
    var groupIDs: [Int32] = []
    var listIDs: [Int32] = []
    /// Per word, the largest code-prefix contribution per document it reaches by code.
    var codeValues: [[Int32: Double]]
    /// Whether any word reaches a document by code.
    var hasCodes = false
    var top: [ScoredDocument] = []

    init(index: SearchIndex, words: Int, filter: FacetFilter, limit: Int) {
        self.index = index
        self.filter = filter
        var groupFilter = filter
        groupFilter.department = -1
        self.groupFilter = groupFilter
        self.limit = limit
        groupRows = Array(repeating: LabelTable(rows: 0), count: words)
        listRows = Array(repeating: LabelTable(rows: 0), count: words)
        codeValues = Array(repeating: [:], count: words)
        top.reserveCapacity(min(limit, index.documents.count) + 1)
    }

    /// The number of query words.
    var words: Int { groupRows.count }

    /// Applies each word's text matches to the groups and lists holding the texts, in credit order (as the
    /// reference scan does on one document), and collects the code matches.
    ///
    /// The word reaching the fewest groups and lists is spread first. A group can hold a hit only when that word
    /// reaches it, or reaches a member's list; so when it reaches no list, the other words give rows only to the
    /// groups it reached (and likewise for lists when it reaches no group). When the lists it reaches hold fewer
    /// members than the other words reach groups (a catalog whose items share no content), the groups of those
    /// members get rows at once, and the other words again give rows to no further group. The groups and lists of
    /// documents reached by code get rows first, so their labels are complete.
    mutating func spread(_ matches: [WordMatch]) {
        let groupTable = index.groupPostings
        let listTable = index.ownLists.postings
        groupTable.withBuffers { groupPostings in
            listTable.withBuffers { listPostings in
                spread(matches, groupPostings: groupPostings, listPostings: listPostings)
            }
        }
    }

    /// ``spread(_:)`` over the posting tables' buffers.
    private mutating func spread(
        _ matches: [WordMatch], groupPostings: PostingTable.Buffers, listPostings: PostingTable.Buffers
    ) {
        var costs: [Int] = []
        var groupCosts: [Int] = []
        var groupCount = 0
        var listCount = 0
        for match in matches {
            var cost = 0
            var groupCost = 0
            for credit in match.credits {
                groupCost += groupPostings.count(of: credit.text)
                cost += groupPostings.count(of: credit.text) + listPostings.count(of: credit.text)
            }
            groupCount += groupCost
            listCount += cost - groupCost
            costs.append(cost)
            groupCosts.append(groupCost)
        }
        for (word, match) in matches.enumerated() {
            for (document, value) in match.codes {
                codeValues[word][document] = max(codeValues[word][document] ?? 0, value)
                hasCodes = true
                if words > 1 { addRows(of: document) }
            }
        }
        // At most a row per posting (and code match): reserved once, so the tables do not grow step by step.
        let groupReserve = min(groupCount + groupIDs.count, index.groups.count)
        let listReserve = min(listCount + listIDs.count, index.ownLists.count)
        let order = matches.indices.sorted { costs[$0] != costs[$1] ? costs[$0] < costs[$1] : $0 < $1 }
        var groupsOpen = true
        var listsOpen = true
        for (position, word) in order.enumerated() {
            var groupTable = LabelTable(rows: groupReserve)
            var listTable = LabelTable(rows: listReserve)
            groupTable.pad(to: groupIDs.count)
            listTable.pad(to: listIDs.count)
            var reachedGroups = false
            var reachedLists = false
            for credit in matches[word].credits {
                for posting in groupPostings[credit.text] where credit.filter.accepts(posting.field) {
                    let slot = groupSlots.slots[Int(posting.document)]
                    if slot >= 0 {
                        groupTable.apply(Int(slot), credit, field: posting.field)
                    } else if slot == -1, groupsOpen, let row = addGroup(posting.document) {
                        groupTable.addSlot()
                        groupTable.apply(row, credit, field: posting.field)
                    } else {
                        continue
                    }
                    reachedGroups = true
                }
                for posting in listPostings[credit.text] where credit.filter.accepts(posting.field) {
                    let slot = listSlots.slots[Int(posting.document)]
                    if slot >= 0 {
                        listTable.apply(Int(slot), credit, field: posting.field)
                    } else if slot == -1, listsOpen, let row = addList(posting.document) {
                        listTable.addSlot()
                        listTable.apply(row, credit, field: posting.field)
                    } else {
                        continue
                    }
                    reachedLists = true
                }
            }
            if position == 0 && words > 1 {
                groupsOpen = reachedLists
                listsOpen = reachedGroups
                // When the other words reach more groups than the first word's lists hold members, the groups of
                // those members are given rows now, and no other group can hold a hit.
                if reachedLists && groupCosts.reduce(0, +) - groupCosts[word] > memberCount(of: listTable) {
                    addGroups(ofMembersOf: listTable)
                    groupTable.pad(to: groupIDs.count)
                    groupsOpen = false
                }
            }
            groupRows[word] = groupTable
            listRows[word] = listTable
        }
        for word in 0..<words {
            groupRows[word].pad(to: groupIDs.count)
            listRows[word].pad(to: listIDs.count)
        }
    }

    /// The number of members of the lists `table` reached.
    private func memberCount(of table: LabelTable) -> Int {
        var count = 0
        for row in listIDs.indices where table.reached[row] {
            let list = Int(listIDs[row])
            count += Int(index.ownLists.memberStart[list + 1] - index.ownLists.memberStart[list])
        }
        return count
    }

    /// Gives rows to the groups of the members of the lists `table` reached (unless filtered out).
    private mutating func addGroups(ofMembersOf table: LabelTable) {
        for row in listIDs.indices where table.reached[row] {
            for member in index.ownLists.members(of: listIDs[row]) {
                let group = index.groups.groupOf[Int(member)]
                if groupSlots.slots[Int(group)] == -1 { _ = addGroup(group) }
            }
        }
    }

    /// Gives the document's group and list rows (unless filtered out).
    private mutating func addRows(of document: Int32) {
        let group = index.groups.groupOf[Int(document)]
        if groupSlots.slots[Int(group)] == -1 { _ = addGroup(group) }
        let list = index.ownLists.listOf[Int(document)]
        if listSlots.slots[Int(list)] == -1 { _ = addList(list) }
    }

    /// The group's new row (the tables are padded by the caller), or nil when its members fail the shared facets.
    private mutating func addGroup(_ group: Int32) -> Int? {
        let first = index.groups.members[Int(index.groups.memberStart[Int(group)])]
        guard index.facetTable.accepts(first, groupFilter, in: index.documents) else {
            groupSlots.set(group, -2)
            return nil
        }
        groupSlots.set(group, Int32(groupIDs.count))
        groupIDs.append(group)
        return groupIDs.count - 1
    }

    /// The list's new row (the tables are padded by the caller), or nil when its department fails the filter.
    private mutating func addList(_ list: Int32) -> Int? {
        guard filter.department < 0 || index.ownLists.departments[Int(list)] == filter.department else {
            listSlots.set(list, -2)
            return nil
        }
        listSlots.set(list, Int32(listIDs.count))
        listIDs.append(list)
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

    /// Word `word`'s code contribution to the document.
    private func code(_ word: Int, _ document: Int32) -> Double {
        hasCodes ? codeValues[word][document] ?? 0 : 0
    }

    /// The document's score (rounded to hundredths), or nil when a word reaches it neither through its group's
    /// row, nor its list's, nor its code.
    func score(_ document: Int32, groupRow: Int, listRow: Int) -> Double? {
        var total = 0.0
        for word in 0..<words {
            let code = code(word, document)
            guard
                (groupRow >= 0 && groupRows[word].reached[groupRow])
                    || (listRow >= 0 && listRows[word].reached[listRow]) || code > 0
            else { return nil }
            total += groupRows[word].score(groupRow, maxWith: listRows[word], listRow, code: code)
        }
        return (total * 100).rounded() / 100
    }

    /// The document's labels, best first per word, in word order, each once.
    func labels(of document: Int32) -> [String] {
        let groupRow = groupRow(of: document)
        let listRow = listRow(of: document)
        var labels: [String] = []
        var seen: UInt16 = 0
        for word in 0..<words {
            let values = groupRows[word].combined(groupRow, listRows[word], listRow, code: code(word, document))
            LabelValues(values: values, isEmpty: false).appendLabels(to: &labels, seen: &seen)
        }
        return labels
    }

    /// Whether a document of code rank `rank` scoring `score` would precede the `limit`-th hit (true while fewer).
    func canEnter(_ score: Double, rank: Int32) -> Bool {
        guard top.count == limit, let last = top.last else { return true }
        return score != last.score ? score > last.score : rank < index.codeRanks[Int(last.document)]
    }

    /// An upper bound rounded as scores are (rounding keeps order; 1e-9 covers the sums' floating-point error).
    static func rounded(_ upper: Double) -> Double { ((upper + 1e-9) * 100).rounded() / 100 }

    /// Whether a code matches the document (then ``rankCodeMatches()`` scores it).
    func hasCode(_ document: Int32) -> Bool {
        guard hasCodes else { return false }
        for values in codeValues where values[document] != nil { return true }
        return false
    }

    /// Scores every document a code matches (with its group's and list's labels).
    mutating func rankCodeMatches() {
        guard hasCodes else { return }
        for word in 0..<words {
            for document in codeValues[word].keys where !codeValues[..<word].contains(where: { $0[document] != nil }) {
                guard groupSlots.slots[Int(index.groups.groupOf[Int(document)])] != -2,
                    listSlots.slots[Int(index.ownLists.listOf[Int(document)])] != -2,
                    index.facetTable.accepts(document, filter, in: index.documents),
                    let scored = score(document, groupRow: groupRow(of: document), listRow: listRow(of: document))
                else { continue }
                index.insert(ScoredDocument(document: document, score: scored), into: &top, limit: limit)
            }
        }
    }
}
