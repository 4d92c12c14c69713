import Foundation
import OnegoBase
import OnegoXML

/// What the cache keeps of one parsed file: the loader's per-file outcome.
extension FileOutcome: CompactCodable {
    func write(to writer: inout CompactWriter) {
        items.write(to: &writer)
        diagnostics.write(to: &writer)
        writer.write(title)
        writer.write(region)
        writer.write(skippedNamespace)
        checks.write(to: &writer)
    }

    init(compact r: inout CompactReader) throws {
        self.init(
            items: try [ServiceItem](compact: &r), diagnostics: try [Diagnostic](compact: &r),
            title: try r.optionalString(), region: try r.optionalString(), skippedNamespace: try r.optionalString(),
            checks: try [Diagnostic](compact: &r))
    }
}

/// What identifies a catalog file's content.
struct ContentKey: Equatable {
    var hash: UInt64
    var size: UInt64

    /// The file's size, modification and change times and inode when it was hashed; an entry is stored only when
    /// they are unchanged after the parse (the file was not edited in between), and a later load trusts the entry's
    /// hash without reading the file when they are still unchanged and older than the entry (``isSettled(before:)``).
    struct Stamp: Equatable {
        var size: Int64
        var modified: Int64
        var changed: Int64
        var inode: UInt64

        init?(path: String) {
            var info = stat()
            guard stat(path, &info) == 0 else { return nil }
            self.init(info)
        }

        /// The stamp of a regular file; `nil` for anything else (a pipe or device is never cached).
        init?(regularFile path: String) {
            var info = stat()
            guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
            self.init(info)
        }

        init(_ info: stat) {
            size = Int64(info.st_size)
            modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
            changed = Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec)
            inode = UInt64(info.st_ino)
        }

        init(size: Int64, modified: Int64, changed: Int64, inode: UInt64) {
            (self.size, self.modified, self.changed, self.inode) = (size, modified, changed, inode)
        }

        /// Whether a file with this stamp was last changed strictly before `tick`, the filesystem's time read just
        /// before the file was hashed (``CatalogCache/clockTick()``): git's rule against racy entries, with the
        /// hash's own time as the reference. A file changed in the clock tick it was hashed in may have changed
        /// again after the hash without its stamp showing it (on a filesystem with coarse timestamps), so it is
        /// hashed again.
        func isSettled(before tick: Int64) -> Bool { modified < tick && changed < tick }
    }
    var stamp: Stamp

    static func == (a: ContentKey, b: ContentKey) -> Bool { a.hash == b.hash && a.size == b.size }

    /// Hashes the regular file at `path` in 1 MB reads; `nil` for anything else or on a read error.
    static func of(path: String) -> ContentKey? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        var hasher = XXHash64()
        var size: UInt64 = 0
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)
        defer { buffer.deallocate() }
        while true {
            let count = read(fd, buffer.baseAddress, buffer.count)
            if count < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if count == 0 { break }
            hasher.update(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
            size += UInt64(count)
        }
        return ContentKey(hash: hasher.finish(), size: size, stamp: Stamp(info))
    }
}

/// The bytes of one cache entry:
///
/// ```
/// 0   "ONEGOC" 0x00 0x01        magic and format version
/// 8   XXH64 of bytes 16…end     checksum of everything after it
/// 16  settings fingerprint      build, schema and loader limits (UInt64)
/// 24  content hash, size        of the catalog file (UInt64 each)
/// 40  path length, path         the path as named (UInt32, UTF-8)
/// …   file stamp                size, modification and change times (ns), inode when hashed (UInt64 each)
/// …   clock tick                the filesystem's time just before the hash (ns, UInt64)
/// …   layout flag, layout       1 and the file's ``ItemLayout`` when its items can be reused, else 0
/// …   payload                   the file's outcome in ``CompactCodable`` form
/// ```
/// All integers little-endian.
enum CatalogCacheEntry {
    static let magic: [UInt8] = Array("ONEGOC".utf8) + [0, 8]

    /// The bytes after the path: the stamp's four numbers and the clock tick.
    static let stampBytes = 40

    /// The entry's bytes; `tick` is the filesystem's time read before `content` was hashed, `layout` where the
    /// file's items lie (kept only when it describes `outcome`'s items).
    static func make(
        settings: UInt64, content: ContentKey, tick: Int64, path: String, outcome: FileOutcome,
        layout: ItemLayout? = nil
    ) -> [UInt8] {
        var writer = CompactWriter()
        outcome.write(to: &writer)
        let payload = writer.finished()
        var bytes = magic
        let layout = layout.flatMap { $0.describes(outcome) ? $0 : nil }
        bytes.reserveCapacity(
            payload.count + path.utf8.count + 65 + ItemLayout.encodedSize(count: layout?.items.count ?? 0))
        bytes.appendUInt64(0)
        bytes.appendUInt64(settings)
        bytes.appendUInt64(content.hash)
        bytes.appendUInt64(content.size)
        bytes.appendUInt32(UInt32(path.utf8.count))
        bytes += path.utf8
        let stamp = content.stamp
        for value in [UInt64(bitPattern: stamp.size), UInt64(bitPattern: stamp.modified)] { bytes.appendUInt64(value) }
        for value in [UInt64(bitPattern: stamp.changed), stamp.inode] { bytes.appendUInt64(value) }
        bytes.appendUInt64(UInt64(bitPattern: tick))
        if let layout {
            bytes.append(1)
            layout.encode(into: &bytes)
        } else {
            bytes.append(0)
        }
        bytes += payload
        let checksum = bytes.withUnsafeBytes { XXHash64.hash(UnsafeRawBufferPointer(rebasing: $0[16...])) }
        withUnsafeBytes(of: checksum.littleEndian) { for i in 0..<8 { bytes[8 + i] = $0[i] } }
        return bytes
    }

    /// The outcome in `bytes` when the entry is whole and was written for exactly this file, content and settings;
    /// `nil` otherwise (the caller parses the file and replaces the entry). Strings are shared through `pool`.
    static func read(
        _ bytes: [UInt8], settings: UInt64, content: ContentKey, path: String, pool: CompactStringPool? = nil
    ) -> FileOutcome? {
        read(bytes, settings: settings, content: content, path: path, pool: pool, withLayout: false)?.outcome
    }

    /// The outcome and item layout in `bytes` when the entry is whole and was written for this file and settings
    /// but another content (the file was edited since), and recorded a layout; `nil` otherwise.
    static func readEarlier(
        _ bytes: [UInt8], settings: UInt64, path: String, pool: CompactStringPool? = nil
    ) -> (outcome: FileOutcome, layout: ItemLayout)? {
        guard let found = read(bytes, settings: settings, content: nil, path: path, pool: pool, withLayout: true),
            let layout = found.layout
        else { return nil }
        return (found.outcome, layout)
    }

    /// The entry's outcome (and layout when asked for) when it is whole and matches `settings`, `path` and, unless
    /// `nil`, `content`.
    private static func read(
        _ bytes: [UInt8], settings: UInt64, content: ContentKey?, path: String, pool: CompactStringPool?,
        withLayout: Bool
    ) -> (outcome: FileOutcome, layout: ItemLayout?)? {
        bytes.withUnsafeBytes { raw -> (outcome: FileOutcome, layout: ItemLayout?)? in
            guard raw.count >= 44, raw.prefix(8).elementsEqual(magic) else { return nil }
            func u64(_ offset: Int) -> UInt64 {
                UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            }
            guard u64(8) == XXHash64.hash(UnsafeRawBufferPointer(rebasing: raw[16...])) else { return nil }
            guard u64(16) == settings else { return nil }
            if let content, u64(24) != content.hash || u64(32) != content.size { return nil }
            let length = Int(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: 40, as: UInt32.self)))
            let header = 44 + stampBytes
            guard length < raw.count - header, raw[44..<44 + length].elementsEqual(path.utf8) else { return nil }
            var at = header + length + 1
            var layout: ItemLayout?
            if raw[header + length] == 1 {
                if withLayout {
                    guard let decoded = ItemLayout.decode(raw, at: at) else { return nil }
                    (layout, at) = (decoded.layout, decoded.end)
                } else {
                    // A current entry's layout is not needed: step over it.
                    guard at + 12 <= raw.count else { return nil }
                    let count = UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: at + 8, as: UInt32.self))
                    at += ItemLayout.encodedSize(count: Int(count))
                }
            }
            guard at <= raw.count else { return nil }
            let payload = UnsafeRawBufferPointer(rebasing: raw[at...])
            guard var reader = try? CompactReader(bytes: payload, pool: pool),
                let outcome = try? FileOutcome(compact: &reader), reader.isAtEnd
            else { return nil }
            return (outcome, layout)
        }
    }

    /// The content key the entry records (its file's hash, size and stamp when hashed) and the clock tick read
    /// before the hash, from the header before the entry is checked; ``read(_:settings:content:path:pool:)`` still
    /// checks everything.
    static func recordedContent(_ bytes: [UInt8]) -> (content: ContentKey, tick: Int64)? {
        bytes.withUnsafeBytes { raw -> (content: ContentKey, tick: Int64)? in
            guard raw.count >= 44 else { return nil }
            func u64(_ offset: Int) -> UInt64 {
                UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            }
            let length = Int(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: 40, as: UInt32.self)))
            guard length <= raw.count - 44 - stampBytes else { return nil }
            let at = 44 + length
            let stamp = ContentKey.Stamp(
                size: Int64(bitPattern: u64(at)), modified: Int64(bitPattern: u64(at + 8)),
                changed: Int64(bitPattern: u64(at + 16)), inode: u64(at + 24))
            return (ContentKey(hash: u64(24), size: u64(32), stamp: stamp), Int64(bitPattern: u64(at + 32)))
        }
    }

    /// Whether the entry says it recorded where its file's items lie (checked in full when read).
    static func hasLayout(_ bytes: [UInt8]) -> Bool {
        guard bytes.count >= 44 + stampBytes, bytes.prefix(8).elementsEqual(magic) else { return false }
        let length = bytes.withUnsafeBytes {
            Int(UInt32(littleEndian: $0.loadUnaligned(fromByteOffset: 40, as: UInt32.self)))
        }
        let flag = 44 + stampBytes + length
        return flag < bytes.count && bytes[flag] == 1
    }

    /// Reads the entry file, or `nil` when there is none (or it cannot be read whole).
    static func load(from file: String) -> [UInt8]? { readWholeFile(file) }

    /// Writes `bytes` to a temporary file in the same folder and renames it over `file`: readers see the old entry
    /// or the new one, never part of one. Failures leave no temporary file behind and are otherwise ignored.
    static func store(_ bytes: [UInt8], to file: String) {
        let temporary = file + ".\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return }
        var written = 0
        let ok = bytes.withUnsafeBytes { raw -> Bool in
            guard let base = raw.baseAddress else { return true }
            while written < raw.count {
                let count = write(fd, base + written, raw.count - written)
                if count < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                written += count
            }
            return true
        }
        guard close(fd) == 0, ok, rename(temporary, file) == 0 else {
            unlink(temporary)
            return
        }
    }
}

/// The bytes of the regular file at `path`, or `nil` when it is absent, not a regular file or cannot be read whole.
private func readWholeFile(_ path: String) -> [UInt8]? {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
    return readBytes(fd, count: Int(info.st_size))
}

/// The first `count` bytes of the open file `fd`, read from its start (retrying interrupted reads), or `nil` when
/// the file ends before them or a read fails.
func readBytes(_ fd: Int32, count: Int) -> [UInt8]? {
    var bytes = [UInt8](repeating: 0, count: count)
    var filled = 0
    let whole = bytes.withUnsafeMutableBytes { raw -> Bool in
        guard let base = raw.baseAddress else { return true }
        while filled < count {
            let read = pread(fd, base + filled, count - filled, off_t(filled))
            if read < 0 && errno == EINTR { continue }
            if read <= 0 { return false }
            filled += read
        }
        return true
    }
    return whole ? bytes : nil
}
