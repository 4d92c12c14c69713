import Foundation

/// Prints guide documents as HTML. Every string of a document is escaped by ``HTML`` interpolation; the markup around
/// it is fixed.
public enum HTMLGuideRenderer {
    /// A self-contained page holding `documents`, each starting on a new printed page.
    public static func page(_ documents: [GuideDocument], title: String? = nil) -> String {
        let pageTitle = title ?? documents.map { "\($0.title)：\($0.subject)" }.joined(separator: "；")
        return HTMLPage(title: pageTitle, body: HTML.joined(documents.map(articleHTML))).html
    }

    /// One document as an `<article>`.
    public static func article(_ document: GuideDocument) -> String { articleHTML(document).text }

    /// One document as an `<article>`, as markup, for a page that embeds it.
    public static func articleMarkup(_ document: GuideDocument) -> HTML { articleHTML(document) }

    /// One document as an `<article>`, as markup.
    static func articleHTML(_ document: GuideDocument) -> HTML {
        var out: HTML = "<article class=\"doc doc-\(document.kind.rawValue)\">\n<header class=\"doc-head\">\n"
        out += "<h1 class=\"doc-title\">\(document.title)</h1>\n"
        out += "<p class=\"doc-subject\">\(document.subject)</p>\n"
        if !document.header.isEmpty {
            let fields = document.header.map { field -> HTML in
                let value: HTML = field.isBlank ? "<span class=\"blank\"></span>" : "\(field.value)"
                return "<span>\(field.label)：\(value)</span>"
            }
            out += "<p class=\"doc-meta\">\(HTML.joined(fields))</p>\n"
        }
        out += "</header>\n"
        for (index, section) in document.sections.enumerated() {
            // A section with signature boxes is printed whole, so its heading never stays behind on the page before.
            let keep = section.blocks.contains { if case .signatures = $0 { true } else { false } }
            let opening: HTML = keep ? "<section class=\"keep\">" : "<section>"
            out += "\(opening)\n<h2>\(ChineseNumber.ordinal(index + 1))、\(section.heading)</h2>\n"
            for block in section.blocks { out += render(block) }
            out += "</section>\n"
        }
        if let footer = document.footer {
            out += "<footer class=\"doc-foot\">\(footer)</footer>\n"
        }
        out += "</article>\n"
        return out
    }

    static func render(_ block: GuideBlock) -> HTML {
        switch block {
        case .fields(let fields):
            guard !fields.isEmpty else { return "" }
            var out: HTML = "<table class=\"fields\"><tbody>\n"
            for field in fields {
                out += "<tr><th scope=\"row\">\(field.label)</th>"
                out += field.isBlank ? "<td class=\"blank\"></td></tr>\n" : "<td>\(lines(field.value))</td></tr>\n"
            }
            return out + "</tbody></table>\n"
        case .paragraph(let text):
            return "<p>\(lines(text))</p>\n"
        case .note(let text):
            return "<p class=\"note\">\(lines(text))</p>\n"
        case .badges(let badges):
            let spans = badges.map { badge -> HTML in "<span class=\"badge\">\(badge)</span>" }
            return "<p class=\"badges\">\(HTML.joined(spans, separator: " "))</p>\n"
        case .list(let items):
            return "<ul>\n\(HTML.joined(items.map { item -> HTML in "<li>\(lines(item))</li>\n" }))</ul>\n"
        case .table(let grid):
            return table(GuideTablePresentation(grid))
        case .signatures(let labels):
            return signatures(labels)
        }
    }

    /// A grid table: centred columns, check boxes, codes under their names, the note below.
    static func table(_ table: GuideTablePresentation) -> HTML {
        let headers = table.columns.map { column -> HTML in "<th scope=\"col\">\(column)</th>" }
        var out: HTML = "<table class=\"grid\"><thead><tr>\(HTML.joined(headers))</tr></thead><tbody>\n"
        for (number, row) in table.rows.enumerated() {
            out += "<tr>"
            for (column, cell) in row.enumerated() {
                var classes: [String] = []
                if table.centred.contains(column) { classes.append("c") }
                if cell == "☐" { classes.append("box") }
                let attribute: HTML = classes.isEmpty ? "" : " class=\"\(classes.joined(separator: " "))\""
                let code = table.code(row: number, column: column).map { code -> HTML in
                    "<br><span class=\"code\">\(code)</span>"
                }
                out += "<td\(attribute)>\(lines(cell))\(code ?? "")</td>"
            }
            out += "</tr>\n"
        }
        out += "</tbody></table>\n"
        if let note = table.note { out += "<p class=\"note\">\(note)</p>\n" }
        return out
    }

    /// Boxes for signatures and dates, as a table (the sturdiest layout for print): a box whose label asks for a
    /// stamp (盖章) takes the left column beside all the others; otherwise boxes go two to a row.
    static func signatures(_ labels: [String]) -> HTML {
        func box(_ label: String, _ attributes: HTML = "") -> HTML {
            "<td\(attributes)>\(label)\(label.contains("：") ? "" : "：")</td>"
        }
        var out: HTML = "<table class=\"signatures\"><tbody>\n"
        if let stamp = labels.first(where: { $0.contains("盖章") }) {
            let others = labels.filter { $0 != stamp }
            let first = others.first.map { box($0) } ?? "<td></td>"
            out += "<tr>\(box(stamp, " class=\"stamp\" rowspan=\"\(max(1, others.count))\""))\(first)</tr>\n"
            for label in others.dropFirst() { out += "<tr>\(box(label))</tr>\n" }
        } else {
            var index = 0
            while index < labels.count {
                let second = index + 1 < labels.count ? box(labels[index + 1]) : "<td></td>"
                out += "<tr>\(box(labels[index]))\(second)</tr>\n"
                index += 2
            }
        }
        out += "</tbody></table>\n"
        return out
    }

    /// Escaped text with line breaks kept.
    static func lines(_ text: String) -> HTML { HTML(raw: HTMLText.escapeLines(text)) }
}

/// Chinese ordinal numerals for section headings: 一, 二 … 十, 十一 … 九十九.
enum ChineseNumber {
    static let digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"]

    static func ordinal(_ value: Int) -> String {
        guard value > 0, value < 100 else { return String(value) }
        let tens = value / 10
        let ones = value % 10
        let tensText = tens == 0 ? "" : (tens == 1 ? "十" : digits[tens] + "十")
        return tensText + (ones == 0 ? "" : digits[ones])
    }
}
