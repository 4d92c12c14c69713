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

    /// The version of the JSON documents the commands print (`schemaVersion`, documented in README); it grows when a
    /// key changes meaning or goes away, not when one is added.
    static let schemaVersion = 1

    /// Encodes an object-shaped value as pretty, key-sorted JSON with a `schemaVersion` key beside its own.
    static func versionedJSON(_ value: some Encodable) throws -> String {
        try json(Versioned(value: value))
    }

    /// Encodes a list as `{"schemaVersion": 1, "<key>": [...]}`.
    static func versionedJSON(_ list: [some Encodable], key: String) throws -> String {
        try json(VersionedList(key: key, list: list))
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

/// A keyed value with `schemaVersion` added to its keys.
private struct Versioned<Value: Encodable>: Encodable {
    var value: Value

    func encode(to encoder: any Encoder) throws {
        try value.encode(to: encoder)
        var container = encoder.container(keyedBy: VersionKey.self)
        try container.encode(Terminal.schemaVersion, forKey: VersionKey(stringValue: "schemaVersion"))
    }
}

/// A list under one key, beside `schemaVersion`.
private struct VersionedList<Element: Encodable>: Encodable {
    var key: String
    var list: [Element]

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: VersionKey.self)
        try container.encode(Terminal.schemaVersion, forKey: VersionKey(stringValue: "schemaVersion"))
        try container.encode(list, forKey: VersionKey(stringValue: key))
    }
}

private struct VersionKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
