public import OnegoBase
import OnegoCatalog
import OnegoComposer
import OnegoXML

/// The registry of audit rules: every rule onego checks, in a stable order, looked up by ID.
public struct RuleRegistry: Sendable {
    /// The rules, in listing order.
    public let rules: [AuditRule]
    private let index: [String: Int]

    /// Creates a registry; a later rule with an ID already present is ignored.
    public init(rules: [AuditRule]) {
        var kept: [AuditRule] = []
        var index: [String: Int] = [:]
        for rule in rules where index[rule.id.rawValue] == nil {
            index[rule.id.rawValue] = kept.count
            kept.append(rule)
        }
        self.rules = kept
        self.index = index
    }

    /// The rule with this ID.
    public func rule(id: String) -> AuditRule? { index[id].map { rules[$0] } }

    /// The rule with this ID.
    public func rule(id: RuleID) -> AuditRule? { rule(id: id.rawValue) }

    /// Whether a rule with this ID exists.
    public func contains(_ id: String) -> Bool { index[id] != nil }

    /// Whether a rule with this ID exists.
    public func contains(_ id: RuleID) -> Bool { contains(id.rawValue) }

    /// The descriptors of every rule, in listing order.
    public var descriptors: [RuleDescriptor] { rules.map(\.descriptor) }

    /// This registry with more rules appended (for example the importer's, which the audit never emits);
    /// IDs already present are ignored.
    public func adding(_ descriptors: [RuleDescriptor]) -> RuleRegistry {
        RuleRegistry(rules: rules + descriptors.map { AuditRule(external: $0) })
    }

    /// Every rule onego ships.
    public static let standard = RuleRegistry(
        rules: CodeRules.all + TimeRules.all + VisitRules.all + OnlineRules.all + ToleranceRules.all
            + InstantApprovalRules.all + CertificateFreeRules.all + CrossRegionRules.all + FeeRules.all
            + ContactRules.all + ResultRules.all + MaterialRules.all + LegalRules.all
            + RuleDescriptor.matterRules.map(composerRule) + HiddenCharacterRules.all
            + RuleDescriptor.xmlRules.map { AuditRule(external: $0) } + WaiverRules.all + ConsistencyRules.all
            + (RuleDescriptor.catalogRules + RuleDescriptor.calendarRules + RuleDescriptor.synonymRules)
            .map { AuditRule(external: $0) } + PolicyRules.all)

    /// A rule the composer's checks emit, listed as an audit rule.
    private static func composerRule(_ rule: RuleDescriptor) -> AuditRule {
        AuditRule(
            external: RuleDescriptor(
                rule.id, rule.severity, rule.family, title: rule.title,
                explanation: rule.explanation + "（由编排模块 MatterChecks 检查，作为审计发现列出。）"))
    }
}
