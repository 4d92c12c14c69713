/// A count per text for one query word (how many of the word's character pairs a text holds, or how many pinyin
/// index lists name it), kept between queries so that a word pays for the texts it reaches, not for the size of
/// the index: every count is 0 between uses, and ``drain(_:)`` reads the texts reached back in increasing order
/// without sorting them.
struct TextTally: Sendable {
    private var counts: [Int32]
    /// A bit per text reached, 64 texts per word of bits.
    private var bits: [UInt64]
    /// The words of `bits` that are not zero, in the order they were first set.
    private var words: [Int32] = []

    init(texts: Int) {
        counts = [Int32](repeating: 0, count: texts)
        bits = [UInt64](repeating: 0, count: (texts + 63) / 64)
    }

    /// Counts `text` once more.
    @inline(__always)
    mutating func add(_ text: Int32) {
        let index = Int(text)
        counts[index] &+= 1
        let word = index >> 6
        if bits[word] == 0 { words.append(Int32(word)) }
        bits[word] |= 1 << UInt64(index & 63)
    }

    /// Calls `body` with each text reached and its count, in increasing order of text, and sets every count back
    /// to 0.
    mutating func drain(_ body: (_ text: Int32, _ count: Int32) -> Void) {
        words.sort()
        for word in words {
            var mask = bits[Int(word)]
            bits[Int(word)] = 0
            while mask != 0 {
                let text = Int(word) << 6 | mask.trailingZeroBitCount
                mask &= mask - 1
                let count = counts[text]
                counts[text] = 0
                body(Int32(text), count)
            }
        }
        words.removeAll(keepingCapacity: true)
    }

    /// The texts reached, in increasing order; every count is set back to 0.
    mutating func drainTexts() -> [Int32] {
        var texts: [Int32] = []
        drain { text, _ in texts.append(text) }
        return texts
    }
}

extension TextTally: ReusableScratch {
    /// Sets every count back to 0 (a word that drained its tally leaves nothing to do).
    mutating func reset() { drain { _, _ in } }
}

/// Tallies of one index, lent to one query word at a time.
typealias TextTallyPool = ScratchPool<TextTally>

extension ScratchPool where Value == TextTally {
    /// Tallies over `texts` texts, all zero.
    convenience init(texts: Int) {
        self.init { TextTally(texts: texts) }
    }
}
