import Foundation

/// Writes the cache's compact binary form (see ``CompactCodable``): values in a fixed order, integers as LEB128
/// varints (signed ones zig-zag), doubles as their 8 bytes, and every string as an index into one table of distinct
/// strings written once per entry (so repeated names, codes and file paths cost a few bytes each, and decoding
/// shares one copy of each).
struct CompactWriter {
    private(set) var bytes: [UInt8] = []
    private var strings = CompactStringTable()
    /// Material bodies already written, by the identity of their shared storage: the loader shares one body among
    /// the materials of a file that read alike, and the entry keeps that sharing.
    private var bodyIndex: [ObjectIdentifier: UInt32] = [:]
    /// Keeps the written bodies alive so their identities stay unique while writing.
    private var bodies: [Material.Storage] = []
    /// Lists already written (results, steps, legal basis …), by the address of their shared storage, with their
    /// index among the lists of their kind: the loader shares one array among the items of a file whose lists read
    /// alike (most items of a catalog repeat another's), and the entry keeps that sharing.
    private var listIndex: [UnsafeRawPointer: UInt32] = [:]
    private var listCounts = [UInt32](repeating: 0, count: CompactListKind.allCases.count)
    /// Keeps the written lists alive so their addresses stay unique while writing.
    private var lists: [Any] = []

    init() { bytes.reserveCapacity(1 << 16) }

    /// The string table followed by the values written.
    func finished() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + strings.table.count + 16)
        out.appendVarint(UInt64(strings.count))
        out += strings.table
        out += bytes
        return out
    }

    @inline(__always) mutating func write(_ value: Bool) { bytes.append(value ? 1 : 0) }
    @inline(__always) mutating func write(_ value: UInt64) { bytes.appendVarint(value) }
    @inline(__always) mutating func write(_ value: Int) { bytes.appendSigned(Int64(value)) }
    @inline(__always) mutating func write(_ value: Double) { bytes.appendUInt64(value.bitPattern) }

    /// Writes the index of `value` in the string table, adding it when new.
    @inline(__always)
    mutating func write(_ value: String) { bytes.appendVarint(UInt64(strings.index(of: value))) }

    /// Writes an optional string as 0 for `nil`, else its table index plus one.
    @inline(__always)
    mutating func write(_ value: String?) {
        guard let value else { return bytes.append(0) }
        bytes.appendVarint(UInt64(strings.index(of: value)) + 1)
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

    /// Writes a list by reference: 0 for an empty list; 1 followed by the list the first time its storage appears;
    /// its index among the entry's lists of `kind` plus 2 after that.
    mutating func writeShared<Element: CompactCodable>(_ list: [Element], as kind: CompactListKind) {
        let start = list.withUnsafeBytes { $0.baseAddress }
        guard !list.isEmpty, let address = start else { return write(0 as UInt64) }
        if let index = listIndex[address] {
            write(UInt64(index) + 2)
            return
        }
        listIndex[address] = listCounts[kind.rawValue]
        listCounts[kind.rawValue] += 1
        lists.append(list)
        write(1 as UInt64)
        list.write(to: &self)
    }
}

/// The kinds of list an entry writes once and refers to after (``CompactWriter/writeShared(_:as:)``); each kind
/// numbers its lists apart, so a reader checks an index against lists of the right type.
enum CompactListKind: Int, CaseIterable {
    case serviceObjects, legalBasis, specialProcedures, handlingForms, feeItems, results, steps
}

/// The distinct strings written so far, as the entry's table holds them (each its UTF-8 length as a varint, then
/// its bytes), found again by an open-addressing index over their bytes: hashing and comparing UTF-8 bytes directly
/// instead of going through `Dictionary` and `String` hashing (which normalises Chinese text) keeps the encoding
/// well below the parse it follows.
struct CompactStringTable {
    /// The table's bytes.
    private(set) var table: [UInt8] = []
    /// Where each string's bytes start in `table`, and their length.
    private var starts: [Int] = []
    private var lengths: [Int] = []
    /// String number + 1 per slot (0 for an empty slot); the slot count is a power of two.
    private var slots = [Int32](repeating: 0, count: 1024)
    private var hashes: [UInt64] = []

    init() { table.reserveCapacity(1 << 14) }

    /// The number of strings.
    var count: Int { starts.count }

    /// The number of `string` in the table, added when new.
    @inline(__always)
    mutating func index(of string: String) -> Int {
        var copy = string
        return copy.withUTF8 { index(ofBytes: $0) }
    }

    mutating func index(ofBytes utf8: UnsafeBufferPointer<UInt8>) -> Int {
        let hash = Self.hash(UnsafeRawBufferPointer(utf8))
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = Int(slots[slot]) - 1
            if entry < 0 { break }
            if hashes[entry] == hash, lengths[entry] == utf8.count, matches(entry, utf8) { return entry }
            slot = (slot + 1) & mask
        }
        let number = starts.count
        table.appendVarint(UInt64(utf8.count))
        starts.append(table.count)
        lengths.append(utf8.count)
        hashes.append(hash)
        table.append(contentsOf: utf8)
        slots[slot] = Int32(number + 1)
        if (number + 1) * 2 > slots.count { grow() }
        return number
    }

    private func matches(_ entry: Int, _ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let bytes = utf8.baseAddress else { return true }
        return table.withUnsafeBufferPointer { table in
            guard let base = table.baseAddress else { return false }
            return memcmp(base + starts[entry], bytes, utf8.count) == 0
        }
    }

    private mutating func grow() {
        slots = [Int32](repeating: 0, count: slots.count * 2)
        let mask = slots.count - 1
        for (number, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(number + 1)
        }
    }

    /// A quick 64-bit hash of short byte strings (8 bytes at a time, multiplicative mixing); only for finding
    /// equal strings, which are then compared byte by byte.
    @inline(__always)
    static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 { WordHash.of(bytes) }
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
