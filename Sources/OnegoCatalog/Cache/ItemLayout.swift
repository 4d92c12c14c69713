import OnegoBase
import OnegoXML

/// Where a catalog file's items lie and what their bytes are, kept in its cache entry so that a later load of the
/// edited file re-parses only the items whose bytes changed (``CatalogLoader/reusedOutcome(_:bytes:stale:)``).
///
/// Each item is a run of whole lines (``XMLChildLines``), identified by the XXH64 of those lines' bytes, its
/// indentation included: equal digests mean equal bytes at the same column, so the item parses and validates the
/// same wherever it moved, with every location on its lines moved by whole lines.
struct ItemLayout: Equatable, Sendable {
    /// One item's lines.
    struct Item: Equatable, Sendable {
        /// XXH64 of the item's lines.
        var digest: UInt64
        /// The file's line where the item starts.
        var line: Int
        /// How many lines it takes.
        var lineCount: Int
        /// Its byte range in the file (not stored in entries).
        var bytes: Range<Int> = 0..<0
        /// The column of its start tag (not stored in entries).
        var column = 0

        /// The item's lines in the file.
        var lines: ClosedRange<Int> { line...(line + lineCount - 1) }
    }

    /// XXH64 of the bytes before the first item: the XML declaration and the root's start tag with its namespace
    /// declarations, on which every item's meaning depends.
    var headDigest: UInt64
    /// The items in file order.
    var items: [Item]

    /// The layout of a catalog file's `bytes`, or `nil` when it is not laid out one item per run of lines (or is not
    /// a document the scan can follow).
    static func of(_ bytes: UnsafeBufferPointer<UInt8>) -> ItemLayout? {
        guard let scan = XMLChildLines.scan(bytes, child: "item"), !scan.children.isEmpty else { return nil }
        let raw = UnsafeRawBufferPointer(bytes)
        let items = scan.children.map { child in
            Item(
                digest: XXHash64.hash(UnsafeRawBufferPointer(rebasing: raw[child.lineStart..<child.lineEnd])),
                line: child.line, lineCount: child.lineCount, bytes: child.lineStart..<child.lineEnd,
                column: child.column)
        }
        return ItemLayout(
            headDigest: XXHash64.hash(UnsafeRawBufferPointer(rebasing: raw[0..<scan.headEnd])), items: items)
    }

    /// Whether this layout (of the bytes an outcome was parsed from) describes that outcome's items one for one: the
    /// same count, each starting where the parse put it, and no diagnostic dropped past the file's message limit.
    /// Only then can the entry's items be reused.
    func describes(_ outcome: FileOutcome) -> Bool {
        guard outcome.skippedNamespace == nil, items.count == outcome.items.count,
            !outcome.diagnostics.contains(where: { $0.rule == .xmlTooManyErrors })
        else { return false }
        for (item, parsed) in zip(items, outcome.items) {
            guard parsed.location.line == item.line, parsed.location.column == item.column else { return false }
        }
        return true
    }

    /// The layout's bytes in an entry: head digest, count, then digest, line and line count per item.
    func encode(into bytes: inout [UInt8]) {
        bytes.appendUInt64(headDigest)
        bytes.appendUInt32(UInt32(items.count))
        for item in items {
            bytes.appendUInt64(item.digest)
            bytes.appendUInt32(UInt32(truncatingIfNeeded: item.line))
            bytes.appendUInt32(UInt32(truncatingIfNeeded: item.lineCount))
        }
    }

    /// The bytes an encoded layout of `count` items takes.
    static func encodedSize(count: Int) -> Int { 12 + 16 * count }

    /// Decodes a layout at `offset` of `raw`; `nil` when it does not fit.
    static func decode(_ raw: UnsafeRawBufferPointer, at offset: Int) -> (layout: ItemLayout, end: Int)? {
        guard offset + 12 <= raw.count else { return nil }
        let head = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
        let count = Int(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: offset + 8, as: UInt32.self)))
        let end = offset + encodedSize(count: count)
        guard end <= raw.count else { return nil }
        var items: [Item] = []
        items.reserveCapacity(count)
        var at = offset + 12
        for _ in 0..<count {
            let digest = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: UInt64.self))
            let line = UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: at + 8, as: UInt32.self))
            let lines = UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: at + 12, as: UInt32.self))
            items.append(Item(digest: digest, line: Int(line), lineCount: Int(lines)))
            at += 16
        }
        return (ItemLayout(headDigest: head, items: items), end)
    }
}
