import Foundation
import OnegoCatalog
import OnegoSearch
import Testing

@Suite struct SearchIndexTests {
    let index = SampleIndex.index
    let companySetUp = "11440188MB2C90231K4010100100100001"
    let licenceReissue = "11440188MB2C90231K4200100700100001"

    @Test func indexesEveryItemAndMatter() {
        #expect(index.count == SampleIndex.catalog.items.count + SampleIndex.matters.count)
        #expect(index.count == 182)
    }

    @Test func pinyinInitialsFindCompanySetUp() throws {
        let top = try #require(index.search("qykb").first)
        #expect(top.kind == .matter)
        #expect(top.code == "YX-QYKB")
        #expect(top.name == "企业开办")
        #expect(top.matched.first == "拼音首字母")
    }

    @Test func fullPinyinFindsTheBusinessLicence() throws {
        let hits = index.search("yingyezhizhao")
        let top = try #require(hits.first)
        #expect(top.code == licenceReissue)
        #expect(top.matched.first == "拼音")
        #expect(hits.contains { $0.code == companySetUp && $0.matched.contains("结果") })
    }

    @Test func mixedSyllablesAndInitialsMatch() {
        #expect(index.search("qiyekb").first?.code == "YX-QYKB")
    }

    @Test func resultNameFindsTheIssuingItemAndTheBundlingMatter() throws {
        let hits = index.search("营业执照")
        let issuing = try #require(hits.first { $0.code == companySetUp })
        #expect(issuing.matched.first == "结果")
        #expect(issuing.matched.contains("俗称"), "its 俗称 办执照 is a related word of 营业执照")
        let bundle = try #require(hits.first { $0.code == "YX-QYKB" })
        #expect(bundle.kind == .matter)
        #expect(bundle.matched.contains("结果"))
        #expect(hits.first?.code == licenceReissue)
        #expect(hits.contains { $0.matched.first == "材料" })
    }

    @Test(arguments: [("开饭店", "YX-KBCYD"), ("生孩子", "YX-XSECS")])
    func everydayWordsFindMatters(query: String, code: String) throws {
        let top = try #require(index.search(query).first)
        #expect(top.code == code)
        #expect(top.matched.contains("近义词"))
    }

    /// 开公司 is also the 俗称 of 企业设立登记, which comes first; the matter follows through the related words.
    @Test func everydayWordsFindTheCompanyMatterAfterTheItemCalledSo() throws {
        let hits = index.search("开公司")
        #expect(hits.first?.code == companySetUp)
        let matter = try #require(hits.first { $0.code == "YX-QYKB" })
        #expect(matter.matched.contains("近义词"))
        #expect(hits.prefix(2).contains { $0.code == "YX-QYKB" })
    }

    @Test func everydayWordsAlsoFindTheFoodLicence() {
        #expect(index.search("开饭店").contains { $0.name == "食品经营许可（新办）" })
    }

    @Test func nearNamesShareCharacterPairs() throws {
        let hits = index.search("食品许可")
        let near = try #require(hits.first)
        #expect(near.name.hasPrefix("食品经营许可"))
        #expect(near.matched.contains("相近"))
    }

    @Test func departmentNamesFindTheirItems() {
        let hits = index.search("住房公积金管理中心", limit: 500)
        #expect(!hits.isEmpty)
        #expect(hits.allSatisfy { $0.matched.contains("部门") })
        #expect(hits.filter { $0.kind == .item }.allSatisfy { $0.department?.contains("住房公积金") == true })
    }

    @Test func codesMatchByPrefixInAnyCase() throws {
        let exact = try #require(index.search(companySetUp).first)
        #expect(exact.code == companySetUp)
        #expect(exact.matched == ["编码"])
        #expect(index.search("yx-qykb").first?.code == "YX-QYKB")
        let prefixed = index.search("11440188MB2C90231K40101001", limit: 500)
        #expect(prefixed.count == 4)
        #expect(prefixed.map(\.code) == prefixed.map(\.code).sorted())
    }

    @Test func tiesAreOrderedByCode() {
        let hits = index.search("1144018", limit: 500)
        #expect(hits.count > 100)
        for (earlier, later) in zip(hits, hits.dropFirst()) {
            #expect(earlier.score > later.score || (earlier.score == later.score && earlier.code < later.code))
        }
        #expect(index.search("营业执照") == index.search("营业执照"))
        // A few of many hits are picked without sorting them all: same order as the full sort.
        #expect(index.search("1144018", limit: 10) == Array(hits.prefix(10)))
        #expect(index.search("1144018", limit: Int.max) == hits)
    }

    @Test func everyWordMustMatch() throws {
        let top = try #require(index.search("营业执照 补领").first)
        #expect(top.code == licenceReissue)
        #expect(index.search("营业执照 zzzz").isEmpty)
    }

    @Test func emptyQueryListsEverythingByCode() {
        let all = index.search("  ", limit: 1000)
        #expect(all.count == 182)
        #expect(all.map(\.code) == all.map(\.code).sorted())
        #expect(index.search("", limit: 3).count == 3)
    }

    @Test func limitCapsTheHits() {
        #expect(index.search("证", limit: 5).count == 5)
        #expect(index.search("证", limit: 0).isEmpty)
    }

    @Test func facetsFilterByTypeLevelDepartmentAndAudience() {
        let licensing = index.search("许可", facets: SearchFacets(type: "行政许可"), limit: 500)
        #expect(!licensing.isEmpty)
        #expect(licensing.allSatisfy { $0.kind == .item })
        #expect(index.search("许可", facets: SearchFacets(type: "01"), limit: 500) == licensing)
        let matters = index.search("", facets: SearchFacets(type: "一件事"), limit: 500)
        #expect(matters.map(\.code) == ["YX-KBCYD", "YX-QYBG", "YX-QYKB", "YX-QYZX", "YX-TX", "YX-XSECS"])
        let market = index.search("登记", facets: SearchFacets(department: "云溪区市场监督管理局"), limit: 500)
        #expect(!market.isEmpty)
        #expect(market.allSatisfy { $0.department == "云溪区市场监督管理局" })
        let forCompanies = index.search("营业执照", facets: SearchFacets(audience: "法人"), limit: 500)
        #expect(forCompanies.contains { $0.code == "YX-QYKB" })
        #expect(!forCompanies.contains { $0.code == "YX-XSECS" })
        #expect(index.search("营业执照", facets: SearchFacets(level: "国家级")).isEmpty)
    }

    @Test func facetCountsAddUpToTheHits() throws {
        let query = "营业执照"
        let total = index.search(query, limit: 1000).count
        let counts = index.facetCounts(for: query)
        #expect(counts.department.reduce(0) { $0 + $1.count } == total)
        #expect(counts.type.reduce(0) { $0 + $1.count } == total)
        let matters = try #require(counts.type.first { $0.value == "一件事" })
        #expect(matters.count == index.search(query, facets: SearchFacets(type: "一件事"), limit: 1000).count)
        for (earlier, later) in zip(counts.department, counts.department.dropFirst()) {
            #expect(earlier.count > later.count || (earlier.count == later.count && earlier.value < later.value))
        }
        let department = try #require(counts.department.first)
        let filtered = index.search(query, facets: SearchFacets(department: department.value), limit: 1000)
        #expect(filtered.count == department.count)
    }

    @Test func hitsEncodeAsFlatJSONObjects() throws {
        let hit = try #require(index.search("qykb").first)
        let data = try JSONEncoder().encode(hit)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(Set(object.keys) == ["kind", "code", "name", "department", "score", "matched"])
        #expect(object["kind"] as? String == "matter")
        #expect(object["matched"] as? [String] == ["拼音首字母"])
        #expect(try JSONDecoder().decode(SearchHit.self, from: data) == hit)
        let facets = try JSONEncoder().encode(SearchFacets(department: "云溪区税务局"))
        #expect(try JSONDecoder().decode(SearchFacets.self, from: facets) == SearchFacets(department: "云溪区税务局"))
    }
}
