extension OneWordRanking {
    /// Scores the members of the reached groups and lists that no code matches (``rankCodeMatches()`` scores
    /// those). A member of both is read from the side whose bounds reach fewer documents: a group's bound is its
    /// labels raised by the word's largest own contribution to each label (`ownLargest`), a list's is its labels
    /// raised by every reached group's. So a word whose group matches differ (a name) reads the best groups, one whose
    /// own matches differ (a department text) reads the best lists; a member is scored only when the other side's
    /// bound lets it rank too. The other side then reads only its members the first did not.
    mutating func rankMembers(ownLargest: [Double]) {
        let groupUppers = groupIDs.indices.map { Self.rounded(groupRows.score($0, maxWith: ownLargest)) }
        guard !listIDs.isEmpty else {
            rankGroups(uppers: groupUppers, listUppers: [], skippingListed: false)
            return
        }
        let groupLargest = groupRows.largest()
        let listUppers = listIDs.indices.map { Self.rounded(listRows.score($0, maxWith: groupLargest)) }
        let groupScores = groupIDs.indices.map { groupRows.score($0) }
        let listScores = listIDs.indices.map { listRows.score($0) }
        let floor = estimatedFloor(groupScores: groupScores, listScores: listScores) - 0.011
        if groupIDs.isEmpty || groupCost(groupUppers, floor: floor) <= listCost(listUppers, floor: floor) {
            rankGroups(uppers: groupUppers, listUppers: listUppers, skippingListed: false)
            rankLists(uppers: listScores.map(Self.rounded), groupUppers: [], skippingGrouped: true)
        } else {
            rankLists(uppers: listUppers, groupUppers: groupUppers, skippingGrouped: false)
            rankGroups(uppers: groupScores.map(Self.rounded), listUppers: [], skippingListed: true)
        }
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

    /// Whether a code matches the document (then ``rankCodeMatches()`` scores it).
    private func hasCode(_ document: Int32) -> Bool {
        !codeValues.isEmpty && codeValues[document] != nil
    }

    /// Scores the members of the reached groups (of the filter's department), best bound first (`uppers`, one per
    /// group row), each group's members in code order, each only when its list's bound (`listUppers`, one per list
    /// row) lets it rank; with `skippingListed`, only members of no reached list.
    mutating func rankGroups(uppers: [Double], listUppers: [Double], skippingListed: Bool) {
        var queue = CandidateQueue(
            groupIDs.indices.map { row in
                let first = index.groups.members[Int(index.groups.memberStart[Int(groupIDs[row])])]
                return (upper: uppers[row], rank: index.codeRanks[Int(first)], item: Int32(row))
            })
        while let (upper, rank, row) = queue.pop() {
            guard canEnter(upper, rank: rank) else { break }
            // The score of members no list or code raises.
            let plain = (groupRows.score(Int(row)) * 100).rounded() / 100
            for member in index.groups.members(of: groupIDs[Int(row)], department: filter.department) {
                let memberRank = index.codeRanks[Int(member)]
                guard canEnter(upper, rank: memberRank) else { break }
                let listRow = listRow(of: member)
                if listRow >= 0 && (skippingListed || !canEnter(listUppers[listRow], rank: memberRank)) { continue }
                if hasCode(member) { continue }
                let scored = listRow < 0 ? plain : score(member, groupRow: Int(row), listRow: listRow)
                index.insert(ScoredDocument(document: member, score: scored), into: &top, limit: limit)
            }
        }
    }

    /// Scores the members of the reached lists, best bound first (`uppers`, one per list row), each list's members in
    /// code order, each only when its group's bound (`groupUppers`, one per group row) lets it rank; with
    /// `skippingGrouped`, only members of no reached group.
    mutating func rankLists(uppers: [Double], groupUppers: [Double], skippingGrouped: Bool) {
        var queue = CandidateQueue(
            listIDs.indices.map { row in
                let first = index.ownLists.members[Int(index.ownLists.memberStart[Int(listIDs[row])])]
                return (upper: uppers[row], rank: index.codeRanks[Int(first)], item: Int32(row))
            })
        while let (upper, rank, row) = queue.pop() {
            guard canEnter(upper, rank: rank) else { break }
            // The score of members no group or code raises.
            let plain = (listRows.score(Int(row)) * 100).rounded() / 100
            for member in index.ownLists.members(of: listIDs[Int(row)]) {
                let memberRank = index.codeRanks[Int(member)]
                guard canEnter(upper, rank: memberRank) else { break }
                let groupSlot = groupSlots.slots[Int(index.groups.groupOf[Int(member)])]
                if groupSlot >= 0 {
                    if skippingGrouped || !canEnter(groupUppers[Int(groupSlot)], rank: memberRank) { continue }
                } else if groupSlot == -2 || !index.facetTable.accepts(member, filter, in: index.documents) {
                    // A group filtered out fails the filter; one not reached may still pass it.
                    continue
                }
                if hasCode(member) { continue }
                let scored = groupSlot >= 0 ? score(member, groupRow: Int(groupSlot), listRow: Int(row)) : plain
                index.insert(ScoredDocument(document: member, score: scored), into: &top, limit: limit)
            }
        }
    }
}
