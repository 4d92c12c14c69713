import Testing

@testable import OnegoCatalog

/// The hash packs a string's last few bytes with overlapping loads; it must give the same value as packing them one
/// byte at a time, for every length and seed.
@Suite struct WordHashTests {
    /// The hash as first written: the tail packed byte by byte.
    static func byteByByte(_ bytes: [UInt8], seed: UInt64) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325 ^ seed ^ UInt64(bytes.count)
        var offset = 0
        while offset + 8 <= bytes.count {
            var word: UInt64 = 0
            for k in 0..<8 { word |= UInt64(bytes[offset + k]) << UInt64(8 * k) }
            h = (h ^ word) &* 0x9E37_79B9_7F4A_7C15
            h ^= h >> 29
            offset += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while offset < bytes.count {
            tail |= UInt64(bytes[offset]) << shift
            shift += 8
            offset += 1
        }
        h = (h ^ tail) &* 0x9E37_79B9_7F4A_7C15
        return h ^ (h >> 32)
    }

    @Test func agreesWithPackingByteByByteAtEveryLength() {
        let text = Array("居民身份证（原件及复印件）、营业执照副本 A4 sized copy".utf8)
        for seed: UInt64 in [0, 0x1234_5678_9ABC_DEF0] {
            for length in 0...text.count {
                let bytes = Array(text.prefix(length))
                let fast = bytes.withUnsafeBytes { WordHash.of($0, seed: seed) }
                #expect(fast == Self.byteByByte(bytes, seed: seed), "length \(length)")
            }
        }
    }
}
