import Foundation

/// Reads what ``CompactWriter`` wrote. Every read is bounds-checked and every enumeration value and table index is
/// checked, so damaged bytes (or another build's layout that slipped past the entry's checks) throw
/// ``CompactCodingError`` instead of producing wrong values; the cache then parses the file.
struct CompactReader {
    private let bytes: UnsafeRawBufferPointer
    private(set) var cursor = 0
    private var strings: [String] = []
    /// Material bodies decoded so far, shared by the materials that refer to them.
    private var bodies: [Material.Storage] = []
    /// Lists decoded so far, by kind, shared by the items that refer to them.
    private var lists = SharedLists()

    /// A reader of `bytes`, after reading the string table at their start; strings `pool` already holds are taken
    /// from it (and new ones added to it).
    init(bytes: UnsafeRawBufferPointer, pool: CompactStringPool? = nil) throws {
        self.bytes = bytes
        let count = try varint()
        guard count <= UInt64(bytes.count) else { throw CompactCodingError.truncated }
        strings.reserveCapacity(Int(count))
        for _ in 0..<count {
            let length = Int(try varint())
            guard length <= bytes.count - cursor else { throw CompactCodingError.truncated }
            let utf8 = UnsafeBufferPointer(
                start: bytes.baseAddress.map { ($0 + cursor).assumingMemoryBound(to: UInt8.self) }, count: length)
            strings.append(try pool?.string(utf8) ?? Self.string(utf8))
            cursor += length
        }
    }

    /// The string of `utf8`, which must be valid UTF-8. `String(decoding:as:)` on a buffer validates it with the
    /// standard library's fast path (its `String(validating:as:)` goes through a generic one that cost more than
    /// the rest of the decoding) and replaces what is invalid; a string that differs from its bytes was not UTF-8.
    @inline(__always)
    static func string(_ utf8: UnsafeBufferPointer<UInt8>) throws -> String {
        var text = String(decoding: utf8, as: UTF8.self)
        let same = text.withUTF8 { decoded in
            guard let left = decoded.baseAddress, let right = utf8.baseAddress else {
                return decoded.count == utf8.count
            }
            return decoded.count == utf8.count && memcmp(left, right, utf8.count) == 0
        }
        guard same else { throw CompactCodingError("a string is not UTF-8") }
        return text
    }

    /// Whether every byte was read.
    var isAtEnd: Bool { cursor == bytes.count }

    @inline(__always)
    mutating func varint() throws -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard cursor < bytes.count else { throw CompactCodingError.truncated }
            let byte = bytes[cursor]
            cursor += 1
            result |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return result }
            shift += 7
            if shift > 63 { throw CompactCodingError("a varint is too long") }
        }
    }

    @inline(__always)
    mutating func int() throws -> Int {
        let raw = try varint()
        return Int(truncatingIfNeeded: Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1))))
    }

    /// A count of elements that follow, each taking at least one byte.
    @inline(__always)
    mutating func count() throws -> Int {
        let value = try varint()
        guard value <= UInt64(bytes.count - cursor) else { throw CompactCodingError.truncated }
        return Int(value)
    }

    @inline(__always)
    mutating func bool() throws -> Bool {
        guard cursor < bytes.count else { throw CompactCodingError.truncated }
        defer { cursor += 1 }
        switch bytes[cursor] {
        case 0: return false
        case 1: return true
        default: throw CompactCodingError("a Bool is neither 0 nor 1")
        }
    }

    mutating func double() throws -> Double {
        guard cursor + 8 <= bytes.count else { throw CompactCodingError.truncated }
        defer { cursor += 8 }
        return Double(bitPattern: UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: cursor, as: UInt64.self)))
    }

    @inline(__always)
    mutating func string() throws -> String {
        let index = try varint()
        guard index < UInt64(strings.count) else { throw CompactCodingError("a string index is out of range") }
        return strings[Int(index)]
    }

    @inline(__always)
    mutating func optionalString() throws -> String? {
        let index = try varint()
        if index == 0 { return nil }
        guard index <= UInt64(strings.count) else { throw CompactCodingError("a string index is out of range") }
        return strings[Int(index - 1)]
    }

    /// Reads a material body written by ``CompactWriter/writeBody(of:)``.
    mutating func body() throws -> Material.Storage {
        let index = try varint()
        if index < UInt64(bodies.count) { return bodies[Int(index)] }
        guard index == UInt64(bodies.count) else { throw CompactCodingError("a material body index is out of range") }
        let storage = Material.Storage(try Material.Body(compact: &self))
        bodies.append(storage)
        return storage
    }

    /// Reads a list written by ``CompactWriter/writeShared(_:as:)``, kept in `table` for the items that refer to it.
    @inline(__always)
    mutating func shared<Element: CompactCodable>(_ table: WritableKeyPath<SharedLists, [[Element]]>) throws
        -> [Element]
    {
        let tag = try varint()
        switch tag {
        case 0: return []
        case 1:
            let list = try [Element](compact: &self)
            guard !list.isEmpty else { throw CompactCodingError("a shared list is empty") }
            lists[keyPath: table].append(list)
            return list
        default:
            guard tag - 2 < UInt64(lists[keyPath: table].count) else {
                throw CompactCodingError("a shared list index is out of range")
            }
            return lists[keyPath: table][Int(tag - 2)]
        }
    }
}

/// The lists a ``CompactReader`` decoded so far, one table per ``CompactListKind``.
struct SharedLists {
    var serviceObjects: [[ServiceObject]] = []
    var legalBasis: [[LegalProvision]] = []
    var specialProcedures: [[SpecialProcedure]] = []
    var handlingForms: [[HandlingForm]] = []
    var feeItems: [[FeeItem]] = []
    var results: [[ItemResult]] = []
    var steps: [[ProcessStep]] = []
}

/// Why cached bytes could not be read back; the cache then parses the file instead.
struct CompactCodingError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }

    static let truncated = CompactCodingError("the payload ends early")
}
