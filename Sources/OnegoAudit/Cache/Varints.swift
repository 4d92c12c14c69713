/// Reads the varints and strings of the derived entries (``FindingRecords``, ``CoverageTally``); every read fails
/// (`nil`) past the end.
struct VarintReader {
    let buffer: UnsafeBufferPointer<UInt8>
    var offset = 0

    init(_ buffer: UnsafeBufferPointer<UInt8>) { self.buffer = buffer }

    var isAtEnd: Bool { offset == buffer.count }

    /// The next varint.
    mutating func next() -> Int? {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while offset < buffer.count, shift < 64 {
            let byte = buffer[offset]
            offset += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 { return value <= UInt64(Int.max) ? Int(value) : nil }
            shift += 7
        }
        return nil
    }

    /// A string written as its UTF-8 byte count and bytes.
    mutating func string() -> String? {
        guard let count = next(), count <= buffer.count - offset else { return nil }
        let text = String(decoding: UnsafeBufferPointer(rebasing: buffer[offset..<offset + count]), as: UTF8.self)
        offset += count
        return text
    }
}

extension [UInt8] {
    /// Appends `value` as an LEB128 varint.
    mutating func appendVarint(_ value: Int) {
        var rest = UInt64(value)
        while rest >= 0x80 {
            append(UInt8(rest & 0x7F) | 0x80)
            rest >>= 7
        }
        append(UInt8(rest))
    }

    /// Appends `text` as its UTF-8 byte count and bytes.
    mutating func appendString(_ text: String) {
        appendVarint(text.utf8.count)
        self += text.utf8
    }
}
