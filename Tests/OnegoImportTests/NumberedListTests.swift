import Foundation
import Testing

@testable import OnegoImport

/// Lists written with numbers in one cell ("1.申请书；2.身份证明") are cut at their numbers, and separators inside
/// brackets never cut an entry.
@Suite struct NumberedListTests {
    @Test(arguments: [
        ("1.食品经营许可申请书；2.营业执照复印件；3.法定代表人身份证明", ["食品经营许可申请书", "营业执照复印件", "法定代表人身份证明"]),
        ("1、申请人居民身份证、户口簿\n2、结婚证", ["申请人居民身份证、户口簿", "结婚证"]),
        ("1．申请表 2．身份证明", ["申请表", "身份证明"]),
        ("1)申请表;2)委托书", ["申请表", "委托书"]),
        ("（1）申请表（2）身份证明（3）场所使用证明", ["申请表", "身份证明", "场所使用证明"]),
        ("(1)申请表 (2)承诺书", ["申请表", "承诺书"]),
        ("①申请书②告知承诺书③营业执照", ["申请书", "告知承诺书", "营业执照"]),
        ("一、申请表；二、身份证明；三、其他材料", ["申请表", "身份证明", "其他材料"]),
        ("（一）申请书（二）章程", ["申请书", "章程"]),
        ("1、居民身份证", ["居民身份证"]),
        ("1.申请书。2.出生医学证明（原件、复印件）。", ["申请书", "出生医学证明（原件、复印件）"]),
        (
            "1.申请书；2.a；3.b；4.c；5.d；6.e；7.f；8.g；9.h；10.营业执照；11.章程",
            ["申请书", "a", "b", "c", "d", "e", "f", "g", "h", "营业执照", "章程"]
        ),
    ])
    func cutsAtTheNumbers(_ text: String, _ expected: [String]) {
        #expect(NumberedList.entries(text) == expected)
    }

    @Test(arguments: [
        "居民身份证、户口簿", "1.5米以上的户外招牌设计图", "营业执照1份、章程2份", "2.身份证明；3.申请表", "",
        "第1、2项材料", "《中华人民共和国食品安全法》第三十五条",
    ])
    func leavesOtherTextAlone(_ text: String) {
        #expect(NumberedList.entries(text) == nil)
    }

    /// A number inside an entry that does not follow a boundary, or is out of sequence, does not cut it.
    @Test func cutsOnlyAtTheNextNumberAfterABoundary() {
        #expect(NumberedList.entries("1.依据第2.3条提交的申请书；2.身份证明") == ["依据第2.3条提交的申请书", "身份证明"])
        // Numbered out of order: no numbered list; the plain split's pieces lose their numbers.
        #expect(NumberedList.entries("1.申请书；3.身份证明") == nil)
        #expect(NumberedList.unnumbered(ValueParser.split("1.申请书；3.身份证；4.承诺书")) == ["申请书", "身份证", "承诺书"])
        #expect(NumberedList.unnumbered(["申请书", "2.身份证"]) == nil)
        // No separators between the entries: cut after the last character of each.
        #expect(NumberedList.entries("1.申请书2.身份证3.承诺书") == ["申请书", "身份证", "承诺书"])
        // 一、二级 names grades, not entries; one marker with separators after it is no numbered list.
        #expect(NumberedList.entries("一、二级建造师注册证书；安全生产考核合格证") == nil)
        #expect(NumberedList.entries("1、申请书；身份证") == nil)
    }

    @Test func separatorsInsideBracketsDoNotSplit() {
        #expect(ValueParser.split("居民身份证（原件、复印件）；户口簿") == ["居民身份证（原件、复印件）", "户口簿"])
        #expect(ValueParser.split("营业执照（副本，加盖公章）、章程【修正案，如有】") == ["营业执照（副本，加盖公章）", "章程【修正案，如有】"])
        #expect(ValueParser.split("《食品安全法》（2021年修正，第三十五条）、委托书") == ["《食品安全法》（2021年修正，第三十五条）", "委托书"])
        // An unclosed bracket would swallow the rest of the list: split as if there were none.
        #expect(ValueParser.split("身份证（原件；户口簿") == ["身份证（原件", "户口簿"])
    }
}
