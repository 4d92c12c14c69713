import OnegoTestSupport
import Testing

@testable import OnegoSearch

/// The related words' containment test by scalars answers as `String.contains` on plain texts, and defers to it on
/// the others (canonical equivalents, combining marks, full-width brackets).
@Suite struct PlainTextTests {
    @Test func containmentIsStringContainment() {
        let index = SampleIndex.index
        var random = SplitMix64(seed: 41)
        var compared = 0
        for _ in 0..<4_000 {
            let haystack = Self.text(index.texts[Int(random.next() % UInt64(index.texts.count))])
            var needle = Self.text(index.texts[Int(random.next() % UInt64(index.texts.count))])
            if random.next() % 2 == 0 {
                // A piece of the haystack itself, so that many pairs do contain each other.
                let scalars = Array(haystack.unicodeScalars)
                let start = Int(random.next() % UInt64(scalars.count))
                let end = min(scalars.count, start + 1 + Int(random.next() % 4))
                needle = String(String.UnicodeScalarView(scalars[start..<end]))
            }
            let found = PlainText.contains(
                haystack, PlainText.scalars(of: haystack), needle, PlainText.scalars(of: needle))
            #expect(found == haystack.contains(needle), "\(haystack) / \(needle)")
            compared += 1
        }
        #expect(compared == 4_000)
    }

    @Test func charactersThatAreNotPlainGoToStringSearch() {
        // U+F900 is a compatibility ideograph canonically equal to U+8C48; e + U+0301 equals é.
        for (haystack, needle) in [("申请\u{F900}表", "申请\u{8C48}"), ("cafe\u{301}", "café"), ("身份证（原件）", "（原件")] {
            #expect(PlainText.scalars(of: haystack) == nil)
            #expect(
                PlainText.contains(haystack, PlainText.scalars(of: haystack), needle, PlainText.scalars(of: needle))
                    == haystack.contains(needle))
        }
        #expect(PlainText.scalars(of: "开办餐饮店") == [0x5F00, 0x529E, 0x9910, 0x996E, 0x5E97])
    }

    private static func text(_ text: SearchText) -> String {
        String(String.UnicodeScalarView(text.scalars.compactMap(Unicode.Scalar.init)))
    }
}
