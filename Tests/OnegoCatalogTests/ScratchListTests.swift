import Testing

@testable import OnegoCatalog

/// The item lists' reused storage: what goes in comes out in order, however often it grows and is emptied, and
/// every element it held is released exactly once.
@Suite struct ScratchListTests {
    /// Counts its instances, so a test sees an element released twice or never.
    final class Tracked {
        nonisolated(unsafe) static var alive = 0
        let value: Int
        init(_ value: Int) {
            self.value = value
            Self.alive += 1
        }
        deinit { Self.alive -= 1 }
    }

    @Test func keepsWhatIsAppendedInOrderAcrossGrowthAndEmptying() {
        let list = ScratchList<Int>()
        for round in 0..<5 {
            #expect(list.isEmpty)
            let count = [0, 1, 16, 17, 1000][round]
            for value in 0..<count { list.append(value * 7 + round) }
            #expect(list.count == count)
            #expect(Array(list.elements) == (0..<count).map { $0 * 7 + round })
            if round % 2 == 0 {
                list.removeAll()
            } else {
                #expect(list.takeAll() == (0..<count).map { $0 * 7 + round })
            }
        }
        let literal: ScratchList<Int> = [3, 1, 2]
        #expect(Array(literal.elements) == [3, 1, 2])
    }

    @Test func releasesEveryElementOnce() {
        do {
            let list = ScratchList<Tracked>()
            var taken: [Tracked] = []
            for round in 0..<4 {
                for value in 0..<(40 * round + 3) { list.append(Tracked(value)) }
                if round.isMultiple(of: 2) {
                    taken = list.takeAll()
                    #expect(taken.map(\.value) == Array(0..<(40 * round + 3)))
                    #expect(list.isEmpty)
                } else {
                    list.removeAll()
                }
                #expect(Tracked.alive == taken.count)
            }
            for value in 0..<5 { list.append(Tracked(value)) }
            taken = []
            #expect(Tracked.alive == 5)
        }
        #expect(Tracked.alive == 0)
    }
}
