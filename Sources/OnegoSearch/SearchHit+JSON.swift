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
        String(decoding: jsonBytes(hits), as: UTF8.self)
    }

    /// The UTF-8 bytes of ``jsonText(_:)``, for a response body (no string is built or validated on the way).
    public static func jsonBytes(_ hits: [SearchHit]) -> [UInt8] {
        var writer = HitJSONWriter()
        guard writer.write(hits) else {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            return (try? encoder.encode(hits)).map { Array($0) } ?? Array("[\n\n]".utf8)
        }
        return writer.bytes
    }
}

/// Writes hits in `JSONEncoder`'s pretty, sorted-key layout: two spaces per level, `" : "` between key and value,
/// keys in order (`code`, `department` when present, `kind`, `matched`, `name`, `score`), an empty array as `[`, an
/// empty line and `]`.
struct HitJSONWriter {
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
            append("  {\n    \"code\" : ")
            string(hit.code)
            if let department = hit.department {
                append(",\n    \"department\" : ")
                string(department)
            }
            append(",\n    \"kind\" : ")
            switch hit.kind {
            case .item: append("\"item\"")
            case .matter: append("\"matter\"")
            }
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
            guard number(hit.score) else { return false }
            append(position + 1 < hits.count ? "\n  },\n" : "\n  }\n")
        }
        append("]")
        return true
    }

    /// Writes a score as the encoder writes it: integral values without a fraction, others in Swift's shortest form
    /// (for a whole number of hundredths, as search scores are rounded, its digits); false for values the encoder
    /// writes otherwise (exponents, infinities, negative zero).
    mutating func number(_ value: Double) -> Bool {
        guard value.isFinite, value >= 0, value < 1e15, !(value == 0 && value.sign == .minus) else { return false }
        if value == value.rounded(.towardZero) {
            digits(UInt64(value))
            return true
        }
        // k / 100 is the double nearest to the decimal k/100, whose shortest form has at most two decimals: no
        // shorter decimal lies within half a unit in the last place for values below 2^43.
        let hundredths = (value * 100).rounded()
        if value < 0x1p43, Double(UInt64(hundredths)) / 100 == value {
            let whole = UInt64(hundredths) / 100
            let fraction = UInt64(hundredths) % 100
            digits(whole)
            bytes.append(UInt8(ascii: "."))
            bytes.append(UInt8(ascii: "0") + UInt8(fraction / 10))
            if fraction % 10 != 0 { bytes.append(UInt8(ascii: "0") + UInt8(fraction % 10)) }
            return true
        }
        let text = value.description
        guard !text.contains("e") else { return false }
        bytes.append(contentsOf: text.utf8)
        return true
    }

    /// Writes a whole number in decimal: its digits last first, then turned around in place.
    private mutating func digits(_ value: UInt64) {
        let start = bytes.count
        var rest = value
        repeat {
            bytes.append(UInt8(ascii: "0") + UInt8(rest % 10))
            rest /= 10
        } while rest > 0
        bytes[start...].reverse()
    }

    mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// A JSON string, as the encoder writes it (``JSONStringBytes``).
    mutating func string(_ text: String) {
        JSONStringBytes.append(text, to: &bytes)
    }
}
