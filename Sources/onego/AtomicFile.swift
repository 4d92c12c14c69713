import OnegoExport

/// Writing command output files atomically (temporary file beside the target, then rename), never over an input.
///
/// Commands render their whole output to memory first and then call `AtomicFile.write`; a failure leaves the previous
/// file untouched and surfaces as a `CommandFailure` (exit 1) naming the path.
enum AtomicFile {
    /// Writes `text` to `path`, refusing a path that is one of `inputs` (or a catalog file inside an input folder).
    static func write(_ text: String, to path: String, protecting inputs: [String]) throws {
        do {
            try AtomicWriter(protecting: inputs).write(text, to: path)
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
    }
}
