/// Turns web addresses in rendered (escaped) HTML text into links: online-service URLs and blank forms become
/// clickable on the site, and print as text.
enum SiteLinks {
    /// Wraps each `http://` or `https://` address in an `<a>`; the text is already escaped, so it cannot hold `<`,
    /// `>` or quotes, and the address is used as it appears.
    static func linkify(_ html: String) -> String {
        guard html.contains("http") else { return html }
        var out = ""
        out.reserveCapacity(html.utf8.count + 64)
        var rest = Substring(html)
        while let start = rest.firstRange(of: "http") {
            let candidate = rest[start.lowerBound...]
            guard candidate.hasPrefix("http://") || candidate.hasPrefix("https://") else {
                out += rest[..<start.upperBound]
                rest = rest[start.upperBound...]
                continue
            }
            let end = candidate.firstIndex { !isURLCharacter($0) } ?? candidate.endIndex
            var address = candidate[..<end]
            while let last = address.last, ".,;:)".contains(last), !address.hasSuffix("&amp;") { address.removeLast() }
            out += rest[..<start.lowerBound]
            out += "<a href=\"\(address)\" rel=\"noopener noreferrer\">\(address)</a>"
            rest = candidate[address.endIndex...]
        }
        out += rest
        return out
    }

    static func isURLCharacter(_ character: Character) -> Bool {
        guard character.isASCII, let value = character.asciiValue else { return false }
        switch value {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default: return "-._~:/?#[]@!$&;=%+,()*".contains(character)
        }
    }
}
