public import Foundation

/// One cell of a worksheet.
public enum XLSXCell: Sendable, Hashable {
    /// Text, stored inline.
    case string(String)
    /// A number.
    case number(Double)
    /// Nothing.
    case empty
}

/// A drop-down list on a column (rows 2 and below): the allowed values are a range of another sheet.
public struct XLSXListValidation: Sendable, Hashable {
    /// The 1-based column it applies to.
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

/// One worksheet: a name, column widths and rows, the first row being a bold, frozen header.
public struct XLSXSheet: Sendable, Hashable {
    /// The tab name (at most 31 characters; `[]:*?/\` are replaced).
    public var name: String
    /// Column widths in characters, left to right; missing columns get Excel's default.
    public var columnWidths: [Double]
    /// The header row (bold, frozen when scrolling).
    public var header: [String]
    /// The data rows.
    public var rows: [[XLSXCell]]
    /// Drop-down lists on columns.
    public var validations: [XLSXListValidation]
    /// Whether data cells are formatted as text (`@`, wrapped, top-aligned): what officers type into a template
    /// stays text (codes keep their leading zeros).
    public var isTextEntry: Bool

    /// Creates a sheet.
    public init(
        name: String, header: [String], columnWidths: [Double] = [], rows: [[XLSXCell]] = [],
        validations: [XLSXListValidation] = [], isTextEntry: Bool = false
    ) {
        self.name = name
        self.header = header
        self.columnWidths = columnWidths
        self.rows = rows
        self.validations = validations
        self.isTextEntry = isTextEntry
    }
}

/// Writes a minimal valid Office Open XML workbook (SpreadsheetML): inline strings, one bold style for headers,
/// frozen header rows, column widths, text-entry cells and drop-down lists. The only XLSX writer: the audit
/// workbook and the import template (`onego template xlsx`, `onego export xlsx`) both go through it.
///
/// ```swift
/// let sheet = XLSXSheet(name: "部门", header: ["部门", "错误"], rows: [[.string("民政局"), .number(3)]])
/// let bytes = try XLSXWriter(sheets: [sheet]).data()
/// ```
public struct XLSXWriter: Sendable {
    /// The sheets, in tab order.
    public var sheets: [XLSXSheet]

    /// Creates a writer.
    public init(sheets: [XLSXSheet]) { self.sheets = sheets }

    /// The workbook's bytes (a zip package).
    public func data() throws(OfficePackageError) -> Data {
        var package = OfficePackage()
        let names = Self.uniqueNames(sheets.map(\.name))
        package.add("[Content_Types].xml", contentTypes)
        package.add("_rels/.rels", Self.rootRelationships)
        package.add("xl/workbook.xml", workbook(names))
        package.add("xl/_rels/workbook.xml.rels", workbookRelationships)
        package.add("xl/styles.xml", Self.styles)
        for (index, sheet) in sheets.enumerated() {
            package.add("xl/worksheets/sheet\(index + 1).xml", Self.worksheet(sheet))
        }
        return try package.data()
    }

    /// `A`, `B`, … `Z`, `AA` …
    static func columnName(_ index: Int) -> String {
        var n = index + 1
        var name = ""
        while n > 0 {
            let r = (n - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + r))) + name
            n = (n - 1) / 26
        }
        return name
    }

    /// Sheet names Excel accepts: no `[]:*?/\`, at most 31 characters, unique.
    static func uniqueNames(_ names: [String]) -> [String] {
        var used = Set<String>()
        return names.enumerated().map { index, raw in
            var name = String(raw.map { "[]:*?/\\".contains($0) ? "_" : $0 }.prefix(31))
            if name.isEmpty { name = "Sheet\(index + 1)" }
            var candidate = name
            var counter = 2
            while !used.insert(candidate.lowercased()).inserted {
                candidate = String(name.prefix(28)) + "(\(counter))"
                counter += 1
            }
            return candidate
        }
    }

    private var contentTypes: String {
        var out = OfficePackage.declaration
        out += "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        out += "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        out += "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        out +=
            "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
        out +=
            "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
        for index in sheets.indices {
            out +=
                "<Override PartName=\"/xl/worksheets/sheet\(index + 1).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }
        return out + "</Types>"
    }

    private static let rootRelationships =
        OfficePackage.declaration
        + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
        + "</Relationships>"

    private func workbook(_ names: [String]) -> String {
        var out = OfficePackage.declaration
        out += "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
        out += "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>"
        for (index, name) in names.enumerated() {
            out += "<sheet name=\"\(OfficePackage.escape(name))\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>"
        }
        return out + "</sheets></workbook>"
    }

    private var workbookRelationships: String {
        var out = OfficePackage.declaration
        out += "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        for index in sheets.indices {
            out +=
                "<Relationship Id=\"rId\(index + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet\(index + 1).xml\"/>"
        }
        out +=
            "<Relationship Id=\"rId\(sheets.count + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
        return out + "</Relationships>"
    }

    /// Style 0 is the default; style 1 is bold with a grey fill, for header cells; style 2 is text entry.
    private static let styles =
        OfficePackage.declaration
        + "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
        + "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"等线\"/></font>"
        + "<font><b/><sz val=\"11\"/><name val=\"等线\"/></font></fonts>"
        + "<fills count=\"3\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill>"
        + "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FFEEF1F5\"/><bgColor indexed=\"64\"/></patternFill></fill></fills>"
        + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
        + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
        + "<cellXfs count=\"3\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
        + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"2\" borderId=\"0\" xfId=\"0\" applyFont=\"1\" applyFill=\"1\"/>"
        + "<xf numFmtId=\"49\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\" applyAlignment=\"1\">"
        + "<alignment wrapText=\"1\" vertical=\"top\"/></xf></cellXfs>"
        + "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
        + "</styleSheet>"

    static func worksheet(_ sheet: XLSXSheet) -> String {
        var out = OfficePackage.declaration
        out += "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
        out += "<sheetViews><sheetView workbookViewId=\"0\">"
        out += "<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"
        out += "</sheetView></sheetViews>"
        if !sheet.columnWidths.isEmpty {
            out += "<cols>"
            for (index, width) in sheet.columnWidths.enumerated() {
                out += "<col min=\"\(index + 1)\" max=\"\(index + 1)\" width=\"\(width)\" customWidth=\"1\"/>"
            }
            out += "</cols>"
        }
        out += "<sheetData>"
        out += row(1, sheet.header.map(XLSXCell.string), style: 1)
        let body = sheet.isTextEntry ? 2 : 0
        for (index, cells) in sheet.rows.enumerated() { out += row(index + 2, cells, style: body) }
        out += "</sheetData>"
        if !sheet.validations.isEmpty {
            out += "<dataValidations count=\"\(sheet.validations.count)\">"
            for validation in sheet.validations {
                let letters = columnName(validation.column - 1)
                out +=
                    "<dataValidation type=\"list\" allowBlank=\"1\" showInputMessage=\"1\" "
                    + "showErrorMessage=\"\(validation.isStrict ? 1 : 0)\" sqref=\"\(letters)2:\(letters)1048576\">"
                    + "<formula1>\(OfficePackage.escape(validation.source))</formula1></dataValidation>"
            }
            out += "</dataValidations>"
        }
        return out + "</worksheet>"
    }

    private static func row(_ number: Int, _ cells: [XLSXCell], style: Int) -> String {
        var out = "<row r=\"\(number)\">"
        let styleAttribute = style == 0 ? "" : " s=\"\(style)\""
        for (index, cell) in cells.enumerated() {
            let reference = columnName(index) + String(number)
            switch cell {
            case .string(let text):
                out +=
                    "<c r=\"\(reference)\"\(styleAttribute) t=\"inlineStr\"><is><t xml:space=\"preserve\">\(OfficePackage.escape(text))</t></is></c>"
            case .number(let value) where value.isFinite:
                out +=
                    "<c r=\"\(reference)\"\(styleAttribute)><v>\(value.rounded() == value && abs(value) < 1e15 ? String(Int(value)) : String(value))</v></c>"
            case .number, .empty:
                continue
            }
        }
        return out + "</row>"
    }
}
