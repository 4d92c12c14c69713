import Foundation

#if canImport(Glibc)
    // ZIPFoundation (linked into this module for Office files) makes `stat` resolve through CoreFoundation.
    import CoreFoundation
    import CDispatch  // owns `struct stat` here once the module links OnegoSearch
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes a whole folder of output (the handbook site) so that readers see either the old folder or the complete
/// new one, never neither: every file goes into a fresh temporary folder beside the target, which is then swapped
/// with the target in one step (`renameat2(RENAME_EXCHANGE)`).
///
/// Where the kernel or file system has no exchange (not Linux, Linux before 3.15, some network file systems), the
/// swap falls back to two renames (target → `.NAME.onego-PID-….old`, temporary → target); a run killed between
/// them leaves the old site under the `.old` name, and the next run puts it back before it starts. Writes hold an
/// ``OutputLock`` so concurrent runs take turns. A failure, SIGINT or SIGTERM removes the temporary folder and
/// leaves the old one as it was.
///
/// An existing target is replaced only when it is empty or was written by onego (it holds `marker`), so a typo in
/// `--out` cannot wipe someone's folder; it may not be, contain, or lie inside one of the command's inputs.
public struct AtomicDirectory: Sendable {
    /// What the run has read.
    public var inputs: InputLedger
    /// The name of the file that marks a folder as onego output.
    public var marker: String

    /// Creates a writer protecting `inputs`.
    public init(protecting inputs: [String] = [], marker: String) {
        self.init(protecting: InputLedger(paths: inputs), marker: marker)
    }

    /// Creates a writer protecting everything recorded in `ledger`.
    public init(protecting ledger: InputLedger, marker: String) {
        self.inputs = ledger
        self.marker = marker
    }

    /// Checks that `path` may be written, without touching anything.
    public func check(_ path: String) throws(OutputError) {
        _ = try checked(path)
    }

    private func checked(_ path: String) throws(OutputError) -> OutputTarget {
        let target = try OutputTarget.resolve(path, allowingFolder: true)
        let real = target.realPath
        for input in inputs.paths {
            let resolved = InputLedger.realPath(input) ?? AtomicDirectory.absolute(input)
            if resolved == real || resolved.hasPrefix(real + "/") || real.hasPrefix(resolved + "/") {
                throw OutputError(path: path, reason: .isInput(input))
            }
        }
        switch target.kind {
        case .folder:
            let contents = (try? FileManager.default.contentsOfDirectory(atPath: real)) ?? []
            if !contents.isEmpty, !contents.contains(marker) {
                throw OutputError(path: path, reason: .foreignFolder)
            }
        case .file(existing: .none): break
        default: throw OutputError(path: path, reason: .notAFolder)
        }
        return target
    }

    /// Writes `files` (relative path → text) as the folder `path`, replacing an earlier onego output there; takes the
    /// folder's lock for the duration.
    @discardableResult
    public func write(_ files: [(path: String, text: String)], to path: String) throws(OutputError)
        -> FolderWriteSummary
    {
        let lock = try OutputLock.acquire(path)
        defer { lock.release() }
        return try write(files, to: path, holding: lock)
    }

    /// Writes `files` as the folder `path` while the caller holds its lock (taken before the run read its inputs).
    ///
    /// A file whose bytes equal the same file of the folder being replaced is not written again: the new folder
    /// gets a hard link to the old file (same inode, same modification time), so only changed pages are rewritten.
    /// Nothing is flushed file by file (on ext4 each `fsync` costs milliseconds); the file system is synced once
    /// (`syncfs`) before the swap. `progress` is called with the files done so far and the total.
    @discardableResult
    public func write(
        _ files: [(path: String, text: String)], to path: String, holding lock: OutputLock,
        progress: ((Int, Int) -> Void)? = nil
    ) throws(OutputError) -> FolderWriteSummary {
        try write(files.map { FolderFile(path: $0.path, text: $0.text) }, to: path, holding: lock, progress: progress)
    }

    /// Writes `files` as the folder `path` while the caller holds its lock, as above; a file without text keeps
    /// the replaced folder's file of that path (linked, never read), and the write fails if there is none. Once
    /// every file is in place, `trailer` (if any) is given what each file looks like on disk and returns one more
    /// file to write (the handbook site's manifest).
    @discardableResult
    public func write(
        _ files: [FolderFile], to path: String, holding lock: OutputLock, progress: ((Int, Int) -> Void)? = nil,
        trailer: (([String: FileStamp]) -> FolderFile)? = nil
    ) throws(OutputError) -> FolderWriteSummary {
        let target = try checked(path)
        TemporaryFiles.removeLeftovers(of: target.name, in: target.folder, folderPath: target.folderPath)
        let temporary = TemporaryFiles.name(for: target.name, suffix: "tmp")
        let registered = target.folderPath + "/" + temporary
        try TemporaryFiles.create(registered, isFolder: true, for: path) { () throws(OutputError) in
            guard mkdirat(target.folder, temporary, 0o755) == 0 else {
                throw OutputError(path: path, reason: .cannotCreate(SystemCalls.describe(errno)))
            }
        }
        var summary = FolderWriteSummary()
        do throws(OutputError) {
            let builder = try FolderBuilder(name: temporary, in: target.folder, path: path, previous: target.name)
            var stamps: [String: FileStamp] = [:]
            stamps.reserveCapacity(trailer == nil ? 0 : files.count)
            func add(_ file: FolderFile) throws(OutputError) {
                let result = try TemporaryFiles.withoutInterruption(path: path) { () throws(OutputError) in
                    try builder.add(file.path, text: file.text)
                }
                if result.linked { summary.unchanged += 1 } else { summary.written += 1 }
                if trailer != nil { stamps[file.path] = result.stamp }
            }
            for (done, file) in files.enumerated() {
                try add(file)
                if let progress, done % 256 == 255 || done == files.count - 1 { progress(done + 1, files.count) }
            }
            if let trailer { try add(trailer(stamps)) }
            try builder.finish()
            try TemporaryFiles.withoutInterruption(path: path) { () throws(OutputError) in
                try swap(temporary, into: target, path: path)
            }
            _ = fsync(target.folder)
        } catch {
            try? FileManager.default.removeItem(atPath: registered)
            TemporaryFiles.unregister(registered)
            throw error
        }
        // `temporary` now holds the previous site (or nothing).
        try? FileManager.default.removeItem(atPath: registered)
        TemporaryFiles.unregister(registered)
        return summary
    }

    /// Puts the folder `temporary` in place of `target.name`, leaving the previous folder (if any) at `temporary`.
    private func swap(_ temporary: String, into target: OutputTarget, path: String) throws(OutputError) {
        guard SystemCalls.entry(target.name, in: target.folder) != nil else {
            let code = SystemCalls.renameNoReplace(temporary, target.name, in: target.folder)
            guard code == 0 else { throw OutputError(path: path, reason: .cannotRename(SystemCalls.describe(code))) }
            return
        }
        let code = SystemCalls.exchange(temporary, target.name, in: target.folder)
        if code == 0 { return }
        guard code == ENOSYS || code == EINVAL || code == ENOTSUP else {
            throw OutputError(path: path, reason: .cannotRename(SystemCalls.describe(code)))
        }
        // No exchange here: two renames, the old folder parked under a name the next run restores if need be.
        let old = TemporaryFiles.name(for: target.name, suffix: "old")
        guard renameat(target.folder, target.name, target.folder, old) == 0 else {
            throw OutputError(path: path, reason: .cannotRename(SystemCalls.describe(errno)))
        }
        guard renameat(target.folder, temporary, target.folder, target.name) == 0 else {
            let reason = SystemCalls.describe(errno)
            _ = renameat(target.folder, old, target.folder, target.name)
            throw OutputError(path: path, reason: .cannotRename(reason))
        }
        _ = renameat(target.folder, old, target.folder, temporary)
    }

    static func absolute(_ path: String) -> String {
        let full = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        return (full as NSString).standardizingPath
    }
}

/// One file of a folder write: its path relative to the folder and its text, or no text to keep the replaced
/// folder's file.
public struct FolderFile: Sendable, Hashable {
    /// The path relative to the folder, e.g. `items/CODE.html`.
    public var path: String
    /// The file's text; nil keeps the file of the same path in the folder being replaced.
    public var text: String?

    /// Creates a file.
    public init(path: String, text: String?) {
        self.path = path
        self.text = text
    }
}

/// What a written file looks like on disk (size, modification time in nanoseconds, inode): a later run that finds
/// the same stamp knows the file was not touched since (a hard link keeps all three; an edit changes the time).
public struct FileStamp: Sendable, Hashable {
    /// The size in bytes.
    public var size: Int64
    /// The modification time, nanoseconds since 1970.
    public var modified: Int64
    /// The inode number.
    public var inode: UInt64

    /// Creates a stamp.
    public init(size: Int64, modified: Int64, inode: UInt64) {
        self.size = size
        self.modified = modified
        self.inode = inode
    }

    /// The stamp of the regular file at `path` (not following a final symbolic link); nil for anything else.
    public init?(path: String) {
        var info = stat()
        guard lstat(path, &info) == 0, SystemCalls.type(info) == S_IFREG else { return nil }
        self.init(info)
    }

    init(_ info: stat) {
        size = Int64(info.st_size)
        modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        inode = UInt64(info.st_ino)
    }
}

/// How many files a folder write wrote and how many it kept from the folder it replaced.
public struct FolderWriteSummary: Sendable, Hashable {
    /// Files written (new or changed).
    public var written = 0
    /// Files identical to the replaced folder's, linked rather than written.
    public var unchanged = 0

    /// Creates a summary.
    public init(written: Int = 0, unchanged: Int = 0) {
        self.written = written
        self.unchanged = unchanged
    }
}

/// Creates the files of a new folder relative to its open descriptor (`mkdirat`, `openat` with
/// `O_CREAT|O_EXCL|O_NOFOLLOW`), so nothing is written outside it, and nothing at all once it has been removed.
/// A file equal to the same path in the previous folder is hard-linked from there instead of written.
private final class FolderBuilder {
    private var folders: [String: Int32] = [:]
    private var previousFolders: [String: Int32] = [:]
    private let path: String

    init(name: String, in parent: Int32, path: String, previous: String? = nil) throws(OutputError) {
        self.path = path
        let descriptor = openat(parent, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw OutputError(path: path, reason: .cannotCreate(SystemCalls.describe(errno)))
        }
        folders[""] = descriptor
        if let previous {
            let old = openat(parent, previous, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            if old >= 0 { previousFolders[""] = old }
        }
    }

    deinit {
        for descriptor in folders.values { close(descriptor) }
        for descriptor in previousFolders.values where descriptor >= 0 { close(descriptor) }
    }

    /// Adds one file; tells whether it was linked from the previous folder (unchanged or kept) rather than written,
    /// and how the new file looks on disk. Without text, the previous folder's file is linked or the add fails.
    func add(_ relative: String, text: String?) throws(OutputError) -> (linked: Bool, stamp: FileStamp?) {
        let parts = relative.split(separator: "/").map(String.init)
        guard !relative.hasPrefix("/"), let name = parts.last, !parts.contains(".."), !parts.contains(".") else {
            throw OutputError(path: path, reason: .aborted("非法的相对路径 \(relative)"))
        }
        let folder = try open(parts.dropLast())
        guard var text else {
            guard let old = previous(parts.dropLast()), linkat(old, name, folder, name, 0) == 0 else {
                throw OutputError(path: path, reason: .cannotWrite("\(relative)：原文件已不在（请重新运行）"))
            }
            return (true, SystemCalls.entry(name, in: folder).map(FileStamp.init))
        }
        if let old = previous(parts.dropLast()), Self.holds(old, name, text: &text),
            linkat(old, name, folder, name, 0) == 0
        {
            return (true, SystemCalls.entry(name, in: folder).map(FileStamp.init))
        }
        let descriptor = openat(folder, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode_t(0o644))
        guard descriptor >= 0 else {
            throw OutputError(path: path, reason: .cannotWrite("\(relative)：\(SystemCalls.describe(errno))"))
        }
        defer { close(descriptor) }
        let failure = text.withUTF8 { SystemCalls.writeAll(descriptor, UnsafeRawBufferPointer($0)) }
        guard failure == 0 else {
            throw OutputError(path: path, reason: .cannotWrite("\(relative)：\(SystemCalls.describe(failure))"))
        }
        return (false, SystemCalls.status(descriptor).map(FileStamp.init))
    }

    /// Whether the regular file `name` in `folder` holds exactly `text`'s bytes.
    private static func holds(_ folder: Int32, _ name: String, text: inout String) -> Bool {
        let descriptor = openat(folder, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        guard let info = SystemCalls.status(descriptor), SystemCalls.type(info) == S_IFREG else { return false }
        return text.withUTF8 { bytes -> Bool in
            guard SystemCalls.size(info) == bytes.count else { return false }
            var buffer = [UInt8](repeating: 0, count: 65536)
            var offset = 0
            while offset < bytes.count {
                let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
                guard count > 0, offset + count <= bytes.count else { return false }
                let same = buffer.withUnsafeBytes { chunk -> Bool in
                    guard let old = chunk.baseAddress, let new = bytes.baseAddress else { return false }
                    return memcmp(old, new + offset, count) == 0
                }
                guard same else { return false }
                offset += count
            }
            return true
        }
    }

    /// The previous folder's sub-folder, if it has one.
    private func previous(_ parts: ArraySlice<String>) -> Int32? {
        let key = parts.map { "/" + $0 }.joined()
        if parts.isEmpty { return previousFolders[""] }
        if let known = previousFolders[key] { return known >= 0 ? known : nil }
        guard let parent = previous(parts.dropLast()), let last = parts.last else {
            previousFolders[key] = -1
            return nil
        }
        let descriptor = openat(parent, last, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        previousFolders[key] = descriptor
        return descriptor >= 0 ? descriptor : nil
    }

    /// Flushes the folders themselves.
    func finish() throws(OutputError) {
        if let root = folders[""] {
            let failure = SystemCalls.syncFileSystem(root)
            guard failure == 0 else {
                throw OutputError(path: path, reason: .cannotWrite(SystemCalls.describe(failure)))
            }
        }
        for descriptor in folders.values where fsync(descriptor) != 0 {
            throw OutputError(path: path, reason: .cannotWrite(SystemCalls.describe(errno)))
        }
    }

    /// The open descriptor of a sub-folder, created on first use.
    private func open(_ parts: ArraySlice<String>) throws(OutputError) -> Int32 {
        var key = ""
        guard var current = folders[""] else { throw OutputError(path: path, reason: .interrupted) }
        for part in parts {
            key += "/" + part
            if let known = folders[key] {
                current = known
                continue
            }
            if mkdirat(current, part, 0o755) != 0 && errno != EEXIST {
                throw OutputError(path: path, reason: .cannotWrite("\(key)：\(SystemCalls.describe(errno))"))
            }
            let next = openat(current, part, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            guard next >= 0 else {
                throw OutputError(path: path, reason: .cannotWrite("\(key)：\(SystemCalls.describe(errno))"))
            }
            folders[key] = next
            current = next
        }
        return current
    }
}
