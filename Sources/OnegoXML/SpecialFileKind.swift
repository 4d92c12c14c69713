public import OnegoBase

#if canImport(Glibc)
    internal import Glibc
#elseif canImport(Darwin)
    internal import Darwin
#endif

/// A file that is not a regular file or a folder: what `stat` says it is, and why onego will not read it as a
/// document in a given place.
public enum SpecialFileKind: Sendable, Hashable {
    /// A named pipe: opening it blocks until another process writes to it.
    case fifo
    /// A character device such as `/dev/zero` or a terminal.
    case characterDevice
    /// A block device such as a disk.
    case blockDevice
    /// A Unix-domain socket.
    case socket
    /// Anything else that is neither a regular file nor a folder.
    case other

    /// The kind of a file whose `st_mode` is `mode`, or `nil` for regular files and folders.
    public init?(mode: UInt32) {
        switch mode & UInt32(S_IFMT) {
        case UInt32(S_IFREG), UInt32(S_IFDIR): return nil
        case UInt32(S_IFIFO): self = .fifo
        case UInt32(S_IFCHR): self = .characterDevice
        case UInt32(S_IFBLK): self = .blockDevice
        case UInt32(S_IFSOCK): self = .socket
        default: self = .other
        }
    }

    /// Whether it can be read as a stream when named directly (pipes and character devices, as `cat` reads them).
    public var isStream: Bool { self == .fifo || self == .characterDevice }

    /// The Chinese name of the kind.
    public var label: String {
        switch self {
        case .fifo: "命名管道（FIFO）"
        case .characterDevice: "字符设备"
        case .blockDevice: "块设备"
        case .socket: "套接字（socket）"
        case .other: "特殊文件"
        }
    }

    /// The error for a special file met where a document was expected: in a searched folder (never opened), or
    /// named directly.
    public func refusal(path: String, inFolder: Bool) -> Diagnostic {
        let message =
            inFolder
            ? "这是\(label)，不是普通文件：文件夹中只读取普通的 .xml 文件，已跳过（打开管道会一直等待写入方）"
            : "这是\(label)，不是普通文件，无法作为 XML 文档读取"
        return Diagnostic(
            .error, rule: .ioNotRegularFile, message: message, at: SourceLocation(file: path, line: 0, column: 0))
    }

    /// The Chinese explanation of a failed `open`, `stat` or `read` with errno `code`, followed by the system's own
    /// words (`strerror`), for `io.*` diagnostics.
    public static func ioMessage(errno code: Int32) -> String { FileProblem.message(errno: code) }
}
