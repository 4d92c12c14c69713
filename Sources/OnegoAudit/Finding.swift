public import OnegoBase
public import OnegoCatalog

/// One result of an audit rule: which rule, how serious, which item, what is wrong and where.
///
/// Findings are data, not thrown errors; reports print them and the CLI exits 1 when any error remains.
public struct Finding: Sendable, Hashable, Codable {
    /// The stable rule identifier, e.g. `visits.zero-with-reason`.
    public var rule: String
    /// How serious it is.
    public var severity: Severity
    /// The item's code, when the finding concerns one item.
    public var item: String?
    /// The item's name, for readers.
    public var itemName: String?
    /// The item's department, when the finding concerns one item.
    public var department: String?
    /// The Chinese message naming the item and the values involved.
    public var message: String
    /// Where the problem is (the item's or material's start tag).
    public var location: SourceLocation?

    /// Creates a finding.
    public init(
        rule: String, severity: Severity, item: String? = nil, itemName: String? = nil, message: String,
        location: SourceLocation? = nil, department: String? = nil
    ) {
        self.rule = rule
        self.severity = severity
        self.item = item
        self.itemName = itemName
        self.message = message
        self.location = location
        self.department = department
    }

    /// Creates a finding of a declared rule.
    public init(
        rule: RuleID, severity: Severity, item: String? = nil, itemName: String? = nil, message: String,
        location: SourceLocation? = nil, department: String? = nil
    ) {
        self.init(
            rule: rule.rawValue, severity: severity, item: item, itemName: itemName, message: message,
            location: location, department: department)
    }

    /// `path:line:column: 错误: message [rule]`, as compilers print.
    public var description: String {
        Diagnostic(severity, rule: RuleID(rule), message: message, at: location).description
    }
}

/// A finding that a waiver silenced, kept so reports can say what was waived and why.
public struct WaivedFinding: Sendable, Hashable, Codable {
    /// The silenced finding.
    public var finding: Finding
    /// The waiver's reason.
    public var reason: String
    /// The waiver's expiry date, if any.
    public var expires: CalendarDay?
    /// Whether a global switch-off (rather than a per-item waiver) silenced it.
    public var isGlobal: Bool

    /// Creates a waived finding.
    public init(finding: Finding, reason: String, expires: CalendarDay?, isGlobal: Bool) {
        self.finding = finding
        self.reason = reason
        self.expires = expires
        self.isGlobal = isGlobal
    }
}

extension Array where Element == Finding {
    /// The number of findings with this severity.
    public func count(_ severity: Severity) -> Int { count { $0.severity == severity } }

    /// Sorted by severity, then file, line, column and rule.
    public func sortedForReport() -> [Finding] {
        sorted { a, b in
            if a.severity != b.severity { return a.severity < b.severity }
            let l = a.location ?? SourceLocation(file: "", line: 0, column: 0)
            let r = b.location ?? SourceLocation(file: "", line: 0, column: 0)
            if l != r { return l < r }
            return a.rule < b.rule
        }
    }
}
