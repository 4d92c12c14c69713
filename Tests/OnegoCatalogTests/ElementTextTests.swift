import OnegoTestSupport
import Testing

@testable import OnegoCatalog

/// An element's text trimmed and collapsed in place, against the rule written plainly: random texts of every length
/// up to 80 bytes with white space, other control bytes and UTF-8 anywhere (the sixteen-byte blocks, the overlapping
/// last block and the short tail of the scan that skips texts without white space).
@Suite struct ElementTextTests {
    private func collapsedPlainly(_ bytes: [UInt8]) -> [UInt8] {
        let isSpace: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        return bytes.split(whereSeparator: isSpace).map(Array.init).joined(separator: [0x20]).map { $0 }
    }

    @Test func collapsesAsTheRuleSays() {
        var random = SplitMix64(seed: 41)
        let pieces: [[UInt8]] = [[0x20], [0x09], [0x0A], [0x0D], [0x01], [0x1F], [0x21], [0x7E], Array("文".utf8)]
        for round in 0..<4_000 {
            let length = round % 81
            var bytes: [UInt8] = []
            while bytes.count < length {
                // Mostly text without white space, so the scan that finds none is tried at every length.
                let piece =
                    round % 3 == 0 || Int.random(in: 0..<8, using: &random) == 0
                    ? pieces[Int.random(in: 0..<pieces.count, using: &random)] : Array("证".utf8)
                bytes += piece
            }
            var copy = bytes
            let collapsed = copy.withUnsafeMutableBufferPointer { buffer -> [UInt8] in
                var text = ElementText(buffer)
                text.collapseWhitespace()
                return Array(text.bytes)
            }
            #expect(collapsed == collapsedPlainly(bytes), "\(bytes)")
        }
    }
}
