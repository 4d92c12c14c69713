import OnegoBase

#if canImport(Glibc)
    internal import Glibc
#elseif canImport(Darwin)
    internal import Darwin
#endif

/// Messages for files that cannot be read at all.
enum FileProblem {
    static func diagnostic(errno code: Int32, path: String) -> Diagnostic {
        Diagnostic(
            .error, rule: .ioRead, message: message(errno: code),
            at: SourceLocation(file: path, line: 0, column: 0))
    }

    /// The Chinese explanation of a failed open or read, followed by the system's own words (errno text).
    static func message(errno code: Int32) -> String {
        let explanation: String
        switch code {
        case ENOENT: explanation = "文件不存在"
        case EACCES, EPERM: explanation = "没有读取该文件的权限"
        case EISDIR: explanation = "这是一个文件夹，不是 XML 文件"
        case ELOOP: explanation = "符号链接形成循环，无法打开"
        case ENXIO: explanation = "无法打开（可能是套接字或没有写入方的设备）"
        default: explanation = "无法读取文件"
        }
        return "\(explanation)（\(String(cString: strerror(code)))）"
    }

    /// A file over the size cap: its size when `stat` knew it, else (a pipe, a growing file) found while reading.
    static func tooLarge(path: String, bytes: Int64?, limit: Int64) -> Diagnostic {
        let message =
            bytes.map { "文件大小 \($0) 字节超过上限 \(limit) 字节" }
            ?? "读取的内容超过上限 \(limit) 字节（管道或正在增长的文件），已停止读取"
        return Diagnostic(
            .error, rule: .xmlLimitFileSize, message: message + "；可用 --max-file-size 调整上限",
            at: SourceLocation(file: path, line: 0, column: 0))
    }

    static func emptyFile(path: String) -> Diagnostic {
        Diagnostic(
            .error, rule: .xmlEmpty, message: "文件为空（0 字节），不是 XML 目录文件",
            at: SourceLocation(file: path, line: 0, column: 0))
    }
}
