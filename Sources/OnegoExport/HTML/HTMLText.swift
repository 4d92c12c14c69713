/// Escaping for HTML output. Every piece of catalog text that reaches an HTML page goes through here.
///
/// Both functions work on UTF-8 bytes (every character they replace is ASCII, or U+2028/U+2029 with a distinctive
/// lead byte) and return the text itself, without copying, when nothing needs replacing: most catalog text is
/// Chinese without markup characters, and the site renders tens of thousands of pages.
public enum HTMLText {
    /// Escapes `&`, `<`, `>`, `"` and `'` for use in element content and quoted attribute values.
    public static func escape(_ text: String) -> String {
        guard needsEscaping(text) else { return text }
        var result: [UInt8] = []
        result.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "&"): result += "&amp;".utf8
            case UInt8(ascii: "<"): result += "&lt;".utf8
            case UInt8(ascii: ">"): result += "&gt;".utf8
            case UInt8(ascii: "\""): result += "&quot;".utf8
            case UInt8(ascii: "'"): result += "&#39;".utf8
            default: result.append(byte)
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// Escaped text with its line breaks as `<br>`.
    public static func escapeLines(_ text: String) -> String {
        let escaped = escape(text)
        guard escaped.utf8.contains(UInt8(ascii: "\n")) else { return escaped }
        var result: [UInt8] = []
        result.reserveCapacity(escaped.utf8.count + 16)
        for byte in escaped.utf8 {
            if byte == UInt8(ascii: "\n") { result += "<br>".utf8 } else { result.append(byte) }
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// Whether `byte` is one of `&<>"'` (all below `?`; Chinese text is bytes from 0x80 up, so most bytes fail the
    /// first comparison).
    @inline(__always)
    private static func isMarkup(_ byte: UInt8) -> Bool {
        byte < UInt8(ascii: "?")
            && (byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
                || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'"))
    }

    /// Whether `text` holds a character ``escape(_:)`` replaces, scanning its UTF-8 storage directly when it is
    /// contiguous (native strings are).
    private static func needsEscaping(_ text: String) -> Bool {
        if let found = text.utf8.withContiguousStorageIfAvailable({ bytes in bytes.contains(where: isMarkup) }) {
            return found
        }
        return text.utf8.contains(where: isMarkup)
    }

    /// Makes JSON text safe inside an inline `<script>` element: `<`, `>` and `&` become `\u003c`, `\u003e` and
    /// `\u0026` (so `</script>` and `<!--` cannot appear), and U+2028/U+2029 become escapes (older JavaScript parsers
    /// end a line there). The input must be JSON, where these characters can only occur inside strings.
    public static func scriptJSON(_ json: String) -> String {
        // U+2028 and U+2029 are E2 80 A8 and E2 80 A9 in UTF-8.
        let bytes = Array(json.utf8)
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + 64)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "<"): result += "\\u003c".utf8
            case UInt8(ascii: ">"): result += "\\u003e".utf8
            case UInt8(ascii: "&"): result += "\\u0026".utf8
            case 0xE2
            where index + 2 < bytes.count && bytes[index + 1] == 0x80
                && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                result += (bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8
                index += 2
            default: result.append(byte)
            }
            index += 1
        }
        return String(decoding: result, as: UTF8.self)
    }
}
