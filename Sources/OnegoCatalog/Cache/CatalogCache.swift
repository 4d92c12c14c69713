import Dispatch
import Foundation
import OnegoBase

/// The per-file cache of parsed catalog files kept in a workspace's `.onego-cache/` folder.
///
/// Officers re-validate after every edit; with a cache, ``CatalogLoader`` parses only the files that changed and
/// decodes the others' items *and diagnostics* from their entries. An entry is used only when everything that
/// decides a file's outcome matches: the file's path, size and XXH64 content hash (not read again while the file's
/// size, times and inode are those recorded and older than the hash), the onego build (version and the
/// executable's identity), the catalog schema's hash and the loader's limits. Every entry also carries a checksum of
/// its own bytes; a stale, foreign, truncated or damaged entry is ignored and rewritten, never trusted.
///
/// Entries are encoded and written on a background queue while the load goes on, each to a temporary file renamed
/// into place, so a reader sees a whole entry or none, and
/// concurrent runs are safe (the last rename wins; both wrote the same result). Nothing is written when the
/// catalog folder is read-only: the load then parses as without a cache and ``note`` says so once.
///
/// ```swift
/// var loader = try CatalogLoader.validating()
/// loader.cache = CatalogCache.beside(["Catalogs/yunxi"])
/// let result = loader.load(paths: ["Catalogs/yunxi"])   // parses only what changed since the last run
/// ```
public final class CatalogCache: @unchecked Sendable {
    /// The cache folder's name.
    public static let folderName = ".onego-cache"

    /// The cache folder.
    public let directory: String
    private let state = Locked(State())

    /// What the loads so far recorded.
    private struct State {
        var hits: [String] = []
        var parsed: [String] = []
        var hashed: [String] = []
        var reuses: [ItemReuse] = []
        var wholeParses: [String] = []
        var outcomes: [String: UInt64] = [:]
        var carryOvers: [String: ItemCarryOver] = [:]
        var writeState: WriteState = .unknown
        var firstNote: String?
    }

    private enum WriteState { case unknown, writable, readOnly }

    /// Encodes and writes entries one after another beside the load, so parsing never waits for them.
    private let writer = DispatchQueue(label: "onego.cache.writer", qos: .utility)
    private let pendingWrites = DispatchGroup()

    /// A cache kept in `directory` (created when the first entry is written).
    public init(directory: String) { self.directory = directory }

    /// The cache for a command's catalog paths: `.onego-cache` in the first path when it is a folder, else beside
    /// the first file; `nil` for no paths or standard input.
    public static func beside(_ paths: [String]) -> CatalogCache? {
        guard let first = paths.first, first != "-", !first.hasPrefix("/dev/") else { return nil }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: first, isDirectory: &isFolder) else { return nil }
        let folder = isFolder.boolValue ? first : first.parentPath
        return CatalogCache(directory: ((folder.isEmpty ? "." : folder) as NSString).appendingPathComponent(folderName))
    }

    /// The files whose outcome came from the cache in the loads so far, in the order they finished.
    public var hitPaths: [String] { state.withLock { $0.hits } }
    /// The files that were parsed (absent, stale or damaged entries) in the loads so far.
    public var parsedPaths: [String] { state.withLock { $0.parsed } }
    /// The files whose content was hashed to check their entry (their stamp differed from the entry's, or they
    /// changed in the clock tick of its hash) in the loads so far.
    public var hashedPaths: [String] { state.withLock { $0.hashed } }
    /// The edited files whose unchanged items came from their entries in the loads so far (each also in
    /// ``parsedPaths``), with how many items were reused and how many parsed.
    public var reuses: [ItemReuse] { state.withLock { $0.reuses } }
    /// The edited files whose entries recorded their items but were parsed whole all the same (the head of the file
    /// changed, nothing matched, or the parse of the changed items could not vouch for an exact result).
    public var wholeParsePaths: [String] { state.withLock { $0.wholeParses } }
    /// A digest of the outcome the loads so far took for the catalog file `path` (as the load named it): of the
    /// loader's settings (build, schema, code profile, limits) and the content the outcome belongs to, so equal
    /// digests mean equal items, locations and diagnostics. Known once the file's entry is read or written (after
    /// ``CatalogLoader/load(paths:)`` returns); `nil` for a file whose outcome could not be tied to one content
    /// (it changed while it was parsed, or nothing could be written).
    public func outcomeDigest(for path: String) -> UInt64? { state.withLock { $0.outcomes[path] } }

    /// Forgets the outcome digest and the carry-over of `path` (a load is about to take a new outcome for it, which
    /// may not be tied to one content: an earlier load's digest and items must not stand for it).
    func forgetOutcome(_ path: String) {
        state.withLock {
            $0.outcomes.removeValue(forKey: path)
            $0.carryOvers.removeValue(forKey: path)
        }
    }

    /// Records that `path`'s outcome belongs to `content` read under the loader settings `settings`.
    func recordOutcome(_ path: String, settings: UInt64, content: ContentKey) {
        let digest = Self.outcomeDigest(path: path, settings: settings, content: content)
        state.withLock { $0.outcomes[path] = digest }
    }

    /// The outcome digest of `path` read as `content` under the loader settings `settings`.
    static func outcomeDigest(path: String, settings: UInt64, content: ContentKey) -> UInt64 {
        let digest = XXHash64.hash(Array("outcome \(settings) \(content.hash) \(content.size)".utf8))
        return ContentDigest.of(text: path, seed: digest)
    }

    /// Which items of the edited file `path` the last load took unchanged, at the same lines, from the file's entry
    /// (``ItemCarryOver``); `nil` when it took none that way (or parsed the file whole, or decoded it whole).
    public func carryOver(for path: String) -> ItemCarryOver? { state.withLock { $0.carryOvers[path] } }

    /// Records the carry-over of `path`.
    func recordCarryOver(_ carryOver: ItemCarryOver, for path: String) {
        state.withLock { $0.carryOvers[path] = carryOver }
    }

    /// Why nothing could be written (a read-only catalog folder), once; `nil` when writing worked or was not tried.
    public var note: String? { state.withLock { $0.firstNote } }

    /// Runs `work` (encoding and storing one entry) on the cache's writer.
    func write(_ work: @escaping @Sendable () -> Void) { writer.async(group: pendingWrites, execute: work) }

    /// Waits until every entry handed to the writer is stored (``CatalogLoader/load(paths:)`` calls this before it
    /// returns, so a process that exits after a load leaves no entry unwritten).
    public func waitForWrites() { pendingWrites.wait() }

    func recordHit(_ path: String) { state.withLock { $0.hits.append(path) } }
    func recordParse(_ path: String) { state.withLock { $0.parsed.append(path) } }
    func recordHash(_ path: String) { state.withLock { $0.hashed.append(path) } }
    func recordReuse(_ reuse: ItemReuse) { state.withLock { $0.reuses.append(reuse) } }
    func recordWholeParse(_ path: String) { state.withLock { $0.wholeParses.append(path) } }

    /// Whether entries may be written: the folder holding the cache is writable and the cache folder exists or
    /// could be created (with a `.gitignore` so the workspace's repository leaves it out).
    func prepareForWriting() -> Bool {
        state.withLock { state in
            if state.writeState == .unknown {
                state.writeState = makeWritable(note: &state.firstNote) ? .writable : .readOnly
            }
            return state.writeState == .writable
        }
    }

    /// Checks or creates the cache folder (once, under the state's lock, so two threads never race to create it);
    /// sets `note` to why nothing can be written.
    private func makeWritable(note firstNote: inout String?) -> Bool {
        let parent = directory.parentPath
        guard access(parent.isEmpty ? "." : parent, W_OK) == 0 else {
            firstNote = "目录文件夹 \(parent) 只读，未写入校验缓存"
            return false
        }
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: directory, isDirectory: &isFolder) {
            guard isFolder.boolValue, access(directory, W_OK) == 0 else {
                firstNote = "\(directory) 不是可写的文件夹，未写入校验缓存"
                return false
            }
            return true
        }
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: false)
            try Data("# onego's parse cache (safe to delete)\n*\n".utf8).write(
                to: URL(fileURLWithPath: (directory as NSString).appendingPathComponent(".gitignore")))
            return true
        } catch {
            // Another run may have created it at the same moment.
            if FileManager.default.fileExists(atPath: directory, isDirectory: &isFolder), isFolder.boolValue {
                return access(directory, W_OK) == 0
            }
            firstNote = "无法创建校验缓存文件夹 \(directory)，未写入缓存"
            return false
        }
    }

    /// The filesystem's current time (ns) as its timestamps show it: the modification time of `.clock` in the
    /// cache folder, just touched; `nil` when it cannot be written. Read before a file is hashed, it tells a later
    /// load whether the file's stamp could still change within the same timestamp tick (coarse timestamps: 1 s
    /// on some filesystems, 2 s on FAT) without the stamp showing it.
    func clockTick() -> Int64? {
        let fd = open((directory as NSString).appendingPathComponent(".clock"), O_WRONLY | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard futimens(fd, nil) == 0, fstat(fd, &info) == 0 else { return nil }
        return Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
    }

    /// Where the entry for the catalog file `path` lives: one entry per file (by absolute path), replaced when the
    /// file changes, so the cache never grows beyond one entry per catalog file.
    func entryPath(for path: String) -> String {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        let key = Array(absolute.utf8).withUnsafeBytes { XXHash64.hash($0) }
        let name = String(key, radix: 16)
        return (directory as NSString).appendingPathComponent(String(repeating: "0", count: 16 - name.count) + name)
    }
}

/// The items of an edited file that a cached load took from the file's earlier entry byte for byte at the same lines
/// (``CatalogCache/carryOver(for:)``): each equals the earlier item, location included, so whatever a later stage
/// worked out from the earlier item alone (kept under the earlier outcome) holds for it.
public struct ItemCarryOver: Sendable, Hashable {
    /// The outcome digest of the earlier entry's content (``CatalogCache/outcomeDigest(for:)`` as it was then).
    public var earlierOutcome: UInt64
    /// For each item of the new outcome, in order, the index of the earlier item it equals, or `nil` for an item
    /// parsed or moved to other lines.
    public var earlierItems: [Int?]
    /// The lines of each earlier item, in order.
    public var earlierLines: [ClosedRange<Int>]
}

/// How much of an edited file a cached load took from its entry (``CatalogCache/reuses``).
public struct ItemReuse: Sendable, Hashable {
    /// The file.
    public var path: String
    /// Its items taken from the entry, their locations moved to where they are now.
    public var reusedItems: Int
    /// Its items parsed (changed, inserted or moved to another column).
    public var parsedItems: Int
}
