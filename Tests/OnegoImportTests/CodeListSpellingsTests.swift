import OnegoCatalog
import Testing

@testable import OnegoImport

/// 网上办理深度 and 通办范围 as lists write them are read as the catalog's values; other text is not read.
@Suite struct CodeListSpellingsTests {
    @Test(arguments: [
        ("4", OnlineDepth.fullyOnline), ("Ⅳ级", .fullyOnline), ("四级（全程网办）", .fullyOnline), ("全程网办", .fullyOnline),
        ("IV级", .fullyOnline), ("Ⅲ级", .onlineApplication), ("三级", .onlineApplication), ("3级", .onlineApplication),
        ("第三级", .onlineApplication), ("III级", .onlineApplication), ("网上受理", .onlineApplication),
        ("Ⅱ", .preReview), ("二级", .preReview), ("在线预审", .preReview), ("Ⅰ级", .information), ("I", .information),
        ("一级", .information),
    ])
    func readsDepths(_ text: String, _ depth: OnlineDepth) {
        #expect(CodeListSpellings.onlineDepth(text) == depth)
    }

    @Test(arguments: ["5", "五级", "较深", "是", "", "网办", "三级及以上"])
    func leavesOtherDepthTextUnread(_ text: String) {
        #expect(CodeListSpellings.onlineDepth(text) == nil)
    }

    @Test func readsScopes() {
        #expect(CodeListSpellings.crossScope("全市通办") == .city)
        #expect(CodeListSpellings.crossScope("跨省通办") == .nationwide)
        #expect(CodeListSpellings.crossScope("全县通办") == .county)
        #expect(CodeListSpellings.crossScope("全区通办") == nil, "全区 is a whole province in an autonomous region")
        #expect(CodeListSpellings.crossScope("全省") == .province)
        #expect(CodeListSpellings.crossScope("就近办") == nil)
    }

    /// The level of the government a region code names, for a source without a level column.
    @Test func readsTheLevelOfARegionCode() {
        #expect(ItemAssembler.level(ofRegion: "510000") == .provincial)
        #expect(ItemAssembler.level(ofRegion: "511600") == .municipal)
        #expect(ItemAssembler.level(ofRegion: "511602") == .county)
        #expect(ItemAssembler.level(ofRegion: "511602000000") == .county)
        #expect(ItemAssembler.level(ofRegion: "511602001000") == .township)
        #expect(ItemAssembler.level(ofRegion: "511602001201") == .village)
        #expect(ItemAssembler.level(ofRegion: "5116") == nil)
    }

    /// A legal-basis cell is cut before each citation that follows a separator, never at the commas of a
    /// provision's own text.
    @Test func cutsALegalBasisAtItsCitations() {
        #expect(
            ItemAssembler.citations("《中华人民共和国食品安全法》第三十五条：国家对食品生产经营实行许可制度。从事食品销售，应当依法取得许可。")
                == ["《中华人民共和国食品安全法》第三十五条：国家对食品生产经营实行许可制度。从事食品销售，应当依法取得许可。"])
        #expect(
            ItemAssembler.citations("《城市市容和环境卫生管理条例》第十一条；《广告法》第四十一条、《行政许可法》第十二条\n《地方条例》")
                == ["《城市市容和环境卫生管理条例》第十一条", "《广告法》第四十一条", "《行政许可法》第十二条", "《地方条例》"])
        #expect(ItemAssembler.citations("依据《食品安全法》和《食品安全法实施条例》") == ["依据《食品安全法》和《食品安全法实施条例》"])
    }
}
