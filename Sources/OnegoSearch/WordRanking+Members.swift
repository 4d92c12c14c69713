extension WordRanking {
    /// Scores the members of the reached groups and lists that no code matches (``rankCodeMatches()`` scores
    /// those). A member of both is read from the side whose bounds reach fewer documents: a group's bound is, per
    /// word, its labels raised by the word's largest own contribution to each label (`ownLargest`, one row per word),
    /// a list's is its labels raised by every group row's. So a query whose group matches differ (a name) reads the
    /// best groups, one whose own matches differ (a department text) reads the best lists; a member is scored only
    /// when the other side's bound lets it rank too. The other side then reads only its members the first did not.
    mutating func rankMembers(ownLargest: [[Double]]) {
        let reachesLists = ownLargest.map { $0.contains { $0 > 0 } }
        let (groupUppers, groupScores) = Self.scores(
            groupRows, rows: groupIDs.count, raisedTo: ownLargest, reachesLists)
        guard !listIDs.isEmpty else {
            rankGroups(uppers: groupUppers, plainScores: groupScores, listUppers: [], skippingListed: false)
            return
        }
        let groupLargest = groupRows.map { $0.largest() }
        let reachesGroups = groupRows.map { $0.reached.contains(true) }
        let (listUppers, listScores) = Self.scores(listRows, rows: listIDs.count, raisedTo: groupLargest, reachesGroups)
        let floor = estimatedFloor(groupScores: groupScores, listScores: listScores) - 0.011
        if groupIDs.isEmpty || groupCost(groupUppers, floor: floor) <= listCost(listUppers, floor: floor) {
            rankGroups(uppers: groupUppers, plainScores: groupScores, listUppers: listUppers, skippingListed: false)
            rankLists(uppers: listScores, plainScores: listScores, groupUppers: [], skippingGrouped: true)
        } else {
            rankLists(uppers: listUppers, plainScores: listScores, groupUppers: groupUppers, skippingGrouped: false)
            rankGroups(uppers: groupScores, plainScores: groupScores, listUppers: [], skippingListed: true)
        }
    }

    /// Per row of `tables` (one table per word), rounded as scores are: the largest score of a document holding the
    /// row (per word, the row's labels raised to `largest`, the word's largest contribution through the other side;
    /// -∞ when a word reaches neither the row nor anything on the other side, `reachesOther`), and the score of the
    /// documents that hold the row and get no labels from the other side or codes (-∞ when a word misses the row).
    private static func scores(
        _ tables: [LabelTable], rows: Int, raisedTo largest: [[Double]], _ reachesOther: [Bool]
    ) -> (uppers: [Double], plain: [Double]) {
        var uppers = [Double](repeating: 0, count: rows)
        var plain = [Double](repeating: 0, count: rows)
        for word in tables.indices {
            tables[word].addScores(
                raisedTo: largest[word], keepingUnreached: reachesOther[word], uppers: &uppers, plain: &plain)
        }
        return (uppers.map(rounded), plain.map { ($0 * 100).rounded() / 100 })
    }

    /// A score the `limit`-th hit reaches at least, for choosing a side: the best group or list score that
    /// `limit` members share, and the `limit`-th best of the groups' and lists' own scores.
    private func estimatedFloor(groupScores: [Double], listScores: [Double]) -> Double {
        var best = -Double.infinity
        for row in groupIDs.indices where groupSize(Int(groupIDs[row])) >= limit { best = max(best, groupScores[row]) }
        for row in listIDs.indices where listSize(Int(listIDs[row])) >= limit { best = max(best, listScores[row]) }
        guard limit <= groupScores.count + listScores.count else { return best }
        return max(best, SearchIndex.largest(groupScores + listScores, rank: limit))
    }

    private func groupSize(_ group: Int) -> Int {
        Int(index.groups.memberStart[group + 1] - index.groups.memberStart[group])
    }

    private func listSize(_ list: Int) -> Int {
        Int(index.ownLists.memberStart[list + 1] - index.ownLists.memberStart[list])
    }

    /// The members of the groups whose bound reaches `floor`.
    private func groupCost(_ uppers: [Double], floor: Double) -> Int {
        return uppers.indices.reduce(0) { $0 + (uppers[$1] >= floor ? groupSize(Int(groupIDs[$1])) : 0) }
    }

    /// The members of the lists whose bound reaches `floor`.
    private func listCost(_ uppers: [Double], floor: Double) -> Int {
        return uppers.indices.reduce(0) { $0 + (uppers[$1] >= floor ? listSize(Int(listIDs[$1])) : 0) }
    }

    /// Scores the members of the groups with rows (of the filter's department), best bound first (`uppers`, one per
    /// group row), each group's members in code order, each only when its list's bound (`listUppers`, one per list
    /// row) lets it rank; with `skippingListed`, only members of no list with a row. `plainScores` holds the score of
    /// each row's members that no list or code raises (-∞: such members miss a word).
    mutating func rankGroups(uppers: [Double], plainScores: [Double], listUppers: [Double], skippingListed: Bool) {
        var queue = CandidateQueue(
            groupIDs.indices.map { row in
                let first = index.groups.members[Int(index.groups.memberStart[Int(groupIDs[row])])]
                return (upper: uppers[row], rank: index.codeRanks[Int(first)], item: Int32(row))
            })
        while let (upper, rank, row) = queue.pop() {
            guard upper > -.infinity, canEnter(upper, rank: rank) else { break }
            let plain = plainScores[Int(row)]
            for member in index.groups.members(of: groupIDs[Int(row)], department: filter.department) {
                let memberRank = index.codeRanks[Int(member)]
                guard canEnter(upper, rank: memberRank) else { break }
                let listRow = listRow(of: member)
                if listRow >= 0 && (skippingListed || !canEnter(listUppers[listRow], rank: memberRank)) { continue }
                if hasCode(member) { continue }
                guard let scored = listRow < 0 ? plain : score(member, groupRow: Int(row), listRow: listRow),
                    scored > -.infinity
                else { continue }
                index.insert(ScoredDocument(document: member, score: scored), into: &top, limit: limit)
            }
        }
    }

    /// Scores the members of the lists with rows, best bound first (`uppers`, one per list row), each list's members
    /// in code order, each only when its group's bound (`groupUppers`, one per group row) lets it rank; with
    /// `skippingGrouped`, only members of no group with a row. `plainScores` holds the score of each row's members that
    /// no group or code raises (-∞: such members miss a word).
    mutating func rankLists(uppers: [Double], plainScores: [Double], groupUppers: [Double], skippingGrouped: Bool) {
        var queue = CandidateQueue(
            listIDs.indices.map { row in
                let first = index.ownLists.members[Int(index.ownLists.memberStart[Int(listIDs[row])])]
                return (upper: uppers[row], rank: index.codeRanks[Int(first)], item: Int32(row))
            })
        while let (upper, rank, row) = queue.pop() {
            guard upper > -.infinity, canEnter(upper, rank: rank) else { break }
            let plain = plainScores[Int(row)]
            for member in index.ownLists.members(of: listIDs[Int(row)]) {
                let memberRank = index.codeRanks[Int(member)]
                guard canEnter(upper, rank: memberRank) else { break }
                let groupSlot = groupSlots.slots[Int(index.groups.groupOf[Int(member)])]
                if groupSlot >= 0 {
                    if skippingGrouped || !canEnter(groupUppers[Int(groupSlot)], rank: memberRank) { continue }
                } else if groupSlot == -2 || !index.facetTable.accepts(member, filter, in: index.documents) {
                    // A group filtered out fails the filter; one with no row may still pass it.
                    continue
                }
                if hasCode(member) { continue }
                guard let scored = groupSlot >= 0 ? score(member, groupRow: Int(groupSlot), listRow: Int(row)) : plain,
                    scored > -.infinity
                else { continue }
                index.insert(ScoredDocument(document: member, score: scored), into: &top, limit: limit)
            }
        }
    }
}
