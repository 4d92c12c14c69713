import Foundation

#if canImport(Glibc)
    // ZIPFoundation (linked into this module for Office files) makes `stat` resolve through CoreFoundation.
    import CoreFoundation
    import CDispatch  // owns `struct stat` here once the module links OnegoSearch
    import Glibc
    // Which clang module `struct stat` is attributed to depends on the order modules load in a compile job; when
    // Dispatch's C module loads first, MemberImportVisibility asks for it (`st_mode … defining module 'CDispatch'`),
    // e.g. as soon as the module gains a file and the batches change.
    #if canImport(CDispatch)
        import CDispatch
    #endif
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The raw POSIX calls the output writers make, under one name on every platform. Every other file of the output
/// layer goes through these, so a platform difference is handled in one place.
enum SystemCalls {
    /// The text of an `errno` value.
    static func describe(_ code: Int32) -> String { String(cString: strerror(code)) }

    /// Writes all of `bytes` to `descriptor`, retrying after signals and short writes; returns 0 or the `errno`.
    static func writeAll(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> Int32 {
        guard let base = bytes.baseAddress else { return 0 }
        var offset = 0
        while offset < bytes.count {
            #if canImport(Glibc)
                let written = Glibc.write(descriptor, base + offset, bytes.count - offset)
            #elseif canImport(Musl)
                let written = Musl.write(descriptor, base + offset, bytes.count - offset)
            #else
                let written = Darwin.write(descriptor, base + offset, bytes.count - offset)
            #endif
            if written < 0 {
                if errno == EINTR { continue }
                return errno
            }
            offset += written
        }
        return 0
    }

    /// `fstatat(folder, name, AT_SYMLINK_NOFOLLOW)`: what `name` is, without following a final link; nil and
    /// `errno` set when it cannot be examined.
    static func entry(_ name: String, in folder: Int32) -> stat? {
        var info = stat()
        return fstatat(folder, name, &info, AT_SYMLINK_NOFOLLOW) == 0 ? info : nil
    }

    /// `fstat(descriptor)`.
    static func status(_ descriptor: Int32) -> stat? {
        var info = stat()
        return fstat(descriptor, &info) == 0 ? info : nil
    }

    /// The text of the symbolic link `name` in `folder` (`readlinkat`).
    static func linkText(_ name: String, in folder: Int32) -> String? {
        var buffer = [UInt8](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = buffer.withUnsafeMutableBytes { bytes -> Int in
            guard let base = bytes.baseAddress?.assumingMemoryBound(to: CChar.self) else { return -1 }
            return readlinkat(folder, name, base, bytes.count - 1)
        }
        guard count >= 0 else { return nil }
        return String(decoding: buffer[..<count], as: UTF8.self)
    }

    /// The absolute path of the folder open as `descriptor` (symbolic links resolved), or `fallback`.
    static func path(of descriptor: Int32, fallback: String) -> String {
        #if canImport(Darwin)
            var buffer = [CChar](repeating: 0, count: Int(MAXPATHLEN))
            if fcntl(descriptor, F_GETPATH, &buffer) == 0 { return String(cString: buffer) }
        #else
            if let text = linkText("/proc/self/fd/\(descriptor)", in: AT_FDCWD), text.hasPrefix("/") { return text }
        #endif
        return fallback
    }

    /// The file type bits of a `stat`.
    static func type(_ info: stat) -> mode_t { info.st_mode & S_IFMT }

    /// The size in bytes of what `info` describes.
    static func size(_ info: stat) -> Int { Int(info.st_size) }

    /// `renameat2(…, RENAME_EXCHANGE)`: swaps two names in one step. Returns 0, or the `errno`; `ENOSYS` when the C
    /// library has no `renameat2` (Darwin, old glibc, musl before 1.2.?), `EINVAL` when the file system cannot.
    ///
    /// Looked up with `dlsym` because Swift cannot call the variadic `syscall(2)` and the Glibc module does not
    /// export `renameat2` (it needs `_GNU_SOURCE`). The corresponding Linux call is `renameat2(2)`.
    static func exchange(_ first: String, _ second: String, in folder: Int32) -> Int32 {
        guard let function = renameat2 else { return ENOSYS }
        return function(folder, first, folder, second, 2 /* RENAME_EXCHANGE */) == 0 ? 0 : errno
    }

    /// `renameat2(…, RENAME_NOREPLACE)`, else a plain `renameat` when the flag is not available.
    static func renameNoReplace(_ from: String, _ to: String, in folder: Int32) -> Int32 {
        if let function = renameat2 {
            if function(folder, from, folder, to, 1 /* RENAME_NOREPLACE */) == 0 { return 0 }
            if errno != EINVAL && errno != ENOSYS { return errno }
        }
        if entry(to, in: folder) != nil { return EEXIST }
        return renameat(folder, from, folder, to) == 0 ? 0 : errno
    }

    private typealias RenameAt2 =
        @convention(c) (
            Int32, UnsafePointer<CChar>?, Int32, UnsafePointer<CChar>?, UInt32
        ) -> Int32

    private static let renameat2: RenameAt2? = {
        #if os(Linux)
            guard let handle = dlopen(nil, RTLD_NOW), let symbol = dlsym(handle, "renameat2") else { return nil }
            return unsafeBitCast(symbol, to: RenameAt2.self)
        #else
            return nil
        #endif
    }()

    /// Flushes the whole file system holding `descriptor` in one call (`syncfs(2)`, looked up with `dlsym` like
    /// `renameat2`); where there is none, falls back to `fsync` of the descriptor. Returns 0 or an error number.
    static func syncFileSystem(_ descriptor: Int32) -> Int32 {
        if let function = syncfs { return function(descriptor) == 0 ? 0 : errno }
        return fsync(descriptor) == 0 ? 0 : errno
    }

    private typealias SyncFS = @convention(c) (Int32) -> Int32

    private static let syncfs: SyncFS? = {
        #if os(Linux)
            guard let handle = dlopen(nil, RTLD_NOW), let symbol = dlsym(handle, "syncfs") else { return nil }
            return unsafeBitCast(symbol, to: SyncFS.self)
        #else
            return nil
        #endif
    }()
}
