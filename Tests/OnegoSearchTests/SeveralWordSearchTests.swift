import OnegoCatalog
import OnegoTestSupport
import Testing

@testable import OnegoSearch

/// Queries of several words, scored per content group and per own-text list for each word, against the reference
/// scan: department and body words with content words, code prefixes, pinyin and initials, with facets and limits,
/// on catalogs whose lists span many groups, whose lists have one member each, and of copies naming their department
/// in a material.
@Suite struct SeveralWordSearchTests {
    static let catalogs = [CopyCatalogs.sharedBodies, CopyCatalogs.ownBodies, CopyCatalogs.groupedCopies]

    @Test(arguments: [0, 1, 2])
    func mixedWordsRankAsTheScan(catalog: Int) {
        let index = Self.catalogs[catalog]
        var random = SplitMix64(seed: 71 + UInt64(catalog))
        let maker = QueryMaker(index: index)
        let departments = CopyCatalogs.departments
        var queries = [
            "云溪 公安", "公安 身份证", "身份证 公安", "税务 申请表", "实施机关 申请表", "第3号 实施机关", "yx 身份证", "gaj sfz",
            "出具的 身份证", "云溪区 云溪区", "社会 保障", "保障 社会", "ju ji", "无此事项 公安", "公安 无此事项",
        ]
        for _ in 0..<40 {
            let department = departments[Int(random.next() % 5)]
            let piece = String(department.dropFirst(3).prefix(2 + Int(random.next() % 3)))
            let body = "第\(1 + random.next() % 40)号"
            switch random.next() % 4 {
            case 0: queries.append(piece + " " + maker.fragment(&random))
            case 1: queries.append(maker.fragment(&random) + " " + piece)
            case 2: queries.append(body + " " + maker.query(&random))
            default: queries.append(piece + " " + body)
            }
        }
        for _ in 0..<20 {
            let code = index.documents[Int(random.next() % UInt64(index.count))].code
            let prefix = String(code.prefix(2 + Int(random.next() % 30)))
            queries.append(
                random.next() % 2 == 0 ? prefix + " " + maker.query(&random) : maker.query(&random) + " " + prefix)
        }
        for _ in 0..<40 { queries.append(maker.documentQuery(&random, words: 2 + Int(random.next() % 2))) }
        for _ in 0..<20 { queries.append(maker.query(&random) + " " + maker.query(&random)) }
        let nonEmpty = OwnListSearchTests.compareWithTheScan(index, queries, random: &random)
        #expect(nonEmpty > queries.count, "many queries should find something")
        #expect(index.ownListScratchPool.with { $0.slots.allSatisfy { $0 == -1 } })
        #expect(index.groupScratchPool.with { $0.slots.allSatisfy { $0 == -1 } })
    }

    /// Every limit from 1 to 50, and every hit, of word pairs that tie many documents across lists and groups.
    @Test func everyLimitOfBroadPairsRanksAsTheScan() {
        for index in Self.catalogs {
            for query in ["云溪区 实施机关", "实施机关 身份证", "yx 出具的", "税务局 第3号", "身份证 yx", "公安 sfz"] {
                let all = index.referenceSearch(query, limit: .max)
                for limit in 1...50 {
                    #expect(index.search(query, limit: limit) == Array(all.prefix(limit)), "\(query) \(limit)")
                }
                #expect(index.search(query, limit: .max) == all, "\(query)")
                let facets = SearchFacets(department: CopyCatalogs.departments[2])
                let filtered = index.referenceSearch(query, facets: facets, limit: .max)
                for limit in [1, 7, 20] {
                    #expect(
                        index.search(query, facets: facets, limit: limit) == Array(filtered.prefix(limit)),
                        "\(query) \(limit) \(facets)")
                }
            }
        }
        // A department word and a content word find documents holding each in a different way.
        let hits = CopyCatalogs.sharedBodies.search("税务局 身份证", limit: 20)
        #expect(!hits.isEmpty)
        #expect(hits.allSatisfy { $0.matched.contains("部门") })
    }
}
