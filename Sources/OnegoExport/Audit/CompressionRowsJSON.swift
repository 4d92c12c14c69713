import OnegoAudit

/// The compression rows of the audit JSON, each written once as the object it is in the four lists (`items`,
/// `excluded`, `promiseNotPublished`, `unreformed`), which then copy the rows they take.
///
/// With the report's ``AuditReport/compressionRowSlots`` (an audit with the cache), each catalog file's rows are
/// taken from its slot when kept there and current, and stored when written. The stored form is the row count, each
/// row's byte count (UInt32, little-endian), then the rows' bytes; anything that does not describe exactly the
/// file's row count, each row one object, is written anew.
struct CompressionRowsJSON {
    /// Runs of rows' bytes: the rows written here, and the kept entries' rows as they were read (not copied).
    private var runs: [ArraySlice<UInt8>] = []
    /// Per row: its run and where its bytes lie in that run's indices.
    private var places: [(run: Int, start: Int, end: Int)] = []
    /// A number written that was not finite (the document is then refused).
    private(set) var nonConforming: Double?

    /// The kind of the slots' entries.
    static let kind = "compression.json"

    /// The rows of `rows` as written inside `depth` open containers, through `slots` when they cover the rows in
    /// order.
    init(rows: [ItemCompression], slots: [CompressionRowSlot], depth: Int) {
        places.reserveCapacity(rows.count)
        var start = 0
        let covers = slots.allSatisfy { slot in
            defer { start = slot.rows.upperBound }
            return slot.rows.lowerBound == start
        }
        guard covers, start == rows.count else {
            write(rows[...], depth: depth)
            return
        }
        runs.reserveCapacity(slots.count)
        for slot in slots {
            if slot.isKept, slot.reuse(Self.kind, { append($0, count: slot.rows.count) }) { continue }
            let first = places.count
            let conforming = write(rows[slot.rows], depth: depth)
            if conforming, slot.isKept { slot.store(storedForm(of: first..<places.count), as: Self.kind) }
        }
    }

    /// Row `index`'s bytes.
    subscript(index: Int) -> ArraySlice<UInt8> {
        let place = places[index]
        return runs[place.run][place.start..<place.end]
    }

    /// Writes `rows` at the end (as one new run); whether every number was finite.
    @discardableResult
    private mutating func write(_ rows: ArraySlice<ItemCompression>, depth: Int) -> Bool {
        // One writer for the run: inside its open containers, values follow each other without separators.
        var writer = PrettyJSONWriter(depth: depth, capacity: rows.count * 300)
        let run = runs.count
        var previous = 0
        for row in rows {
            writer.compressionRow(row)
            places.append((run, previous, writer.bytes.count))
            previous = writer.bytes.count
        }
        runs.append(writer.bytes[...])
        guard let number = writer.nonConformingNumber else { return true }
        nonConforming = nonConforming ?? number
        return false
    }

    /// The stored form of the rows `range` (positions in this value's rows).
    func storedForm(of range: Range<Int>) -> [UInt8] {
        let size = range.reduce(0) { $0 + places[$1].end - places[$1].start }
        var out: [UInt8] = []
        out.reserveCapacity(4 + 4 * range.count + size)
        func append(_ value: Int) { withUnsafeBytes(of: UInt32(value).littleEndian) { out += $0 } }
        append(range.count)
        for row in range { append(places[row].end - places[row].start) }
        for row in range { out += self[row] }
        return out
    }

    /// Takes the rows of a stored entry (its bytes, which become a run) when it holds exactly `count` rows, each
    /// one object; else adds nothing.
    private mutating func append(_ stored: ArraySlice<UInt8>, count: Int) -> Bool {
        let base = stored.startIndex
        let lengths = stored.withUnsafeBytes { raw -> [Int]? in
            func number(at offset: Int) -> Int {
                Int(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt32.self)))
            }
            let head = 4 * (count + 1)
            guard raw.count >= head, number(at: 0) == count else { return nil }
            var lengths: [Int] = []
            lengths.reserveCapacity(count)
            var offset = head
            for row in 0..<count {
                let length = number(at: 4 * (row + 1))
                guard length >= 2, length <= raw.count - offset, raw[offset] == UInt8(ascii: "{"),
                    raw[offset + length - 1] == UInt8(ascii: "}")
                else { return nil }
                lengths.append(length)
                offset += length
            }
            return offset == raw.count ? lengths : nil
        }
        guard let lengths else { return false }
        let run = runs.count
        var end = base + 4 * (count + 1)
        for length in lengths {
            places.append((run, end, end + length))
            end += length
        }
        runs.append(stored)
        return true
    }
}
