import Foundation
import OnegoBase

extension SearchHit {
    /// The JSON text of `hits` byte for byte as the command line writes it (`JSONEncoder` with `.prettyPrinted`,
    /// `.sortedKeys` and `.withoutEscapingSlashes`), built directly: a page of hits is written in a few microseconds,
    /// where the encoder takes about ten times as long. A score the direct path does not format (not a plain decimal)
    /// falls back to the encoder.
    ///
    /// ```swift
    /// let text = SearchHit.jsonText(index.search("营业执照", limit: 20))
    /// ```
    public static func jsonText(_ hits: [SearchHit]) -> String {
        var writer = HitJSONWriter()
        guard writer.write(hits) else {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            return (try? encoder.encode(hits)).map { String(decoding: $0, as: UTF8.self) } ?? "[\n\n]"
        }
        return String(decoding: writer.bytes, as: UTF8.self)
    }
}

/// Writes hits in `JSONEncoder`'s pretty, sorted-key layout: two spaces per level, `" : "` between key and value,
/// keys in order (`code`, `department` when present, `kind`, `matched`, `name`, `score`), an empty array as `[`, an
/// empty line and `]`.
private struct HitJSONWriter {
    var bytes: [UInt8] = []

    /// Writes the array; false when a score needs the encoder's own formatting.
    mutating func write(_ hits: [SearchHit]) -> Bool {
        bytes.reserveCapacity(64 + hits.count * 320)
        guard !hits.isEmpty else {
            append("[\n\n]")
            return true
        }
        append("[\n")
        for (position, hit) in hits.enumerated() {
            guard let score = Self.number(hit.score) else { return false }
            append("  {\n    \"code\" : ")
            string(hit.code)
            if let department = hit.department {
                append(",\n    \"department\" : ")
                string(department)
            }
            append(",\n    \"kind\" : ")
            string(hit.kind.rawValue)
            append(",\n    \"matched\" : [\n")
            if hit.matched.isEmpty { append("\n") }
            for (index, label) in hit.matched.enumerated() {
                append("      ")
                string(label)
                append(index + 1 < hit.matched.count ? ",\n" : "\n")
            }
            append("    ],\n    \"name\" : ")
            string(hit.name)
            append(",\n    \"score\" : ")
            append(score)
            append(position + 1 < hits.count ? "\n  },\n" : "\n  }\n")
        }
        append("]")
        return true
    }

    /// A score as the encoder writes it: integral values without a fraction, others in Swift's shortest form; nil
    /// for values the encoder writes otherwise (exponents, infinities, negative zero).
    static func number(_ value: Double) -> String? {
        guard value.isFinite, value >= 0, value < 1e15, !(value == 0 && value.sign == .minus) else { return nil }
        if value == value.rounded(.towardZero) { return String(Int64(value)) }
        let text = value.description
        return text.contains("e") ? nil : text
    }

    mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    /// A JSON string, as the encoder writes it (``JSONStringBytes``).
    mutating func string(_ text: String) {
        JSONStringBytes.append(text, to: &bytes)
    }
}
