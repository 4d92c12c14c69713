/// Prints guide documents as Markdown (CommonMark plus GitHub tables). Every string of a document is escaped with
/// `MarkdownText`; documents are separated by a thematic break.
public enum MarkdownGuideRenderer {
    /// All `documents`, one after another.
    public static func text(_ documents: [GuideDocument]) -> String {
        documents.map(document).joined(separator: "\n---\n\n")
    }

    /// One document.
    public static func document(_ document: GuideDocument) -> String {
        var out = "# \(MarkdownText.escape(document.title))：\(MarkdownText.cell(document.subject))\n\n"
        if !document.header.isEmpty {
            out +=
                document.header.map { field in
                    "**\(MarkdownText.escape(field.label))**："
                        + (field.isBlank ? "\\_\\_\\_\\_\\_\\_\\_\\_" : MarkdownText.inline(field.value))
                }.joined(separator: "  \n") + "\n\n"
        }
        for (index, section) in document.sections.enumerated() {
            out += "## \(ChineseNumber.ordinal(index + 1))、\(MarkdownText.cell(section.heading))\n\n"
            for block in section.blocks { out += render(block) }
        }
        if let footer = document.footer {
            out += "*\(MarkdownText.cell(footer))*\n"
        }
        return out
    }

    static func render(_ block: GuideBlock) -> String {
        switch block {
        case .fields(let fields):
            guard !fields.isEmpty else { return "" }
            return fields.map { field in
                "- **\(MarkdownText.escape(field.label))**："
                    + (field.isBlank ? "\\_\\_\\_\\_\\_\\_\\_\\_" : MarkdownText.inline(field.value))
            }.joined(separator: "\n") + "\n\n"
        case .paragraph(let text):
            return MarkdownText.escape(text) + "\n\n"
        case .note(let text):
            return "> " + MarkdownText.escape(text).replacingLineBreaks(with: "  \n> ") + "\n\n"
        case .badges(let badges):
            return badges.map { "【\(MarkdownText.inline($0))】" }.joined(separator: " ") + "\n\n"
        case .list(let items):
            return items.map { "- " + MarkdownText.escape($0).replacingLineBreaks(with: "  \n  ") }.joined(
                separator: "\n")
                + "\n\n"
        case .table(let grid):
            let table = GuideTablePresentation(grid)
            var out = "| " + table.columns.map(MarkdownText.cell).joined(separator: " | ") + " |\n"
            out +=
                "|" + table.columns.indices.map { table.centred.contains($0) ? ":---:" : "---" }.joined(separator: "|")
                + "|\n"
            for (number, row) in table.rows.enumerated() {
                let cells = row.enumerated().map { column, cell in
                    MarkdownText.cell(cell)
                        + (table.code(row: number, column: column).map { "<br>`\($0)`" } ?? "")
                }
                out += "| " + cells.joined(separator: " | ") + " |\n"
            }
            if let note = table.note { out += "\n> " + MarkdownText.escape(note) + "\n" }
            return out + "\n"
        case .signatures(let labels):
            return labels.map { label in
                MarkdownText.escape(label) + (label.contains("：") ? "" : "：\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_")
            }.joined(separator: "  \n") + "\n\n"
        }
    }
}

extension String {
    /// The text with each hard line break (`"  \n"`) replaced.
    fileprivate func replacingLineBreaks(with replacement: String) -> String {
        split(separator: "  \n", omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
