/// The toneless pinyin readings of the GB2312 Hanzi, read once from the embedded `Resources/pinyin.txt`.
struct PinyinTable: Sendable {
    /// Each syllable's letters (lowercase ASCII; ü is `v`).
    let syllables: [[UInt8]]
    /// The reading slot of each Hanzi; a slot indexes ``readings`` and ``initials``.
    let slots: [UInt32: Int32]
    /// The syllables of each slot, the most common reading first.
    let readings: [[UInt16]]
    /// A bit per first letter (`a` is bit 0) of each slot's readings.
    let initials: [UInt32]
    /// Every syllable's letters one after another: syllable `s` is `syllableLetters[syllableBounds[s]..<syllableBounds[s + 1]]`.
    let syllableLetters: [UInt8]
    let syllableBounds: [Int32]
    /// Every slot's syllables one after another: slot `k`'s are `readingSyllables[readingBounds[k]..<readingBounds[k + 1]]`.
    let readingSyllables: [UInt16]
    let readingBounds: [Int32]

    /// The shared table.
    static let shared = PinyinTable(text: String(decoding: PackageResources.pinyin_txt, as: UTF8.self))

    /// Parses `SYLLABLE CHARS` (first reading) and `+SYLLABLE CHARS` (further reading) lines; `#` starts a comment.
    init(text: String) {
        var syllables: [[UInt8]] = []
        var slots: [UInt32: Int32] = [:]
        var readings: [[UInt16]] = []
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            guard let space = line.firstIndex(of: " ") else { continue }
            var syllable = Array(line[..<space].utf8)
            if syllable.first == UInt8(ascii: "+") { syllable.removeFirst() }
            let syllableID = UInt16(syllables.count)
            syllables.append(syllable)
            for scalar in line[line.index(after: space)...].unicodeScalars {
                if let slot = slots[scalar.value] {
                    readings[Int(slot)].append(syllableID)
                } else {
                    slots[scalar.value] = Int32(readings.count)
                    readings.append([syllableID])
                }
            }
        }
        self.syllables = syllables
        self.slots = slots
        self.readings = readings
        self.initials = readings.map { ids in
            ids.reduce(0) { mask, id in mask | (1 << UInt32((syllables[Int(id)].first ?? 97) &- 97)) }
        }
        syllableLetters = syllables.flatMap { $0 }
        syllableBounds = Self.bounds(of: syllables.map(\.count))
        readingSyllables = readings.flatMap { $0 }
        readingBounds = Self.bounds(of: readings.map(\.count))
    }

    /// Where each of consecutive parts of the given lengths starts, and where the last ends.
    private static func bounds(of lengths: [Int]) -> [Int32] {
        var bounds: [Int32] = [0]
        for length in lengths { bounds.append(bounds[bounds.count - 1] + Int32(length)) }
        return bounds
    }

    /// Runs `body` with the table's flat arrays as buffers (for matching many texts against one query).
    func withBuffers<Result>(_ body: (PinyinBuffers) -> Result) -> Result {
        initials.withUnsafeBufferPointer { initials in
            syllableLetters.withUnsafeBufferPointer { letters in
                syllableBounds.withUnsafeBufferPointer { syllableBounds in
                    readingSyllables.withUnsafeBufferPointer { readings in
                        readingBounds.withUnsafeBufferPointer { readingBounds in
                            body(
                                PinyinBuffers(
                                    initials: initials, syllableLetters: letters, syllableBounds: syllableBounds,
                                    readingSyllables: readings, readingBounds: readingBounds))
                        }
                    }
                }
            }
        }
    }

    /// The slot of a Hanzi, or -1 for any other character.
    func slot(of scalar: UInt32) -> Int32 { slots[scalar] ?? -1 }

    /// The most common reading of a text, syllables joined without separators (other characters kept as they are).
    func romanize(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            if let slot = slots[scalar.value], let first = readings[Int(slot)].first {
                result += String(decoding: syllables[Int(first)], as: UTF8.self)
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}

/// A ``PinyinTable``'s flat arrays, valid inside ``PinyinTable/withBuffers(_:)`` only.
struct PinyinBuffers {
    let initials: UnsafeBufferPointer<UInt32>
    let syllableLetters: UnsafeBufferPointer<UInt8>
    let syllableBounds: UnsafeBufferPointer<Int32>
    let readingSyllables: UnsafeBufferPointer<UInt16>
    let readingBounds: UnsafeBufferPointer<Int32>
}
