/// Turns web addresses in rendered (escaped) HTML text into links: online-service URLs and blank forms become
/// clickable on the site, and print as text.
enum SiteLinks {
    /// Wraps each `http://` or `https://` address in an `<a>`; the text is already escaped, so it cannot hold `<`,
    /// `>` or quotes, and the address is used as it appears. Works on UTF-8 bytes (addresses are ASCII); returns the
    /// text itself when it holds no address.
    static func linkify(_ html: HTML) -> HTML { HTML(raw: linkify(html.text)) }

    /// ``linkify(_:)-(HTML)`` on markup as text.
    static func linkify(_ html: String) -> String {
        let bytes = Array(html.utf8)
        var out: [UInt8] = []
        var copied = 0
        var index = 0
        while let start = nextAddress(in: bytes, from: index) {
            var end = start
            while end < bytes.count, isURLByte(bytes[end]) { end += 1 }
            // Trailing punctuation ends the sentence, not the address (but `&amp;` stays whole).
            while end > start, ".,;:)".utf8.contains(bytes[end - 1]), !bytes[start..<end].ends(with: "&amp;".utf8) {
                end -= 1
            }
            if out.isEmpty { out.reserveCapacity(bytes.count + 256) }
            out += bytes[copied..<start]
            out += "<a href=\"".utf8
            out += bytes[start..<end]
            out += "\" rel=\"noopener noreferrer\">".utf8
            out += bytes[start..<end]
            out += "</a>".utf8
            copied = end
            index = end
        }
        guard copied > 0 else { return html }
        out += bytes[copied...]
        return String(decoding: out, as: UTF8.self)
    }

    /// The offset of the next `http://` or `https://` at or after `from`.
    static func nextAddress(in bytes: [UInt8], from: Int) -> Int? {
        var index = from
        while index + 7 <= bytes.count {
            if bytes[index] == UInt8(ascii: "h"), bytes[index + 1] == UInt8(ascii: "t"),
                bytes[index + 2] == UInt8(ascii: "t"), bytes[index + 3] == UInt8(ascii: "p")
            {
                let rest = bytes[(index + 4)...]
                if rest.starts(with: "://".utf8) || rest.starts(with: "s://".utf8) { return index }
            }
            index += 1
        }
        return nil
    }

    static func isURLByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default: return "-._~:/?#[]@!$&;=%+,()*".utf8.contains(byte)
        }
    }
}

extension ArraySlice where Element == UInt8 {
    fileprivate func ends(with suffix: String.UTF8View) -> Bool {
        count >= suffix.count && self.suffix(suffix.count).elementsEqual(suffix)
    }
}
