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

    private enum CodingKeys: String, CodingKey {
        case source, sheet, row, column, field, severity, rule, message
    }

    /// Encodes every key, absent positions as `null`, so each entry has the same shape.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(source, forKey: .source)
        try c.encode(sheet, forKey: .sheet)
        try c.encode(row, forKey: .row)
        try c.encode(column, forKey: .column)
        try c.encode(field, forKey: .field)
        try c.encode(severity, forKey: .severity)
        try c.encode(rule, forKey: .rule)
        try c.encode(message, forKey: .message)
    }

    /// `source[sheet]:row:column: 警告: message [rule]`.
    public var description: String {
        var place = source
        if let sheet { place += "[\(sheet)]" }
        if let row { place += ":\(row)" }
        if let column { place += ":\(column)" }
        let subject = field.map { "\($0)：" } ?? ""
        return "\(place): \(severity.label): \(subject)\(message) [\(rule)]"
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
