import Testing

@testable import OnegoAudit

/// A name's reduced form for the near-duplicate comparison is worked out scalar by scalar when the name is plain:
/// it must equal Foundation's replacements (the oracle) for every name.
@Suite struct MaterialNameReductionTests {
    static let names = [
        "营业执照复印件", "居民身份证复印件", "居民身份证原件及复印件", "户口本", "户口本户口本", "复印件复印件复印件", "材料",
        "一份材料", "申请材料一份", "复印件", "原件a", "原件ab", "身份证(复印件)", "居民身份证居民身份证明材料", "电子版电子件纸质版",
        "营业执照扫描件（加盖公章）", "ABC材料xyz", "复复印件印件", "居民居民身份证", "材料材料材料材料", "",
        "　全角空格复印件", "ＡＢＣ复印件", "〇号材料复印件",
        // Not plain: a combining mark after a qualifier, a compatibility ideograph, a tone mark, a line break.
        "复印件\u{0301}", "户口\u{F9A8}", "材料\u{302A}复印件", "营业执照\r\n复印件", "证明🙂复印件",
    ]

    @Test func plainNamesReduceAsFoundationReplaces() {
        var plain = 0
        for name in Self.names {
            #expect(MaterialNameMatch.reduced(name) == MaterialNameMatch.reducedThroughFoundation(name), "\(name)")
            if let scalars = MaterialNameMatch.PlainScalars(name) {
                plain += 1
                #expect(scalars.reduced() == MaterialNameMatch.reducedThroughFoundation(name), "\(name)")
            }
        }
        #expect(plain == Self.names.count - 5)
        #expect(MaterialNameMatch.PlainScalars("复印件\u{0301}") == nil)
        #expect(MaterialNameMatch.PlainScalars("材料\u{302A}复印件") == nil)
        #expect(MaterialNameMatch.reduced("居民身份证原件及复印件") == "身份证及")
    }
}
