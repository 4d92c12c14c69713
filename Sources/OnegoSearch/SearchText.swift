/// A text prepared for matching: normalized scalars, their pinyin slots and character pairs.
struct SearchText: Sendable {
    /// Normalized scalar values (ASCII lowercased, full-width ASCII made half-width, spaces removed).
    var scalars: [UInt32]
    /// Each scalar's slot in the pinyin table, or -1.
    var slots: [Int32]
    /// Whether any scalar has a pinyin reading.
    var hasHanzi: Bool

    init(_ text: String, pinyin: PinyinTable) {
        scalars = Self.normalize(text)
        slots = scalars.map { pinyin.slot(of: $0) }
        hasHanzi = slots.contains { $0 >= 0 }
    }

    /// The scalars of `text`, ASCII lowercased, full-width forms (U+FF01–FF5E) made ASCII, whitespace dropped.
    static func normalize(_ text: String) -> [UInt32] {
        var result: [UInt32] = []
        result.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            var value = scalar.value
            if (0xFF01...0xFF5E).contains(value) { value -= 0xFEE0 }
            if value == 0x3000 || value == 0x20 || value == 0x09 || value == 0x0A || value == 0x0D { continue }
            if (0x41...0x5A).contains(value) { value += 0x20 }
            result.append(value)
        }
        return result
    }

    /// The distinct character pairs of `scalars`, each packed in 64 bits.
    static func bigrams(_ scalars: [UInt32]) -> [UInt64] {
        guard scalars.count > 1 else { return [] }
        var seen = Set<UInt64>()
        var result: [UInt64] = []
        for index in 1..<scalars.count {
            let pair = UInt64(scalars[index - 1]) << 32 | UInt64(scalars[index])
            if seen.insert(pair).inserted { result.append(pair) }
        }
        return result
    }

    /// Where `needle` first occurs in `haystack`.
    static func firstOffset<Needle: RandomAccessCollection<UInt32>, Haystack: RandomAccessCollection<UInt32>>(
        of needle: Needle, in haystack: Haystack
    ) -> Int? where Needle.Index == Int, Haystack.Index == Int {
        guard !needle.isEmpty, needle.count <= haystack.count else { return nil }
        let first = needle[0]
        var start = 0
        while start <= haystack.count - needle.count {
            if haystack[start] == first {
                var offset = 1
                while offset < needle.count && haystack[start + offset] == needle[offset] { offset += 1 }
                if offset == needle.count { return start }
            }
            start += 1
        }
        return nil
    }

    /// The score of `query` found verbatim: 1 for the whole text, 0.8 at its start, 0.6 inside, plus up to 0.2 for
    /// the share of the text it covers.
    func directScore(_ query: [UInt32]) -> Double? {
        Self.directScore(of: query, in: scalars)
    }

    /// ``directScore(_:)`` of `query` in a text's `scalars`.
    static func directScore<Query: RandomAccessCollection<UInt32>, Scalars: RandomAccessCollection<UInt32>>(
        of query: Query, in scalars: Scalars
    ) -> Double? where Query.Index == Int, Scalars.Index == Int {
        guard let offset = firstOffset(of: query, in: scalars) else { return nil }
        let coverage = Double(query.count) / Double(scalars.count)
        let base = offset == 0 ? (query.count == scalars.count ? 1.0 : 0.8) : 0.6
        return base + 0.2 * coverage
    }

    /// The score of lowercase ASCII letters read as pinyin (full syllables, initials, or a mix; the last syllable
    /// may be cut short) over consecutive Hanzi: 0.9 for the whole text, 0.7 at its start, 0.5 inside, plus up to
    /// 0.2 for coverage. `initialsOnly` tells whether no full syllable was used. Initials alone need two letters at
    /// the start and three inside.
    func pinyinScore(_ letters: [UInt8], table: PinyinTable) -> (score: Double, initialsOnly: Bool)? {
        letters.withUnsafeBufferPointer { letters in
            table.withBuffers { table in pinyinScore(letters, table: table) }
        }
    }

    /// ``pinyinScore(_:table:)`` over buffers, for matching one query against many texts.
    func pinyinScore(_ letters: UnsafeBufferPointer<UInt8>, table: PinyinBuffers) -> (
        score: Double, initialsOnly: Bool
    )? {
        guard hasHanzi, letters.count >= 2 else { return nil }
        return slots.withUnsafeBufferPointer { slots in
            // Whether matching from (letter, character) failed before: the outcome does not depend on how that
            // point was reached, so each point is tried once (long queries over long texts would otherwise branch
            // at every character).
            var matcher = PinyinMatcher(
                letters: letters, slots: slots, table: table,
                failed: PinyinFailures(letters: letters.count, characters: slots.count))
            for start in slots.indices where slots[start] >= 0 {
                guard let (end, usedFull) = matcher.match(0, start, false) else { continue }
                if !usedFull && start > 0 && letters.count < 3 { continue }
                let coverage = Double(end - start) / Double(slots.count)
                let base = start == 0 ? (end == slots.count ? 0.9 : 0.7) : 0.5
                return (base + 0.2 * coverage, !usedFull)
            }
            return nil
        }
    }
}

/// One query's letters matched as pinyin against one text's reading slots.
struct PinyinMatcher {
    let letters: UnsafeBufferPointer<UInt8>
    let slots: UnsafeBufferPointer<Int32>
    let table: PinyinBuffers
    var failed: PinyinFailures

    /// Matches `letters[index...]` against the readings from character `position` on; returns the end character
    /// position and whether a full syllable was used.
    mutating func match(_ index: Int, _ position: Int, _ usedFull: Bool) -> (Int, Bool)? {
        if index == letters.count { return (position, usedFull) }
        guard position < slots.count, !failed.contains(index, position) else { return nil }
        let slot = Int(slots[position])
        let letter = letters[index]
        guard slot >= 0, letter >= 97, letter <= 122, table.initials[slot] & (1 << UInt32(letter - 97)) != 0 else {
            return nil
        }
        let remaining = letters.count - index
        for reading in Int(table.readingBounds[slot])..<Int(table.readingBounds[slot + 1]) {
            let syllable = Int(table.readingSyllables[reading])
            let start = Int(table.syllableBounds[syllable])
            let length = Int(table.syllableBounds[syllable + 1]) - start
            if remaining >= length {
                if sameLetters(index, start, length), let found = match(index + length, position + 1, true) {
                    return found
                }
            } else if remaining >= 2 && sameLetters(index, start, remaining) {
                return (position + 1, true)
            }
        }
        if let found = match(index + 1, position + 1, usedFull) { return found }
        failed.insert(index, position)
        return nil
    }

    /// Whether `count` query letters from `index` equal `count` syllable letters from `start`.
    @inline(__always)
    private func sameLetters(_ index: Int, _ start: Int, _ count: Int) -> Bool {
        for offset in 0..<count where letters[index + offset] != table.syllableLetters[start + offset] { return false }
        return true
    }
}

/// The (letter, character) points from which a pinyin match failed, one bit each, kept for queries of at least
/// ``PinyinFailures/leastLetters`` letters (shorter ones cannot branch much); nothing is allocated until a point fails.
struct PinyinFailures {
    static let leastLetters = 6
    private let characters: Int
    private let count: Int
    private let isKept: Bool
    private var bits: [UInt64] = []

    init(letters: Int, characters: Int) {
        self.characters = characters
        count = (letters + 1) * (characters + 1)
        isKept = letters >= Self.leastLetters
    }

    func contains(_ letter: Int, _ character: Int) -> Bool {
        guard !bits.isEmpty else { return false }
        let at = letter * (characters + 1) + character
        return bits[at >> 6] & (1 << UInt64(at & 63)) != 0
    }

    mutating func insert(_ letter: Int, _ character: Int) {
        guard isKept else { return }
        if bits.isEmpty { bits = [UInt64](repeating: 0, count: (count + 63) >> 6) }
        let at = letter * (characters + 1) + character
        bits[at >> 6] |= 1 << UInt64(at & 63)
    }
}
