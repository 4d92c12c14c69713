import OnegoCatalog
import OnegoComposer
import OnegoTestSupport
import Testing

@testable import OnegoSearch

/// The indexed search (character, pair and pinyin indexes; pruned top-k) against the reference scan
/// (``SearchIndex/referenceSearch(_:facets:limit:)``) on many generated queries.
@Suite struct IndexedSearchTests {
    @Test func oneWordQueriesRankAsTheScan() {
        compare(SampleIndex.index, queries: 600, seed: 1)
        compare(CopyCatalogs.generated, queries: 600, seed: 2)
    }

    /// Queries of the generated mix, with and without facets, at limits from 1 to 200, give the scan's hits.
    @Test func generatedQueriesWithFacetsAndLimitsRankAsTheScan() {
        for (index, seed) in [(SampleIndex.index, UInt64(11)), (CopyCatalogs.generated, 12)] {
            var random = SplitMix64(seed: seed)
            let maker = QueryMaker(index: index)
            for round in 0..<300 {
                let query = maker.query(&random)
                let limit = [1, 5, 20, 50, 200][Int(random.next() % 5)]
                let filter = round % 3 == 0 ? maker.facets(&random) : SearchFacets()
                let expected = index.referenceSearch(query, facets: filter, limit: limit)
                #expect(
                    index.search(query, facets: filter, limit: limit) == expected, "\(query) limit \(limit) \(filter)")
            }
        }
    }

    @Test func severalWordsAndFacetsRankAsTheScan() {
        compare(SampleIndex.index, queries: 300, seed: 3, words: 2)
        compare(CopyCatalogs.generated, queries: 300, seed: 4, words: 2, facets: true)
    }

    /// The classes that reach most documents (department words, one or two pinyin syllables, common fragments with a
    /// facet, facet values no document has): their candidates are scored by largest possible score until no further
    /// one can rank, and the hits are the scan's.
    @Test func broadQueriesRankAsTheScan() {
        let index = CopyCatalogs.generated
        var random = SplitMix64(seed: 21)
        let maker = QueryMaker(index: index)
        let departments = Array(Set(index.documents.compactMap(\.department))).sorted()
        let syllables = ["ji", "ju", "xu", "bao", "che", "shen", "zheng", "dengji", "shenfen", "yanglao"]
        var queries = departments.flatMap { [String($0.prefix(2)), String($0.prefix(3)), $0] }
        queries += syllables + ["云溪区", "云溪", "溪区", "登记", "证明", "申请表", "登记 登记", "申请 申请表", "身份 证明"]
        for query in queries {
            let limit = [1, 5, 20, 50][Int(random.next() % 4)]
            let filters = [
                SearchFacets(), maker.facets(&random), SearchFacets(type: "05"),
                SearchFacets(department: "云溪区烟草专卖局"), SearchFacets(type: "行政许可", audience: "自然人"),
            ]
            for filter in filters {
                let expected = index.referenceSearch(query, facets: filter, limit: limit)
                #expect(index.search(query, facets: filter, limit: limit) == expected, "\(query) \(limit) \(filter)")
            }
        }
        // Every query gave back its scratch slots as it found them.
        #expect(index.groupScratchPool.with { $0.slots.allSatisfy { $0 == -1 } })
        #expect(index.ownListScratchPool.with { $0.slots.allSatisfy { $0 == -1 } })
    }

    /// Long pinyin (whole names, names with a letter changed, initials mixed with syllables) scores every text as the
    /// plain search of every reading does, and such queries rank as the scan.
    @Test func longPinyinScoresAsThePlainSearch() {
        let index = SampleIndex.index
        var random = SplitMix64(seed: 22)
        var queries: [[UInt8]] = []
        for _ in 0..<60 {
            let text = index.texts[Int(random.next() % UInt64(index.texts.count))]
            let name = String(String.UnicodeScalarView(text.scalars.compactMap(Unicode.Scalar.init)))
            var letters = Array(index.pinyin.romanize(name).lowercased().utf8.filter { (97...122).contains($0) })
            guard letters.count >= 6 else { continue }
            queries.append(letters)
            letters[Int(random.next() % UInt64(letters.count))] = 97 + UInt8(random.next() % 26)
            queries.append(letters)
            queries.append(Array(letters.dropFirst(Int(random.next() % 4))))
        }
        #expect(queries.count > 60)
        for letters in queries {
            for text in index.texts {
                let found = text.pinyinScore(letters, table: index.pinyin)
                let expected = text.referencePinyinScore(letters, table: index.pinyin)
                #expect(found?.score == expected?.score && found?.initialsOnly == expected?.initialsOnly)
            }
            let query = String(decoding: letters, as: UTF8.self)
            #expect(index.search(query, limit: 20) == index.referenceSearch(query, limit: 20), "\(query)")
        }
    }

    /// Queries on several threads at once (each borrowing its own scratch slots) answer as one after another.
    @Test func concurrentQueriesAnswerAsSerialOnes() async {
        let index = CopyCatalogs.generated
        let queries = ["身份证", "云溪区", "xu", "申请表 身份证", "登记", "qykb", "营业执照", "sfz"]
        let expected = queries.map { index.search($0, limit: 20) }
        let found = await withTaskGroup(of: (Int, [SearchHit]).self) { group in
            for round in 0..<64 {
                group.addTask { (round % queries.count, index.search(queries[round % queries.count], limit: 20)) }
            }
            var found: [(Int, [SearchHit])] = []
            for await answer in group { found.append(answer) }
            return found
        }
        #expect(found.count == 64)
        for (position, hits) in found { #expect(hits == expected[position], "\(queries[position])") }
    }

    @Test func relatedWordVariantsAreThoseOfEveryGroup() {
        var random = SplitMix64(seed: 5)
        let index = SampleIndex.index
        for _ in 0..<300 {
            let query = QueryMaker(index: index).fragment(&random)
            #expect(index.relatedWords.variants(of: query) == index.referenceVariants(of: query), "\(query)")
        }
        #expect(index.relatedWords.variants(of: "开饭店").contains("开办餐饮店"))
    }

    /// Words only the documents' own texts hold (implementing bodies), alone and together, over a thousand matching
    /// documents: ranked by own-text lists, and the scan's hits at every limit, with and without a facet.
    @Test func wordsOnlyOwnTextsHoldRankAsTheScan() throws {
        let index = CopyCatalogs.generated
        #expect(index.matchingDocuments([index.wordMatch("实施机关")]).count > 1_000)
        #expect(index.matchingDocuments(["实施机关", "第1"].map(index.wordMatch)).count > 100)
        for query in ["实施机关", "实施机关 第1", "第1 实施机关"] {
            for limit in [1, 5, 20] {
                #expect(index.search(query, limit: limit) == index.referenceSearch(query, limit: limit))
                let facets = SearchFacets(department: "云溪区公安分局")
                #expect(
                    index.search(query, facets: facets, limit: limit)
                        == index.referenceSearch(query, facets: facets, limit: limit))
            }
        }
    }

    private func compare(_ index: SearchIndex, queries: Int, seed: UInt64, words: Int = 1, facets: Bool = false) {
        var random = SplitMix64(seed: seed)
        let maker = QueryMaker(index: index)
        var nonEmpty = 0
        for _ in 0..<queries {
            let query = words == 1 ? maker.query(&random) : maker.documentQuery(&random, words: words)
            let limit = [1, 5, 20, 50, 200][Int(random.next() % 5)]
            let filter = facets ? maker.facets(&random) : SearchFacets()
            let found = index.search(query, facets: filter, limit: limit)
            let expected = index.referenceSearch(query, facets: filter, limit: limit)
            #expect(found == expected, "\(query) limit \(limit) \(filter)")
            if !expected.isEmpty { nonEmpty += 1 }
        }
        #expect(nonEmpty * 2 > queries, "most generated queries should find something")
    }
}

/// Queries drawn from the indexed texts: pieces of names, materials and departments, their pinyin and initials, code
/// prefixes, and a few random letters.
struct QueryMaker {
    let index: SearchIndex

    func query(_ random: inout SplitMix64) -> String {
        switch random.next() % 8 {
        case 0, 1, 2: return fragment(&random)
        case 3: return index.pinyin.romanize(fragment(&random))
        case 4:
            let fragment = fragment(&random)
            return String(index.pinyin.romanize(fragment).prefix(max(2, fragment.count)))
        case 5: return initials(fragment(&random))
        case 6:
            let code = index.documents[Int(random.next() % UInt64(index.documents.count))].code
            return String(code.prefix(2 + Int(random.next() % 14)))
        default:
            let letters = (0..<(2 + random.next() % 3)).map { _ in
                Character(Unicode.Scalar(97 + UInt8(random.next() % 26)))
            }
            return String(letters)
        }
    }

    /// Pieces of several texts of one random document (words that occur together).
    func documentQuery(_ random: inout SplitMix64, words: Int) -> String {
        let document = index.documents[Int(random.next() % UInt64(index.documents.count))]
        return (0..<words).map { _ in
            let text = document.texts[Int(random.next() % UInt64(document.texts.count))].text
            return fragment(&random, of: text)
        }.joined(separator: " ")
    }

    /// One to six characters of a random text (or of `given`).
    func fragment(_ random: inout SplitMix64, of given: String? = nil) -> String {
        let text =
            given.map { SearchText.normalize($0) }
            ?? index.texts[Int(random.next() % UInt64(index.texts.count))].scalars
        let length = min(text.count, 1 + Int(random.next() % 6))
        let start = Int(random.next() % UInt64(text.count - length + 1))
        return String(String.UnicodeScalarView(text[start..<(start + length)].compactMap(Unicode.Scalar.init)))
    }

    /// The first letter of each character's most common reading.
    func initials(_ text: String) -> String {
        String(text.unicodeScalars.compactMap { index.pinyin.romanize(String($0)).first })
    }

    func facets(_ random: inout SplitMix64) -> SearchFacets {
        let document = index.documents[Int(random.next() % UInt64(index.documents.count))]
        switch random.next() % 4 {
        case 0: return SearchFacets(department: document.department)
        case 1: return SearchFacets(type: document.type)
        case 2: return SearchFacets(audience: document.audiences.first)
        default: return SearchFacets()
        }
    }
}
