/// Byte scans over the parser's buffer, sixteen bytes at a time (start tags of catalog items run to hundreds of
/// bytes, and every item and material records where its tag starts).
///
/// The blocks are `SIMD16<UInt8>`, which the compiler lowers to SSE2 compares and subtractions on x86-64 (the
/// baseline the build targets): a lane counts its matches by subtracting the all-ones compare result, and the
/// lanes are added once at the end (no popcount per word, which x86-64 without POPCNT does in software).
enum ByteScan {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080
    private static let lows: UInt64 = 0x7F7F_7F7F_7F7F_7F7F

    /// The most blocks whose matches one byte lane can count before it must be added up (255 fits a byte).
    static let blocksPerSum = 255

    /// The high bit of each byte of `x` that is zero, and no other bit.
    @inline(__always)
    private static func zeroBytes(_ x: UInt64) -> UInt64 { ~(((x & lows) &+ lows) | x | lows) }

    @inline(__always)
    private static func word(_ p: UnsafePointer<UInt8>) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(p).loadUnaligned(as: UInt64.self))
    }

    /// Sixteen bytes from `p` (any alignment).
    @inline(__always)
    static func block(_ p: UnsafePointer<UInt8>) -> SIMD16<UInt8> {
        UnsafeRawPointer(p).loadUnaligned(as: SIMD16<UInt8>.self)
    }

    /// 1 in each lane of `v` that equals `byte`, else 0 (one compare and one mask).
    @inline(__always)
    static func hits(_ v: SIMD16<UInt8>, _ byte: SIMD16<UInt8>) -> SIMD16<UInt8> {
        SIMD16<UInt8>(repeating: 1).replacing(with: 0, where: v .!= byte)
    }

    /// Whether any lane of `flags` is non-zero.
    @inline(__always)
    static func isAnySet(_ flags: SIMD16<UInt8>) -> Bool {
        let halves = unsafeBitCast(flags, to: SIMD2<UInt64>.self)
        return halves.x | halves.y != 0
    }

    /// The sum of the sixteen byte lanes (each up to 255).
    @inline(__always)
    static func laneSum(_ lanes: SIMD16<UInt8>) -> Int {
        let halves = unsafeBitCast(lanes, to: SIMD2<UInt64>.self)
        let m: UInt64 = 0x00FF_00FF_00FF_00FF
        // Pairs of bytes into 16-bit lanes (each at most 510), then the four lanes of both halves summed by one
        // multiplication each (at most 2,040: no carry leaves the top lane).
        let x = (halves.x & m) &+ ((halves.x >> 8) & m)
        let y = (halves.y & m) &+ ((halves.y >> 8) & m)
        let w = x &+ y
        return Int(truncatingIfNeeded: (w &* 0x0001_0001_0001_0001) >> 48)
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
    /// bytes) after it, up to `end`: one backward pass, sixteen bytes at a time, where finding the byte and then
    /// counting forward read the bytes twice (eight at a time, with a software popcount per word).
    static func lastIndexAndCounts(
        of byte: UInt8, from start: UnsafePointer<UInt8>, before end: UnsafePointer<UInt8>
    ) -> (index: UnsafePointer<UInt8>, newlines: Int, characters: Int)? {
        let wanted = SIMD16<UInt8>(repeating: byte)
        let newline = SIMD16<UInt8>(repeating: 0x0A)
        let top = SIMD16<UInt8>(repeating: 0xC0)
        let continuation = SIMD16<UInt8>(repeating: 0x80)
        var newlines = 0
        var continuations = 0
        var p = end
        while p - start >= 16 {
            var newlineLanes = SIMD16<UInt8>()
            var continuationLanes = SIMD16<UInt8>()
            var blocks = 0
            var found = false
            while p - start >= 16 && blocks < blocksPerSum {
                let v = block(p - 16)
                if isAnySet(hits(v, wanted)) {
                    found = true
                    break
                }
                newlineLanes &+= hits(v, newline)
                continuationLanes &+= hits(v & top, continuation)
                p -= 16
                blocks += 1
            }
            newlines &+= laneSum(newlineLanes)
            continuations &+= laneSum(continuationLanes)
            if found { break }
        }
        while p > start {
            p -= 1
            let b = p.pointee
            if b == byte { return (p, newlines, (end - p - 1) - continuations) }
            newlines &+= b == 0x0A ? 1 : 0
            continuations &+= b & 0xC0 == 0x80 ? 1 : 0
        }
        return nil
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
