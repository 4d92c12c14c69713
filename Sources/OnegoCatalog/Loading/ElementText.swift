/// An element's character data, borrowed from the parser (or a ``TextBuffer``) for one end-tag callback, read as the
/// catalog reads texts: white space trimmed and collapsed in place.
struct ElementText {
    private let start: UnsafeMutablePointer<UInt8>?
    /// How many bytes are held.
    private(set) var count: Int

    /// Borrows `count` bytes at `start` (none when `start` is nil).
    init(start: UnsafeMutablePointer<UInt8>?, count: Int) {
        self.start = start
        self.count = start == nil ? 0 : count
    }

    /// Borrows the bytes of `buffer`.
    init(_ buffer: UnsafeMutableBufferPointer<UInt8>) { self.init(start: buffer.baseAddress, count: buffer.count) }

    /// The bytes held.
    var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: start, count: count) }

    /// The bytes decoded as UTF-8.
    var string: String { String(decoding: bytes, as: UTF8.self) }

    /// Trims ASCII white space and collapses inner runs to one space, in place.
    mutating func collapseWhitespace() {
        // Most texts have no ASCII white space at all: leave them untouched.
        guard let start, mayHoldWhitespace(start) else { return }
        var write = 0
        var pendingSpace = false
        for read in 0..<count {
            let byte = start[read]
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                pendingSpace = write > 0
            } else {
                if pendingSpace {
                    start[write] = 0x20
                    write += 1
                    pendingSpace = false
                }
                start[write] = byte
                write += 1
            }
        }
        count = write
    }

    /// False when no byte is at most 0x20 (so none is white space), checked sixteen bytes at a time (the last block
    /// overlapping the one before it): most texts are Chinese with no ASCII white space at all.
    @inline(__always)
    private func mayHoldWhitespace(_ start: UnsafeMutablePointer<UInt8>) -> Bool {
        let raw = UnsafeRawPointer(start)
        guard count >= 16 else {
            for k in 0..<count where start[k] <= 0x20 { return true }
            return false
        }
        let space = SIMD16<UInt8>(repeating: 0x20)
        var seen = SIMDMask<SIMD16<Int8>>(repeating: false)
        var k = 0
        while k + 16 <= count {
            seen .|= raw.loadUnaligned(fromByteOffset: k, as: SIMD16<UInt8>.self) .<= space
            k += 16
        }
        if k < count { seen .|= raw.loadUnaligned(fromByteOffset: count - 16, as: SIMD16<UInt8>.self) .<= space }
        return any(seen)
    }
}
