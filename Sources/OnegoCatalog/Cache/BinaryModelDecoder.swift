/// Decodes values written by ``BinaryModelEncoder``. Every read is bounds-checked and every container is checked to
/// be read to its end, so a payload that does not match the types (another build's model) throws instead of
/// producing wrong values.
struct BinaryModelDecoder {
    /// Decodes a `T` from `bytes`, which must hold exactly one encoded value.
    static func decode<T: Decodable>(_ type: T.Type, from bytes: UnsafeRawBufferPointer) throws -> T {
        let state = BinaryDecodingState(bytes: bytes)
        try state.readStringTable()
        let value = try state.decodeNested(T.self)
        if state.cursor != bytes.count { throw BinaryCodingError("bytes left after the value") }
        if let failure = state.failure { throw BinaryCodingError(failure) }
        return value
    }
}

/// The decoder's state, shared by its containers (see ``BinaryEncodingState``).
final class BinaryDecodingState: Decoder {
    struct Frame {
        var isKeyed: Bool
        var remaining: Int
    }

    let bytes: UnsafeRawBufferPointer
    var cursor = 0
    var strings: [String] = []
    var frames: [Frame] = []
    private var base = 0
    var failure: String?

    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    static let truncated = BinaryCodingError("the payload ends early")

    @inline(__always)
    func byte() throws -> UInt8 {
        guard cursor < bytes.count else { throw Self.truncated }
        defer { cursor += 1 }
        return bytes[cursor]
    }

    @inline(__always)
    func varint() throws -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard cursor < bytes.count else { throw Self.truncated }
            let byte = bytes[cursor]
            cursor += 1
            result |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return result }
            shift += 7
            if shift > 63 { throw BinaryCodingError("a varint is too long") }
        }
    }

    /// Reads a varint without consuming it (a keyed entry's tag).
    @inline(__always)
    func peekVarint() throws -> (value: UInt64, end: Int) {
        let start = cursor
        defer { cursor = start }
        let value = try varint()
        return (value, cursor)
    }

    @inline(__always) func signed() throws -> Int64 {
        let raw = try varint()
        return Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1)))
    }

    func fixed64() throws -> UInt64 {
        guard cursor + 8 <= bytes.count else { throw Self.truncated }
        defer { cursor += 8 }
        return UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: cursor, as: UInt64.self))
    }

    func fixed32() throws -> UInt32 {
        guard cursor + 4 <= bytes.count else { throw Self.truncated }
        defer { cursor += 4 }
        return UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: cursor, as: UInt32.self))
    }

    @inline(__always) func bool() throws -> Bool {
        switch try byte() {
        case 0: return false
        case 1: return true
        default: throw BinaryCodingError("a Bool is neither 0 nor 1")
        }
    }

    @inline(__always) func string() throws -> String {
        let index = try varint()
        guard index < UInt64(strings.count) else { throw BinaryCodingError("a string index is out of range") }
        return strings[Int(index)]
    }

    func integer<I: FixedWidthInteger>(_ type: I.Type) throws -> I {
        if I.isSigned {
            guard let value = I(exactly: try signed()) else { throw BinaryCodingError("an integer is out of range") }
            return value
        }
        guard let value = I(exactly: try varint()) else { throw BinaryCodingError("an integer is out of range") }
        return value
    }

    func readStringTable() throws {
        let count = try varint()
        guard count <= UInt64(bytes.count) else { throw Self.truncated }
        strings.reserveCapacity(Int(count))
        for _ in 0..<count {
            let length = Int(try varint())
            guard length <= bytes.count - cursor else { throw Self.truncated }
            let utf8 = UnsafeRawBufferPointer(rebasing: bytes[cursor..<cursor + length])
            guard let text = String(validating: utf8.bindMemory(to: UInt8.self), as: UTF8.self) else {
                throw BinaryCodingError("a string is not UTF-8")
            }
            strings.append(text)
            cursor += length
        }
    }

    /// Decodes a value of any type in place, then checks that the container it opened was read to its end.
    func decodeNested<T: Decodable>(_ type: T.Type) throws -> T {
        if T.self == String.self, let text = try string() as? T { return text }
        let (savedBase, mark) = (base, frames.count)
        base = mark
        let value = try T(from: self)
        while frames.count > mark {
            let frame = frames.removeLast()
            if frame.isKeyed {
                guard try byte() == 0 else { throw BinaryCodingError("a keyed container was not read to its end") }
            } else if frame.remaining != 0 {
                throw BinaryCodingError("an unkeyed container was not read to its end")
            }
        }
        base = savedBase
        return value
    }

    private func open(keyed: Bool) throws -> Int {
        guard frames.count == base else { throw BinaryCodingError("a value opened two containers") }
        let remaining = keyed ? 0 : Int(try fixed32())
        frames.append(Frame(isKeyed: keyed, remaining: remaining))
        return frames.count - 1
    }

    @inline(__always)
    func check(_ level: Int) throws {
        guard frames.count == level + 1 else { throw BinaryCodingError("a container was read out of order") }
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(BinaryKeyedDecoder<Key>(state: self, level: try open(keyed: true)))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        let level = try open(keyed: false)
        return BinaryUnkeyedDecoder(state: self, level: level, count: frames[level].remaining)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        guard frames.count == base else { throw BinaryCodingError("a value opened two containers") }
        return BinarySingleDecoder(state: self)
    }
}
