import Foundation
import OnegoBase

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
        try XLSXWorkbook(path: path, source: source, limits: limits).sheets.map(\.name)
    }

    /// Reads the sheets of the workbook at `path` whose names pass `wanted` (all by default), each as a table whose
    /// header is the first row holding two or more different values.
    public func read(
        path: String, source: String, wanted: (String) -> Bool = { _ in true }
    ) throws(ImportError) -> [SourceTable] {
        let workbook = try XLSXWorkbook(path: path, source: source, limits: limits)
        var tables: [SourceTable] = []
        for sheet in workbook.sheets where wanted(sheet.name) {
            if let table = try workbook.table(sheet.name) { tables.append(table) }
        }
        return tables
    }
}
