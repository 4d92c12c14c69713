public import Foundation

/// Prints guide documents as a Word document (WordprocessingML in a zip): the same ``GuideDocument`` content as the
/// HTML and Markdown renderers, on A4 with bordered tables, 黑体 headings over 宋体 text, and "第 x 页 共 y 页" in
/// the footer, so offices can edit a guide in Word or WPS. Each document starts on a new page.
public enum DOCXGuideRenderer {
    /// The `.docx` file's bytes.
    public static func data(_ documents: [GuideDocument]) throws(OfficePackageError) -> Data {
        var package = OfficePackage()
        package.add("[Content_Types].xml", contentTypes)
        package.add("_rels/.rels", rootRelationships)
        package.add("word/_rels/document.xml.rels", documentRelationships)
        package.add("word/styles.xml", styles)
        package.add("word/footer1.xml", footer)
        package.add("word/document.xml", documentXML(documents))
        return try package.data()
    }

    /// `word/document.xml`.
    static func documentXML(_ documents: [GuideDocument]) -> String {
        var body = ""
        for (index, document) in documents.enumerated() {
            if index > 0 { body += "<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>" }
            body += paragraph(document.title, style: "Title")
            body += paragraph(document.subject, style: "Subtitle")
            if !document.header.isEmpty {
                let meta = document.header.map { "\($0.label)：\($0.isBlank ? "________" : $0.value)" }
                body += paragraph(meta.joined(separator: "　"), style: "Meta")
            }
            for (number, section) in document.sections.enumerated() {
                body += paragraph("\(ChineseNumber.ordinal(number + 1))、\(section.heading)", style: "Heading1")
                for block in section.blocks { body += render(block) }
            }
            if let footer = document.footer { body += paragraph(footer, style: "Meta") }
        }
        return OfficePackage.declaration
            + "<w:document xmlns:w=\"\(wordNamespace)\" xmlns:r=\"\(relationshipNamespace)\"><w:body>" + body
            + "<w:sectPr><w:footerReference w:type=\"default\" r:id=\"rId2\"/>"
            + "<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"
            + "<w:pgMar w:top=\"1247\" w:right=\"1134\" w:bottom=\"1247\" w:left=\"1134\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/>"
            + "</w:sectPr></w:body></w:document>"
    }

    static func render(_ block: GuideBlock) -> String {
        switch block {
        case .fields(let fields):
            guard !fields.isEmpty else { return "" }
            let rows = fields.map { [$0.label, $0.isBlank ? "" : $0.value] }
            return table(rows, header: nil, widths: [1500, 3500], labelColumn: true)
        case .paragraph(let text):
            return paragraph(text)
        case .note(let text):
            return paragraph(text, style: "Note")
        case .badges(let badges):
            return paragraph(badges.map { "【\($0)】" }.joined(separator: " "), style: "Badges")
        case .list(let items):
            return items.map { paragraph("• " + $0, style: "ListItem") }.joined()
        case .table(let grid):
            let shown = GuideTablePresentation(grid)
            let codes = shown.rows.indices.map { number in
                shown.columns.indices.map { shown.code(row: number, column: $0) ?? "" }
            }
            return table(shown.rows, header: shown.columns, widths: nil, centred: shown.centred, codes: codes)
                + (shown.note.map { paragraph($0, style: "Note") } ?? "")
        case .signatures(let labels):
            let rows = stride(from: 0, to: labels.count, by: 2).map { index in
                [labels[index], index + 1 < labels.count ? labels[index + 1] : ""].map {
                    $0.isEmpty || $0.contains("：") ? $0 : $0 + "："
                }
            }
            return table(rows, header: nil, widths: [2500, 2500], rowHeight: 900)
        }
    }

    /// A paragraph; line breaks in `text` become `<w:br/>`.
    static func paragraph(_ text: String, style: String? = nil, bold: Bool = false, centred: Bool = false) -> String {
        var properties = ""
        if let style { properties += "<w:pStyle w:val=\"\(style)\"/>" }
        if centred { properties += "<w:jc w:val=\"center\"/>" }
        return "<w:p>" + (properties.isEmpty ? "" : "<w:pPr>\(properties)</w:pPr>") + runs(text, bold: bold) + "</w:p>"
    }

    static func runs(_ text: String, bold: Bool = false) -> String {
        let properties = bold ? "<w:rPr><w:b/></w:rPr>" : ""
        return text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { index, line in
            (index > 0 ? "<w:r><w:br/></w:r>" : "")
                + "<w:r>\(properties)<w:t xml:space=\"preserve\">\(OfficePackage.escape(String(line)))</w:t></w:r>"
        }.joined()
    }

    /// A bordered full-width table; the header row repeats on every page and is bold on grey.
    static func table(
        _ rows: [[String]], header: [String]?, widths: [Int]?, labelColumn: Bool = false, centred: Set<Int> = [],
        rowHeight: Int? = nil, codes: [[String]] = []
    ) -> String {
        let columns = max(header?.count ?? 0, rows.map(\.count).max() ?? 0)
        guard columns > 0 else { return "" }
        let border = "w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\""
        var out = "<w:tbl><w:tblPr><w:tblW w:w=\"5000\" w:type=\"pct\"/><w:tblBorders>"
        for side in ["top", "left", "bottom", "right", "insideH", "insideV"] { out += "<w:\(side) \(border)/>" }
        out += "</w:tblBorders><w:tblCellMar><w:left w:w=\"80\" w:type=\"dxa\"/><w:right w:w=\"80\" w:type=\"dxa\"/>"
        out += "</w:tblCellMar></w:tblPr><w:tblGrid>"
        let total = 9638  // A4 width minus the margins, in twentieths of a point
        // Without given widths, each column gets a share by its longest line (capped), so short columns such as
        // 序号 or 原件 do not take the room of names and remarks.
        let shares =
            widths
            ?? (0..<columns).map { index in
                // Chinese characters count twice (they are twice as wide as digits and Latin letters); the header
                // never wraps, and a column with item codes under its cells fits them in their small type.
                func width(_ text: String) -> Int {
                    text.split(separator: "\n").map { line in
                        line.unicodeScalars.reduce(0) { $0 + ($1.value > 0x2E80 ? 2 : 1) }
                    }.max() ?? 0
                }
                let longest = rows.map { index < $0.count ? width($0[index]) : 0 }.max() ?? 0
                let headerWidth = width(header?[safe: index] ?? "") + 1
                let codeWidth = codes.map { index < $0.count ? $0[index].count * 3 / 4 : 0 }.max() ?? 0
                return max(min(36, max(longest, codeWidth)), headerWidth, 3)
            }
        let sum = max(1, shares.reduce(0, +))
        for index in 0..<columns { out += "<w:gridCol w:w=\"\(total * shares[min(index, shares.count - 1)] / sum)\"/>" }
        out += "</w:tblGrid>"
        func row(_ cells: [String], isHeader: Bool, codesOfRow: [String]? = nil) -> String {
            var out = "<w:tr><w:trPr><w:cantSplit/>"
            if isHeader { out += "<w:tblHeader/>" }
            if let rowHeight { out += "<w:trHeight w:val=\"\(rowHeight)\"/>" }
            out += "</w:trPr>"
            for index in 0..<columns {
                let text = index < cells.count ? cells[index] : ""
                let shaded = isHeader || (labelColumn && index == 0)
                out += "<w:tc><w:tcPr>"
                if shaded { out += "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"EEF1F5\"/>" }
                out += "</w:tcPr><w:p><w:pPr><w:pStyle w:val=\"TableText\"/>"
                if centred.contains(index) || isHeader { out += "<w:jc w:val=\"center\"/>" }
                out += "</w:pPr>" + runs(text, bold: shaded) + "</w:p>"
                if let code = codesOfRow?[safe: index], !code.isEmpty {
                    out += "<w:p><w:pPr><w:pStyle w:val=\"CodeText\"/></w:pPr>" + runs(code) + "</w:p>"
                }
                out += "</w:tc>"
            }
            return out + "</w:tr>"
        }
        if let header { out += row(header, isHeader: true) }
        for (number, cells) in rows.enumerated() { out += row(cells, isHeader: false, codesOfRow: codes[safe: number]) }
        // Word needs a paragraph between two tables; it also gives space after one.
        return out + "</w:tbl><w:p><w:pPr><w:pStyle w:val=\"TableText\"/></w:pPr></w:p>"
    }

    static let wordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let relationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    static let contentTypes =
        OfficePackage.declaration
        + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
        + "<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
        + "<Override PartName=\"/word/footer1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>"
        + "</Types>"

    static let rootRelationships =
        OfficePackage.declaration
        + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
        + "</Relationships>"

    static let documentRelationships =
        OfficePackage.declaration
        + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
        + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer\" Target=\"footer1.xml\"/>"
        + "</Relationships>"

    /// 第 PAGE 页 共 NUMPAGES 页, centred.
    static let footer =
        OfficePackage.declaration
        + "<w:ftr xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
        + "<w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr>"
        + "<w:r><w:t xml:space=\"preserve\">第 </w:t></w:r>"
        + "<w:fldSimple w:instr=\" PAGE \"><w:r><w:t>1</w:t></w:r></w:fldSimple>"
        + "<w:r><w:t xml:space=\"preserve\"> 页 共 </w:t></w:r>"
        + "<w:fldSimple w:instr=\" NUMPAGES \"><w:r><w:t>1</w:t></w:r></w:fldSimple>"
        + "<w:r><w:t xml:space=\"preserve\"> 页</w:t></w:r></w:p></w:ftr>"

    /// 宋体 for text, 黑体 for headings (declared as East Asian fonts), 10.5 pt body.
    static let styles: String = {
        func style(_ id: String, _ name: String, paragraph: String = "", run: String = "") -> String {
            "<w:style w:type=\"paragraph\" w:styleId=\"\(id)\"><w:name w:val=\"\(name)\"/><w:basedOn w:val=\"Normal\"/>"
                + "<w:qFormat/><w:pPr>\(paragraph)</w:pPr><w:rPr>\(run)</w:rPr></w:style>"
        }
        let heiti = "<w:rFonts w:ascii=\"SimHei\" w:hAnsi=\"SimHei\" w:eastAsia=\"黑体\" w:hint=\"eastAsia\"/>"
        return OfficePackage.declaration
            + "<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
            + "<w:docDefaults><w:rPrDefault><w:rPr>"
            + "<w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:eastAsia=\"宋体\" w:cs=\"Times New Roman\" w:hint=\"eastAsia\"/>"
            + "<w:sz w:val=\"21\"/><w:szCs w:val=\"21\"/><w:lang w:val=\"en-US\" w:eastAsia=\"zh-CN\"/>"
            + "</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after=\"60\" w:line=\"300\" w:lineRule=\"auto\"/>"
            + "</w:pPr></w:pPrDefault></w:docDefaults>"
            + "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style>"
            + style(
                "Title", "Title", paragraph: "<w:jc w:val=\"center\"/><w:spacing w:before=\"120\" w:after=\"120\"/>",
                run: heiti + "<w:b/><w:sz w:val=\"36\"/><w:szCs w:val=\"36\"/>")
            + style(
                "Subtitle", "Subtitle", paragraph: "<w:jc w:val=\"center\"/><w:spacing w:after=\"120\"/>",
                run: heiti + "<w:sz w:val=\"28\"/><w:szCs w:val=\"28\"/>")
            + style(
                "Heading1", "heading 1",
                paragraph: "<w:keepNext/><w:spacing w:before=\"240\" w:after=\"80\"/><w:outlineLvl w:val=\"0\"/>",
                run: heiti + "<w:sz w:val=\"26\"/><w:szCs w:val=\"26\"/>")
            + style(
                "Meta", "Meta", paragraph: "<w:jc w:val=\"center\"/>",
                run: "<w:color w:val=\"52606D\"/><w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/>")
            + style(
                "Note", "Note",
                paragraph:
                    "<w:pBdr><w:left w:val=\"single\" w:sz=\"18\" w:space=\"4\" w:color=\"B7791F\"/></w:pBdr><w:ind w:left=\"120\"/>"
            )
            + style("Badges", "Badges", run: heiti)
            + style("ListItem", "List Item", paragraph: "<w:ind w:left=\"360\" w:hanging=\"240\"/>")
            + style(
                "TableText", "Table Text",
                paragraph: "<w:spacing w:before=\"20\" w:after=\"20\" w:line=\"260\" w:lineRule=\"auto\"/>",
                run: "<w:sz w:val=\"19\"/><w:szCs w:val=\"19\"/>")
            + style(
                "CodeText", "Code Text", paragraph: "<w:spacing w:before=\"0\" w:after=\"20\"/>",
                run:
                    "<w:rFonts w:ascii=\"DejaVu Sans Mono\" w:hAnsi=\"DejaVu Sans Mono\"/><w:color w:val=\"52606D\"/><w:sz w:val=\"14\"/><w:szCs w:val=\"14\"/>"
            )
            + "</w:styles>"
    }()
}

extension Array {
    /// The element at `index`, or `nil` past the end.
    fileprivate subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
