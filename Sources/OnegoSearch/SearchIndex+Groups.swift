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
}
