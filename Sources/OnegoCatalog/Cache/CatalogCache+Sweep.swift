import Foundation

/// Housekeeping of the cache folder: entries of catalog files that are gone, and temporary files of killed runs.
///
/// Entries are named by the hash of their file's absolute path, so a file that is edited keeps one entry, but a file
/// that is removed or renamed would leave its entry (and the derived entries beside it) behind for good. After each
/// load the cache looks at the names no loaded file accounts for and removes:
/// - a parse entry, with every derived entry of its name, whose recorded path still hashes to its name and no longer
///   names anything on disk (an entry whose path cannot be resolved to its own name, e.g. written from another
///   working directory under a relative path, is kept: its file may well exist);
/// - derived entries without a parse entry (a parse entry that could not be written; the next load of that file
///   works them out again);
/// - `NAME.PID.RANDOM.tmp` files whose process is gone (a run killed while it wrote).
///
/// Only regular files named as the cache names them are removed; `.clock`, `.gitignore` and anything else in the
/// folder is left alone. Entries of files that exist but were not part of this load (another subfolder validated on
/// its own) are kept.
extension CatalogCache {
    /// What one ``sweep(keeping:)`` removed.
    public struct SweepResult: Sendable, Equatable {
        /// Parse entries removed (their files are gone), with their derived entries.
        public var entries = 0
        /// Derived entries removed without a parse entry.
        public var orphans = 0
        /// Temporary files of runs that no longer exist.
        public var temporaries = 0
        /// Bytes of all the removed files.
        public var bytes: Int64 = 0
    }

    /// Removes what no catalog file can use any more (see the extension's overview); `paths` are the catalog files
    /// just loaded, whose entries are current and need no look. Nothing happens when the folder does not exist or
    /// is not writable.
    @discardableResult
    public func sweep(keeping paths: [String]) -> SweepResult {
        var result = SweepResult()
        guard access(directory, W_OK) == 0,
            let names = try? FileManager.default.contentsOfDirectory(atPath: directory)
        else { return result }
        let kept = Set(paths.map { (entryPath(for: $0) as NSString).lastPathComponent })
        var groups: [Substring: [String]] = [:]
        for name in names {
            guard let base = Self.entryBase(of: name) else { continue }
            if name.hasSuffix(".tmp") {
                if !Self.writerIsAlive(temporary: name), let size = remove(name) {
                    result.temporaries += 1
                    result.bytes += size
                }
            } else if !kept.contains(String(base)) {
                groups[base, default: []].append(name)
            }
        }
        for (base, members) in groups {
            let name = String(base)
            let hasEntry = members.contains(name)
            if hasEntry {
                guard isGone(entry: name) else { continue }
                result.entries += 1
            }
            for member in members {
                guard let size = remove(member) else { continue }
                result.bytes += size
                if !hasEntry { result.orphans += 1 }
            }
        }
        return result
    }

    /// The 16 hex digits an entry's file name starts with, when it is named as the cache names entries (the parse
    /// entry, `NAME.KIND` derived entries, their temporary files); `nil` for anything else.
    static func entryBase(of name: String) -> Substring? {
        let utf8 = name.utf8
        guard utf8.count >= 16 else { return nil }
        let end = utf8.index(utf8.startIndex, offsetBy: 16)
        guard utf8[..<end].allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }),
            end == utf8.endIndex || utf8[end] == UInt8(ascii: ".")
        else { return nil }
        return name[..<end]
    }

    /// Whether the writer of the temporary entry file `name` (`….PID.RANDOM.tmp`) is still running.
    static func writerIsAlive(temporary name: String) -> Bool {
        let parts = name.split(separator: ".")
        guard parts.count >= 4, let pid = Int32(parts[parts.count - 3]), pid > 0 else { return false }
        return kill(pid, 0) == 0 || errno == EPERM
    }

    /// Whether the parse entry `name` belongs to a catalog file that is gone: its recorded path, made absolute,
    /// hashes to `name` and names nothing on disk.
    private func isGone(entry name: String) -> Bool {
        guard let path = recordedPath(ofEntry: name),
            (entryPath(for: path) as NSString).lastPathComponent == name
        else { return false }
        var info = stat()
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        return lstat(absolute, &info) != 0 && (errno == ENOENT || errno == ENOTDIR)
    }

    /// The catalog file path recorded in the header of the parse entry `name`, without reading the rest of it.
    private func recordedPath(ofEntry name: String) -> String? {
        let fd = open((directory as NSString).appendingPathComponent(name), O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        // Any format version: the path is taken only when it hashes back to the entry's own name.
        guard let head = readBytes(fd, count: 44), head.prefix(6).elementsEqual(CatalogCacheEntry.magic.prefix(6))
        else { return nil }
        let length = head.withUnsafeBytes {
            Int(UInt32(littleEndian: $0.loadUnaligned(fromByteOffset: 40, as: UInt32.self)))
        }
        guard length > 0, length <= 1 << 16, let bytes = readBytes(fd, count: 44 + length) else { return nil }
        return String(validating: bytes[44...], as: UTF8.self)
    }

    /// Unlinks `name` in the cache folder when it is a regular file; its size, or `nil` when nothing was removed.
    private func remove(_ name: String) -> Int64? {
        let path = (directory as NSString).appendingPathComponent(name)
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, unlink(path) == 0 else { return nil }
        return Int64(info.st_size)
    }
}
