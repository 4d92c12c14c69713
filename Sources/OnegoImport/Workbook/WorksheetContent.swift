public import Foundation
public import OnegoExport

/// A template worksheet to write: rows of text cells (written as inline strings in text-format cells, so codes keep
/// their leading zeros), a bold header row, column widths and list validations. Written by OnegoExport's
/// ``OnegoExport/XLSXWriter``, the project's one XLSX writer.
public struct WorksheetContent: Sendable, Hashable {
    /// A drop-down list on a column.
    public typealias ListValidation = XLSXListValidation

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

    /// The sheet as the writer takes it: the first row as header, empty texts as empty cells.
    var sheet: XLSXSheet {
        let widest = max(widths.keys.max() ?? 0, 0)
        let columnWidths = widest == 0 ? [] : (1...widest).map { Double(widths[$0] ?? 10) }
        return XLSXSheet(
            name: name, header: rows.first ?? [], columnWidths: columnWidths,
            rows: rows.dropFirst().map { row in row.map { $0.isEmpty ? .empty : .string($0) } },
            validations: validations, isTextEntry: true)
    }
}

extension TemplateWorkbook {
    /// The workbook's bytes.
    public static func data(_ sheets: [WorksheetContent]) throws(ImportError) -> Data {
        do {
            return try XLSXWriter(sheets: sheets.map(\.sheet)).data()
        } catch {
            throw ImportError(.output, "无法生成工作簿", cause: SendableCause(error))
        }
    }

    /// Writes the workbook to `path` atomically through ``OnegoExport/AtomicWriter``: a temporary file beside the
    /// real target, renamed over it once whole, so an existing workbook is replaced only by a complete one and a
    /// failure leaves it untouched; `inputs` (and any XML document) are never replaced.
    public static func write(
        _ sheets: [WorksheetContent], to path: String, protecting inputs: [String] = []
    ) throws(ImportError) {
        let bytes = try data(sheets)
        var writer = AtomicWriter(protecting: inputs)
        writer.refusesCatalogFormats = true
        do {
            try writer.write(to: path) { sink throws(OutputError) in try sink.write(bytes) }
        } catch {
            throw ImportError(.output, "无法写入 \(path)", cause: SendableCause(error))
        }
    }
}
