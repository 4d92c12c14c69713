/// Texts (or runs of Hanzi, ``PinyinRuns``) by the pinyin they can match, so a pinyin query reads only those that
/// may match (issue 15).
///
/// A pinyin match (``SearchText/pinyinScore(_:table:)``) over one character needs a reading starting with the
/// letters; over two characters or more, the first character takes its initial or a whole syllable and the second
/// starts with the next letter. So the candidates are the texts with such a reading, and the texts with two adjacent
/// Hanzi whose initials are the first letter and a next letter.
struct PinyinIndex: Sendable {
    /// Texts with two adjacent Hanzi, by the initials of the pair (`a` is 0; key: first × 26 + second).
    private var initialPairs: [[Int32]]
    /// Texts with a Hanzi having the syllable as a reading, by syllable.
    private var syllableTexts: [[Int32]]

    /// An empty index for `table`.
    init(table: PinyinTable) {
        initialPairs = Array(repeating: [], count: 26 * 26)
        syllableTexts = Array(repeating: [], count: table.syllables.count)
    }

    /// Adds the reading slots of text (or run) `id` (-1 for a character without a reading); ids must come in
    /// increasing order (the lists stay sorted).
    mutating func add(slots: [Int32], id: Int32, table: PinyinTable) {
        var keys: Set<Int> = []
        var syllables: Set<UInt16> = []
        for position in slots.indices where slots[position] >= 0 {
            let slot = Int(slots[position])
            syllables.formUnion(table.readings[slot])
            guard position + 1 < slots.count, slots[position + 1] >= 0 else { continue }
            let next = table.initials[Int(slots[position + 1])]
            for first in Self.letters(in: table.initials[slot]) {
                for second in Self.letters(in: next) { keys.insert(first * 26 + second) }
            }
        }
        for key in keys { initialPairs[key].append(id) }
        for syllable in syllables { syllableTexts[Int(syllable)].append(id) }
    }

    /// Adds to `tally` the texts that may match the letters (lowercase ASCII, at least two); a text may be added
    /// more than once.
    func candidates(_ letters: [UInt8], table: PinyinTable, into tally: inout TextTally) {
        guard letters.count >= 2, letters.allSatisfy({ (97...122).contains($0) }) else { return }
        for (id, syllable) in table.syllables.enumerated() where syllable.starts(with: letters) {
            for text in syllableTexts[id] { tally.add(text) }
        }
        var steps: Set<Int> = [1]
        for syllable in table.syllables where syllable.count < letters.count && letters.starts(with: syllable) {
            steps.insert(syllable.count)
        }
        let first = Int(letters[0] - 97)
        for step in steps {
            for text in initialPairs[first * 26 + Int(letters[step] - 97)] { tally.add(text) }
        }
    }

    /// The letters (0 for `a`) whose bits are set in a mask of initials.
    private static func letters(in mask: UInt32) -> [Int] {
        (0..<26).filter { mask & (1 << UInt32($0)) != 0 }
    }
}
