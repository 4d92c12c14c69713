import OnegoBase

// The codes of the failures the commands themselves detect; a failure that reports a library error takes that
// error's code instead (`CommandFailure(_:)`). They share the `RuleID` namespace with diagnostics, so a script
// matches `cli.no-such-item` the way it matches `xml.syntax`.

extension RuleID {
    /// A failure with no more precise code.
    static let cliFailure = RuleID("cli.failure")
    /// No item has this code, and no item's name matches it.
    static let cliNoSuchItem = RuleID("cli.no-such-item")
    /// No item or matter has this code.
    static let cliNoSuchItemOrMatter = RuleID("cli.no-such-item-or-matter")
    /// A search found nothing.
    static let cliNothingFound = RuleID("cli.nothing-found")
    /// A name matches several items or matters about equally well.
    static let cliAmbiguousName = RuleID("cli.ambiguous-name")
    /// The catalog has errors and the command needs a valid one.
    static let cliCatalogInvalid = RuleID("cli.catalog-invalid")
    /// The policy file has errors.
    static let cliPolicyInvalid = RuleID("cli.policy-invalid")
    /// The waiver file has errors.
    static let cliWaiversInvalid = RuleID("cli.waivers-invalid")
    /// Standard input ended before every situation question was answered.
    static let cliAnswersIncomplete = RuleID("cli.answers-incomplete")
    /// `compose --enumerate` refused: too many answer sets, or too complex a follow-up structure to count them.
    static let cliEnumerationRefused = RuleID("cli.enumeration-refused")
    /// The workbench could not start (the port is taken, the folder cannot be read …).
    static let cliServeFailed = RuleID("cli.serve-failed")
    /// An output path ends in `.xml` or `.xsd`, which only onego's inputs do.
    static let cliOutputLooksLikeInput = RuleID("cli.output-looks-like-input")
}
