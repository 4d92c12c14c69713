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
        let sharedHandler = SharedStringsHandler()
        _ = try parse(streaming: "xl/sharedStrings.xml", of: &archive, source: source, sharedHandler)
        let shared = sharedHandler.strings
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
            let handler = WorksheetHandler(sharedStrings: shared, dateStyles: dateStyles)
            guard try parse(streaming: part, of: &archive, source: source, handler) else {
                throw ImportError(.source, "\(source): 工作表“\(sheet.name)”的部件 \(part) 不存在")
            }
            tables.append(
                SheetTable.make(
                    rows: handler.finishedRows(), merges: handler.merges, problems: handler.problems, sheet: sheet.name,
                    source: source))
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

    private static var partLimits: XMLLimits {
        var limits = XMLLimits.default
        limits.maxTextBytes = 32 << 20
        return limits
    }

    private func parse(
        _ bytes: [UInt8], part: String, source: String, _ handler: any XMLContentHandler
    ) throws(ImportError) {
        let diagnostics = XMLStreamParser(schema: nil, limits: Self.partLimits, maxDiagnostics: 20)
            .parse(bytes: bytes, name: "\(source)!\(part)", into: handler)
        try check(diagnostics, part: part, source: source)
    }

    /// Streams `part` from the archive through the parser as it inflates (a sheet never sits whole in memory);
    /// false when the workbook has no such part.
    private func parse(
        streaming part: String, of archive: inout XLSXArchive, source: String, _ handler: any XMLContentHandler
    ) throws(ImportError) -> Bool {
        guard archive.contains(part) else { return false }
        var failure: ImportError?
        let diagnostics = XMLStreamParser(schema: nil, limits: Self.partLimits, maxDiagnostics: 20)
            .parse(streamNamed: "\(source)!\(part)", into: handler) { feed in
                do throws(ImportError) {
                    _ = try archive.stream(part, into: feed)
                } catch {
                    failure = error
                }
                return nil
            }
        if let failure { throw failure }
        try check(diagnostics, part: part, source: source)
        return true
    }

    private func check(_ diagnostics: [Diagnostic], part: String, source: String) throws(ImportError) {
        if let first = diagnostics.first(where: { $0.severity == .error }) {
            throw ImportError(.source, "\(source): 工作簿部件 \(part) 不是合法的 XML：\(first.description)")
        }
    }
}
