/// The registry of audit rules: every rule onego checks, in a stable order, looked up by ID.
public struct RuleRegistry: Sendable {
    /// The rules, in listing order.
    public let rules: [AuditRule]
    private let index: [String: Int]

    /// Creates a registry; a later rule with an ID already present is ignored.
    public init(rules: [AuditRule]) {
        var kept: [AuditRule] = []
        var index: [String: Int] = [:]
        for rule in rules where index[rule.id] == nil {
            index[rule.id] = kept.count
            kept.append(rule)
        }
        self.rules = kept
        self.index = index
    }

    /// The rule with this ID.
    public func rule(id: String) -> AuditRule? { index[id].map { rules[$0] } }

    /// Whether a rule with this ID exists.
    public func contains(_ id: String) -> Bool { index[id] != nil }

    /// Every rule onego ships.
    public static let standard = RuleRegistry(
        rules: CodeRules.all + TimeRules.all + VisitRules.all + OnlineRules.all + ToleranceRules.all
            + InstantApprovalRules.all + CertificateFreeRules.all + CrossRegionRules.all + FeeRules.all
            + ContactRules.all + ResultRules.all + MaterialRules.all + LegalRules.all + MatterRules.all
            + HiddenCharacterRules.all + LoadRules.all + WaiverRules.all + ConsistencyRules.all)
}
