internal import CByteScan

/// Byte scans over the parser's buffer (start tags of catalog items run to hundreds of bytes, and every item and
/// material records where its tag starts): eight bytes at a time here, sixteen at a time with SSE2 byte masks in C
/// (CByteScan) for the backward search of a tag's `<`.
enum ByteScan {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080
    private static let lows: UInt64 = 0x7F7F_7F7F_7F7F_7F7F

    /// The high bit of each byte of `x` that is zero, and no other bit.
    @inline(__always)
    private static func zeroBytes(_ x: UInt64) -> UInt64 { ~(((x & lows) &+ lows) | x | lows) }

    @inline(__always)
    private static func word(_ p: UnsafePointer<UInt8>) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(p).loadUnaligned(as: UInt64.self))
    }

    /// The last `byte` in `[start, end)`.
    static func lastIndex(of byte: UInt8, from start: UnsafePointer<UInt8>, before end: UnsafePointer<UInt8>)
        -> UnsafePointer<UInt8>?
    {
        let pattern = UInt64(byte) &* ones
        var p = end
        while p - start >= 8 {
            p -= 8
            let hits = zeroBytes(word(p) ^ pattern)
            if hits != 0 { return p + (63 - hits.leadingZeroBitCount) / 8 }
        }
        while p > start {
            p -= 1
            if p.pointee == byte { return p }
        }
        return nil
    }

    /// The last `byte` in `[start, end)`, with the newlines and UTF-8 characters (bytes that are not continuation
    /// bytes) after it, up to `end`: one backward pass, sixteen bytes at a time, in C (`onego_last_byte_counts`),
    /// which also finishes the block holding the byte with its byte masks.
    static func lastIndexAndCounts(
        of byte: UInt8, from start: UnsafePointer<UInt8>, before end: UnsafePointer<UInt8>
    ) -> (index: UnsafePointer<UInt8>, newlines: Int, characters: Int)? {
        var newlines = 0
        var characters = 0
        guard let found = onego_last_byte_counts(start, end, byte, &newlines, &characters) else { return nil }
        return (found, newlines, characters)
    }

    /// The newlines and the UTF-8 characters (bytes that are not continuation bytes) in `[start, end)`.
    static func newlinesAndCharacters(from start: UnsafePointer<UInt8>, to end: UnsafePointer<UInt8>)
        -> (newlines: Int, characters: Int)
    {
        let newline = 0x0A * ones
        var newlines = 0
        var continuations = 0
        var p = start
        while end - p >= 8 {
            let w = word(p)
            newlines &+= zeroBytes(w ^ newline).nonzeroBitCount
            continuations &+= (w & ~(w << 1) & highs).nonzeroBitCount
            p += 8
        }
        while p < end {
            newlines &+= p.pointee == 0x0A ? 1 : 0
            continuations &+= p.pointee & 0xC0 == 0x80 ? 1 : 0
            p += 1
        }
        return (newlines, (end - start) - continuations)
    }
}
