import Foundation

/// Results a later stage works out from one catalog file's items (the audit's item findings), kept beside the file's
/// parse entry so a run after an edit recomputes them only for the files that changed.
///
/// A derived entry is a file next to the parse entry, named after it with `.kind` appended:
///
/// ```
/// 0   "ONEGOD" 0x00 0x01        magic and format version
/// 8   key                       what the bytes were worked out from (UInt64, chosen by the stage)
/// 16  XXH64 of bytes 24…end     checksum of the payload
/// 24  payload                   the stage's bytes
/// ```
/// All integers little-endian. The stage chooses the key (typically from ``CatalogCache/outcomeDigest(for:)`` and
/// its own settings); an entry whose key or checksum differs is ignored (and replaced by the next store), never
/// trusted.
extension CatalogCache {
    static let derivedMagic: [UInt8] = Array("ONEGOD".utf8) + [0, 1]

    /// The payload stored for the catalog file `path` under `kind` when it was stored with `key` and is intact;
    /// `nil` otherwise (absent, another key, truncated or damaged).
    public func derived(_ kind: String, for path: String, key: UInt64) -> [UInt8]? {
        derivedPayload(kind, for: path, key: key).map(Array.init)
    }

    /// ``derived(_:for:key:)`` as the part of the entry's bytes that holds the payload (not copied out of them: its
    /// indices start at the payload's offset in the entry).
    public func derivedPayload(_ kind: String, for path: String, key: UInt64) -> ArraySlice<UInt8>? {
        guard let bytes = CatalogCacheEntry.load(from: derivedPath(kind, for: path)), bytes.count >= 24,
            bytes[0..<8].elementsEqual(Self.derivedMagic)
        else { return nil }
        let intact = bytes.withUnsafeBytes { raw -> Bool in
            guard raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self).littleEndian == key else { return false }
            let checksum = raw.loadUnaligned(fromByteOffset: 16, as: UInt64.self).littleEndian
            return XXHash64.hash(UnsafeRawBufferPointer(rebasing: raw[24...])) == checksum
        }
        return intact ? bytes[24...] : nil
    }

    /// Stores `payload` for the catalog file `path` under `kind` and `key` (atomically: a reader sees the old entry
    /// or the new one); nothing happens when the cache cannot be written.
    public func storeDerived(_ kind: String, for path: String, key: UInt64, payload: [UInt8]) {
        guard prepareForWriting() else { return }
        var bytes = Self.derivedMagic
        bytes.reserveCapacity(payload.count + 24)
        bytes.appendUInt64(key)
        bytes.appendUInt64(payload.withUnsafeBytes { XXHash64.hash($0) })
        bytes += payload
        CatalogCacheEntry.store(bytes, to: derivedPath(kind, for: path))
    }

    /// Where the derived entry `kind` of the catalog file `path` lives.
    func derivedPath(_ kind: String, for path: String) -> String { entryPath(for: path) + "." + kind }
}
