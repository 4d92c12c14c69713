import Foundation
import OnegoBase
import OnegoXML

/// An edited file's bytes, read whole, and its content key.
struct FileSnapshot {
    var bytes: [UInt8]
    var content: ContentKey

    /// Reads the regular file at `path` when its stamp is `stamp` before and after the read; `nil` otherwise.
    init?(path: String, stamp: ContentKey.Stamp) {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, ContentKey.Stamp(info) == stamp, (info.st_mode & S_IFMT) == S_IFREG else {
            return nil
        }
        let size = Int(info.st_size)
        guard let bytes = readBytes(fd, count: size), fstat(fd, &info) == 0, ContentKey.Stamp(info) == stamp else {
            return nil
        }
        let hash = bytes.withUnsafeBytes { XXHash64.hash($0) }
        self.bytes = bytes
        content = ContentKey(hash: hash, size: UInt64(size), stamp: stamp)
    }
}

extension CatalogLoader {
    /// The outcome of an edited file whose entry recorded the items of an earlier content (`earlier`), with only the
    /// changed items parsed; `nil` when that cannot be vouched for exactly (the caller then parses the file whole).
    ///
    /// The file's items are matched to the entry's by the digest of their lines (``ItemLayout``; moved, inserted
    /// and deleted items match as a multiset). The lines of every matched item are left out of the document, which
    /// is parsed as a whole file would be (schema, reader and its checks) with its lines mapped back to the file's
    /// (``XMLLineMap``): it yields the changed items and every diagnostic outside the matched items at their own
    /// file, line and column. The matched items and the entry's diagnostics on their lines are moved to their new
    /// lines. This is exact because the catalog schema's root holds a sequence of `item` and no identity
    /// constraints, so an item's parse depends only on its own bytes, its column and the file's head (the root's
    /// start tag and its namespaces), which must be unchanged; codes defined twice are checked after every load.
    /// Also gives, for each item, the index of the earlier item it was taken from (`nil` for an item parsed).
    func reusedOutcome(
        _ input: InputFile, snapshot: FileSnapshot, earlier: FileOutcome, earlierLayout: ItemLayout
    ) -> (outcome: FileOutcome, layout: ItemLayout, reused: Int, sources: [Int?])? {
        guard let layout = snapshot.bytes.withUnsafeBufferPointer({ ItemLayout.of($0) }),
            // An entry keeps a layout only when it described the outcome's items (``ItemLayout/describes(_:)``).
            layout.headDigest == earlierLayout.headDigest, earlierLayout.items.count == earlier.items.count,
            layout.items.count <= maxItemsPerFile, Int64(snapshot.bytes.count) <= limits.maxFileBytes
        else { return nil }
        let sources = Self.match(layout, to: earlierLayout)
        let reusedCount = sources.count { $0 != nil }
        guard reusedCount > 0 else { return nil }
        guard let owned = Self.diagnosticsByItem(earlier, layout: earlierLayout, path: input.path) else { return nil }
        var document: [UInt8] = []
        var map = XMLLineMap()
        var cursor = 0
        let removed = zip(layout.items, sources).reduce(0) { $0 + ($1.1 == nil ? 0 : $1.0.bytes.count) }
        document.reserveCapacity(snapshot.bytes.count - removed)
        for (item, source) in zip(layout.items, sources) where source != nil {
            document += snapshot.bytes[cursor..<item.bytes.lowerBound]
            cursor = item.bytes.upperBound
            map.remove(lines: item.lineCount, atFileLine: item.line)
        }
        document += snapshot.bytes[cursor...]
        let reader = CatalogFileReader(
            interner: StringInterner(), skipsOtherOnegoDocuments: input.fromFolder || skipsOtherDocumentsNamedDirectly,
            maxItems: maxItemsPerFile, isValidated: schema != nil)
        let parser = makeParser(schema: schema)
        let found = parser.parse(bytes: document, name: input.path, lineMap: map, into: reader)
        let changed = zip(layout.items, sources).filter { $0.1 == nil }.map(\.0)
        guard reader.root == .catalog, reader.hasReachedRootEnd, reader.items.count == changed.count,
            zip(reader.items, changed).allSatisfy({ $0.location.line == $1.line && $0.location.column == $1.column }),
            !found.contains(where: { $0.rule == .xmlTooManyErrors })
        else { return nil }
        var merged = Merge(parsedDiagnostics: found)
        var parsed = reader.items.makeIterator()
        for (item, source) in zip(layout.items, sources) {
            guard let source else {
                if let next = parsed.next() { merged.items.append(next) }
                continue
            }
            let shift = item.line - earlierLayout.items[source].line
            merged.add(earlier.items[source], shift: shift, diagnostics: owned[source] ?? [])
        }
        merged.finish()
        guard merged.diagnostics.count <= parser.maxDiagnostics else { return nil }
        var outcome = FileOutcome(
            items: merged.items, diagnostics: merged.diagnostics, title: reader.title, region: reader.region,
            skippedNamespace: nil)
        outcome.checks = CatalogChecks(profile: profile).itemChecks(outcome.items)
        return (outcome, layout, reusedCount, sources)
    }

    /// For each item of `layout`, the index of an unused earlier item with the same digest (earliest first), or
    /// `nil` for an item to parse.
    static func match(_ layout: ItemLayout, to earlier: ItemLayout) -> [Int?] {
        var first: [UInt64: Int] = [:]
        first.reserveCapacity(earlier.items.count)
        // Earlier items with equal digests, chained in order.
        var next = [Int](repeating: -1, count: earlier.items.count)
        var last: [UInt64: Int] = [:]
        for (index, item) in earlier.items.enumerated() {
            if let previous = last[item.digest] { next[previous] = index } else { first[item.digest] = index }
            last[item.digest] = index
        }
        return layout.items.map { item in
            guard let index = first[item.digest] else { return nil }
            first[item.digest] = next[index] >= 0 ? next[index] : nil
            return index
        }
    }

    /// The earlier parse's diagnostics on each earlier item's lines, by item index, in the order found; `nil` when
    /// one of them points elsewhere too (then it cannot simply move with its item).
    static func diagnosticsByItem(_ earlier: FileOutcome, layout: ItemLayout, path: String) -> [Int: [Diagnostic]]? {
        var owned: [Int: [Diagnostic]] = [:]
        for diagnostic in earlier.diagnostics {
            guard let location = diagnostic.location, location.file == path else { continue }
            var low = 0
            var high = layout.items.count
            while low < high {
                let mid = (low + high) / 2
                if layout.items[mid].line <= location.line { low = mid + 1 } else { high = mid }
            }
            guard low > 0, layout.items[low - 1].lines.contains(location.line) else { continue }
            guard diagnostic.related.isEmpty else { return nil }
            owned[low - 1, default: []].append(diagnostic)
        }
        return owned
    }
}

/// The items and diagnostics of a file put together in file order from parsed and reused items.
private struct Merge {
    var items: [ServiceItem] = []
    var diagnostics: [Diagnostic] = []
    /// The parse's diagnostics not yet placed, in the order found.
    private var parsed: [Diagnostic]
    private var nextParsed = 0

    init(parsedDiagnostics: [Diagnostic]) { parsed = parsedDiagnostics }

    /// Appends a reused item moved by `shift` lines, and its diagnostics moved likewise after the parse's
    /// diagnostics on earlier lines.
    mutating func add(_ item: ServiceItem, shift: Int, diagnostics owned: [Diagnostic]) {
        var item = item
        if shift != 0 {
            item.location.line += shift
            for index in item.materials.indices { item.materials[index].location.line += shift }
        }
        while nextParsed < parsed.count, let line = parsed[nextParsed].location?.line, line < item.location.line {
            diagnostics.append(parsed[nextParsed])
            nextParsed += 1
        }
        for var diagnostic in owned {
            diagnostic.location?.line += shift
            diagnostics.append(diagnostic)
        }
        items.append(item)
    }

    /// Appends the parse's remaining diagnostics.
    mutating func finish() {
        diagnostics += parsed[nextParsed...]
        nextParsed = parsed.count
    }
}
