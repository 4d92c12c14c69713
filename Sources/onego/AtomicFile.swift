import Foundation
import OnegoExport

/// Writing command output files atomically (temporary file beside the target, then rename), never over an input.
///
/// Commands render their whole output to memory first and then call `AtomicFile.write`; a failure leaves the previous
/// file untouched and surfaces as a `CommandFailure` (exit 1) naming the path.
enum AtomicFile {
    /// Writes `text` to `path`, refusing a path that is one of `inputs` (or a catalog file inside an input folder).
    static func write(_ text: String, to path: String, protecting inputs: [String]) throws {
        try check(path, protecting: inputs)
        do {
            try AtomicWriter(protecting: inputs).write(text, to: path)
        } catch {
            throw CommandFailure(error.description)
        }
    }

    /// Writes `data` to `path`, with the same checks as ``write(_:to:protecting:)``.
    static func write(_ data: Data, to path: String, protecting inputs: [String]) throws {
        try check(path, protecting: inputs)
        do {
            try AtomicWriter(protecting: inputs).write(to: path) { sink throws(OutputError) in try sink.write(data) }
        } catch {
            throw CommandFailure(error.description)
        }
    }

    /// Checks before any work is done that `path` may be written, so a long export does not fail at the end.
    static func check(_ path: String, protecting inputs: [String]) throws {
        do {
            try AtomicWriter(protecting: inputs).checkWritable(path)
        } catch {
            throw CommandFailure(error.description)
        }
        try refuseInputFormats(path)
    }

    /// Reports, guides and notices are never XML or XSD, and every onego input is: refusing those extensions keeps an
    /// export from replacing a catalog, matter, calendar, synonym table, policy or schema that a command loaded
    /// implicitly (the matters beside the catalog, the shipped calendar …), not only the paths it was given.
    private static func refuseInputFormats(_ path: String) throws {
        let lowered = path.lowercased()
        if lowered.hasSuffix(".xml") || lowered.hasSuffix(".xsd") {
            throw CommandFailure("输出文件 \(path) 是 .xml/.xsd：onego 的报告和指南不会是 XML，这类路径只会是输入文件（目录、一件事、日历、政策等），已拒绝写入")
        }
    }
}
