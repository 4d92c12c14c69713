import Foundation
import OnegoBase
import OnegoCatalog
import OnegoXML

/// An open workbook whose sheets are read one at a time, by name: whole (``table(_:)``) or streamed row by row
/// (``stream(_:into:)``). The shared strings and styles are read once, before the first sheet.
final class XLSXWorkbook {
    /// The worksheets in workbook order.
    let sheets: [(name: String, relationship: String)]
    private let targets: [String: String]
    private let archive: XLSXArchive
    private let path: String
    /// The source's name as reported.
    let source: String
    private var shared: [String]?
    /// By sheet name, the header texts the profile's tables know: the header row is the first naming two of them
    /// (``SheetRecordStream``). A sheet without an entry takes the first row of two different values.
    var knownHeaders: [String: Set<String>] = [:]
    private var dateStyles: Set<Int> = []
    /// Sheets hidden in Excel.
    let hiddenSheets: Set<String>
    /// Sheets a patterned table matched by name but did not read, and why.
    var skippedSheets: [(sheet: String, reason: String)] = []
    /// Sheets a patterned table read because their header fits.
    var readSheets: [String] = []

    /// What streaming a sheet gave.
    enum Streamed {
        /// Every record went to the consumer; the table holds the headers and notes (no records).
        case streamed(SourceTable)
        /// The sheet has rows out of order or merged ranges, and must be read whole.
        case needsWholeSheet
    }

    /// Opens the workbook at `path` and reads its sheet list.
    init(path: String, source: String, limits: XLSXLimits) throws(ImportError) {
        archive = try XLSXArchive(path: path, source: source, limits: limits)
        self.path = path
        self.source = source
        guard let workbook = try archive.bytes(of: "xl/workbook.xml") else {
            throw ImportError(.source, "\(source): 不是 Excel 工作簿（缺少 xl/workbook.xml）")
        }
        let handler = WorkbookPartsHandler()
        try Self.parse(workbook, part: "xl/workbook.xml", source: source, handler)
        if let rels = try archive.bytes(of: "xl/_rels/workbook.xml.rels") {
            try Self.parse(rels, part: "xl/_rels/workbook.xml.rels", source: source, handler)
        }
        sheets = handler.sheets
        targets = handler.targets
        hiddenSheets = handler.hidden
    }

    private init(reopening other: XLSXWorkbook, shared: [String]) throws(ImportError) {
        archive = try XLSXArchive(
            path: other.path, source: other.source, limits: other.archive.limits,
            inflatedTotal: other.archive.inflatedTotal)
        path = other.path
        source = other.source
        sheets = other.sheets
        targets = other.targets
        hiddenSheets = other.hiddenSheets
        self.shared = shared
        dateStyles = other.dateStyles
        knownHeaders = other.knownHeaders
    }

    /// The same workbook opened again, with a zip reader of its own, for reading a sheet on another thread: it
    /// shares the shared strings and styles (read here first) and the count of inflated bytes.
    func reopened() throws(ImportError) -> XLSXWorkbook {
        try XLSXWorkbook(reopening: self, shared: try sharedStrings())
    }

    /// The bytes inflated from this workbook (and its reopened copies) so far.
    var inflatedBytes: Int {
        get { archive.inflatedTotal.current }
        set { archive.inflatedTotal.withLock { $0 = newValue } }
    }

    /// The sheet `name` read whole, or `nil` when the workbook has no such sheet.
    func table(_ name: String) throws(ImportError) -> SourceTable? {
        guard let handler = try read(name, sink: nil) else { return nil }
        return SheetTable.make(
            rows: handler.finishedRows(), merges: handler.merges, problems: handler.problems, sheet: name,
            source: source, knownHeaders: knownHeaders[name] ?? [])
    }

    /// Streams the records of sheet `name` into `consume` as their rows end; `nil` when there is no such sheet.
    /// A record `consume` throws on stops the reading and the error is thrown.
    func stream(
        _ name: String, into consume: @escaping (SourceRecord) throws(ImportError) -> Void
    ) throws(ImportError) -> Streamed? {
        var records = SheetRecordStream(source: source, sheet: name, knownHeaders: knownHeaders[name] ?? [])
        var failure: ImportError?
        let sink: (SheetRow) -> Bool = { row in
            do throws(ImportError) {
                try records.add(row, into: consume)
                return true
            } catch {
                failure = error
                return false
            }
        }
        guard let handler = try read(name, sink: sink) else { return nil }
        if let failure { throw failure }
        if handler.needsWholeSheet { return .needsWholeSheet }
        _ = handler.finishedRows()
        if let failure { throw failure }
        let table = try records.finish(problems: handler.problems, into: consume)
        return .streamed(table)
    }

    /// Whether one of the first ``HeaderRowChoice/lookahead`` rows of sheet `name` names two of `keys` and one of
    /// `anyOf` (a sheet a patterned table may read: the item table's id or name column, not only 序号 and 备注);
    /// only those rows are parsed, unless the sheet must be read whole.
    func hasHeader(_ name: String, naming keys: Set<String>, anyOf: Set<String>) throws(ImportError) -> Bool {
        let choice = HeaderRowChoice(knownHeaders: keys)
        func fits(_ values: [String]) -> Bool {
            choice.isHeader(values)
                && (anyOf.isEmpty || values.contains { choice.known($0).map(anyOf.contains) == true })
        }
        var found = false
        var seen = 0
        let sink: (SheetRow) -> Bool = { row in
            seen += 1
            found = fits(row.cells.map(\.cell.value))
            return !found && seen < HeaderRowChoice.lookahead
        }
        guard let handler = try read(name, sink: sink) else { return false }
        guard handler.needsWholeSheet, !found, let whole = try read(name, sink: nil) else { return found }
        return whole.finishedRows().prefix(HeaderRowChoice.lookahead).contains { fits($0.cells.map(\.cell.value)) }
    }

    /// Parses the part of sheet `name` through a worksheet handler (streaming its rows into `sink` when given).
    private func read(_ name: String, sink: ((SheetRow) -> Bool)?) throws(ImportError) -> WorksheetHandler? {
        guard let sheet = sheets.first(where: { $0.name == name }) else { return nil }
        guard let target = targets[sheet.relationship] else {
            throw ImportError(.source, "\(source): 工作表“\(sheet.name)”在 workbook.xml.rels 中没有对应部件")
        }
        let part = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
        let handler = WorksheetHandler(sharedStrings: try sharedStrings(), dateStyles: dateStyles)
        handler.rowSink = sink
        guard try parse(streaming: part, handler) else {
            throw ImportError(.source, "\(source): 工作表“\(sheet.name)”的部件 \(part) 不存在")
        }
        return handler
    }

    /// The shared strings (and the date styles), read on first use.
    private func sharedStrings() throws(ImportError) -> [String] {
        if let shared { return shared }
        let sharedHandler = SharedStringsHandler()
        _ = try parse(streaming: "xl/sharedStrings.xml", sharedHandler)
        if let bytes = try archive.bytes(of: "xl/styles.xml") {
            let handler = StylesHandler()
            try Self.parse(bytes, part: "xl/styles.xml", source: source, handler)
            dateStyles = handler.dateStyles
        }
        shared = sharedHandler.strings
        return sharedHandler.strings
    }

    private static var partLimits: XMLLimits {
        var limits = XMLLimits.default
        limits.maxTextBytes = 32 << 20
        return limits
    }

    private static func parse(
        _ bytes: [UInt8], part: String, source: String, _ handler: any XMLContentHandler
    ) throws(ImportError) {
        let diagnostics = XMLStreamParser(schema: nil, limits: partLimits, maxDiagnostics: 20)
            .parse(bytes: bytes, name: "\(source)!\(part)", into: handler)
        try check(diagnostics, part: part, source: source)
    }

    /// Streams `part` from the archive through the parser as it inflates (a sheet never sits whole in memory);
    /// false when the workbook has no such part.
    private func parse(streaming part: String, _ handler: any XMLContentHandler) throws(ImportError) -> Bool {
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
        try Self.check(diagnostics, part: part, source: source)
        return true
    }

    private static func check(_ diagnostics: [Diagnostic], part: String, source: String) throws(ImportError) {
        if let first = diagnostics.first(where: { $0.severity == .error }) {
            throw ImportError(.source, "\(source): 工作簿部件 \(part) 不是合法的 XML：\(first.description)")
        }
    }
}
