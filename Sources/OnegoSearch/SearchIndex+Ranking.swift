extension SearchIndex {
    /// The query's words (separated by whitespace).
    static func words(of query: String) -> [String] {
        query.split(whereSeparator: \.isWhitespace).map(String.init)
    }

    /// The documents matching every word, in no particular order.
    func matchingDocuments(_ matches: [WordMatch]) -> [Int32] {
        guard let first = matches.first else { return documents.indices.map { Int32($0) } }
        var candidates: [Int32] = []
        let (firstGroups, firstDocuments) = marks(first)
        for group in firstGroups.indices where firstGroups[group] {
            candidates += groups.members(of: Int32(group), department: -1)
        }
        for document in firstDocuments.indices
        where firstDocuments[document] && !firstGroups[Int(groups.groupOf[document])] {
            candidates.append(Int32(document))
        }
        for match in matches.dropFirst() where !candidates.isEmpty {
            let (wantedGroups, wantedDocuments) = marks(match)
            candidates.removeAll { !wantedDocuments[Int($0)] && !wantedGroups[Int(groups.groupOf[Int($0)])] }
        }
        return candidates
    }

    /// The groups and the documents (through their own texts and codes) the word matches.
    private func marks(_ match: WordMatch) -> (groups: [Bool], documents: [Bool]) {
        var groupMarks = [Bool](repeating: false, count: groups.count)
        var documentMarks = [Bool](repeating: false, count: documents.count)
        for credit in match.credits {
            for posting in groupPostings[credit.text] where credit.filter.accepts(posting.field) {
                groupMarks[Int(posting.document)] = true
            }
            for posting in postings[Int(credit.text)] where credit.filter.accepts(posting.field) {
                documentMarks[Int(posting.document)] = true
            }
        }
        for (document, _) in match.codes { documentMarks[Int(document)] = true }
        return (groupMarks, documentMarks)
    }
}
