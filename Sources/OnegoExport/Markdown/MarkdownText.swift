/// Escaping for Markdown output (CommonMark with GitHub tables). Catalog text never turns into markup: no raw HTML,
/// no links, no emphasis, no headings or list markers, no table cell breaks.
public enum MarkdownText {
    /// Characters that are backslash-escaped wherever they occur. `<` and `&` stop raw HTML and entity references,
    /// `|` stops table cells, the rest stop emphasis, code spans, links and images.
    static let alwaysEscaped: Set<Unicode.Scalar> = ["\\", "`", "*", "_", "[", "]", "<", ">", "&", "|", "~", "!"]

    /// Characters that start a block (heading, quote, list, thematic break, setext underline) when they lead a line.
    static let leadingEscaped: Set<Unicode.Scalar> = ["#", "+", "-", "=", ">"]

    /// Escapes `text` that starts a line (a paragraph, a heading's or list item's content). Line breaks are kept as
    /// hard breaks (two spaces then newline), and every line is escaped as the start of a block.
    public static func escape(_ text: String) -> String {
        lines(text, firstStartsLine: true)
    }

    /// Escapes `text` that follows other text on its line (a field value after its label): the first line cannot
    /// start a block, the following lines can.
    public static func inline(_ text: String) -> String {
        lines(text, firstStartsLine: false)
    }

    /// Escapes `text` for a table cell: line breaks become spaces, and nothing in a cell starts a block.
    public static func cell(_ text: String) -> String {
        escapeLine(text.split(whereSeparator: \.isNewline).joined(separator: " "), startsLine: false)
    }

    static func lines(_ text: String, firstStartsLine: Bool) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            .map { index, line in escapeLine(String(line), startsLine: firstStartsLine || index > 0) }
            .joined(separator: "  \n")
    }

    static func escapeLine(_ line: String, startsLine: Bool) -> String {
        var result = ""
        result.reserveCapacity(line.utf8.count + 8)
        var atStart = startsLine
        var digitsAtStart = startsLine
        for scalar in line.unicodeScalars {
            if atStart, scalar == " " || scalar == "\t" {
                // Leading indentation would make an indented code block: keep it as a visible space.
                result += "&#32;"
                continue
            }
            if alwaysEscaped.contains(scalar) || (atStart && leadingEscaped.contains(scalar)) {
                result += "\\"
            } else if digitsAtStart, !result.isEmpty, scalar == "." || scalar == ")" {
                // "1." or "1)" at the start of a line would begin an ordered list.
                result += "\\"
            }
            result.unicodeScalars.append(scalar)
            if !("0"..."9").contains(scalar) { digitsAtStart = false }
            atStart = false
        }
        return result
    }
}
