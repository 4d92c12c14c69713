import OnegoCatalog
import OnegoTestSupport
import Testing

@testable import OnegoSearch

/// The search over the documents' own-text lists (department and implementing body, scored once per distinct list)
/// against the reference scan: on a catalog where one implementing body holds items of many content groups (lists of
/// many members across groups), and on one where every item has a body of its own (lists of one).
@Suite struct OwnListSearchTests {
    static let departments = ["云溪区公安分局", "云溪区市场监督管理局", "云溪区人力资源和社会保障局", "云溪区税务局", "云溪区民政局"]

    /// 1,600 copies of the sample items: a body holds 40 consecutive copies (of many templates), so its list is
    /// shared across groups; every 17th copy names its body in a material (a body word reaches a group's texts too).
    static let sharedBodies = make(copies: 1_600) { index in "第\(index / 40 % 30 + 1)号实施机关" }

    /// 900 copies, each with a body of its own (every list has one member).
    static let ownBodies = make(copies: 900) { index in "第\(index + 1)号实施机关" }

    static func make(copies: Int, body: (Int) -> String) -> SearchIndex {
        let templates = SampleIndex.catalog.items
        var items: [ServiceItem] = []
        for index in 0..<copies {
            var item = templates[index % templates.count]
            item.codes.handling = item.codes.implementation + String(300_000 + index)
            item.department = departments[(index / 11) % departments.count]
            item.implementingBody.name = item.department + "（" + body(index) + "）"
            if index % 17 == 0, var material = item.materials.first {
                material.name = body(index) + "出具的" + material.name
                item.materials.append(material)
            }
            items.append(item)
        }
        return SearchIndex(catalog: Catalog(items: items), matters: SampleIndex.matters)
    }

    @Test func listsHoldDocumentsOfEqualOwnTexts() {
        let shared = Self.sharedBodies
        #expect(shared.ownLists.count < shared.count / 5)
        #expect(shared.ownLists.count > Self.departments.count)
        #expect(Self.ownBodies.ownLists.count >= 900)
        for index in [shared, Self.ownBodies] {
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
        let index = [Self.sharedBodies, Self.ownBodies][catalog]
        var random = SplitMix64(seed: 41 + UInt64(catalog))
        let maker = QueryMaker(index: index)
        var queries = Self.departments.flatMap { [String($0.prefix(3)), String($0.dropFirst(3).prefix(2)), $0] }
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
        for index in [Self.sharedBodies, Self.ownBodies] {
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
        let hits = Self.sharedBodies.search("第3号实施机关", limit: 50)
        #expect(hits.contains { $0.matched.contains("部门") } && hits.contains { $0.matched.contains("材料") })
        #expect(Self.sharedBodies.search("无此事项第3号", limit: 20).isEmpty)
    }

    /// Compares the search with the reference scan for each query under five facet sets (none, random, a
    /// department, a department no one has, type + audience), each at a random limit; returns how many answers were
    /// not empty.
    static func compareWithTheScan(_ index: SearchIndex, _ queries: [String], random: inout SplitMix64) -> Int {
        let maker = QueryMaker(index: index)
        var nonEmpty = 0
        for query in queries {
            let filters = [
                SearchFacets(), maker.facets(&random), SearchFacets(department: departments[Int(random.next() % 5)]),
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
