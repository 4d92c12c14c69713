public import OnegoBase

/// One finding of an import: a rejected row, or a value that was transformed, defaulted or dropped, with its
/// position in the source (file, sheet, row and column, or the JSON key).
public struct ImportDiagnostic: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The source file as given on the command line.
    public var source: String
    /// The worksheet, for workbooks.
    public var sheet: String?
    /// The row: 1-based worksheet or CSV line of the record, or the 1-based record number in JSON.
    public var row: Int?
    /// The column letter (XLSX), header text (CSV) or JSON key the value came from.
    public var column: String?
    /// The onego field concerned, as named in profiles (`promisedLimit`, `contact.phone` …).
    public var field: String?
    /// How serious it is: `error` rejects the row, `warning` changes or drops a value, `note` records a fill.
    public var severity: Severity
    /// A stable rule identifier such as `import.row.rejected` or `import.value.defaulted`.
    public var rule: RuleID
    /// The message, in Chinese, naming the values involved.
    public var message: String
    /// The rows beyond ``row`` that the same finding holds for, with ``row`` as ascending ranges; empty when it
    /// holds for ``row`` alone (``RepeatedFindings``).
    private var spans: [ClosedRange<Int>] = []

    /// Creates a diagnostic.
    public init(
        source: String, sheet: String? = nil, row: Int? = nil, column: String? = nil,
        field: String? = nil,
        severity: Severity, rule: RuleID, message: String
    ) {
        self.source = source
        self.sheet = sheet
        self.row = row
        self.column = column
        self.field = field
        self.severity = severity
        self.rule = rule
        self.message = message
    }

    /// Every row the finding holds for, as ascending ranges: `[row...row]` for a finding on one row, more when the
    /// same finding (source, sheet, column, field, severity, rule and message) repeats on other rows and is kept
    /// once; empty for a finding about a whole source.
    public var rows: [ClosedRange<Int>] {
        if !spans.isEmpty { return spans }
        return row.map { [$0...$0] } ?? []
    }

    /// How many rows the finding holds for (1 for a finding about a whole source).
    public var count: Int {
        spans.isEmpty ? 1 : spans.reduce(0) { $0 + $1.count }
    }

    /// Adds `row` to the rows the finding holds for (rows come in ascending order but for a row's check
    /// problems, which may come after later rows).
    mutating func addRow(_ added: Int) {
        guard let row else { return }
        if spans.isEmpty {
            guard added != row else { return }
            spans = [row...row]
        }
        if let last = spans.last, added > last.upperBound {
            if added == last.upperBound + 1 {
                spans[spans.count - 1] = last.lowerBound...added
            } else {
                spans.append(added...added)
            }
            return
        }
        var rows = Set(spans.flatMap { $0 })
        guard rows.insert(added).inserted else { return }
        spans = RowRangeText.ranges(rows.sorted())
        self.row = spans.first?.lowerBound
    }

    private enum CodingKeys: String, CodingKey {
        case source, sheet, row, rows, column, field, severity, rule, message
    }

    /// Decodes a finding; `rows` may be absent (one row).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            source: try c.decode(String.self, forKey: .source),
            sheet: try c.decodeIfPresent(String.self, forKey: .sheet),
            row: try c.decodeIfPresent(Int.self, forKey: .row),
            column: try c.decodeIfPresent(String.self, forKey: .column),
            field: try c.decodeIfPresent(String.self, forKey: .field),
            severity: try c.decode(Severity.self, forKey: .severity),
            rule: try c.decode(RuleID.self, forKey: .rule), message: try c.decode(String.self, forKey: .message))
        let rows = try c.decodeIfPresent([[Int]].self, forKey: .rows) ?? []
        let ranges = rows.compactMap { pair in pair.count == 2 && pair[0] <= pair[1] ? pair[0]...pair[1] : nil }
        if ranges.count > 1 || ranges.first.map({ $0.count > 1 }) == true { spans = ranges }
    }

    /// Encodes every key, absent positions as `null`, so each entry has the same shape.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(source, forKey: .source)
        try c.encode(sheet, forKey: .sheet)
        try c.encode(row, forKey: .row)
        try c.encode(rows.map { [$0.lowerBound, $0.upperBound] }, forKey: .rows)
        try c.encode(column, forKey: .column)
        try c.encode(field, forKey: .field)
        try c.encode(severity, forKey: .severity)
        try c.encode(rule, forKey: .rule)
        try c.encode(message, forKey: .message)
    }

    /// `source[sheet]:row:column: 警告: message [rule]`, and for a finding on several rows the first of them
    /// with the others after it: `…（共 20000 行：第 3–20002 行）`.
    public var description: String {
        var place = source
        if let sheet { place += "[\(sheet)]" }
        if let row { place += ":\(row)" }
        if let column { place += ":\(column)" }
        let subject = field.map { "\($0)：" } ?? ""
        let line = "\(place): \(severity.label): \(subject)\(message) [\(rule)]"
        guard !spans.isEmpty else { return line }
        return "\(line)（共 \(count) 行：\(RowRangeText.text(spans))）"
    }
}

/// A failure that stops an import before anything is written: unreadable source, bad profile, zip bomb, output
/// folder that cannot be written.
public struct ImportError: Error, Sendable, CustomStringConvertible {
    /// What went wrong.
    public enum Code: String, Sendable {
        /// The profile file is missing, malformed or invalid.
        case profile
        /// A source file cannot be read or parsed.
        case source
        /// A source exceeds a safety limit (inflated size, ratio, rows).
        case limit
        /// The output folder cannot be written.
        case output
        /// The written catalog did not load back cleanly.
        case verification
    }

    /// The kind of failure.
    public var code: Code
    /// The message, in Chinese, naming the file and position.
    public var message: String
    /// The underlying cause, when another error caused this one.
    public var cause: (any Error & Sendable)?

    /// Creates an error.
    public init(_ code: Code, _ message: String, cause: (any Error & Sendable)? = nil) {
        self.code = code
        self.message = message
        self.cause = cause
    }

    /// The message, with the cause when there is one (the CLI prints it after its own error prefix).
    public var description: String {
        guard let cause else { return message }
        return "\(message)（原因：\(cause)）"
    }
}
