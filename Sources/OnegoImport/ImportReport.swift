public import OnegoCatalog

/// What an import did: rows read, items imported, rows rejected, and every finding with its position.
public struct ImportReport: Sendable, Encodable {
    /// Item records read (rows of the item table, or JSON records).
    public var rows: Int
    /// Items written to the catalog.
    public var imported: Int
    /// Item records rejected.
    public var rejected: Int
    /// Every rejected row and every transformed, defaulted, derived or dropped value.
    public var diagnostics: [ImportDiagnostic]
    /// The catalog files written, one per department (empty when nothing was written).
    public var files: [String]
    /// Rows read as continuations of the item above them (one material per row beneath merged or blank item
    /// cells), not counted in ``rows``.
    public var continuationRows = 0

    /// Creates a report.
    public init(rows: Int, imported: Int, rejected: Int, diagnostics: [ImportDiagnostic], files: [String] = []) {
        self.rows = rows
        self.imported = imported
        self.rejected = rejected
        self.diagnostics = diagnostics
        self.files = files
    }

    // The documented JSON (rows, imported, rejected, diagnostics) keeps its shape: continuation rows are in the
    // diagnostics (import.source.continuation).
    private enum CodingKeys: String, CodingKey { case rows, imported, rejected, diagnostics }
}

/// The items read by an import, before anything is written.
public struct ImportResult: Sendable {
    /// The items, in source order.
    public var items: [ServiceItem]
    /// The report (without files).
    public var report: ImportReport

    init(items: [ServiceItem], report: ImportReport) {
        self.items = items
        self.report = report
    }
}
