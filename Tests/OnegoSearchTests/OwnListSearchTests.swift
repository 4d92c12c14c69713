import OnegoCatalog
import OnegoTestSupport
import Testing

@testable import OnegoSearch

/// The search over the documents' own-text lists (department and implementing body, scored once per distinct list)
/// against the reference scan: on a catalog where one implementing body holds items of many content groups (lists of
/// many members across groups), and on one where every item has a body of its own (lists of one).
@Suite struct OwnListSearchTests {
    @Test func listsHoldDocumentsOfEqualOwnTexts() {
        let shared = CopyCatalogs.sharedBodies
        #expect(shared.ownLists.count < shared.count / 5)
        #expect(shared.ownLists.count > CopyCatalogs.departments.count)
        #expect(CopyCatalogs.ownBodies.ownLists.count >= 900)
        for index in [shared, CopyCatalogs.ownBodies] {
            var members = 0
            for list in 0..<index.ownLists.count {
                let found = index.ownLists.members(of: Int32(list))
                members += found.count
                let texts = Set(found.map { ownTexts(of: $0, in: index) })
                #expect(texts.count == 1)
                #expect(Set(found.map { index.facetTable.departmentID(of: $0) }).count == 1)
                #expect(found.map { index.codeRanks[Int($0)] } == found.map { index.codeRanks[Int($0)] }.sorted())
                #expect(found.allSatisfy { index.ownLists.listOf[Int($0)] == Int32(list) })
            }
            #expect(members == index.count)
        }
        // Lists cross content groups: one body's list has members of several groups.
        let list = shared.ownLists.listOf[0]
        let groups = Set(shared.ownLists.members(of: list).map { shared.groups.groupOf[Int($0)] })
        #expect(groups.count > 5)
    }

    @Test(arguments: [0, 1])
    func bodyWordsPinyinCodesAndContentRankAsTheScan(catalog: Int) {
        let index = [CopyCatalogs.sharedBodies, CopyCatalogs.ownBodies][catalog]
        var random = SplitMix64(seed: 41 + UInt64(catalog))
        let maker = QueryMaker(index: index)
        var queries = CopyCatalogs.departments.flatMap {
            [String($0.prefix(3)), String($0.dropFirst(3).prefix(2)), $0]
        }
        queries += [
            "实施机关", "第12号", "第3号实施机关", "12号实施", "出具的", "第7号实施机关出具", "云溪区", "云溪", "溪区", "yx", "yxq",
            "ji", "ju", "shi", "jiguan", "sfz", "gaj", "shuiwu", "无此事项", "zzzq",
        ]
        for _ in 0..<30 {
            let code = index.documents[Int(random.next() % UInt64(index.count))].code
            queries.append(String(code.prefix(2 + Int(random.next() % 30))))
        }
        for _ in 0..<60 { queries.append(maker.query(&random)) }
        for _ in 0..<30 {
            queries.append("第\(1 + random.next() % 30)号 " + maker.fragment(&random))
            queries.append(maker.documentQuery(&random, words: 2))
        }
        let nonEmpty = Self.compareWithTheScan(index, queries, random: &random)
        // One filter of five (a department no one has) finds nothing.
        #expect(nonEmpty > queries.count * 2, "most queries should find something")
        #expect(index.ownListScratchPool.with { $0.slots.allSatisfy { $0 == -1 } })
        #expect(index.groupScratchPool.with { $0.slots.allSatisfy { $0 == -1 } })
    }

    /// Every limit from 1 to 50 of the words that reach every list (ties by code across lists and groups), and every
    /// hit.
    @Test func everyLimitOfBroadWordsRanksAsTheScan() {
        for index in [CopyCatalogs.sharedBodies, CopyCatalogs.ownBodies] {
            for query in ["yx", "实施机关", "云溪区税务局", "第3号", "出具的"] {
                // The scan's order is total (score, then code), so its first `limit` hits are its answer for `limit`.
                let all = index.referenceSearch(query, limit: .max)
                #expect(!all.isEmpty)
                for limit in 1...50 {
                    #expect(index.search(query, limit: limit) == Array(all.prefix(limit)), "\(query)")
                }
                #expect(index.search(query, limit: .max) == all, "\(query)")
            }
        }
        let hits = CopyCatalogs.sharedBodies.search("第3号实施机关", limit: 50)
        #expect(hits.contains { $0.matched.contains("部门") } && hits.contains { $0.matched.contains("材料") })
        #expect(CopyCatalogs.sharedBodies.search("无此事项第3号", limit: 20).isEmpty)
    }

    /// Compares the search with the reference scan for each query under five facet sets (none, random, a
    /// department, a department no one has, type + audience), each at a random limit; returns how many answers were
    /// not empty.
    static func compareWithTheScan(_ index: SearchIndex, _ queries: [String], random: inout SplitMix64) -> Int {
        let maker = QueryMaker(index: index)
        var nonEmpty = 0
        for query in queries {
            let filters = [
                SearchFacets(), maker.facets(&random),
                SearchFacets(department: CopyCatalogs.departments[Int(random.next() % 5)]),
                SearchFacets(department: "云溪区烟草专卖局"), SearchFacets(type: "行政许可", audience: "自然人"),
            ]
            for filter in filters {
                let limit = [1, 2, 3, 5, 20, 50][Int(random.next() % 6)]
                let expected = index.referenceSearch(query, facets: filter, limit: limit)
                #expect(index.search(query, facets: filter, limit: limit) == expected, "\(query) \(limit) \(filter)")
                if !expected.isEmpty { nonEmpty += 1 }
            }
        }
        return nonEmpty
    }

    private func ownTexts(of document: Int32, in index: SearchIndex) -> [Int32] {
        Array(index.forwardTexts[Int(index.forwardStart[Int(document)])..<Int(index.forwardStart[Int(document) + 1])])
    }
}
