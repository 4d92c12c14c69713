import OnegoSearch
import Testing

@Suite struct SearchResolutionTests {
    let index = SampleIndex.index

    @Test func anExactNameIsFound() {
        guard case .found(let hit) = index.resolve("企业设立登记", kind: .item) else {
            Issue.record("企业设立登记 should resolve")
            return
        }
        #expect(hit.code == "11440188MB2C90231K4010100100100001")
    }

    @Test func aMatterNameIsFoundAmongItemsAndMatters() {
        #expect(index.resolve("企业开办").foundCode == "YX-QYKB")
        #expect(index.resolve("qykb").foundCode == "YX-QYKB")
    }

    @Test func aNameSharedByVariantsIsAmbiguous() {
        guard case .ambiguous(let candidates) = index.resolve("食品经营许可", kind: .item) else {
            Issue.record("食品经营许可 names four items")
            return
        }
        #expect(candidates.count == 4)
        #expect(candidates.allSatisfy { $0.name.hasPrefix("食品经营许可（") })
    }

    @Test func nothingMatchesGibberish() {
        #expect(index.resolve("zzzzqqqq") == .notFound)
    }
}

extension SearchResolution {
    /// The found hit's code, if one was found.
    var foundCode: String? {
        if case .found(let hit) = self { return hit.code }
        return nil
    }
}
