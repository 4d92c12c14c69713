public import Foundation

#if canImport(Glibc)
    // ZIPFoundation (linked into this module for Office files) makes `stat` resolve through CoreFoundation.
    import CoreFoundation
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes output files so that no reader ever sees a partial file: the bytes go to a temporary file in the target's
/// folder, are flushed to disk, and the temporary file is then renamed over the target in one step.
///
/// A failure at any point (the body throws, the disk is full, the folder is missing) removes the temporary file and
/// leaves whatever was at the target before untouched. The writer also refuses a target that is one of the command's
/// inputs, so an export can never overwrite the catalog it was made from. The corresponding POSIX calls are
/// `open(O_CREAT|O_EXCL)`, `write`, `fsync` and `rename`.
public struct AtomicWriter: Sendable {
    /// The files and folders the command read; the target may be none of them nor a catalog file inside them.
    public var inputs: [String]

    /// Creates a writer that protects `inputs`.
    public init(protecting inputs: [String] = []) {
        self.inputs = inputs
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
        let target = try resolvedTarget(path)
        try checkNotAnInput(target, as: path)
        Self.removeLeftovers(of: target)
        let folder = (target as NSString).deletingLastPathComponent
        let name = (target as NSString).lastPathComponent
        let temporary = folder + "/." + name + ".onego-" + String(UInt32.random(in: .min ... .max), radix: 16) + ".tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode_t(0o644))
        guard descriptor >= 0 else {
            throw OutputError(path: path, reason: .cannotCreate(String(cString: strerror(errno))))
        }
        var sink = AtomicSink(descriptor: descriptor, path: path)
        var closed = false
        do throws(OutputError) {
            // Keep the permissions of a file being replaced.
            var info = stat()
            if stat(target, &info) == 0 { _ = fchmod(descriptor, info.st_mode & 0o7777) }
            try body(&sink)
            guard fsync(descriptor) == 0 else {
                throw OutputError(path: path, reason: .cannotWrite(String(cString: strerror(errno))))
            }
            closed = true
            guard close(descriptor) == 0 else {
                throw OutputError(path: path, reason: .cannotWrite(String(cString: strerror(errno))))
            }
            guard rename(temporary, target) == 0 else {
                throw OutputError(path: path, reason: .cannotRename(String(cString: strerror(errno))))
            }
        } catch {
            if !closed { _ = close(descriptor) }
            _ = unlink(temporary)
            throw error
        }
    }

    /// Checks that `path` could be written (its folder exists, it is not a folder, it is not an input) without
    /// touching anything.
    public func checkWritable(_ path: String) throws(OutputError) {
        try checkNotAnInput(try resolvedTarget(path), as: path)
    }

    /// The absolute target path with symbolic links in its folder (and the file itself, when it is a link) resolved,
    /// so that writing through a link replaces the file it points to.
    func resolvedTarget(_ path: String) throws(OutputError) -> String {
        guard !path.isEmpty, !path.hasSuffix("/") else { throw OutputError(path: path, reason: .isDirectory) }
        let absolute = Self.canonical(path)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: absolute, isDirectory: &isDirectory), isDirectory.boolValue {
            throw OutputError(path: path, reason: .isDirectory)
        }
        let folder = (absolute as NSString).deletingLastPathComponent
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw OutputError(path: path, reason: .missingFolder(folder))
        }
        return absolute
    }

    func checkNotAnInput(_ target: String, as path: String) throws(OutputError) {
        for input in inputs {
            let resolved = Self.canonical(input)
            if resolved == target { throw OutputError(path: path, reason: .isInput(input)) }
            var isDirectory: ObjCBool = false
            let isFolder =
                FileManager.default.fileExists(atPath: resolved, isDirectory: &isDirectory)
                && isDirectory.boolValue
            let ext = (target as NSString).pathExtension.lowercased()
            if isFolder, target.hasPrefix(resolved + "/"), ext == "xml" || ext == "xsd" {
                throw OutputError(path: path, reason: .insideInput(input))
            }
        }
    }

    /// Removes temporary files or folders an earlier run left beside `target` when it was killed mid-write
    /// (`.NAME.onego-RANDOM.tmp`, `.NAME.onego-RANDOM.old`), so an interrupted export leaves nothing behind for long.
    static func removeLeftovers(of target: String) {
        let folder = (target as NSString).deletingLastPathComponent
        let prefix = "." + (target as NSString).lastPathComponent + ".onego-"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        for name in names where name.hasPrefix(prefix) && (name.hasSuffix(".tmp") || name.hasSuffix(".old")) {
            try? FileManager.default.removeItem(atPath: folder + "/" + name)
        }
    }

    /// An absolute path with `.`/`..` removed and symbolic links resolved as far as they exist.
    static func canonical(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        if let real = realpath(absolute, nil) {
            defer { free(real) }
            return String(cString: real)
        }
        // The file does not exist yet: resolve its folder.
        let folder = (absolute as NSString).deletingLastPathComponent
        let name = (absolute as NSString).lastPathComponent
        if let real = realpath(folder, nil) {
            defer { free(real) }
            return String(cString: real) + "/" + name
        }
        return (absolute as NSString).standardizingPath
    }
}

/// Where an `AtomicWriter` body writes its bytes: the open temporary file.
public struct AtomicSink: ~Copyable {
    let descriptor: Int32
    let path: String

    /// Appends bytes to the temporary file.
    public mutating func write(_ data: Data) throws(OutputError) {
        var failure: Int32 = 0
        data.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count {
                let written = systemWrite(descriptor, base + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                offset += written
            }
        }
        if failure != 0 { throw OutputError(path: path, reason: .cannotWrite(String(cString: strerror(failure)))) }
    }

    /// Appends UTF-8 text.
    public mutating func write(_ text: String) throws(OutputError) { try write(Data(text.utf8)) }
}

/// Why an output file could not be written. The target is left as it was.
public struct OutputError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The path as the user gave it.
    public var path: String
    /// What went wrong.
    public var reason: Reason

    /// Creates an error.
    public init(path: String, reason: Reason) {
        self.path = path
        self.reason = reason
    }

    /// The kinds of failure.
    public enum Reason: Sendable, Hashable {
        /// The target is one of the command's inputs.
        case isInput(String)
        /// The target is a catalog-format file inside an input folder.
        case insideInput(String)
        /// The target is a folder.
        case isDirectory
        /// The target's folder does not exist.
        case missingFolder(String)
        /// The temporary file could not be created.
        case cannotCreate(String)
        /// Writing or flushing failed.
        case cannotWrite(String)
        /// The final rename failed.
        case cannotRename(String)
        /// The export itself failed before anything was written.
        case aborted(String)
        /// The target of a folder output exists and is a file.
        case notAFolder
        /// The target folder exists, is not empty and was not written by onego.
        case foreignFolder
    }

    /// The text users read.
    public var description: String {
        switch reason {
        case .isInput(let input):
            "\(path): 错误: 输出位置与输入 \(input) 重合，为保护原始数据拒绝覆盖；请换一个输出路径"
        case .insideInput(let input):
            "\(path): 错误: 输出文件位于输入文件夹 \(input) 中且为目录文件格式，会被当作输入读取；请换一个输出路径"
        case .isDirectory: "\(path): 错误: 输出路径是文件夹，请给出文件名"
        case .missingFolder(let folder): "\(path): 错误: 输出文件夹 \(folder) 不存在"
        case .cannotCreate(let why): "\(path): 错误: 无法创建临时文件（\(why)），原文件未改动"
        case .cannotWrite(let why): "\(path): 错误: 写入失败（\(why)），原文件未改动"
        case .cannotRename(let why): "\(path): 错误: 无法替换目标文件（\(why)），原文件未改动"
        case .aborted(let why): "\(path): 错误: 导出中止（\(why)），原文件未改动"
        case .notAFolder: "\(path): 错误: 输出位置已有同名文件，不是文件夹"
        case .foreignFolder:
            "\(path): 错误: 输出文件夹已存在且不是 onego 生成的，为免误删拒绝替换；请指定新文件夹或清空它"
        }
    }
}

/// The POSIX `write` call under one name on every platform.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
        Glibc.write(descriptor, bytes, count)
    #elseif canImport(Musl)
        Musl.write(descriptor, bytes, count)
    #else
        Darwin.write(descriptor, bytes, count)
    #endif
}
