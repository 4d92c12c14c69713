/// Scores single documents for one query word: replays the word's text matches on the document's own texts, in the
/// order the word credits them, so a document gets the same labels and score as if the matches had been spread over
/// every document.
struct WordScorer {
    let match: WordMatch
    /// For each text, its first credit in ``WordMatch/credits`` or -1; further credits of a text chain through
    /// ``next``, in credit order.
    private var head: [Int32]
    private var next: [Int32]
    /// Code-prefix contributions by document.
    private var codeValues: [Int32: [Double]] = [:]
    /// Scratch: (credit, forward entry) pairs of the current document.
    private var pending: [(credit: Int32, entry: Int32)] = []
    /// The labels of the document scored last.
    private(set) var values = LabelValues()

    init(_ match: WordMatch, textCount: Int) {
        self.match = match
        head = [Int32](repeating: -1, count: textCount)
        next = [Int32](repeating: -1, count: match.credits.count)
        for index in match.credits.indices.reversed() {
            let text = Int(match.credits[index].text)
            next[index] = head[text]
            head[text] = Int32(index)
        }
        for (document, value) in match.codes { codeValues[document, default: []].append(value) }
    }

    /// The word's largest contribution to `document` (a field's weight times a text match's value, or a code
    /// match), or nil when the word does not match it; the word's score for the document is at least this and at
    /// most this plus ``SearchIndex/bonusBound(of:)``.
    func bestContribution(_ document: Int32, in index: SearchIndex) -> Double? {
        var best = -1.0
        for entry in Int(index.forwardStart[Int(document)])..<Int(index.forwardStart[Int(document) + 1]) {
            var credit = head[Int(index.forwardTexts[entry])]
            while credit >= 0 {
                let found = match.credits[Int(credit)]
                let field = index.forwardFields[entry]
                if found.filter.accepts(field) { best = max(best, field.weight * found.value) }
                credit = next[Int(credit)]
            }
        }
        if !codeValues.isEmpty { for value in codeValues[document] ?? [] { best = max(best, value) } }
        return best >= 0 ? best : nil
    }

    /// The word's score for `document`, or nil when the word does not match it; ``values`` then holds its labels.
    mutating func score(_ document: Int32, in index: SearchIndex) -> Double? {
        values.reset()
        pending.removeAll(keepingCapacity: true)
        for entry in Int(index.forwardStart[Int(document)])..<Int(index.forwardStart[Int(document) + 1]) {
            var credit = head[Int(index.forwardTexts[entry])]
            while credit >= 0 {
                pending.append((credit, Int32(entry)))
                credit = next[Int(credit)]
            }
        }
        if pending.count > 1 {
            pending.sort { $0.credit != $1.credit ? $0.credit < $1.credit : $0.entry < $1.entry }
        }
        for (credit, entry) in pending {
            values.apply(match.credits[Int(credit)], field: index.forwardFields[Int(entry)])
        }
        if !codeValues.isEmpty { for value in codeValues[document] ?? [] { values.add(.code, value) } }
        return values.isEmpty ? nil : values.score
    }
}
