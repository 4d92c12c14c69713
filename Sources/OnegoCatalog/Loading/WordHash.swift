/// A quick 64-bit hash of short byte strings, eight bytes at a time with multiplicative mixing (about one
/// instruction a byte). Only for finding equal strings in hash tables, which then compare bytes; never stored.
///
/// The seed is random per table where a hostile file could otherwise predict bucket collisions (the string
/// interner); tables built from onego's own data pass 0.
enum WordHash {
    @inline(__always)
    static func of(_ bytes: UnsafeRawBufferPointer, seed: UInt64 = 0) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325 ^ seed ^ UInt64(bytes.count)
        var offset = 0
        if let base = bytes.baseAddress {
            // Whole words up to the last multiple of eight: no overflow check or base test per word.
            let end = bytes.count & ~7
            while offset < end {
                h = (h ^ base.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0x9E37_79B9_7F4A_7C15
                h ^= h >> 29
                offset &+= 8
            }
        }
        h = (h ^ tail(bytes, from: offset)) &* 0x9E37_79B9_7F4A_7C15
        return h ^ (h >> 32)
    }

    /// The last `count - offset` bytes (fewer than eight) packed into one word, the first in the low byte: one
    /// overlapping load of the last eight bytes when the string has them, two of four bytes when it has four,
    /// byte by byte only below that (a loop per byte cost a third of the hash).
    @inline(__always)
    private static func tail(_ bytes: UnsafeRawBufferPointer, from offset: Int) -> UInt64 {
        let count = bytes.count
        let rest = count - offset
        if rest == 0 { return 0 }
        if count >= 8 {
            let last = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self))
            return last >> UInt64(8 * (8 - rest))
        }
        if count >= 4 {
            let low = UInt64(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: 0, as: UInt32.self)))
            let high = UInt64(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)))
            return low | (high >> UInt64(8 * (8 - count))) << 32
        }
        var packed: UInt64 = 0
        for index in 0..<count { packed |= UInt64(bytes[index]) << UInt64(8 * index) }
        return packed
    }
}
