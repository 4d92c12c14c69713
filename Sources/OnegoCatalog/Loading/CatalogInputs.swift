import Foundation
import OnegoXML

/// One file to load, and whether it was found by searching a folder (then other onego documents are skipped).
struct CatalogInput: Sendable, Hashable {
    var path: String
    var fromFolder: Bool
}

/// Expands the paths a user names into the XML files to load.
enum CatalogInputs {
    /// Files stay as named; folders are searched recursively for `*.xml` in name order, following symbolic links
    /// but never the same folder twice. Missing paths, unreadable folders and folders without XML are diagnosed.
    static func expand(_ paths: [String], diagnostics: inout [Diagnostic]) -> [CatalogInput] {
        var result: [CatalogInput] = []
        var seen = Set<String>()
        for path in paths {
            var info = stat()
            guard stat(path, &info) == 0 else {
                let code = errno
                let message: String
                switch code {
                case ELOOP: message = "符号链接形成循环，无法打开"
                case EACCES: message = "没有访问该路径的权限"
                default: message = "路径不存在"
                }
                diagnostics.append(
                    Diagnostic(.error, rule: "io.read", message: message, at: SourceLocation(file: path, line: 0, column: 0)))
                continue
            }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                var visited = Set<FileIdentity>()
                let before = result.count
                walk(path, into: &result, visited: &visited, seen: &seen, diagnostics: &diagnostics)
                if result.count == before {
                    diagnostics.append(
                        Diagnostic(
                            .error, rule: "io.no-catalog", message: "目录中没有 .xml 文件",
                            at: SourceLocation(file: path, line: 0, column: 0)))
                }
            } else if seen.insert(path).inserted {
                result.append(CatalogInput(path: path, fromFolder: false))
            }
        }
        return result
    }

    private struct FileIdentity: Hashable {
        var device: UInt64
        var inode: UInt64
    }

    private static func walk(
        _ directory: String, into result: inout [CatalogInput], visited: inout Set<FileIdentity>,
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
            diagnostics.append(
                Diagnostic(
                    .error, rule: "io.read", message: "无法列出目录内容",
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
                            .error, rule: "io.read", message: "符号链接形成循环，已跳过",
                            at: SourceLocation(file: path, line: 0, column: 0)))
                }
                continue
            }
            if (entry.st_mode & S_IFMT) == S_IFDIR {
                walk(path, into: &result, visited: &visited, seen: &seen, diagnostics: &diagnostics)
            } else if name.lowercased().hasSuffix(".xml"), seen.insert(path).inserted {
                result.append(CatalogInput(path: path, fromFolder: true))
            }
        }
    }
}
