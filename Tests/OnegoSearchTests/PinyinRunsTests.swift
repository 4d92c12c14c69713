import OnegoTestSupport
import Testing

@testable import OnegoSearch

/// Pinyin matched once per run of Hanzi (``PinyinRuns``) credits exactly the texts, scores and labels that matching
/// every text whole (``SearchText/pinyinScore(_:table:)``) gives, in text order.
@Suite struct PinyinRunsTests {
    /// Every two-letter query (initials alone count only at a text's start, which a run inside a text is not), on the
    /// sample catalog.
    @Test func everyTwoLetterQueryMatchesAsWholeTexts() {
        let index = SampleIndex.index
        for first in UInt8(97)...122 {
            for second in UInt8(97)...122 { expectSameMatches([first, second], in: index) }
        }
    }

    /// Syllables and initials taken from texts of the generated catalog, whose implementing bodies share their runs
    /// (`云溪区市场监督管理局（第3号实施机关）`), cut at random, some with a letter changed.
    @Test func lettersFromTextsMatchAsWholeTexts() {
        let index = CopyCatalogs.generated
        var random = SplitMix64(seed: 31)
        var tried = 0
        while tried < 150 {
            let text = index.texts[Int(random.next() % UInt64(index.texts.count))]
            let runStart = text.slots.indices.filter { text.slots[$0] >= 0 }.randomElement(using: &random)
            guard let runStart else { continue }
            var letters: [UInt8] = []
            for position in runStart..<min(text.slots.count, runStart + 4) where text.slots[position] >= 0 {
                let syllable = index.pinyin.syllables[Int(index.pinyin.readings[Int(text.slots[position])][0])]
                letters += random.next() % 2 == 0 ? syllable : [syllable[0]]
            }
            letters = Array(letters.prefix(2 + Int(random.next() % 8)))
            guard letters.count >= 2 else { continue }
            if random.next() % 4 == 0 {
                letters[Int(random.next() % UInt64(letters.count))] = 97 + UInt8(random.next() % 26)
            }
            expectSameMatches(letters, in: index)
            tried += 1
        }
    }

    private func expectSameMatches(_ letters: [UInt8], in index: SearchIndex) {
        let found = index.pinyinRuns.matches(
            letters, table: index.pinyin, tallies: index.textTallies, runSlots: index.runSlotPool)
        var expected: [(text: Int32, score: Double, initialsOnly: Bool)] = []
        for (id, text) in index.texts.enumerated() {
            if let (score, initialsOnly) = text.pinyinScore(letters, table: index.pinyin) {
                expected.append((Int32(id), score, initialsOnly))
            }
        }
        let query = String(decoding: letters, as: UTF8.self)
        #expect(found.map(\.text) == expected.map(\.text), "\(query)")
        #expect(found.map(\.score) == expected.map(\.score), "\(query)")
        #expect(found.map(\.initialsOnly) == expected.map(\.initialsOnly), "\(query)")
    }
}
