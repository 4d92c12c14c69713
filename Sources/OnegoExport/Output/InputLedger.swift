import Foundation
import OnegoCatalog

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

/// The files and folders a run has read: the writers compare every output target with all of them.
///
/// The loading code records what it reads (the named catalog paths, and also what it finds on its own: the matters
/// beside the catalog, the synonym table, the calendars, policies, waivers and schemas); an output is refused when
/// its final target, after following symbolic links, is the same file (device and inode, so hard links count) as a
/// recorded file, or an XML/XSD file inside a recorded folder. The CLI records into ``shared``, which its output
/// writer always consults, so no command can forget an input.
public final class InputLedger: @unchecked Sendable {
    /// The ledger of this process.
    public static let shared = InputLedger()

    private let recorded = Locked<[Entry]>([])

    /// One recorded path.
    struct Entry {
        /// The path as recorded (shown in messages).
        var path: String
        /// Its absolute path with symbolic links resolved, or nil when it does not exist.
        var realPath: String?
        /// The device and inode of the file (or folder) it names.
        var identity: FileIdentity?
        var isFolder: Bool
    }

    /// A file's identity on this machine.
    struct FileIdentity: Hashable {
        var device: UInt64
        var inode: UInt64

        init(_ info: stat) {
            device = UInt64(info.st_dev)
            inode = UInt64(info.st_ino)
        }
    }

    /// Creates a ledger holding `paths`.
    public init(paths: [String] = []) {
        record(paths)
    }

    /// Records files or folders the run reads (folders: every XML and XSD file below them).
    public func record(_ paths: some Sequence<String>) {
        for path in paths { record(path) }
    }

    /// Records one file or folder the run reads.
    public func record(_ path: String) {
        guard !path.isEmpty else { return }
        var info = stat()
        let exists = stat(path, &info) == 0
        let entry = Entry(
            path: path, realPath: exists ? Self.realPath(path) : nil, identity: exists ? FileIdentity(info) : nil,
            isFolder: exists && SystemCalls.type(info) == S_IFDIR)
        recorded.withLock { $0.append(entry) }
    }

    /// The recorded paths, as recorded.
    public var paths: [String] {
        recorded.current.map(\.path)
    }

    /// Throws when `target` (the real path of the file to write, and what is there now) is one of the inputs.
    func check(realPath target: String, existing: stat?, as path: String) throws(OutputError) {
        let entries = recorded.current
        let identity = existing.map(FileIdentity.init)
        let isCatalogFormat = ["xml", "xsd"].contains((target as NSString).pathExtension.lowercased())
        var folderFiles: Set<FileIdentity>?
        for entry in entries {
            if let identity, entry.identity == identity {
                throw OutputError(path: path, reason: .isInput(entry.path))
            }
            guard let real = entry.realPath else { continue }
            if real == target { throw OutputError(path: path, reason: .isInput(entry.path)) }
            guard entry.isFolder else { continue }
            if isCatalogFormat, target.hasPrefix(real.hasSuffix("/") ? real : real + "/") {
                throw OutputError(path: path, reason: .insideInput(entry.path))
            }
            // A hard link elsewhere to a file inside an input folder is that file.
            if let identity, let existing, existing.st_nlink > 1 {
                if folderFiles == nil { folderFiles = Self.documents(below: entries.filter(\.isFolder)) }
                if folderFiles?.contains(identity) == true {
                    throw OutputError(path: path, reason: .isInput(entry.path))
                }
            }
        }
    }

    /// The identities of the XML and XSD files below `folders` (following links, each folder once).
    private static func documents(below folders: [Entry]) -> Set<FileIdentity> {
        var result = Set<FileIdentity>()
        var visited = Set<FileIdentity>()
        var pending = folders.compactMap(\.realPath)
        while let folder = pending.popLast() {
            var info = stat()
            guard stat(folder, &info) == 0, visited.insert(FileIdentity(info)).inserted else { continue }
            for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] {
                let path = folder + "/" + name
                guard stat(path, &info) == 0 else { continue }
                if SystemCalls.type(info) == S_IFDIR {
                    pending.append(path)
                } else if ["xml", "xsd"].contains((name as NSString).pathExtension.lowercased()) {
                    result.insert(FileIdentity(info))
                }
            }
        }
        return result
    }

    static func realPath(_ path: String) -> String? {
        guard let real = realpath(path, nil) else { return nil }
        defer { free(real) }
        return String(cString: real)
    }
}
