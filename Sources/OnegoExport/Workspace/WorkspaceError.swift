public import OnegoBase

/// A workspace file that stops the work: what to tell the user, the diagnostics to show before it, and the cause.
///
/// Front ends print ``diagnostics`` (compiler form) and then ``description``, as for a catalog with errors.
public struct WorkspaceError: CodedError {
    /// The sentence the user reads, e.g. `一件事定义有错误，请先修正`.
    public var description: String
    /// The code: the cause's code when it has one, else `workspace.invalid`.
    public var code: RuleID
    /// The problems to show before the sentence (may be empty when the cause says it all).
    public var diagnostics: [Diagnostic]
    /// The library error this one reports.
    public var underlyingError: (any Error)?

    /// A failure summarised by `description` after `diagnostics`.
    public init(_ description: String, diagnostics: [Diagnostic]) {
        self.description = description
        self.code = diagnostics.first { $0.severity == .error }?.rule ?? RuleID("workspace.invalid")
        self.diagnostics = diagnostics
    }

    /// A failure that is `error` itself: its text, its code when it has one, and the error as cause.
    public init(_ error: any Error) {
        self.description = String(describing: error)
        self.code = (error as? any CodedError)?.code ?? RuleID("workspace.invalid")
        self.diagnostics = []
        self.underlyingError = error
    }
}
