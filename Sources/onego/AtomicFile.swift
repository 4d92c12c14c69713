import Foundation
import OnegoCatalog
import OnegoExport

/// Writing command output files atomically (temporary file beside the target, then rename), never over an input.
///
/// Commands render their whole output to memory first and then call `AtomicFile.write`; a failure leaves the previous
/// file untouched and surfaces as a `CommandFailure` (exit 1) naming the path. The inputs protected are everything
/// the loading code recorded in `InputLedger.shared` (`CatalogOptions`, `MatterInputs`, `CalendarLoading` and the audit's
/// policy and waiver loading record what they read, the implicitly found files included), so a command cannot forget one.
enum AtomicFile {
    /// Writes `text` to `path`, refusing a path that is, after following links, one of the run's inputs.
    static func write(_ text: String, to path: String) throws {
        do {
            try writer.write(text, to: path)
        } catch {
            throw CommandFailure(error)
        }
    }

    /// Writes `data` (a workbook, a Word file) to `path` with the same checks as ``write(_:to:)``, `inputs` recorded
    /// first as ``check(_:protecting:)`` does.
    static func write(_ data: Data, to path: String, protecting inputs: [String]) throws {
        try check(path, protecting: inputs)
        do {
            try writer.write(to: path) { sink throws(OutputError) in try sink.write(data) }
        } catch {
            throw CommandFailure(error)
        }
    }

    /// Checks before any work is done that `path` may be written, so a long export does not fail at the end;
    /// `inputs` are the paths the command was given, recorded now (what it finds later is recorded as it loads).
    static func check(_ path: String, protecting inputs: [String]) throws {
        InputLedger.shared.record(inputs)
        do {
            try writer.checkWritable(path)
        } catch {
            throw CommandFailure(error)
        }
        try refuseInputFormats(path)
    }

    private static var writer: AtomicWriter {
        var writer = AtomicWriter(protecting: InputLedger.shared)
        writer.refusesCatalogFormats = true
        return writer
    }

    /// Reports, guides and notices are never XML or XSD, and every onego input is: refusing those extensions (here as
    /// typed, and in the writer after links are followed) keeps an export from replacing any input.
    private static func refuseInputFormats(_ path: String) throws {
        let lowered = path.lowercased()
        if lowered.hasSuffix(".xml") || lowered.hasSuffix(".xsd") {
            throw CommandFailure(
                "输出文件 \(path) 是 .xml/.xsd：onego 的报告和指南不会是 XML，这类路径只会是输入文件（目录、一件事、日历、政策等），已拒绝写入",
                code: .cliOutputLooksLikeInput)
        }
    }
}
