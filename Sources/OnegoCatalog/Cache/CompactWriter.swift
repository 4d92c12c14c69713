/// Writes the cache's compact binary form (see ``CompactCodable``): values in a fixed order, integers as LEB128
/// varints (signed ones zig-zag), doubles as their 8 bytes, and every string as an index into one table of distinct
/// strings written once per entry (so repeated names, codes and file paths cost a few bytes each, and decoding
/// shares one copy of each).
struct CompactWriter {
    private(set) var bytes: [UInt8] = []
    private var strings: [String] = []
    private var stringIndex: [StringBytes: UInt32] = [:]
    /// Material bodies already written, by the identity of their shared storage: the loader shares one body among
    /// the materials of a file that read alike, and the entry keeps that sharing.
    private var bodyIndex: [ObjectIdentifier: UInt32] = [:]
    /// Keeps the written bodies alive so their identities stay unique while writing.
    private var bodies: [Material.Storage] = []

    init() { bytes.reserveCapacity(1 << 16) }

    /// The string table followed by the values written.
    func finished() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + strings.count * 24 + 16)
        out.appendVarint(UInt64(strings.count))
        for string in strings {
            var copy = string
            copy.withUTF8 { utf8 in
                out.appendVarint(UInt64(utf8.count))
                out.append(contentsOf: utf8)
            }
        }
        out += bytes
        return out
    }

    @inline(__always) mutating func write(_ value: Bool) { bytes.append(value ? 1 : 0) }
    @inline(__always) mutating func write(_ value: UInt64) { bytes.appendVarint(value) }
    @inline(__always) mutating func write(_ value: Int) { bytes.appendSigned(Int64(value)) }
    @inline(__always) mutating func write(_ value: Double) { bytes.appendUInt64(value.bitPattern) }

    /// Writes the index of `value` in the string table, adding it when new.
    @inline(__always)
    mutating func write(_ value: String) {
        let count = UInt32(strings.count)
        let index = stringIndex[StringBytes(string: value), default: count]
        if index == count {
            stringIndex[StringBytes(string: value)] = count
            strings.append(value)
        }
        bytes.appendVarint(UInt64(index))
    }

    /// Writes an optional string as 0 for `nil`, else its table index plus one.
    @inline(__always)
    mutating func write(_ value: String?) {
        guard let value else { return bytes.append(0) }
        let count = UInt32(strings.count)
        let index = stringIndex[StringBytes(string: value), default: count]
        if index == count {
            stringIndex[StringBytes(string: value)] = count
            strings.append(value)
        }
        bytes.appendVarint(UInt64(index) + 1)
    }

    /// Writes a material body by reference: its index in the entry's body table, followed by the body itself the
    /// first time it appears.
    mutating func writeBody(of storage: Material.Storage) {
        let key = ObjectIdentifier(storage.box)
        if let index = bodyIndex[key] {
            write(UInt64(index))
            return
        }
        let index = UInt32(bodies.count)
        bodyIndex[key] = index
        bodies.append(storage)
        write(UInt64(index))
        storage.value.write(to: &self)
    }
}

/// A string hashed and compared by its UTF-8 bytes (hashing a `String` normalises it, which is slow for Chinese).
struct StringBytes: Hashable {
    var string: String

    static func == (a: StringBytes, b: StringBytes) -> Bool {
        var (x, y) = (a.string, b.string)
        return x.withUTF8 { l in y.withUTF8 { r in l.count == r.count && l.elementsEqual(r) } }
    }

    func hash(into hasher: inout Hasher) {
        var copy = string
        copy.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}

extension [UInt8] {
    @inline(__always)
    mutating func appendVarint(_ value: UInt64) {
        var value = value
        while value >= 0x80 {
            append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        append(UInt8(value))
    }

    @inline(__always)
    mutating func appendSigned(_ value: Int64) {
        appendVarint(UInt64(bitPattern: (value << 1) ^ (value >> 63)))
    }

    mutating func appendUInt32(_ value: UInt32) {
        Swift.withUnsafeBytes(of: value.littleEndian) { append(contentsOf: $0) }
    }

    mutating func appendUInt64(_ value: UInt64) {
        Swift.withUnsafeBytes(of: value.littleEndian) { append(contentsOf: $0) }
    }
}
