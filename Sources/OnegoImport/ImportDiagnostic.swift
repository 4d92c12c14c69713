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

    /// Adds `added` to the rows the finding holds for; false when it holds for that row already (the caller keeps
    /// the repeat as a finding of its own, so that nothing is counted less). Rows mostly come in ascending order;
    /// those of a joined table read whole (materials sorted by their own id) or a row's check problems come in any
    /// order and are put in their place by a binary search.
    mutating func addRow(_ added: Int) -> Bool {
        guard let row else { return false }
        if spans.isEmpty {
            guard added != row else { return false }
            spans = [row...row]
        }
        // The first range starting after `added`.
        var low = 0
        var high = spans.count
        while low < high {
            let middle = (low + high) / 2
            if spans[middle].lowerBound > added { high = middle } else { low = middle + 1 }
        }
        if low > 0, spans[low - 1].contains(added) { return false }
        let joinsBefore = low > 0 && spans[low - 1].upperBound + 1 == added
        let joinsAfter = low < spans.count && spans[low].lowerBound == added + 1
        switch (joinsBefore, joinsAfter) {
        case (true, true):
            spans[low - 1] = spans[low - 1].lowerBound...spans[low].upperBound
            spans.remove(at: low)
        case (true, false): spans[low - 1] = spans[low - 1].lowerBound...added
        case (false, true): spans[low] = added...spans[low].upperBound
        case (false, false): spans.insert(added...added, at: low)
        }
        self.row = spans[0].lowerBound
        return true
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
