import OnegoBase
import OnegoCatalog

/// Where a report renderer may keep what it made of one catalog file's compression rows (``CompressionFigures/items``
/// are the handling units in catalog order, so each file's rows are consecutive), beside the file's cache entry.
///
/// An audit with a ``FindingCache`` gives one slot per catalog file, in order (``AuditReport/compressionRowSlots``).
/// A file's rows are fixed by its outcome (``CatalogCache/outcomeDigest(for:)``: its content and onego's build,
/// which fixes the renderer too) and the office hours, but only while they are its own: when one of its items is
/// left out for a code of an earlier file, its rows depend on other files, and the slot keeps nothing
/// (``isKept`` is false, the renderer works them out every time).
public struct CompressionRowSlot: Sendable {
    /// The rows of this file in ``CompressionFigures/items``.
    public let rows: Range<Int>
    /// The catalog file.
    let path: String
    /// The entry key, when the rows are the file's own.
    let key: UInt64?
    let cache: FindingCache

    /// Whether what is made of the rows can be kept.
    public var isKept: Bool { key != nil }

    /// Hands the bytes stored under `kind` for these rows, when current and intact, to `take`, which tells whether
    /// it could use them; whether it did.
    /// The bytes are the part of the entry read that holds them (their indices start past its header).
    public func reuse(_ kind: String, _ take: (ArraySlice<UInt8>) -> Bool) -> Bool {
        guard let key, let bytes = cache.cache.derivedPayload(kind, for: path, key: key), take(bytes) else {
            return false
        }
        cache.noteRows(reused: path)
        return true
    }

    /// Stores `bytes` under `kind` for these rows (nothing when they are not the file's own).
    public func store(_ bytes: [UInt8], as kind: String) {
        guard let key else { return }
        cache.noteRows(stored: path)
        cache.cache.storeDerived(kind, for: path, key: key, payload: bytes)
    }
}

extension FindingCache {
    /// One slot per file of `files` (in order, together every item) for the compression rows of `units`, the
    /// catalog's handling units, worked out with `officeHours`; `nil` unless every file has a path.
    func compressionRowSlots(files: [FileSegment], units: PopulationIndex, officeHours: OfficeHours)
        -> [CompressionRowSlot]?
    {
        guard files.allSatisfy({ $0.path != nil }) else { return nil }
        return zip(files, units.unitRanges(of: files.map(\.range))).map { file, range in
            let path = file.path ?? ""
            let key = range.isOwn ? rowsKey(for: path, officeHours: officeHours) : nil
            return CompressionRowSlot(rows: range.units, path: path, key: key, cache: self)
        }
    }

    /// The key of what a renderer keeps of the rows of `path` (its units its own) as the last load left it.
    func rowsKey(for path: String, officeHours: OfficeHours) -> UInt64? {
        let hours = officeHours.periods.map { "\($0.start)-\($0.end)" }.joined(separator: ",")
        return cache.outcomeDigest(for: path).map { ContentDigest.of(text: "compression rows 1 \($0) hours \(hours)") }
    }
}
