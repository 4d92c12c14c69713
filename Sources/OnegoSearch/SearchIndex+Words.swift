/// Which fields a text match counts in.
enum CreditFilter: Sendable {
    /// Every field (verbatim matches).
    case all
    /// Fields that allow near matches (``SearchField/allowsNearMatch``).
    case near
    /// Fields matched by pinyin (``SearchField/allowsPinyin``).
    case pinyin

    func accepts(_ field: SearchField) -> Bool {
        switch self {
        case .all: true
        case .near: field.allowsNearMatch
        case .pinyin: field.allowsPinyin
        }
    }
}

/// One text matched by a query word: its score before field weights (0…1.2) and how the match is labelled.
struct TextCredit: Sendable {
    var text: Int32
    var value: Double
    /// A second label added when the match raised the field's contribution (so a related word does not show where
    /// the query itself matched).
    var extra: MatchLabel?
    /// The label of a match in the name field, when not ``MatchLabel/name``.
    var nameLabel: MatchLabel?
    var filter: CreditFilter
}

/// Everything one query word matches, before it is spread over documents: the text matches in the order they are
/// credited (the order decides when ``TextCredit/extra`` labels are added), then the code-prefix matches.
struct WordMatch: Sendable {
    var credits: [TextCredit] = []
    /// Documents whose code starts with the word, with the weighted contribution, in code order.
    var codes: [(document: Int32, value: Double)] = []

    var isEmpty: Bool { credits.isEmpty && codes.isEmpty }
}

extension SearchIndex {
    /// The texts and codes one query word matches.
    func wordMatch(_ word: String) -> WordMatch {
        var match = WordMatch()
        let query = SearchText.normalize(word)
        guard !query.isEmpty else { return match }
        collectVerbatim(query, factor: 1, extra: nil, into: &match)
        let isLetters = query.allSatisfy { (97...122).contains($0) }
        if isLetters {
            collectPinyin(query.map { UInt8($0) }, into: &match)
        } else {
            let normalized = String(String.UnicodeScalarView(query.compactMap(Unicode.Scalar.init)))
            for variant in relatedWords.variants(of: normalized) {
                collectVerbatim(
                    SearchText.normalize(variant), factor: Self.variantFactor, extra: .related, into: &match)
            }
        }
        collectCodes(word, into: &match)
        return match
    }

    /// Texts containing `query` verbatim, then (for two characters or more) texts sharing enough character pairs;
    /// in text order. Candidates come from the character and character-pair indexes.
    private func collectVerbatim(_ query: [UInt32], factor: Double, extra: MatchLabel?, into match: inout WordMatch) {
        let queryPairs = SearchText.bigrams(query)
        query.withUnsafeBufferPointer { query in
            textScalars.withTexts { texts in
                if queryPairs.isEmpty {
                    for id in characters[query[0]] ?? [] {
                        if let score = texts.directScore(query, in: id) {
                            match.credits.append(
                                TextCredit(text: id, value: score * factor, extra: extra, filter: .all))
                        }
                    }
                    return
                }
                // Texts sharing at least one pair (a text's pairs are distinct, so a count is the pairs it shares);
                // a verbatim match shares all of them.
                textTallies.with { tally in
                    for pair in queryPairs {
                        for id in pairs[pair] ?? [] { tally.add(id) }
                    }
                    tally.drain { id, count in
                        if count == queryPairs.count, let score = texts.directScore(query, in: id) {
                            match.credits.append(
                                TextCredit(text: id, value: score * factor, extra: extra, filter: .all))
                            return
                        }
                        // Near: most of the query's pairs occur in the text; shorter texts score higher (Dice
                        // coefficient).
                        let coverage = Double(count) / Double(queryPairs.count)
                        guard coverage >= Self.nearThreshold else { return }
                        let length = texts.scalars(id).count
                        let dice = 2 * Double(count) / Double(queryPairs.count + max(1, length - 1))
                        let value = (coverage + dice) / 2 * Self.nearFactor * factor
                        match.credits.append(
                            TextCredit(text: id, value: value, extra: extra ?? .near, filter: .near))
                    }
                }
            }
        }
    }

    /// Texts whose pinyin or pinyin initials contain the letters, in text order; each distinct run of Hanzi that
    /// may match (``PinyinRuns``) is matched once.
    private func collectPinyin(_ letters: [UInt8], into match: inout WordMatch) {
        for (id, score, initialsOnly) in pinyinRuns.matches(
            letters, table: pinyin, tallies: textTallies, runSlots: runSlotPool)
        {
            let label: MatchLabel = initialsOnly ? .initials : .pinyin
            match.credits.append(TextCredit(text: id, value: score, extra: label, nameLabel: label, filter: .pinyin))
        }
    }

    /// Documents with a code starting with the word (upper-cased; at least two characters).
    private func collectCodes(_ word: String, into match: inout WordMatch) {
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
            match.codes.append((codes[index].document, SearchField.code.weight * value))
            index += 1
        }
    }
}
