/// A document's score for a whole query, before it becomes a ``SearchHit``.
struct ScoredDocument {
    var document: Int32
    var code: String
    var score: Double
    var matched: [String]

    func hit(_ source: SearchDocument) -> SearchHit {
        SearchHit(
            kind: source.kind, code: source.code, name: source.name, department: source.department, score: score,
            matched: matched)
    }
}

/// The best contribution of each label to one document for one query word.
struct TermMatch {
    var contributions: [(label: String, value: Double)] = []

    /// Keeps the larger of the label's contributions; tells whether `value` raised it.
    @discardableResult
    mutating func add(_ label: String, _ value: Double) -> Bool {
        if let index = contributions.firstIndex(where: { $0.label == label }) {
            guard value > contributions[index].value else { return false }
            contributions[index].value = value
        } else {
            contributions.append((label, value))
        }
        return true
    }

    /// The best contribution plus a tenth of the others (at most 10).
    var score: Double {
        let values = contributions.map(\.value).sorted(by: >)
        guard let best = values.first else { return 0 }
        return best + min(10, values.dropFirst().reduce(0, +) * 0.1)
    }

    /// The labels, best first.
    var labels: [String] {
        contributions.enumerated().sorted { lhs, rhs in
            lhs.element.value != rhs.element.value ? lhs.element.value > rhs.element.value : lhs.offset < rhs.offset
        }.map(\.element.label)
    }
}

extension SearchIndex {
    /// Related-word variants count this much of a verbatim match.
    static let variantFactor = 0.8
    /// Near matches count this much of their pair overlap (mean of query coverage and Dice coefficient).
    static let nearFactor = 0.45
    /// The least share of the query's character pairs a near match must contain.
    static let nearThreshold = 0.5

    /// Every document matching all words of `query`, unordered; every document for an empty query.
    func allHits(_ query: String) -> [ScoredDocument] {
        let words = query.split(whereSeparator: \.isWhitespace).map(String.init)
        guard !words.isEmpty else {
            return documents.indices.map {
                ScoredDocument(document: Int32($0), code: documents[$0].code, score: 0, matched: [])
            }
        }
        var combined: [Int32: (score: Double, labels: [String])] = [:]
        for (position, word) in words.enumerated() {
            let matches = match(word)
            if position == 0 {
                for (document, match) in matches { combined[document] = (match.score, match.labels) }
            } else {
                var next: [Int32: (score: Double, labels: [String])] = [:]
                for (document, previous) in combined {
                    guard let match = matches[document] else { continue }
                    var labels = previous.labels
                    for label in match.labels where !labels.contains(label) { labels.append(label) }
                    next[document] = (previous.score + match.score, labels)
                }
                combined = next
            }
            if combined.isEmpty { break }
        }
        return combined.map { document, value in
            ScoredDocument(
                document: document, code: documents[Int(document)].code, score: (value.score * 100).rounded() / 100,
                matched: value.labels)
        }
    }

    /// The documents one query word matches.
    func match(_ word: String) -> [Int32: TermMatch] {
        var accumulator = MatchAccumulator(postings: postings)
        let query = SearchText.normalize(word)
        guard !query.isEmpty else { return [:] }
        matchVerbatim(query, factor: 1, extra: nil, into: &accumulator)
        let isLetters = query.allSatisfy { (97...122).contains($0) }
        if isLetters {
            matchPinyin(query.map { UInt8($0) }, into: &accumulator)
        } else {
            let normalized = String(String.UnicodeScalarView(query.compactMap(Unicode.Scalar.init)))
            for variant in relatedWords.variants(of: normalized) {
                matchVerbatim(
                    SearchText.normalize(variant), factor: Self.variantFactor, extra: "近义词", into: &accumulator)
            }
        }
        matchCodes(word, into: &accumulator.result)
        return accumulator.result
    }

    /// Texts containing `query` verbatim, then (for two characters or more) texts sharing enough character pairs.
    private func matchVerbatim(
        _ query: [UInt32], factor: Double, extra: String?, into accumulator: inout MatchAccumulator
    ) {
        let queryPairs = SearchText.bigrams(query)
        if queryPairs.isEmpty {
            for (id, text) in texts.enumerated() {
                if let score = text.directScore(query) {
                    accumulator.credit(Int32(id), score * factor, extra: extra)
                }
            }
            return
        }
        // Texts sharing at least one pair; a verbatim match shares all of them.
        var shared: [Int32: Int] = [:]
        for pair in queryPairs {
            for id in pairs[pair] ?? [] { shared[id, default: 0] += 1 }
        }
        for (id, count) in shared {
            let text = texts[Int(id)]
            if count == queryPairs.count, let score = text.directScore(query) {
                accumulator.credit(id, score * factor, extra: extra)
                continue
            }
            // Near: most of the query's pairs occur in the text; shorter texts score higher (Dice coefficient).
            let coverage = Double(count) / Double(queryPairs.count)
            guard coverage >= Self.nearThreshold else { continue }
            let dice = 2 * Double(count) / Double(queryPairs.count + max(1, text.scalars.count - 1))
            let value = (coverage + dice) / 2 * Self.nearFactor * factor
            accumulator.credit(id, value, extra: extra ?? "相近", only: \.allowsNearMatch)
        }
    }

    /// Texts whose pinyin or pinyin initials contain the letters.
    private func matchPinyin(_ letters: [UInt8], into accumulator: inout MatchAccumulator) {
        for (id, text) in texts.enumerated() where text.hasHanzi {
            guard let (score, initialsOnly) = text.pinyinScore(letters, table: pinyin) else { continue }
            let label = initialsOnly ? "拼音首字母" : "拼音"
            accumulator.credit(Int32(id), score, extra: label, nameLabel: label, only: \.allowsPinyin)
        }
    }

    /// Documents with a code starting with the word (upper-cased; at least two characters).
    private func matchCodes(_ word: String, into result: inout [Int32: TermMatch]) {
        let prefix = Array(word.uppercased().utf8)
        guard prefix.count >= 2 else { return }
        var low = 0
        var high = codes.count
        while low < high {
            let middle = (low + high) / 2
            if codes[middle].code.lexicographicallyPrecedes(prefix) { low = middle + 1 } else { high = middle }
        }
        var index = low
        while index < codes.count, codes[index].code.starts(with: prefix) {
            let code = codes[index].code
            let value = code.count == prefix.count ? 1.0 : 0.7 + 0.3 * Double(prefix.count) / Double(code.count)
            result[codes[index].document, default: TermMatch()].add(
                SearchField.code.label, SearchField.code.weight * value)
            index += 1
        }
    }
}

/// Spreads text matches over the documents and fields that hold the texts.
struct MatchAccumulator {
    let postings: [[SearchIndex.Posting]]
    var result: [Int32: TermMatch] = [:]

    /// Credits `value` (0…1.2, before the field's weight) to every holder of text `id` in a field passing `only`;
    /// a name match is labelled `nameLabel` when given, and `extra` is added as a second label when the match
    /// raised the field's contribution (so a related word does not show where the query itself matched).
    mutating func credit(
        _ id: Int32, _ value: Double, extra: String? = nil, nameLabel: String? = nil,
        only accepts: (SearchField) -> Bool = { _ in true }
    ) {
        for posting in postings[Int(id)] where accepts(posting.field) {
            let label = posting.field == .name ? (nameLabel ?? posting.field.label) : posting.field.label
            let weighted = posting.field.weight * value
            let raised = result[posting.document, default: TermMatch()].add(label, weighted)
            if raised, let extra, label != extra {
                result[posting.document, default: TermMatch()].add(extra, weighted * 0.99)
            }
        }
    }
}
