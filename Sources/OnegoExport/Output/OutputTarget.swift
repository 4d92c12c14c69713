import Foundation
import OnegoBase

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

/// Where an output path leads, found by walking it one component at a time from an open folder: each symbolic link
/// is examined before it is followed (and refused when another user owns it), and the result is the open folder
/// that holds the final name, so the file is then created and renamed relative to that folder (`openat`,
/// `renameat`) and nobody can swap a folder or plant a link between the check and the write.
final class OutputTarget {
    /// What the final name is.
    enum Kind {
        /// A regular file to create or replace (`existing` is nil when there is none yet).
        case file(existing: stat?)
        /// A folder (only when the caller asked for one).
        case folder(existing: stat)
        /// A terminal, `/dev/null` or a named pipe: written in place, never replaced.
        case stream
        /// One of this process's open descriptors (`/dev/stdout`, `/dev/fd/N`, `/proc/self/fd/N`).
        case descriptor(Int32)
    }

    /// The open folder holding `name` (-1 for a descriptor).
    let folder: Int32
    /// The folder's absolute path, links resolved.
    let folderPath: String
    /// The final name in `folder`.
    let name: String
    let kind: Kind

    private init(folder: Int32, folderPath: String, name: String, kind: Kind) {
        self.folder = folder
        self.folderPath = folderPath
        self.name = name
        self.kind = kind
    }

    deinit { if folder >= 0 { close(folder) } }

    /// The absolute path of the final name.
    var realPath: String { (folderPath.hasSuffix("/") ? folderPath : folderPath + "/") + name }

    /// Walks `path`. A final folder is an error unless `allowingFolder`.
    static func resolve(_ path: String, allowingFolder: Bool = false) throws(OutputError) -> OutputTarget {
        guard !path.isEmpty, allowingFolder || !path.hasSuffix("/") else {
            throw OutputError(path: path, reason: .isDirectory)
        }
        if let descriptor = descriptorNumber(path) {
            return OutputTarget(folder: -1, folderPath: "", name: path, kind: .descriptor(descriptor))
        }
        var pending = components(path).reversed() as [String]
        var current = open(path.hasPrefix("/") ? "/" : ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard current >= 0 else {
            throw OutputError(path: path, reason: .cannotCreate(SystemCalls.describe(errno)))
        }
        var links = 0
        let folderText = path.parentPath
        func fail(_ reason: OutputError.Reason) -> OutputError {
            close(current)
            return OutputError(path: path, reason: reason)
        }
        while let name = pending.popLast() {
            let isLast = pending.isEmpty
            if name == "." && !isLast { continue }
            if isLast && (name == "." || name == "..") && !allowingFolder { throw fail(.isDirectory) }
            guard let info = SystemCalls.entry(name, in: current) else {
                let code = errno
                if code == ENOENT && isLast {
                    return OutputTarget(
                        folder: current, folderPath: SystemCalls.path(of: current, fallback: folderText), name: name,
                        kind: .file(existing: nil))
                }
                if code == ENOENT || code == ENOTDIR { throw fail(.missingFolder(folderText)) }
                throw fail(.cannotCreate(SystemCalls.describe(code)))
            }
            switch SystemCalls.type(info) {
            case S_IFLNK:
                links += 1
                guard links <= 40 else { throw fail(.tooManyLinks) }
                guard trusts(link: info, in: SystemCalls.status(current), isFinal: isLast) else {
                    let link = SystemCalls.path(of: current, fallback: folderText) + "/" + name
                    throw fail(.untrustedLink(link, owner: UInt32(info.st_uid)))
                }
                guard let text = SystemCalls.linkText(name, in: current), !text.isEmpty else {
                    throw fail(.cannotCreate(SystemCalls.describe(errno)))
                }
                if isLast, let descriptor = descriptorNumber(text) {
                    close(current)
                    return OutputTarget(folder: -1, folderPath: "", name: path, kind: .descriptor(descriptor))
                }
                if text.hasPrefix("/") {
                    close(current)
                    current = open("/", O_RDONLY | O_DIRECTORY | O_CLOEXEC)
                }
                pending.append(contentsOf: components(text).reversed())
            case S_IFDIR:
                if isLast {
                    guard allowingFolder else { throw fail(.isDirectory) }
                    return try finalFolder(name, in: current, info: info, path: path)
                }
                let next = openat(current, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
                guard next >= 0 else { throw fail(.cannotCreate(SystemCalls.describe(errno))) }
                close(current)
                current = next
            case let type:
                guard isLast else { throw fail(.missingFolder(folderText)) }
                let kind: Kind
                switch type {
                case S_IFREG: kind = .file(existing: info)
                case S_IFCHR, S_IFIFO: kind = .stream
                case S_IFSOCK: throw fail(.unsupportedFile("套接字（socket）"))
                case S_IFBLK: throw fail(.unsupportedFile("块设备"))
                default: throw fail(.unsupportedFile("特殊文件"))
                }
                return OutputTarget(
                    folder: current, folderPath: SystemCalls.path(of: current, fallback: folderText), name: name,
                    kind: kind)
            }
        }
        throw fail(.isDirectory)  // The path named the root folder.
    }

    /// A final folder `name` (possibly `.` or `..`): its parent is opened so the folder can be swapped.
    private static func finalFolder(_ name: String, in current: Int32, info: stat, path: String) throws(OutputError)
        -> OutputTarget
    {
        guard name == "." || name == ".." else {
            return OutputTarget(
                folder: current, folderPath: SystemCalls.path(of: current, fallback: path), name: name,
                kind: .folder(existing: info))
        }
        let itself = openat(current, name, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        close(current)
        guard itself >= 0 else { throw OutputError(path: path, reason: .cannotCreate(SystemCalls.describe(errno))) }
        let real = SystemCalls.path(of: itself, fallback: path)
        close(itself)
        guard real != "/" else { throw OutputError(path: path, reason: .foreignFolder) }
        return try resolve(real, allowingFolder: true)
    }

    /// A symbolic link may be followed when the user running onego or root owns it. A link in the middle of the path
    /// may also belong to its folder's owner, unless the folder is shared (sticky and world-writable), as in Linux's
    /// `fs.protected_symlinks`.
    static func trusts(link: stat, in folder: stat?, isFinal: Bool) -> Bool {
        if link.st_uid == geteuid() || link.st_uid == 0 { return true }
        guard !isFinal, let folder else { return false }
        let isShared = folder.st_mode & S_ISVTX != 0 && folder.st_mode & S_IWOTH != 0
        return !isShared && link.st_uid == folder.st_uid
    }

    /// The descriptor a path names directly: `/dev/stdout` 1, `/dev/stderr` 2, `/dev/fd/N`, `/proc/self/fd/N`.
    static func descriptorNumber(_ path: String) -> Int32? {
        switch path {
        case "/dev/stdout": return 1
        case "/dev/stderr": return 2
        default: break
        }
        for prefix in ["/dev/fd/", "/proc/self/fd/", "/proc/thread-self/fd/", "/proc/\(getpid())/fd/"]
        where path.hasPrefix(prefix) {
            return Int32(path.dropFirst(prefix.count))
        }
        return nil
    }

    /// Whether the existing regular file at the target is an XML document (every onego input is one; no report is).
    func holdsXML() -> Bool {
        let descriptor = openat(folder, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var buffer = [UInt8](repeating: 0, count: 1024)
        let count = read(descriptor, &buffer, buffer.count)
        guard count > 0 else { return false }
        var bytes = buffer[..<count]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        let text = String(decoding: bytes.drop { [0x20, 0x09, 0x0A, 0x0D].contains($0) }, as: UTF8.self)
        if text.hasPrefix("<?xml") { return true }
        let lowered = text.lowercased()
        guard text.hasPrefix("<"), !lowered.hasPrefix("<!doctype html"), !lowered.hasPrefix("<html") else {
            return false
        }
        return text.contains("xmlns")
    }

    private static func components(_ path: String) -> [String] {
        path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
    }
}
