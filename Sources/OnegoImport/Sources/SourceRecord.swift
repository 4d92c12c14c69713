/// One record read from a source: a worksheet or CSV row, or one JSON object, as key/value text.
public struct SourceRecord: Sendable, Hashable {
    /// One value and where it sits.
    public struct Cell: Sendable, Hashable {
        /// The header text or JSON key.
        public var key: String
        /// The value as text (numbers as printed, JSON lists one entry per line).
        public var value: String
        /// The column letter (XLSX) or header (CSV, JSON key) used in diagnostics.
        public var column: String
        /// A note about how the value was read (a formula's cached value, a date serial).
        public var readNote: String?

        /// Creates a cell.
        public init(key: String, value: String, column: String, readNote: String? = nil) {
            self.key = key
            self.value = value
            self.column = column
            self.readNote = readNote
        }
    }

    /// The file as given.
    public var source: String
    /// The worksheet, for workbooks.
    public var sheet: String?
    /// The 1-based row (worksheet or CSV line) or record number (JSON).
    public var row: Int
    /// The values, in source order.
    public var cells: [Cell]
    /// The 1-based line where the record begins in a text source (JSON, JSON lines), when known.
    public var textLine: Int?
    /// The 1-based column (in characters) where the record begins on ``textLine``, when known.
    public var textColumn: Int?

    /// Creates a record.
    public init(
        source: String, sheet: String? = nil, row: Int, cells: [Cell], textLine: Int? = nil, textColumn: Int? = nil
    ) {
        self.source = source
        self.sheet = sheet
        self.row = row
        self.cells = cells
        self.textLine = textLine
        self.textColumn = textColumn
    }
}

/// The records of one table of a source: a worksheet, a CSV file or a JSON array.
public struct SourceTable: Sendable, Hashable {
    /// The file as given.
    public var source: String
    /// The worksheet name, for workbooks.
    public var sheet: String?
    /// The header keys in order (JSON: every key seen).
    public var headers: [String]
    /// The records.
    public var records: [SourceRecord]
    /// The row the headers were read from (workbooks and CSV), for positions in messages.
    public var headerRow: Int?
    /// Where each header stands (workbook column letters), keyed by header text; empty when there is no such place.
    public var headerColumns: [String: String] = [:]
    /// Notes about reading the whole table (encoding detected, merged header cells …).
    public var notes: [ImportDiagnostic]

    /// Creates a table.
    public init(
        source: String, sheet: String? = nil, headers: [String], records: [SourceRecord],
        notes: [ImportDiagnostic] = [], headerRow: Int? = nil
    ) {
        self.headerRow = headerRow
        self.source = source
        self.sheet = sheet
        self.headers = headers
        self.records = records
        self.notes = notes
    }
}
