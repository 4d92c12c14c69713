extension StringProtocol {
    /// The text without leading and trailing white space (the Unicode `White_Space` property: spaces, tabs, line
    /// breaks, U+3000 …), as `trimmingCharacters(in: .whitespacesAndNewlines)` gives, without going through
    /// `NSString`; the string itself when there is nothing to trim (the common case for cell values).
    var trimmingWhitespace: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        let end = scalars.index(after: last)
        if first == scalars.startIndex && end == scalars.endIndex { return String(self) }
        return String(self[first..<end])
    }
}
