public import Foundation

#if canImport(Glibc)
    // ZIPFoundation (linked into this module for Office files) makes `stat` resolve through CoreFoundation.
    import CoreFoundation
    import CDispatch  // owns `struct stat` here once the module links OnegoSearch
    import Glibc
    #if canImport(CDispatch)
        import CDispatch  // `struct stat` may be attributed to it (see SystemCalls.swift)
    #endif
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes output files so that no reader ever sees a partial file: the bytes go to a temporary file in the target's
/// folder, are flushed to disk, and the temporary file is then renamed over the target in one step.
///
/// The target is found by ``OutputTarget``'s walk: symbolic links are followed only when the user running onego
/// (or root) owns them, and the final file is then created and renamed relative to its open folder (`openat` with
/// `O_CREAT|O_EXCL|O_NOFOLLOW`, `renameat`). A terminal, `/dev/null`, a named pipe or `/dev/stdout` is written in
/// place as a stream; a socket or a folder is refused. The writer refuses a target that is one of the run's inputs
/// (same device and inode, or an XML file inside an input folder) and never replaces an existing XML document.
///
/// A failure at any point (the body throws, the disk is full, the folder is missing) removes the temporary file and
/// leaves whatever was at the target before untouched. Temporary names carry the process id, so runs writing the
/// same target at once all succeed and the last rename wins.
public struct AtomicWriter: Sendable {
    /// What the run has read; the target may be none of it.
    public var inputs: InputLedger
    /// Whether a target whose real path ends in `.xml` or `.xsd` is refused (the CLI's reports never are XML).
    public var refusesCatalogFormats = false
    /// Whether an existing XML document may be replaced: only for a save the user confirmed after seeing the
    /// difference (the workbench's matter author); the CLI's outputs never replace one.
    public var replacesDocuments = false

    /// Creates a writer that protects `inputs`.
    public init(protecting inputs: [String] = []) {
        self.inputs = InputLedger(paths: inputs)
    }

    /// Creates a writer that protects everything recorded in `ledger`.
    public init(protecting ledger: InputLedger) {
        self.inputs = ledger
    }

    /// Writes `text` as UTF-8 to `path` atomically.
    public func write(_ text: String, to path: String) throws(OutputError) {
        try write(to: path) { sink throws(OutputError) in try sink.write(Data(text.utf8)) }
    }

    /// Writes whatever `body` hands to the sink, then moves the result into place at `path`.
    ///
    /// If `body` throws, nothing is renamed and the temporary file is removed.
    public func write(
        to path: String, _ body: (inout AtomicSink) throws(OutputError) -> Void
    ) throws(OutputError) {
        let target = try prepared(path)
        switch target.kind {
        case .descriptor(let descriptor):
            var sink = AtomicSink(descriptor: descriptor, path: path)
            try body(&sink)
        case .stream:
            try writeStream(target, path: path, body)
        case .file(let existing):
            try replace(target, existing: existing, path: path, body)
        case .folder:
            throw OutputError(path: path, reason: .isDirectory)
        }
    }

    /// Checks that `path` could be written (its folder exists, it is not a folder, a socket or an input, no link on
    /// the way belongs to another user) without touching anything.
    public func checkWritable(_ path: String) throws(OutputError) {
        _ = try prepared(path)
    }

    private func prepared(_ path: String) throws(OutputError) -> OutputTarget {
        let target = try OutputTarget.resolve(path)
        if case .file(let existing) = target.kind {
            try inputs.check(realPath: target.realPath, existing: existing, as: path)
            if refusesCatalogFormats, ["xml", "xsd"].contains((target.name as NSString).pathExtension.lowercased()) {
                throw OutputError(path: path, reason: .catalogFormat(target.realPath))
            }
            if existing != nil, !replacesDocuments, target.holdsXML() {
                throw OutputError(path: path, reason: .looksLikeInput(target.realPath))
            }
        }
        return target
    }

    /// A device or named pipe: opened for writing where it is (no temporary file, no rename).
    private func writeStream(
        _ target: OutputTarget, path: String, _ body: (inout AtomicSink) throws(OutputError) -> Void
    ) throws(OutputError) {
        let descriptor = openat(target.folder, target.name, O_WRONLY | O_NOFOLLOW | O_NOCTTY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw OutputError(path: path, reason: .cannotWrite(SystemCalls.describe(errno)))
        }
        defer { close(descriptor) }
        // The name could have been swapped since the walk: write only to what was checked.
        guard let info = SystemCalls.status(descriptor),
            [S_IFCHR, S_IFIFO].contains(SystemCalls.type(info))
        else { throw OutputError(path: path, reason: .unsupportedFile("被替换的文件")) }
        var sink = AtomicSink(descriptor: descriptor, path: path)
        try body(&sink)
    }

    /// A regular file: a temporary file in the same open folder, flushed, then renamed over the name.
    private func replace(
        _ target: OutputTarget, existing: stat?, path: String,
        _ body: (inout AtomicSink) throws(OutputError) -> Void
    ) throws(OutputError) {
        TemporaryFiles.removeLeftovers(of: target.name, in: target.folder, folderPath: target.folderPath)
        let temporary = TemporaryFiles.name(for: target.name, suffix: "tmp")
        let registered = target.folderPath + "/" + temporary
        let descriptor = try TemporaryFiles.create(registered, isFolder: false, for: path) { () throws(OutputError) in
            let descriptor = openat(
                target.folder, temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode_t(0o644))
            guard descriptor >= 0 else {
                throw OutputError(path: path, reason: .cannotCreate(SystemCalls.describe(errno)))
            }
            return descriptor
        }
        var closed = false
        do throws(OutputError) {
            // Keep the permissions of a file being replaced, and its owner when root replaces someone's file, except in
            // a shared folder, where a file planted in advance would otherwise hand root's output to its planter.
            if let existing {
                let folder = SystemCalls.status(target.folder)
                let isShared = folder.map { $0.st_mode & S_ISVTX != 0 && $0.st_mode & S_IWOTH != 0 } ?? true
                if geteuid() == 0, !isShared { _ = fchown(descriptor, existing.st_uid, existing.st_gid) }
                _ = fchmod(descriptor, existing.st_mode & 0o7777)
            }
            var sink = AtomicSink(descriptor: descriptor, path: path)
            try body(&sink)
            guard fsync(descriptor) == 0 else {
                throw OutputError(path: path, reason: .cannotWrite(SystemCalls.describe(errno)))
            }
            closed = true
            guard close(descriptor) == 0 else {
                throw OutputError(path: path, reason: .cannotWrite(SystemCalls.describe(errno)))
            }
            try TemporaryFiles.withoutInterruption(path: path) { () throws(OutputError) in
                guard renameat(target.folder, temporary, target.folder, target.name) == 0 else {
                    throw OutputError(path: path, reason: .cannotRename(SystemCalls.describe(errno)))
                }
            }
            TemporaryFiles.unregister(registered)
        } catch {
            if !closed { _ = close(descriptor) }
            _ = unlinkat(target.folder, temporary, 0)
            TemporaryFiles.unregister(registered)
            throw error
        }
    }
}

/// Where an `AtomicWriter` body writes its bytes: the open temporary file (or the stream).
public struct AtomicSink: ~Copyable {
    let descriptor: Int32
    let path: String

    /// Appends bytes.
    public mutating func write(_ data: Data) throws(OutputError) {
        let failure = data.withUnsafeBytes { SystemCalls.writeAll(descriptor, $0) }
        if failure != 0 { throw OutputError(path: path, reason: .cannotWrite(SystemCalls.describe(failure))) }
    }

    /// Appends UTF-8 text.
    public mutating func write(_ text: String) throws(OutputError) { try write(Data(text.utf8)) }
}
