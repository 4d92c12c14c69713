import Foundation
import OnegoBase
import OnegoXML

/// Reads the worksheets of an `.xlsx` workbook into tables: the zip through ZIPFoundation, each XML part streamed
/// through onego's libxml2 parser (no tree). Shared and inline strings, numbers, booleans, date serials (by cell
/// style), formulas (their cached value, noted) and merged cells (the top-left value fills the range, noted).
public struct XLSXReader: Sendable {
    /// Zip-bomb and size limits.
    public var limits: XLSXLimits

    /// Creates a reader.
    public init(limits: XLSXLimits = .default) { self.limits = limits }

    /// The names of the worksheets in workbook order.
    public func sheetNames(path: String, source: String) throws(ImportError) -> [String] {
        var archive = try XLSXArchive(path: path, source: source, limits: limits)
        return try parts(&archive, source: source).sheets.map(\.name)
    }

    /// Reads the sheets of the workbook at `path` whose names pass `wanted` (all by default), each as a table whose
    /// header is the first row holding two or more values.
    public func read(
        path: String, source: String, wanted: (String) -> Bool = { _ in true }
    ) throws(ImportError) -> [SourceTable] {
        var archive = try XLSXArchive(path: path, source: source, limits: limits)
        let (sheets, targets) = try parts(&archive, source: source)
        var shared: [String] = []
        if let bytes = try archive.bytes(of: "xl/sharedStrings.xml") {
            let handler = SharedStringsHandler()
            try parse(bytes, part: "xl/sharedStrings.xml", source: source, handler)
            shared = handler.strings
        }
        var dateStyles: Set<Int> = []
        if let bytes = try archive.bytes(of: "xl/styles.xml") {
            let handler = StylesHandler()
            try parse(bytes, part: "xl/styles.xml", source: source, handler)
            dateStyles = handler.dateStyles
        }
        var tables: [SourceTable] = []
        for sheet in sheets where wanted(sheet.name) {
            guard let target = targets[sheet.relationship] else {
                throw ImportError(.source, "\(source): 工作表“\(sheet.name)”在 workbook.xml.rels 中没有对应部件")
            }
            let part = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
            guard let bytes = try archive.bytes(of: part) else {
                throw ImportError(.source, "\(source): 工作表“\(sheet.name)”的部件 \(part) 不存在")
            }
            let handler = WorksheetHandler(sharedStrings: shared, dateStyles: dateStyles)
            try parse(bytes, part: part, source: source, handler)
            tables.append(table(handler, sheet: sheet.name, source: source))
        }
        return tables
    }

    private func parts(
        _ archive: inout XLSXArchive, source: String
    ) throws(ImportError) -> (
        sheets: [(name: String, relationship: String)], targets: [String: String]
    ) {
        guard let workbook = try archive.bytes(of: "xl/workbook.xml") else {
            throw ImportError(.source, "\(source): 不是 Excel 工作簿（缺少 xl/workbook.xml）")
        }
        let handler = WorkbookPartsHandler()
        try parse(workbook, part: "xl/workbook.xml", source: source, handler)
        if let rels = try archive.bytes(of: "xl/_rels/workbook.xml.rels") {
            try parse(rels, part: "xl/_rels/workbook.xml.rels", source: source, handler)
        }
        return (handler.sheets, handler.targets)
    }

    private func parse(
        _ bytes: [UInt8], part: String, source: String, _ handler: any XMLContentHandler
    ) throws(ImportError) {
        var limits = XMLLimits.default
        limits.maxTextBytes = 32 << 20
        let diagnostics = XMLStreamParser(schema: nil, limits: limits, maxDiagnostics: 20)
            .parse(bytes: bytes, name: "\(source)!\(part)", into: handler)
        if let first = diagnostics.first(where: { $0.severity == .error }) {
            throw ImportError(.source, "\(source): 工作簿部件 \(part) 不是合法的 XML：\(first.description)")
        }
    }

    private func table(_ handler: WorksheetHandler, sheet: String, source: String) -> SourceTable {
        var cells = handler.cells
        var notes: [ImportDiagnostic] = handler.problems.map {
            ImportDiagnostic(
                source: source, sheet: sheet, severity: .warning, rule: .importXLSXCell, message: $0)
        }
        // Merged ranges: the top-left value fills every cell of the range.
        for merge in handler.merges {
            guard let origin = cells[merge.from.row]?[merge.from.column] else { continue }
            for row in merge.from.row...max(merge.from.row, merge.to.row) {
                for column in merge.from.column...max(merge.from.column, merge.to.column)
                where row != merge.from.row || column != merge.from.column {
                    cells[row, default: [:]][column] = SheetCell(
                        value: origin.value,
                        note: "合并单元格 \(merge.from.text):\(merge.to.text)，取左上角 \(merge.from.text) 的值")
                }
            }
        }
        let rows = cells.keys.sorted()
        guard let headerRow = rows.first(where: { (cells[$0]?.count ?? 0) >= 2 }) ?? rows.first else {
            return SourceTable(source: source, sheet: sheet, headers: [], records: [], notes: notes)
        }
        var headers: [Int: String] = [:]
        for (column, cell) in cells[headerRow] ?? [:] {
            let name = cell.value.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !name.isEmpty else { continue }
            headers[column] = name
            if let note = cell.note {
                notes.append(
                    ImportDiagnostic(
                        source: source, sheet: sheet, row: headerRow, column: CellReference.letters(column),
                        severity: .note, rule: .importXLSXHeader, message: "表头“\(name)”：\(note)"))
            }
        }
        let orderedColumns = headers.keys.sorted()
        var records: [SourceRecord] = []
        for row in rows where row > headerRow {
            guard let line = cells[row] else { continue }
            var recordCells: [SourceRecord.Cell] = []
            for column in orderedColumns {
                guard let cell = line[column], let key = headers[column] else { continue }
                recordCells.append(
                    SourceRecord.Cell(
                        key: key, value: cell.value, column: CellReference.letters(column), readNote: cell.note)
                )
            }
            if recordCells.allSatisfy({ $0.value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
            ) {
                continue
            }
            records.append(SourceRecord(source: source, sheet: sheet, row: row, cells: recordCells))
        }
        return SourceTable(
            source: source, sheet: sheet, headers: orderedColumns.compactMap { headers[$0] },
            records: records,
            notes: notes)
    }
}
