import ArgumentParser
import Foundation
import OnegoXML

/// Writing to standard output and standard error.
enum Terminal {
    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data((text.utf8.last == UInt8(ascii: "\n") ? text : text + "\n").utf8))
    }

    static func err(_ text: String) {
        FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
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
