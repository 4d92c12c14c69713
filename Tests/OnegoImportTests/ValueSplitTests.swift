import Foundation
import OnegoImport
import Testing

/// `ValueParser.split` takes a byte path for the usual list text; it must split exactly as the Character split
/// it stands in for, including where marks join a separator into a larger character.
@Suite struct ValueSplitTests {
    /// The Character split, as `ValueParser.split` was written before its byte path.
    private static func characterSplit(_ text: String) -> [String] {
        let lineBreaks: Set<Character> = ["\n", "\r\n"]
        let separators: Set<Character> =
            text.contains(where: { lineBreaks.contains($0) }) ? lineBreaks : ["、", "，", "；", ",", ";", "|"]
        return text.split(whereSeparator: { separators.contains($0) })
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .filter { !$0.isEmpty }
    }

    @Test(arguments: [
        "", "自然人", "自然人、企业法人", "自然人、企业法人、事业法人", " 自然人 ， 社会组织法人 ；行政机关 ",
        "窗口办理,网上办理;快递|自助", "、、自然人、、", "居民身份证（原件）、户口簿", "A&B、<测试>、\"引号\"",
        "第一行\n第二行、第三行", "甲\r\n乙", "甲\r乙、丙", "\u{3000}全角空格\u{3000}、\u{A0}不换行空格\u{A0}",
        "e\u{301}、组合", "组合、\u{301}附加", "、\u{FE0F}变体", "家庭👨‍👩‍👧、成员", "\u{600}、阿拉伯前置",
        "一、二、三、四、五、六、七、八、九、十", "餐饮，食品；生产", "12345、12333", "  ", "\t、\t",
    ])
    func splitsLikeTheCharacterSplit(_ text: String) {
        #expect(ValueParser.split(text) == Self.characterSplit(text))
    }

    @Test func splitsTheServiceObjectsOfTheTemplate() {
        #expect(ValueParser.split("自然人、企业法人、非法人企业") == ["自然人", "企业法人", "非法人企业"])
        #expect(ValueParser.split("窗口办理；网上办理") == ["窗口办理", "网上办理"])
    }

    @Test func readsYesAndNo() {
        #expect(ValueParser.yesNo("是") == true)
        #expect(ValueParser.yesNo("否") == false)
        #expect(ValueParser.yesNo(" 是 ") == true)
        #expect(ValueParser.yesNo("Y") == true)
        #expect(ValueParser.yesNo("不支持") == false)
        #expect(ValueParser.yesNo("是否") == nil)
    }
}
