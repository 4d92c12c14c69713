import OnegoTestSupport
import Testing

@testable import OnegoSearch

/// The per-text counts a query word borrows: texts come back in increasing order with their counts, and a tally is
/// all zeros again after it is drained.
@Suite struct TextTallyTests {
    @Test func drainGivesEachTextOnceInOrderWithItsCount() {
        var tally = TextTally(texts: 1_000)
        var expected: [Int32: Int32] = [:]
        var random = SplitMix64(seed: 7)
        for _ in 0..<3 {
            expected.removeAll()
            for _ in 0..<2_500 {
                let text = Int32(random.next() % 1_000)
                tally.add(text)
                expected[text, default: 0] += 1
            }
            var drained: [(Int32, Int32)] = []
            tally.drain { text, count in drained.append((text, count)) }
            #expect(drained.map(\.0) == expected.keys.sorted())
            #expect(drained.allSatisfy { expected[$0.0] == $0.1 })
        }
        #expect(tally.drainTexts().isEmpty)
    }

    @Test func textsAtWordEdgesAndTheLastTextAreKept() {
        var tally = TextTally(texts: 130)
        for text: Int32 in [129, 64, 63, 0, 128, 64] { tally.add(text) }
        var drained: [(Int32, Int32)] = []
        tally.drain { text, count in drained.append((text, count)) }
        #expect(drained.map(\.0) == [0, 63, 64, 128, 129])
        #expect(drained.map(\.1) == [1, 1, 2, 1, 1])
    }

    @Test func thePoolLendsDrainedTallies() {
        let pool = TextTallyPool(texts: 10)
        let first = pool.with { tally in
            tally.add(3)
            tally.add(3)
            return tally.drainTexts()
        }
        let second = pool.with { tally in
            tally.add(3)
            var counts: [Int32] = []
            tally.drain { _, count in counts.append(count) }
            return counts
        }
        #expect(first == [3])
        #expect(second == [1])
    }
}
