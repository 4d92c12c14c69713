import OnegoAudit

/// The compression rows of the audit JSON, each written once as the object it is in the four lists (`items`,
/// `excluded`, `promiseNotPublished`, `unreformed`), which then copy the rows they take.
///
/// With the report's ``AuditReport/compressionRowSlots`` (an audit with the cache), each catalog file's rows are
/// taken from its slot when kept there and current, and stored when written. The stored form is the row count, each
/// row's byte count (UInt32, little-endian), then the rows' bytes; anything that does not describe exactly the
/// file's row count, each row one object, is written anew.
struct CompressionRowsJSON {
    /// The rows' bytes, one after another.
    private var bytes: [UInt8] = []
    /// Where each row ends in ``bytes``.
    private var ends: [Int] = []
    /// A number written that was not finite (the document is then refused).
    private(set) var nonConforming: Double?

    /// The kind of the slots' entries.
    static let kind = "compression.json"

    /// The rows of `rows` as written inside `depth` open containers, through `slots` when they cover the rows in
    /// order.
    init(rows: [ItemCompression], slots: [CompressionRowSlot], depth: Int) {
        bytes.reserveCapacity(rows.count * 300)
        ends.reserveCapacity(rows.count)
        var start = 0
        let covers = slots.allSatisfy { slot in
            defer { start = slot.rows.upperBound }
            return slot.rows.lowerBound == start
        }
        guard covers, start == rows.count else {
            write(rows[...], depth: depth)
            return
        }
        for slot in slots {
            if slot.isKept, slot.reuse(Self.kind, { append($0, count: slot.rows.count) }) { continue }
            let first = ends.count
            let conforming = write(rows[slot.rows], depth: depth)
            if conforming, slot.isKept { slot.store(storedForm(of: first..<ends.count), as: Self.kind) }
        }
    }

    /// Row `index`'s bytes.
    subscript(index: Int) -> ArraySlice<UInt8> { bytes[(index == 0 ? 0 : ends[index - 1])..<ends[index]] }

    /// Writes `rows` at the end; whether every number was finite.
    @discardableResult
    private mutating func write(_ rows: ArraySlice<ItemCompression>, depth: Int) -> Bool {
        // One writer for the run: inside its open containers, values follow each other without separators.
        var writer = PrettyJSONWriter(depth: depth, capacity: rows.count * 300)
        var rowEnds: [Int] = []
        rowEnds.reserveCapacity(rows.count)
        for row in rows {
            writer.compressionRow(row)
            rowEnds.append(writer.bytes.count)
        }
        let base = bytes.count
        bytes += writer.bytes
        ends += rowEnds.lazy.map { base + $0 }
        guard let number = writer.nonConformingNumber else { return true }
        nonConforming = nonConforming ?? number
        return false
    }

    /// The stored form of the rows `range` (positions in this value's rows).
    func storedForm(of range: Range<Int>) -> [UInt8] {
        let start = range.lowerBound == 0 ? 0 : ends[range.lowerBound - 1]
        let end = range.isEmpty ? start : ends[range.upperBound - 1]
        var out: [UInt8] = []
        out.reserveCapacity(4 + 4 * range.count + end - start)
        func append(_ value: Int) { withUnsafeBytes(of: UInt32(value).littleEndian) { out += $0 } }
        append(range.count)
        var previous = start
        for row in range {
            append(ends[row] - previous)
            previous = ends[row]
        }
        out += bytes[start..<end]
        return out
    }

    /// Appends the rows of a stored entry when it holds exactly `count` rows, each one object; else adds nothing.
    private mutating func append(_ stored: [UInt8], count: Int) -> Bool {
        stored.withUnsafeBytes { raw -> Bool in
            func number(at offset: Int) -> Int {
                Int(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt32.self)))
            }
            let head = 4 * (count + 1)
            guard raw.count >= head, number(at: 0) == count else { return false }
            var lengths: [Int] = []
            lengths.reserveCapacity(count)
            var offset = head
            for row in 0..<count {
                let length = number(at: 4 * (row + 1))
                guard length >= 2, length <= raw.count - offset, raw[offset] == UInt8(ascii: "{"),
                    raw[offset + length - 1] == UInt8(ascii: "}")
                else { return false }
                lengths.append(length)
                offset += length
            }
            guard offset == raw.count else { return false }
            var end = bytes.count
            bytes += UnsafeRawBufferPointer(rebasing: raw[head...])
            for length in lengths {
                end += length
                ends.append(end)
            }
            return true
        }
    }
}
