import Foundation
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

    /// Names that are not plain: white space other than U+0020 (NBSP, a narrow NBSP, a line separator), marks that
    /// combine with a qualifier's character (a combining acute, the kana voiced marks U+3099 and U+FF9E, a variation
    /// selector), emoji with a ZWJ or a skin tone, a compatibility ideograph that decomposes to one in a qualifier.
    static let tricky = [
        "复印件\u{00A0}", "\u{00A0}营业执照复印件", "身份\u{202F}证复印件", "户口本\u{2028}", "复\u{3099}印件材料",
        "原件\u{FF9E}复印件", "证\u{FE0F}复印件", "👨\u{200D}👩复印件", "👍🏽材料材料", "\u{F9A8}复印件", "居民身份证\u{0301}复印件",
        "ｺﾋﾟｰ复印件", "가나复印件", "é复印件", "e\u{0301}复印件",
    ]

    @Test func trickyNamesReduceAsFoundationReplaces() {
        for name in Self.tricky {
            #expect(MaterialNameMatch.PlainScalars(name) == nil, "\(name)")
            #expect(MaterialNameMatch.reduced(name) == MaterialNameMatch.reducedThroughFoundation(name), "\(name)")
        }
    }

    /// Many names made at random (a fixed seed) of qualifiers, synonyms, their pieces and other plain and non-plain
    /// characters reduce as Foundation replaces.
    @Test func randomNamesReduceAsFoundationReplaces() {
        let pieces =
            MaterialNameMatch.qualifiers + MaterialNameMatch.synonyms.flatMap { [$0.0, $0.1] }
            + ["复", "印", "件", "原", "一", "份", "材", "料", "居民", "身份", "户口", "a", "Z", " ", "　", "Ａ", "（", "〇", "〜"]
            + ["\u{0301}", "\u{00A0}", "🙂", "\u{302A}", "\u{FF9E}"]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        var plain = 0
        var mismatches: [String] = []
        for _ in 0..<3_000 {
            var name = ""
            for _ in 0..<next(9) { name += pieces[next(pieces.count)] }
            if MaterialNameMatch.PlainScalars(name) != nil { plain += 1 }
            if MaterialNameMatch.reduced(name) != MaterialNameMatch.reducedThroughFoundation(name) {
                mismatches.append(name)
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
        #expect(plain > 1_000)
    }

    /// What the plain path rests on: every plain scalar is its own canonical decomposition and a character of its
    /// own beside others (no combining, joining, spacing or prepended mark: tried after and before a letter, an
    /// ideograph, the ideographic space and a tilde).
    @Test func everyPlainScalarIsACharacterAndItsOwnDecomposition() {
        var checked = 0
        for value in UInt32(0)...0xFFFF {
            guard let scalar = Unicode.Scalar(value), MaterialNameMatch.PlainScalars.isPlain(scalar) else { continue }
            let alone = String(scalar)
            #expect(alone.decomposedStringWithCanonicalMapping.unicodeScalars.elementsEqual([scalar]), "\(value)")
            for neighbour in ["a", "复", "\u{3000}", "~"] {
                #expect((neighbour + alone).count == 2 && (alone + neighbour).count == 2, "\(value)")
            }
            checked += 1
        }
        #expect(checked > 20_000)
    }
}
