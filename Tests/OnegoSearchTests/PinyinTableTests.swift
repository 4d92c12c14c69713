import Testing

@testable import OnegoSearch

@Suite struct PinyinTableTests {
    let table = PinyinTable.shared

    @Test func coversTheGB2312Hanzi() {
        #expect(table.slots.count >= 6763)
        #expect(table.syllables.count > 400)
    }

    @Test(arguments: [("企业开办", "qiyekaiban"), ("营业执照", "yingyezhizhao"), ("绿色", "lvse"), ("A证", "Azheng")])
    func romanizesWithTheMostCommonReading(text: String, expected: String) {
        #expect(table.romanize(text) == expected)
    }

    @Test func polyphonicCharactersKeepTheirOtherReadings() throws {
        let slot = try #require(table.slots[Unicode.Scalar("行").value])
        let readings = table.readings[Int(slot)].map { String(decoding: table.syllables[Int($0)], as: UTF8.self) }
        #expect(readings.contains("xing"))
        #expect(readings.contains("hang"))
    }

    @Test func relatedWordsReplaceWholeWords() {
        let variants = RelatedWords.shared.variants(of: "开饭店")
        #expect(variants.contains("开办餐饮店"))
        #expect(!variants.contains("开饭店"))
        #expect(!RelatedWords.shared.variants(of: "营业执照").contains("营业营业执照"))
    }
}
