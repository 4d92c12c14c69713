import Foundation
import OnegoTestSupport
import Testing

@testable import OnegoBase

/// ``JSONStringBytes`` scans eight bytes at a time: every byte that needs an escape must still be found wherever it
/// sits in a word (first, last, after a multi-byte character, in the tail shorter than a word).
@Suite struct JSONStringBytesTests {
    static func encoded(_ text: String) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return String(decoding: try encoder.encode(text), as: UTF8.self)
    }

    static func written(_ text: String) -> String {
        var bytes: [UInt8] = []
        JSONStringBytes.append(text, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Every byte that needs an escape, and its neighbours that do not, at every offset of a 1…24-byte text.
    @Test(arguments: [
        "\"", "\\", "\n", "\r", "\t", "\u{08}", "\u{0C}", "\u{00}", "\u{01}", "\u{1F}", "\u{7F}", " ", "!", "#", "[",
        "]", "/",
    ])
    func equalsTheEncoderAtEveryOffset(special: String) throws {
        for length in 1...24 {
            for offset in 0..<length {
                var characters = Array(repeating: "a", count: length)
                characters[offset] = special
                let ascii = characters.joined()
                #expect(Self.written(ascii) == (try Self.encoded(ascii)), "\(length) \(offset)")
                let wide = "事项" + ascii + "登记办理"
                #expect(Self.written(wide) == (try Self.encoded(wide)), "\(length) \(offset)")
            }
        }
    }

    @Test func equalsTheEncoderForGeneratedTexts() throws {
        var generator = SplitMix64(seed: 2_026)
        let alphabet = Array("ab 1\"\\/\n\t\r\u{01}\u{1F}市场监管局（）—é😀")
        for _ in 0..<2_000 {
            let length = Int.random(in: 0...40, using: &generator)
            let text = String((0..<length).map { _ in alphabet.randomElement(using: &generator) ?? "a" })
            #expect(Self.written(text) == (try Self.encoded(text)), "\(text.debugDescription)")
        }
    }

    @Test func findsAnEscapeInAWordWithBytesAboveIt() {
        // A zero-byte test can flag the wrong byte after a borrow; the decision "some byte matches" must hold.
        #expect(JSONStringBytes.needsEscape(UInt64(0x2261_6161_6161_6161)))
        #expect(JSONStringBytes.needsEscape(UInt64(0x6161_6161_6161_615C)))
        #expect(JSONStringBytes.needsEscape(UInt64(0x0101_6161_6161_6161)))
        #expect(!JSONStringBytes.needsEscape(UInt64(0x2320_2121_7F80_FFE4)))
        #expect(!JSONStringBytes.needsEscape(UInt64(0x2323_2323_2323_2323)))
    }
}
