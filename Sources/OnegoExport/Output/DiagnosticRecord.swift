public import OnegoBase

/// One diagnostic as onego's JSON outputs list it (`onego validate --format json`, the workbench's author check):
/// `file`, `line`, `column` (empty and 0 when it has no place), `severity`, `rule` and `message`.
public struct DiagnosticRecord: Encodable, Sendable, Hashable {
    /// The file, or "" when the diagnostic has no place.
    public var file: String
    /// The 1-based line, or 0.
    public var line: Int
    /// The 1-based column, or 0.
    public var column: Int
    /// `error`, `warning` or `note`.
    public var severity: String
    /// The rule ID.
    public var rule: String
    /// The message, in Chinese.
    public var message: String

    /// The record of `diagnostic`.
    public init(_ diagnostic: Diagnostic) {
        file = diagnostic.location?.file ?? ""
        line = diagnostic.location?.line ?? 0
        column = diagnostic.location?.column ?? 0
        severity = diagnostic.severity.rawValue
        rule = diagnostic.rule.rawValue
        message = diagnostic.message
    }
}
