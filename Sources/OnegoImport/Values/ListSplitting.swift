/// The list split of ``ValueParser/split(_:)`` on UTF-8 bytes, for the usual text: no line break, and every
/// separator (、，；,;|) standing as a character of its own. Splitting on Characters hashes each one; here the
/// separators are found as bytes, and a separator is taken only where the scalars around it cannot join it into a
/// larger character: after ASCII or a scalar from U+1000 up with a 3-byte lead (no prepended mark lies there), and
/// before ASCII, a CJK ideograph (U+4000–U+9FFF) or the end. Anything else is left to the Character split.
enum ListSplitting {
    /// The pieces of `text` between separators (untrimmed, possibly empty), or `nil` when the text needs the
    /// Character split (a line break, or a separator whose neighbours are not certain).
    static func splitOnBytes(_ text: String) -> [Substring]? {
        let bytes = Array(text.utf8)
        var pieces: [Substring] = []
        var start = 0
        var at = 0
        let utf8 = text.utf8
        while at < bytes.count {
            let byte = bytes[at]
            if byte == 0x0A { return nil }
            let width = separatorWidth(bytes, at)
            guard width > 0 else {
                at += 1
                continue
            }
            guard isSafeBefore(bytes, at), isSafeAfter(bytes, at + width) else { return nil }
            pieces.append(
                text[utf8.index(utf8.startIndex, offsetBy: start)..<utf8.index(utf8.startIndex, offsetBy: at)])
            at += width
            start = at
        }
        pieces.append(text[utf8.index(utf8.startIndex, offsetBy: start)...])
        return pieces
    }

    /// The byte length of the separator at `at` (0: none): , ; | or 、 (E3 80 81), ， (EF BC 8C), ； (EF BC 9B).
    private static func separatorWidth(_ bytes: [UInt8], _ at: Int) -> Int {
        switch bytes[at] {
        case 0x2C, 0x3B, 0x7C: return 1
        case 0xE3 where at + 2 < bytes.count && bytes[at + 1] == 0x80 && bytes[at + 2] == 0x81: return 3
        case 0xEF
        where at + 2 < bytes.count && bytes[at + 1] == 0xBC && (bytes[at + 2] == 0x8C || bytes[at + 2] == 0x9B):
            return 3
        default: return 0
        }
    }

    private static func isSafeBefore(_ bytes: [UInt8], _ at: Int) -> Bool {
        guard at > 0 else { return true }
        if bytes[at - 1] < 0x80 { return true }
        return at >= 3 && (0xE1...0xEF).contains(bytes[at - 3])
    }

    private static func isSafeAfter(_ bytes: [UInt8], _ at: Int) -> Bool {
        guard at < bytes.count else { return true }
        return bytes[at] < 0x80 || (0xE4...0xE9).contains(bytes[at])
    }

    /// Whether `text` has an opening bracket (( （ 【 [ 《 〔), checked on its bytes.
    static func hasOpeningBracket(_ text: String) -> Bool {
        let bytes = text.utf8
        // ( [ in ASCII; the full-width and CJK brackets lead with E3 or EF (ideographs lead with E4–E9).
        guard bytes.contains(where: { $0 == 0x28 || $0 == 0x5B || $0 == 0xE3 || $0 == 0xEF }) else { return false }
        return text.unicodeScalars.contains { openings.contains($0) }
    }

    /// The pieces of `text` between separators that stand outside brackets (all of them when a bracket is left open).
    static func splitOutsideBrackets(_ text: String, separators: Set<Character>) -> [Substring] {
        var pieces: [Substring] = []
        var depth = 0
        var start = text.startIndex
        var at = text.startIndex
        while at < text.endIndex {
            let character = text[at]
            if let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1 {
                if openings.contains(scalar) {
                    depth += 1
                } else if closings.contains(scalar) {
                    depth = max(0, depth - 1)
                }
            }
            if depth == 0 && separators.contains(character) {
                pieces.append(text[start..<at])
                start = text.index(after: at)
            }
            at = text.index(after: at)
        }
        pieces.append(text[start...])
        // An unclosed bracket would hold the rest of the list as one entry: split as if there were none.
        return depth == 0 ? pieces : text.split(whereSeparator: { separators.contains($0) })
    }

    private static let openings: Set<Unicode.Scalar> = ["(", "（", "【", "[", "《", "〔"]
    private static let closings: Set<Unicode.Scalar> = [")", "）", "】", "]", "》", "〕"]
}
