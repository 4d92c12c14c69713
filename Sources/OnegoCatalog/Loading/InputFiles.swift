import Foundation
public import OnegoBase
import OnegoXML

/// One file to load, and whether it was found by searching a folder (then other onego documents are skipped).
public struct InputFile: Sendable, Hashable {
    /// The file's path, as named or as found below a named folder.
    public var path: String
    /// Whether the file was found by searching a folder rather than named directly.
    public var fromFolder: Bool

    /// Creates an input file.
    public init(path: String, fromFolder: Bool) {
        self.path = path
        self.fromFolder = fromFolder
    }
}

/// Expands the paths a user names into the XML files to load; every onego loader (catalogs, matters, calendars)
/// uses it, so they all treat folders, links and missing paths alike.
public enum InputFiles {
    /// Files stay as named; folders are searched recursively for `*.xml` in name order (hidden entries skipped),
    /// following symbolic links but never the same folder twice. Missing paths, unreadable folders, symbolic-link
    /// loops and folders without XML are diagnosed.
    ///
    /// Only regular files are taken from folders: a FIFO, device or socket named `*.xml` there is an error, never
    /// opened (opening a FIFO blocks until something writes to it). A path named directly may also be a pipe or a
    /// character device (`/dev/stdin`, a shell's `<(…)`): the catalog loader reads it as a stream, other loaders
    /// refuse it (``XMLStreamParser/acceptsStreams``); sockets and block devices are refused here.
    public static func expand(_ paths: [String], diagnostics: inout [Diagnostic]) -> [InputFile] {
        var result: [InputFile] = []
        var seen = Set<String>()
        for path in paths {
            var info = stat()
            guard stat(path, &info) == 0 else {
                let message = SpecialFileKind.ioMessage(errno: errno)
                diagnostics.append(
                    Diagnostic(
                        .error, rule: .ioRead, message: message, at: SourceLocation(file: path, line: 0, column: 0)))
                continue
            }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                var visited = Set<FileIdentity>()
                let before = result.count
                walk(path, into: &result, visited: &visited, seen: &seen, diagnostics: &diagnostics)
                if result.count == before {
                    diagnostics.append(
                        Diagnostic(
                            .error, rule: .ioNoCatalog, message: "文件夹中没有 .xml 文件",
                            at: SourceLocation(file: path, line: 0, column: 0)))
                }
            } else if let kind = SpecialFileKind(mode: UInt32(info.st_mode)), !kind.isStream {
                diagnostics.append(kind.refusal(path: path, inFolder: false))
            } else if seen.insert(path).inserted {
                result.append(InputFile(path: path, fromFolder: false))
            }
        }
        return result
    }

    private struct FileIdentity: Hashable {
        var device: UInt64
        var inode: UInt64
    }

    private static func walk(
        _ directory: String, into result: inout [InputFile], visited: inout Set<FileIdentity>,
        seen: inout Set<String>, diagnostics: inout [Diagnostic]
    ) {
        var info = stat()
        guard stat(directory, &info) == 0 else { return }
        guard visited.insert(FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))).inserted else {
            return
        }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
        } catch {
            // Ask the system again for the cause (errno), which Foundation's error does not carry portably.
            let handle = opendir(directory)
            let code = errno
            if let handle { closedir(handle) }
            let cause = handle == nil ? SpecialFileKind.ioMessage(errno: code) : error.localizedDescription
            diagnostics.append(
                Diagnostic(
                    .error, rule: .ioRead, message: "无法列出文件夹内容：" + cause,
                    at: SourceLocation(file: directory, line: 0, column: 0)))
            return
        }
        for name in names where !name.hasPrefix(".") {
            let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            var entry = stat()
            guard stat(path, &entry) == 0 else {
                if errno == ELOOP {
                    diagnostics.append(
                        Diagnostic(
                            .error, rule: .ioRead, message: SpecialFileKind.ioMessage(errno: ELOOP) + "，已跳过",
                            at: SourceLocation(file: path, line: 0, column: 0)))
                }
                continue
            }
            if (entry.st_mode & S_IFMT) == S_IFDIR {
                walk(path, into: &result, visited: &visited, seen: &seen, diagnostics: &diagnostics)
            } else if name.lowercased().hasSuffix(".xml") {
                if let kind = SpecialFileKind(mode: UInt32(entry.st_mode)) {
                    diagnostics.append(kind.refusal(path: path, inFolder: true))
                } else if seen.insert(path).inserted {
                    result.append(InputFile(path: path, fromFolder: true))
                }
            }
        }
    }
}
