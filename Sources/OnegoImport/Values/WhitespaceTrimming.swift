extension StringProtocol {
    /// The text without leading and trailing white space (the Unicode `White_Space` property: spaces, tabs, line
    /// breaks, U+3000 …), as `trimmingCharacters(in: .whitespacesAndNewlines)` gives, without going through
    /// `NSString`; the string itself when there is nothing to trim (the common case for cell values).
    var trimmingWhitespace: String {
        if Self.isPlainAtBothEnds(utf8) { return String(self) }
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        let end = scalars.index(after: last)
        if first == scalars.startIndex && end == scalars.endIndex { return String(self) }
        return String(self[first..<end])
    }

    /// Whether the first and the last scalar are certainly not white space, seen from their UTF-8 bytes: printable
    /// ASCII other than the space, or a scalar from U+4000 up (3-byte leads E4–EF, 4-byte leads F0–F4: Chinese
    /// text, full-width punctuation; no `White_Space` scalar lies there). Anything else takes the scalar path.
    private static func isPlainAtBothEnds(_ bytes: UTF8View) -> Bool {
        let count = bytes.count
        guard count > 0 else { return false }
        let first = bytes[bytes.startIndex]
        guard (0x21...0x7E).contains(first) || (0xE4...0xF4).contains(first) else { return false }
        let byte = { (fromEnd: Int) in bytes[bytes.index(bytes.startIndex, offsetBy: count - fromEnd)] }
        let last = byte(1)
        if (0x21...0x7E).contains(last) { return true }
        guard last >= 0x80, count >= 3 else { return false }
        if (0xE4...0xEF).contains(byte(3)) { return true }
        return count >= 4 && (0xF0...0xF4).contains(byte(4))
    }
}
