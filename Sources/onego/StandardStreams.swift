import Foundation
import OnegoExport

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The one place the CLI writes to standard output and standard error, with `write(2)` so a failure is an error
/// code and not a trap.
///
/// SIGPIPE is ignored (``prepare()``), so a closed pipe is `EPIPE`: the reader has gone (`onego rules | head -1`),
/// and the run ends quietly as a filter killed by SIGPIPE would (status 141), without a message. Any other failure
/// (`onego rules > /dev/full`) is reported once on standard error when that still works, temporary files are
/// removed, and the run exits with 74 (`EX_IOERR`).
enum StandardStreams {
    /// The exit status of a failed write (`EX_IOERR` in sysexits.h).
    static let ioErrorStatus: Int32 = 74

    /// Which stream.
    enum Stream: Int32 {
        case output = 1
        case error = 2

        var label: String { self == .output ? "标准输出" : "标准错误" }
    }

    /// Ignores SIGPIPE so that writes to a closed pipe fail with `EPIPE` instead of killing the process.
    static func prepare() {
        signal(SIGPIPE, SIG_IGN)
    }

    /// Writes `text` as UTF-8; ends the process on failure (see the type's description).
    static func write(_ text: String, to stream: Stream) {
        var text = text
        let failure = text.withUTF8 { buffer in
            DescriptorWriter.writeAll(stream.rawValue, UnsafeRawBufferPointer(buffer))
        }
        if failure != 0 { fail(stream, code: failure) }
    }

    /// Writes UTF-8 bytes rendered in memory (a report); ends the process on failure like ``write(_:to:)``.
    static func write(bytes: [UInt8], to stream: Stream) {
        let failure = bytes.withUnsafeBytes { buffer in DescriptorWriter.writeAll(stream.rawValue, buffer) }
        if failure != 0 { fail(stream, code: failure) }
    }

    /// Writes a part of a document written as it is made; ends the process on failure like ``write(_:to:)``.
    static func write(bytes: UnsafeRawBufferPointer, to stream: Stream) {
        let failure = DescriptorWriter.writeAll(stream.rawValue, bytes)
        if failure != 0 { fail(stream, code: failure) }
    }

    /// Writes raw bytes (already UTF-8, possibly cut mid-character by a caller's buffering); ends the process on
    /// failure like ``write(_:to:)``.
    static func write(bytes: Data, to stream: Stream) {
        let failure = bytes.withUnsafeBytes { buffer in DescriptorWriter.writeAll(stream.rawValue, buffer) }
        if failure != 0 { fail(stream, code: failure) }
    }

    /// Ends the process with `status` (the C library's `exit`, which flushes nothing onego still needs).
    static func terminate(_ status: Int32) -> Never {
        exit(status)
    }

    private static func fail(_ stream: Stream, code: Int32) -> Never {
        TemporaryFiles.removeAll()
        if code == EPIPE {
            // As if SIGPIPE had not been ignored: the conventional, silent end of a filter whose reader left.
            exit(128 + SIGPIPE)
        }
        if stream == .output {
            let message = "onego: 错误: 无法写入\(stream.label)（\(String(cString: strerror(code)))），输出不完整\n"
            _ = message.utf8CString.withUnsafeBytes { bytes in
                DescriptorWriter.writeAll(Stream.error.rawValue, UnsafeRawBufferPointer(rebasing: bytes.dropLast()))
            }
        }
        exit(ioErrorStatus)
    }
}
