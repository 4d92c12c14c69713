/// The distinct lists of the documents' own texts (their department texts, ``SearchIndex/forwardTexts``): documents
/// of one list get the same labels from those texts for every query word, so a word is matched against each list
/// once. In a provincial catalog one implementing body holds many items, so the lists are far fewer than the
/// documents (at 100,000 generated items, about one per five documents).
struct SearchOwnLists: Sendable {
    /// Each document's list.
    let listOf: [Int32]
    /// Each list's members: `members[memberStart[l]..<memberStart[l + 1]]`, ordered by code.
    let memberStart: [Int32]
    let members: [Int32]
    /// Each list's department number (``FacetTable``): the same for all its members, as it is part of the key.
    let departments: [Int32]
    /// For each text, the lists holding it, with the field, in list order.
    let postings: PostingTable

    /// Groups the documents by their own postings (`forwardStart`, `forwardTexts`, `forwardFields`) and department
    /// number; `rankedDocuments` lists the documents by code; `textCount` is the number of distinct texts.
    init(
        forwardStart: [Int32], forwardTexts: [Int32], forwardFields: [SearchField], textCount: Int,
        rankedDocuments: [Int], department: (Int32) -> Int32
    ) {
        struct Key: Hashable {
            var department: Int32
            var entries: [UInt64]
        }
        let count = forwardStart.count - 1
        var ids: [Key: Int32] = [:]
        var listOf = [Int32](repeating: 0, count: count)
        var departments: [Int32] = []
        var postings = [[SearchIndex.Posting]](repeating: [], count: textCount)
        for document in 0..<count {
            let range = Int(forwardStart[document])..<Int(forwardStart[document + 1])
            let key = Key(
                department: department(Int32(document)),
                entries: range.map { UInt64(forwardFields[$0].rawValue) << 32 | UInt64(UInt32(forwardTexts[$0])) })
            if let list = ids[key] {
                listOf[document] = list
                continue
            }
            let list = Int32(departments.count)
            ids[key] = list
            listOf[document] = list
            departments.append(key.department)
            for entry in range {
                postings[Int(forwardTexts[entry])].append(
                    SearchIndex.Posting(document: list, field: forwardFields[entry]))
            }
        }
        var start = [Int32](repeating: 0, count: departments.count + 1)
        for list in listOf { start[Int(list) + 1] += 1 }
        for list in departments.indices { start[list + 1] += start[list] }
        var next = start
        var members = [Int32](repeating: 0, count: count)
        for document in rankedDocuments {
            let list = Int(listOf[document])
            members[Int(next[list])] = Int32(document)
            next[list] += 1
        }
        self.listOf = listOf
        self.memberStart = start
        self.members = members
        self.departments = departments
        self.postings = PostingTable(postings)
    }

    /// The number of lists.
    var count: Int { departments.count }

    /// List `list`'s members in code order.
    func members(of list: Int32) -> ArraySlice<Int32> {
        members[Int(memberStart[Int(list)])..<Int(memberStart[Int(list) + 1])]
    }
}
