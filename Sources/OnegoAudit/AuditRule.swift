public import OnegoBase
public import OnegoCatalog
public import OnegoComposer

/// What a rule's check reports: a message and, when it is not the item's start tag, a more precise place.
public struct RuleIssue: Sendable, Hashable {
    /// The Chinese message naming the item and the values involved.
    public var message: String
    /// A more precise place (a material's tag); `nil` means the item's start tag.
    public var location: SourceLocation?

    /// Creates an issue.
    public init(_ message: String, at location: SourceLocation? = nil) {
        self.message = message
        self.location = location
    }
}

/// One consistency rule: a stable ID, a severity, a Chinese title and explanation, and its check.
public struct AuditRule: Sendable, Identifiable {
    /// How a rule is evaluated.
    public enum Check: Sendable {
        /// Looks at one item at a time (bounded memory); the context carries the settings and per-audit memos.
        case item(@Sendable (ServiceItem, RuleContext) -> [RuleIssue])
        /// Looks at the whole catalog (codes defined twice, names under one sub-item); returns the item concerned.
        case catalog(@Sendable (Catalog, RuleContext) -> [(ServiceItem, RuleIssue)])
        /// Findings come from elsewhere (the composer's matter checks, the loader, the waiver file); the rule is
        /// listed so auditors can read it and waive it.
        case external
    }

    /// The ID, severity, family, title and explanation.
    public let descriptor: RuleDescriptor
    /// The check.
    public let check: Check

    /// The stable identifier, e.g. `visits.zero-with-reason`.
    public var id: RuleID { descriptor.id }
    /// The default severity.
    public var severity: Severity { descriptor.severity }
    /// The family.
    public var family: RuleFamily { descriptor.family }
    /// A short Chinese title.
    public var title: String { descriptor.title }
    /// A short Chinese explanation of what is checked and why.
    public var explanation: String { descriptor.explanation }

    /// Creates a rule.
    public init(
        _ id: RuleID, _ severity: Severity, _ family: RuleFamily, title: String, explanation: String, check: Check
    ) {
        self.descriptor = RuleDescriptor(id, severity, family, title: title, explanation: explanation)
        self.check = check
    }

    /// A rule whose findings come from elsewhere (loader, composer, waiver and policy files), listed so that
    /// auditors can read it and waive it.
    public init(external descriptor: RuleDescriptor) {
        self.descriptor = descriptor
        self.check = .external
    }

    /// A rule that looks at one item.
    public static func item(
        _ id: RuleID, _ severity: Severity, _ family: RuleFamily, title: String, explanation: String,
        _ body: @escaping @Sendable (ServiceItem, RuleContext) -> [RuleIssue]
    ) -> AuditRule {
        AuditRule(id, severity, family, title: title, explanation: explanation, check: .item(body))
    }
}

/// Settings of the configurable ([P]/[I]) rules and figures.
public struct AuditSettings: Sendable, Hashable {
    /// Accepted basic-code layouts.
    public var codeProfile: CodeProfile
    /// The longest promise an instant-approval (秒批) item may have when it is not 即办件.
    public var instantApprovalMaxPromise: TimeLimit
    /// Visits above this are reported (最多跑一次 means 1).
    public var maxVisits: Int
    /// The material synonym table (`Catalogs/reference/material-synonyms.xml`): two materials of one item whose
    /// names it maps to the same document are near-duplicates.
    public var synonyms: SynonymTable
    /// The workspace's office hours (`office-hours.txt`): limits in hours and minutes convert to working days
    /// through their length, as the composer does (7 hours for the default 9:00–12:00, 13:30–17:30).
    public var officeHours: OfficeHours

    /// Creates settings.
    public init(
        codeProfile: CodeProfile = .national, instantApprovalMaxPromise: TimeLimit = TimeLimit(1, .workingDays),
        maxVisits: Int = 1, synonyms: SynonymTable = .empty, officeHours: OfficeHours = .standard
    ) {
        self.officeHours = officeHours
        self.codeProfile = codeProfile
        self.instantApprovalMaxPromise = instantApprovalMaxPromise
        self.maxVisits = maxVisits
        self.synonyms = synonyms
    }

    /// The defaults used by `onego audit`.
    public static let standard = AuditSettings()
}

extension ServiceItem {
    /// `事项“企业设立登记”（1144…001）`, the way messages name an item.
    var label: String { "事项“\(name)”（\(id)）" }
}
