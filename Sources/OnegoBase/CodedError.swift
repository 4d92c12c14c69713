/// An error that stops work: a stable code, the text the user reads (`description`), and the error it wraps.
///
/// Front ends print `description`; programs match on `code` (the same ``RuleID`` namespace as diagnostics) and
/// walk `underlyingError` instead of parsing messages.
public protocol CodedError: Error, CustomStringConvertible {
    /// The stable code, e.g. `composition.missing-answers` or `xml.syntax`.
    var code: RuleID { get }
    /// The error this one wraps, when it has a cause.
    var underlyingError: (any Error)? { get }
}

extension CodedError {
    /// No cause by default.
    public var underlyingError: (any Error)? { nil }
}

extension Diagnostic: CodedError {
    /// The rule that found the problem.
    public var code: RuleID { rule }
}
