/// Encodes `Encodable` values into the catalog cache's compact binary form.
///
/// The form is positional: a value is written in the order its `encode(to:)` writes it and read back in the order
/// its `init(from:)` reads it. Keyed entries carry a tag (the key's index in the string table, and whether the value
/// is nil) so optional keys may be absent, and a keyed container ends with a zero tag; an unkeyed container starts
/// with its element count. Integers are zig-zag LEB128 varints, doubles their 8 bytes, and every string an index into
/// one table of distinct strings written once per payload (which also restores sharing when decoding).
///
/// Not supported (encoding throws, so nothing is cached): nil inside unkeyed or single-value containers, two
/// containers for one value, super encoders. ``BinaryModelDecoder`` rejects dictionaries (their keys cannot be listed).
struct BinaryModelEncoder {
    /// Encodes `value`: the string table followed by the value's bytes.
    static func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        let state = BinaryEncodingState()
        try state.encodeNested(value)
        if let failure = state.failure { throw BinaryCodingError(failure) }
        var out: [UInt8] = []
        out.reserveCapacity(state.bytes.count + state.strings.count * 16 + 16)
        out.appendVarint(UInt64(state.strings.count))
        for string in state.strings {
            var copy = string
            copy.withUTF8 { utf8 in
                out.appendVarint(UInt64(utf8.count))
                out.append(contentsOf: utf8)
            }
        }
        out += state.bytes
        return out
    }
}

/// Why a value could not be encoded or decoded; the cache then parses the file instead.
struct BinaryCodingError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// A string hashed and compared by its UTF-8 bytes (hashing a `String` normalises it, which is slow for Chinese).
private struct StringBytes: Hashable {
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

/// The encoder's state, shared by its containers. Containers are frames on a stack; a frame is closed (a keyed one
/// gets its end tag, an unkeyed one its count) when the value that opened it has finished encoding.
final class BinaryEncodingState: Encoder {
    struct Frame {
        var isKeyed: Bool
        var countOffset: Int
        var count: UInt32
    }

    var bytes: [UInt8] = []
    var strings: [String] = []
    private var stringIndex: [StringBytes: UInt32] = [:]
    var frames: [Frame] = []
    /// The frame count when the value being encoded started: it may open exactly one container, at this depth.
    private var base = 0
    var failure: String?

    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init() { bytes.reserveCapacity(1 << 16) }

    func fail(_ message: String) { if failure == nil { failure = message } }

    @inline(__always)
    func string(_ value: String) {
        let count = UInt32(strings.count)
        let index = stringIndex[StringBytes(string: value), default: count]
        if index == count {
            stringIndex[StringBytes(string: value)] = count
            strings.append(value)
        }
        bytes.appendVarint(UInt64(index))
    }

    /// Encodes a value of any type in place, then closes the container it opened.
    func encodeNested<T: Encodable>(_ value: T) throws {
        if T.self == String.self, let text = value as? String {
            string(text)
            return
        }
        let (savedBase, mark) = (base, frames.count)
        base = mark
        try value.encode(to: self)
        while frames.count > mark {
            let frame = frames.removeLast()
            if frame.isKeyed {
                bytes.append(0)
            } else {
                withUnsafeBytes(of: frame.count.littleEndian) { count in
                    for offset in 0..<4 { bytes[frame.countOffset + offset] = count[offset] }
                }
            }
        }
        base = savedBase
    }

    /// Opens the one container of the current value.
    private func open(keyed: Bool) -> Int {
        if frames.count != base { fail("a value opened two containers") }
        frames.append(Frame(isKeyed: keyed, countOffset: bytes.count, count: 0))
        if !keyed { bytes.appendUInt32(0) }
        return frames.count - 1
    }

    /// Checks that a container's writes come while it is the innermost open one.
    @inline(__always)
    func check(_ level: Int) {
        if frames.count != level + 1 { fail("a container was written to out of order") }
    }

    @inline(__always)
    func key(_ key: some CodingKey, isNil: Bool = false) {
        let count = UInt32(strings.count)
        let name = key.stringValue
        let index = stringIndex[StringBytes(string: name), default: count]
        if index == count {
            stringIndex[StringBytes(string: name)] = count
            strings.append(name)
        }
        bytes.appendVarint((UInt64(index) << 1 | (isNil ? 1 : 0)) + 1)
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(BinaryKeyedEncoder<Key>(state: self, level: open(keyed: true)))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        BinaryUnkeyedEncoder(state: self, level: open(keyed: false))
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        if frames.count != base { fail("a value opened two containers") }
        return BinarySingleEncoder(state: self)
    }

    // Primitive writers shared by the containers.
    @inline(__always) func write(_ value: Bool) { bytes.append(value ? 1 : 0) }
    @inline(__always) func write(_ value: Int64) { bytes.appendSigned(value) }
    @inline(__always) func write(_ value: UInt64) { bytes.appendVarint(value) }
    @inline(__always) func write(_ value: Double) { bytes.appendUInt64(value.bitPattern) }
    @inline(__always) func write(_ value: Float) { bytes.appendUInt32(value.bitPattern) }
}
