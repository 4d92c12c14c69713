public import Foundation
import ZIPFoundation

/// A worksheet to write: rows of text cells (written as inline strings, so codes keep their leading zeros), a
/// bold header row, column widths and list validations.
public struct WorksheetContent: Sendable, Hashable {
    /// A drop-down list on a column: the allowed values are a range of another sheet.
    public struct ListValidation: Sendable, Hashable {
        /// The 1-based column it applies to (rows 2 and below).
        public var column: Int
        /// The source range, e.g. `'代码表'!$A$2:$A$13`.
        public var source: String
        /// Whether other values are refused (off for multi-valued columns such as 服务对象).
        public var isStrict: Bool

        /// Creates a validation.
        public init(column: Int, source: String, isStrict: Bool) {
            self.column = column
            self.source = source
            self.isStrict = isStrict
        }
    }

    /// The sheet's name.
    public var name: String
    /// The rows, the first being the header.
    public var rows: [[String]]
    /// Column widths in characters, by 1-based column.
    public var widths: [Int: Int]
    /// Drop-down lists.
    public var validations: [ListValidation]

    /// Creates a sheet.
    public init(name: String, rows: [[String]], widths: [Int: Int] = [:], validations: [ListValidation] = []) {
        self.name = name
        self.rows = rows
        self.widths = widths
        self.validations = validations
    }
}

/// Writes `.xlsx` workbooks (Office Open XML SpreadsheetML) through ZIPFoundation.
public enum XLSXWriter {
    /// The workbook's bytes.
    public static func data(_ sheets: [WorksheetContent]) throws(ImportError) -> Data {
        let archive: Archive
        do {
            archive = try Archive(accessMode: .create)
        } catch {
            throw ImportError(.output, "无法创建工作簿", cause: SendableCause(error))
        }
        var parts: [(String, String)] = [
            ("[Content_Types].xml", contentTypes(count: sheets.count)),
            ("_rels/.rels", rootRelationships),
            ("xl/workbook.xml", workbook(sheets)),
            ("xl/_rels/workbook.xml.rels", workbookRelationships(count: sheets.count)),
            ("xl/styles.xml", styles),
        ]
        for (index, sheet) in sheets.enumerated() {
            parts.append(("xl/worksheets/sheet\(index + 1).xml", worksheet(sheet)))
        }
        let fixedDate = Date(timeIntervalSince1970: 1_704_067_200)
        for (path, text) in parts {
            let bytes = Data(text.utf8)
            do {
                try archive.addEntry(
                    with: path, type: .file, uncompressedSize: Int64(bytes.count), modificationDate: fixedDate,
                    compressionMethod: .deflate
                ) { position, size in
                    bytes.subdata(in: Int(position)..<Int(position) + size)
                }
            } catch {
                throw ImportError(.output, "无法写入工作簿部件 \(path)", cause: SendableCause(error))
            }
        }
        guard let data = archive.data else { throw ImportError(.output, "无法生成工作簿") }
        return data
    }

    /// Writes the workbook to `path` atomically (temporary file beside it, then rename).
    public static func write(_ sheets: [WorksheetContent], to path: String) throws(ImportError) {
        let bytes = try data(sheets)
        let target = URL(fileURLWithPath: path)
        let temporary = target.deletingLastPathComponent()
            .appendingPathComponent(".\(target.lastPathComponent).tmp-\(UUID().uuidString)")
        do {
            try bytes.write(to: temporary)
            if FileManager.default.fileExists(atPath: target.path) {
                _ = try FileManager.default.replaceItemAt(target, withItemAt: temporary)
            } else {
                try FileManager.default.moveItem(at: temporary, to: target)
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw ImportError(.output, "无法写入 \(path)", cause: SendableCause(error))
        }
    }

    private static func contentTypes(count: Int) -> String {
        var text = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
            <Default Extension="xml" ContentType="application/xml"/>\
            <Override PartName="/xl/workbook.xml" \
            ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
            <Override PartName="/xl/styles.xml" \
            ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>
            """
        for index in 1...max(1, count) {
            text +=
                "<Override PartName=\"/xl/worksheets/sheet\(index).xml\" "
                + "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }
        return text + "</Types>"
    }

    private static let rootRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" \
        Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" \
        Target="xl/workbook.xml"/></Relationships>
        """

    private static func workbook(_ sheets: [WorksheetContent]) -> String {
        var text = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
            xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>
            """
        for (index, sheet) in sheets.enumerated() {
            text += "<sheet name=\"\(escape(sheet.name))\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>"
        }
        return text + "</sheets></workbook>"
    }

    private static func workbookRelationships(count: Int) -> String {
        var text = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
            """
        for index in 1...max(1, count) {
            text +=
                "<Relationship Id=\"rId\(index)\" "
                + "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" "
                + "Target=\"worksheets/sheet\(index).xml\"/>"
        }
        text +=
            "<Relationship Id=\"rId\(count + 1)\" "
            + "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" "
            + "Target=\"styles.xml\"/>"
        return text + "</Relationships>"
    }

    private static let styles = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
        <fonts count="2"><font><sz val="11"/><name val="等线"/></font>\
        <font><b/><sz val="11"/><name val="等线"/></font></fonts>\
        <fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>\
        <fill><patternFill patternType="solid"><fgColor rgb="FFDDEBF7"/><bgColor indexed="64"/></patternFill></fill>\
        </fills>\
        <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
        <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
        <cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
        <xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1"/>\
        <xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1">\
        <alignment wrapText="1" vertical="top"/></xf></cellXfs>\
        <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>
        """

    private static func worksheet(_ sheet: WorksheetContent) -> String {
        var text = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
            <sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" \
            state="frozen"/></sheetView></sheetViews>
            """
        if !sheet.widths.isEmpty {
            text += "<cols>"
            for column in sheet.widths.keys.sorted() {
                text +=
                    "<col min=\"\(column)\" max=\"\(column)\" width=\"\(sheet.widths[column] ?? 12)\" customWidth=\"1\"/>"
            }
            text += "</cols>"
        }
        text += "<sheetData>"
        for (rowIndex, row) in sheet.rows.enumerated() {
            text += "<row r=\"\(rowIndex + 1)\">"
            let style = rowIndex == 0 ? 1 : 2
            for (columnIndex, value) in row.enumerated() where !value.isEmpty {
                let reference = CellReference(column: columnIndex + 1, row: rowIndex + 1).text
                text += "<c r=\"\(reference)\" s=\"\(style)\" t=\"inlineStr\"><is><t xml:space=\"preserve\">"
                text += escape(value) + "</t></is></c>"
            }
            text += "</row>"
        }
        text += "</sheetData>"
        if !sheet.validations.isEmpty {
            text += "<dataValidations count=\"\(sheet.validations.count)\">"
            for validation in sheet.validations {
                let letters = CellReference.letters(validation.column)
                text +=
                    "<dataValidation type=\"list\" allowBlank=\"1\" showInputMessage=\"1\" "
                    + "showErrorMessage=\"\(validation.isStrict ? 1 : 0)\" sqref=\"\(letters)2:\(letters)1048576\">"
                    + "<formula1>\(escape(validation.source))</formula1></dataValidation>"
            }
            text += "</dataValidations>"
        }
        return text + "</worksheet>"
    }

    private static func escape(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "\n", "\t", "\r": result.unicodeScalars.append(scalar)
            default:
                // XML 1.0 forbids other control characters.
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
