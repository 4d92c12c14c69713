import ArgumentParser
import Foundation
import OnegoBase

/// Writing to standard output and standard error (through ``StandardStreams``, which handles write errors).
enum Terminal {
    /// Writes a line (a final newline is added when missing) to standard output.
    static func out(_ text: String) {
        StandardStreams.write(text.utf8.last == UInt8(ascii: "\n") ? text : text + "\n", to: .output)
    }

    /// Writes a line (a final newline is added when missing) to standard error.
    static func err(_ text: String) {
        StandardStreams.write(text.hasSuffix("\n") ? text : text + "\n", to: .error)
    }

    /// Writes `text` to standard error as it is (a prompt, a progress line redrawn in place).
    static func errRaw(_ text: String) {
        StandardStreams.write(text, to: .error)
    }

    /// Prints diagnostics in compiler form, one per line, with related locations as notes.
    static func print(_ diagnostics: [Diagnostic]) {
        var text = ""
        for diagnostic in diagnostics {
            text += diagnostic.description + "\n"
            for related in diagnostic.related {
                text += "\(related): 提示: 首次定义于此\n"
            }
        }
        if !text.isEmpty { err(text) }
    }

    /// Encodes a value as pretty, key-sorted JSON.
    static func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}

/// Output formats for machine-readable results.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}
