/// The documents' content groups: documents whose searchable texts, apart from departments and codes, are the same
/// (see ``SearchIndexBuilder``). A group is scored once for the texts its members share.
struct SearchGroups: Sendable {
    /// Each document's group.
    let groupOf: [Int32]
    /// Each group's members: `members[memberStart[g]..<memberStart[g + 1]]`, ordered by code.
    let memberStart: [Int32]
    let members: [Int32]
    /// The same members ordered by department number (``FacetTable``), then by code, with the department numbers.
    let byDepartment: [Int32]
    let departments: [Int32]

    /// Groups `groupOf` (each document's group, `count` groups); `rankedDocuments` lists the documents by code.
    init(groupOf: [Int32], count: Int, rankedDocuments: [Int], department: (Int32) -> Int32) {
        self.groupOf = groupOf
        var start = [Int32](repeating: 0, count: count + 1)
        for group in groupOf { start[Int(group) + 1] += 1 }
        for group in 0..<count { start[group + 1] += start[group] }
        var next = start
        var members = [Int32](repeating: 0, count: groupOf.count)
        for document in rankedDocuments {
            let group = Int(groupOf[document])
            members[Int(next[group])] = Int32(document)
            next[group] += 1
        }
        var byDepartment = members
        for group in 0..<count {
            // Stable, so members of one department stay in code order.
            let range = Int(start[group])..<Int(start[group + 1])
            let sorted = members[range].enumerated().sorted {
                let (lhs, rhs) = (department($0.element), department($1.element))
                return lhs != rhs ? lhs < rhs : $0.offset < $1.offset
            }
            byDepartment.replaceSubrange(range, with: sorted.map(\.element))
        }
        self.memberStart = start
        self.members = members
        self.byDepartment = byDepartment
        self.departments = byDepartment.map(department)
    }

    /// The number of groups.
    var count: Int { memberStart.count - 1 }

    /// Group `group`'s members in code order; with a department number (not -1), only that department's.
    func members(of group: Int32, department: Int32) -> ArraySlice<Int32> {
        let range = Int(memberStart[Int(group)])..<Int(memberStart[Int(group) + 1])
        guard department >= 0 else { return members[range] }
        var low = range.lowerBound
        var high = range.upperBound
        while low < high {
            let middle = (low + high) / 2
            if departments[middle] < department { low = middle + 1 } else { high = middle }
        }
        var end = low
        while end < range.upperBound && departments[end] == department { end += 1 }
        return byDepartment[low..<end]
    }
}
