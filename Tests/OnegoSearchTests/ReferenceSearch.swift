import OnegoCatalog

@testable import OnegoSearch

// The search as it was before the indexes of issue 15: every query word is matched against every text (a linear scan
// for one character and for pinyin) and spread over every document holding the text, then all hits are ranked. The
// indexed search must return exactly what this returns. (One change: texts sharing character pairs are taken in
// text order, as the indexed search takes them, instead of in dictionary order, which varied between runs.)

extension SearchIndex {
    /// The best `limit` hits by the reference scan.
    func referenceSearch(_ query: String, facets: SearchFacets = SearchFacets(), limit: Int = 50) -> [SearchHit] {
        let (found, words) = referenceHits(query)
        let hits = best(
            facets.isEmpty ? found : found.filter { documents[Int($0.document)].matches(facets) }, limit: limit)
        return hits.map { scored in
            let document = documents[Int(scored.document)]
            var matched: [String] = []
            for word in words {
                for label in word.labels(of: scored.document) where !matched.contains(label) { matched.append(label) }
            }
            return SearchHit(
                kind: document.kind, code: document.code, name: document.name, department: document.department,
                score: scored.score, matched: matched)
        }
    }
}

/// The best contribution of each label to each document for one query word, in one flat table.
struct ReferenceMatches {
    static let width = MatchLabel.allCases.count
    /// Each document's row in ``values``, or -1 (an array over all documents: cheaper than hashing).
    private var rowOf: [Int32]
    /// The documents, in row order.
    private(set) var documents: [Int32] = []
    private var values: [Double] = []

    /// An empty table for `documentCount` documents.
    init(documentCount: Int) {
        rowOf = [Int32](repeating: -1, count: documentCount)
    }

    /// The document's row, if it matched.
    func row(of document: Int32) -> Int? {
        let row = rowOf[Int(document)]
        return row < 0 ? nil : Int(row)
    }

    /// Keeps the larger of the label's contributions to the document; tells whether `value` raised it.
    @discardableResult
    mutating func add(_ document: Int32, _ label: MatchLabel, _ value: Double) -> Bool {
        var row = Int(rowOf[Int(document)])
        if row < 0 {
            row = documents.count
            rowOf[Int(document)] = Int32(row)
            documents.append(document)
            values.append(contentsOf: repeatElement(0, count: Self.width))
        }
        let index = row * Self.width + label.rawValue
        guard value > values[index] else { return false }
        values[index] = value
        return true
    }

    /// The document's score: its best contribution plus a tenth of the others (at most 10).
    func score(row: Int) -> Double {
        var best = 0.0
        var total = 0.0
        for value in values[(row * Self.width)..<((row + 1) * Self.width)] {
            best = max(best, value)
            total += value
        }
        return best + min(10, (total - best) * 0.1)
    }

    /// The document's labels, best first (ties in label order).
    func labels(of document: Int32) -> [String] {
        guard let row = row(of: document) else { return [] }
        let start = row * Self.width
        return MatchLabel.allCases.filter { values[start + $0.rawValue] > 0 }
            .sorted { values[start + $0.rawValue] > values[start + $1.rawValue] }
            .map(\.text)
    }
}

extension SearchIndex {
    /// Every document matching all words of `query`, unordered, with each word's matches (for the labels);
    /// every document for an empty query.
    func referenceHits(_ query: String) -> (documents: [ScoredDocument], words: [ReferenceMatches]) {
        let words = query.split(whereSeparator: \.isWhitespace).map(String.init)
        guard !words.isEmpty else {
            return (documents.indices.map { ScoredDocument(document: Int32($0), score: 0) }, [])
        }
        var matches: [ReferenceMatches] = []
        var combined: [ScoredDocument] = []
        for word in words {
            let match = referenceMatch(word)
            if matches.isEmpty {
                combined = match.documents.enumerated().map { row, document in
                    ScoredDocument(document: document, score: match.score(row: row))
                }
            } else {
                combined = combined.compactMap { previous in
                    guard let row = match.row(of: previous.document) else { return nil }
                    return ScoredDocument(
                        document: previous.document, score: previous.score + match.score(row: Int(row)))
                }
            }
            matches.append(match)
            if combined.isEmpty { break }
        }
        for index in combined.indices { combined[index].score = (combined[index].score * 100).rounded() / 100 }
        return (combined, matches)
    }

    /// The documents one query word matches.
    func referenceMatch(_ word: String) -> ReferenceMatches {
        var accumulator = ReferenceAccumulator(
            postings: referencePostings, result: ReferenceMatches(documentCount: documents.count))
        let query = SearchText.normalize(word)
        guard !query.isEmpty else { return ReferenceMatches(documentCount: documents.count) }
        matchVerbatim(query, factor: 1, extra: nil, into: &accumulator)
        let isLetters = query.allSatisfy { (97...122).contains($0) }
        if isLetters {
            matchPinyin(query.map { UInt8($0) }, into: &accumulator)
        } else {
            let normalized = String(String.UnicodeScalarView(query.compactMap(Unicode.Scalar.init)))
            for variant in referenceVariants(of: normalized) {
                matchVerbatim(
                    SearchText.normalize(variant), factor: Self.variantFactor, extra: .related, into: &accumulator)
            }
        }
        matchCodes(word, into: &accumulator.result)
        return accumulator.result
    }

    /// Texts containing `query` verbatim, then (for two characters or more) texts sharing enough character pairs.
    private func matchVerbatim(
        _ query: [UInt32], factor: Double, extra: MatchLabel?, into accumulator: inout ReferenceAccumulator
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
        for (id, count) in shared.sorted(by: { $0.key < $1.key }) {
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
            accumulator.credit(id, value, extra: extra ?? .near, only: \.allowsNearMatch)
        }
    }

    /// Texts whose pinyin or pinyin initials contain the letters.
    private func matchPinyin(_ letters: [UInt8], into accumulator: inout ReferenceAccumulator) {
        for (id, text) in texts.enumerated() where text.hasHanzi {
            guard let (score, initialsOnly) = text.referencePinyinScore(letters, table: pinyin) else { continue }
            let label: MatchLabel = initialsOnly ? .initials : .pinyin
            accumulator.credit(Int32(id), score, extra: label, nameLabel: label, only: \.allowsPinyin)
        }
    }

    /// Documents with a code starting with the word (upper-cased; at least two characters).
    private func matchCodes(_ word: String, into result: inout ReferenceMatches) {
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
            result.add(codes[index].document, .code, SearchField.code.weight * value)
            index += 1
        }
    }
}

/// Each index's postings per document (every field, no groups), built once per index.
private let referencePostingTables = Locked<[ObjectIdentifier: [[SearchIndex.Posting]]]>([:])

extension SearchIndex {
    /// For each text, every document and field holding it, as the index had them before content groups: the texts
    /// numbered as the index's builder numbers them.
    var referencePostings: [[Posting]] {
        let key = ObjectIdentifier(groupScratchPool)
        if let known = referencePostingTables.withLock({ $0[key] }) { return known }
        var builder = SearchIndexBuilder(pinyin: pinyin)
        for (offset, document) in documents.enumerated() { builder.add(document, id: Int32(offset)) }
        var table = [[Posting]](repeating: [], count: texts.count)
        for (offset, document) in documents.enumerated() {
            for fieldText in document.texts {
                guard let id = builder.textIDs[fieldText.text] else { continue }
                if let last = table[Int(id)].last, last.document == Int32(offset), last.field == fieldText.field {
                    continue
                }
                table[Int(id)].append(Posting(document: Int32(offset), field: fieldText.field))
            }
        }
        referencePostingTables.withLock { $0[key] = table }
        return table
    }
}

/// Spreads text matches over the documents and fields that hold the texts.
struct ReferenceAccumulator {
    let postings: [[SearchIndex.Posting]]
    var result: ReferenceMatches

    /// Credits `value` (0…1.2, before the field's weight) to every holder of text `id` in a field passing `only`;
    /// a name match is labelled `nameLabel` when given, and `extra` is added as a second label when the match
    /// raised the field's contribution (so a related word does not show where the query itself matched).
    mutating func credit(
        _ id: Int32, _ value: Double, extra: MatchLabel? = nil, nameLabel: MatchLabel? = nil,
        only accepts: (SearchField) -> Bool = { _ in true }
    ) {
        for posting in postings[Int(id)] where accepts(posting.field) {
            let label = posting.field == .name ? (nameLabel ?? MatchLabel(posting.field)) : MatchLabel(posting.field)
            let weighted = posting.field.weight * value
            let raised = result.add(posting.document, label, weighted)
            if raised, let extra, label != extra {
                result.add(posting.document, extra, weighted * 0.99)
            }
        }
    }
}

extension SearchIndex {
    /// Related-word variants as they were computed before the first-character index: every group tried on every
    /// text.
    func referenceVariants(of query: String, limit: Int = 24) -> [String] {
        var found: [String] = []
        var frontier = [query]
        for _ in 0..<2 {
            var next: [String] = []
            for text in frontier {
                for group in relatedWords.groups {
                    for word in group where text.contains(word) {
                        for other in group where other != word && !(other.contains(word) && text.contains(other)) {
                            let variant = text.replacing(word, with: other)
                            if variant != query && !found.contains(variant) {
                                found.append(variant)
                                next.append(variant)
                                if found.count >= limit { return found }
                            }
                        }
                    }
                }
            }
            frontier = next
        }
        return found
    }
}

extension SearchText {
    /// ``pinyinScore(_:table:)`` as a plain search of every way to read the letters (no record of failed points).
    func referencePinyinScore(_ letters: [UInt8], table: PinyinTable) -> (score: Double, initialsOnly: Bool)? {
        guard hasHanzi, letters.count >= 2 else { return nil }
        for start in slots.indices where slots[start] >= 0 {
            guard let (end, usedFull) = Self.referenceMatch(letters, 0, slots, start, false, table) else { continue }
            if !usedFull && start > 0 && letters.count < 3 { continue }
            let coverage = Double(end - start) / Double(slots.count)
            let base = start == 0 ? (end == slots.count ? 0.9 : 0.7) : 0.5
            return (base + 0.2 * coverage, !usedFull)
        }
        return nil
    }

    private static func referenceMatch(
        _ letters: [UInt8], _ index: Int, _ slots: [Int32], _ position: Int, _ usedFull: Bool, _ table: PinyinTable
    ) -> (Int, Bool)? {
        if index == letters.count { return (position, usedFull) }
        guard position < slots.count else { return nil }
        let slot = Int(slots[position])
        let letter = letters[index]
        guard slot >= 0, letter >= 97, letter <= 122, table.initials[slot] & (1 << UInt32(letter - 97)) != 0 else {
            return nil
        }
        let remaining = letters.count - index
        for reading in table.readings[slot] {
            let syllable = table.syllables[Int(reading)]
            if remaining >= syllable.count {
                if letters[index..<(index + syllable.count)].elementsEqual(syllable),
                    let found = referenceMatch(letters, index + syllable.count, slots, position + 1, true, table)
                {
                    return found
                }
            } else if remaining >= 2 && syllable.starts(with: letters[index...]) {
                return (position + 1, true)
            }
        }
        return referenceMatch(letters, index + 1, slots, position + 1, usedFull, table)
    }
}
