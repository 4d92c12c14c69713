import Foundation

#if canImport(Glibc)
    // ZIPFoundation (linked into this module for Office files) makes `stat` resolve through CoreFoundation.
    import CoreFoundation
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
    public func write(_ files: [(path: String, text: String)], to path: String) throws(OutputError) {
        let lock = try OutputLock.acquire(path)
        defer { lock.release() }
        try write(files, to: path, holding: lock)
    }

    /// Writes `files` as the folder `path` while the caller holds its lock (taken before the run read its inputs).
    public func write(
        _ files: [(path: String, text: String)], to path: String, holding lock: OutputLock
    ) throws(OutputError) {
        let target = try checked(path)
        TemporaryFiles.removeLeftovers(of: target.name, in: target.folder, folderPath: target.folderPath)
        let temporary = TemporaryFiles.name(for: target.name, suffix: "tmp")
        let registered = target.folderPath + "/" + temporary
        try TemporaryFiles.create(registered, isFolder: true, for: path) { () throws(OutputError) in
            guard mkdirat(target.folder, temporary, 0o755) == 0 else {
                throw OutputError(path: path, reason: .cannotCreate(SystemCalls.describe(errno)))
            }
        }
        do throws(OutputError) {
            let builder = try FolderBuilder(name: temporary, in: target.folder, path: path)
            for file in files {
                try TemporaryFiles.withoutInterruption(path: path) { () throws(OutputError) in
                    try builder.add(file.path, text: file.text)
                }
            }
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

/// Creates the files of a new folder relative to its open descriptor (`mkdirat`, `openat` with
/// `O_CREAT|O_EXCL|O_NOFOLLOW`), so nothing is written outside it, and nothing at all once it has been removed.
private final class FolderBuilder {
    private var folders: [String: Int32] = [:]
    private let path: String

    init(name: String, in parent: Int32, path: String) throws(OutputError) {
        self.path = path
        let descriptor = openat(parent, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw OutputError(path: path, reason: .cannotCreate(SystemCalls.describe(errno)))
        }
        folders[""] = descriptor
    }

    deinit { for descriptor in folders.values { close(descriptor) } }

    func add(_ relative: String, text: String) throws(OutputError) {
        let parts = relative.split(separator: "/").map(String.init)
        guard !relative.hasPrefix("/"), let name = parts.last, !parts.contains(".."), !parts.contains(".") else {
            throw OutputError(path: path, reason: .aborted("非法的相对路径 \(relative)"))
        }
        let folder = try open(parts.dropLast())
        let descriptor = openat(folder, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode_t(0o644))
        guard descriptor >= 0 else {
            throw OutputError(path: path, reason: .cannotWrite("\(relative)：\(SystemCalls.describe(errno))"))
        }
        defer { close(descriptor) }
        let failure = Data(text.utf8).withUnsafeBytes { SystemCalls.writeAll(descriptor, $0) }
        guard failure == 0 else {
            throw OutputError(path: path, reason: .cannotWrite("\(relative)：\(SystemCalls.describe(failure))"))
        }
        guard fsync(descriptor) == 0 else {
            throw OutputError(path: path, reason: .cannotWrite("\(relative)：\(SystemCalls.describe(errno))"))
        }
    }

    /// Flushes the folders themselves.
    func finish() throws(OutputError) {
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
