import OnegoCatalog
import OnegoSearch
import Testing

/// The sample catalog's 俗称 (`<alias>`): the names people use at the window find their item first, matched as 俗称,
/// and above items that only mention the words in a material.
@Suite struct SearchAliasTests {
    let index = SampleIndex.index

    @Test func theLicenceEverydayNameFindsCompanySetUpFirst() throws {
        let top = try #require(index.search("办执照").first)
        #expect(top.name == "企业设立登记")
        #expect(top.code == "11440188MB2C90231K4010100100100001")
        #expect(top.matched.first == "俗称")
    }

    @Test func everySampleAliasFindsItsItemFirst() throws {
        let named = SampleIndex.catalog.items.filter { !$0.details.aliases.isEmpty }
        #expect(named.count == 23, "the sample items that carry a 俗称")
        for item in named {
            for alias in item.details.aliases {
                let top = try #require(index.search(alias).first, "\(alias)")
                #expect(top.code == item.id, "\(alias) → \(top.name)")
                #expect(top.matched.first == "俗称", "\(alias): \(top.matched)")
            }
        }
    }

    @Test func anAliasRanksAboveAMaterialThatMentionsIt() throws {
        let hits = index.search("网签")
        let alias = try #require(hits.firstIndex { $0.name == "商品房买卖合同网签备案" })
        let material = try #require(hits.firstIndex { $0.name == "购房提取住房公积金" })
        #expect(hits[material].matched == ["材料"], "the fund withdrawal only lists 商品房买卖合同（网签备案）")
        #expect(alias < material)
    }

    @Test func theBirthRegistrationIsFoundByItsEverydayNames() throws {
        for query in ["上户口", "报户口"] {
            let hits = index.search(query)
            #expect(hits.first?.name == "出生登记", "\(query): \(hits.prefix(3).map(\.name))")
        }
        #expect(index.search("上户口").prefix(3).contains { $0.code == "YX-XSECS" }, "the newborn matter follows")
    }
}
