public import OnegoBase
public import OnegoCatalog

/// The item a finding is about, as readers see it.
public struct ItemReference: Sendable, Hashable {
    /// The item's code (业务办理项编码 or 实施编码).
    public var code: String?
    /// The item's name.
    public var name: String?
    /// The item's department.
    public var department: String?

    /// Creates a reference.
    public init(code: String?, name: String? = nil, department: String? = nil) {
        self.code = code
        self.name = name
        self.department = department
    }

    /// The reference of `item`.
    public init(_ item: ServiceItem) {
        self.init(code: item.id, name: item.name, department: item.department)
    }
}

/// One result of an audit rule: a diagnostic (which rule, how serious, what is wrong and where) and the item it is
/// about.
///
/// Findings are data, not thrown errors; reports print them and the CLI exits 1 when any error remains.
public struct Finding: Sendable, Hashable {
    /// The rule, severity, message and location.
    public var diagnostic: Diagnostic
    /// The item the finding concerns, when it concerns one.
    public var itemReference: ItemReference

    /// Creates a finding of `diagnostic` about the item `reference` (none by default).
    public init(_ diagnostic: Diagnostic, item reference: ItemReference = ItemReference(code: nil)) {
        self.diagnostic = diagnostic
        self.itemReference = reference
    }

    /// Creates a finding of a declared rule.
    public init(
        rule: RuleID, severity: Severity, item: String? = nil, itemName: String? = nil, message: String,
        location: SourceLocation? = nil, department: String? = nil
    ) {
        self.init(
            Diagnostic(severity, rule: rule, message: message, at: location),
            item: ItemReference(code: item, name: itemName, department: department))
    }

    /// The rule, e.g. `visits.zero-with-reason`.
    public var rule: RuleID {
        get { diagnostic.rule }
        set { diagnostic.rule = newValue }
    }
    /// How serious it is.
    public var severity: Severity {
        get { diagnostic.severity }
        set { diagnostic.severity = newValue }
    }
    /// The Chinese message naming the item and the values involved.
    public var message: String {
        get { diagnostic.message }
        set { diagnostic.message = newValue }
    }
    /// Where the problem is (the item's or material's start tag).
    public var location: SourceLocation? {
        get { diagnostic.location }
        set { diagnostic.location = newValue }
    }
    /// The item's code, when the finding concerns one item.
    public var item: String? {
        get { itemReference.code }
        set { itemReference.code = newValue }
    }
    /// The item's name, for readers.
    public var itemName: String? {
        get { itemReference.name }
        set { itemReference.name = newValue }
    }
    /// The item's department, when the finding concerns one item.
    public var department: String? {
        get { itemReference.department }
        set { itemReference.department = newValue }
    }

    /// `path:line:column: 错误: message [rule]`, as compilers print.
    public var description: String { diagnostic.description }
}

extension Finding: Codable {
    private enum CodingKeys: String, CodingKey {
        case rule, severity, item, itemName, department, message, location
    }

    /// Decodes the flat form (`rule`, `severity`, `item`, `itemName`, `department`, `message`, `location`).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            rule: try c.decode(RuleID.self, forKey: .rule), severity: try c.decode(Severity.self, forKey: .severity),
            item: try c.decodeIfPresent(String.self, forKey: .item),
            itemName: try c.decodeIfPresent(String.self, forKey: .itemName),
            message: try c.decode(String.self, forKey: .message),
            location: try c.decodeIfPresent(SourceLocation.self, forKey: .location),
            department: try c.decodeIfPresent(String.self, forKey: .department))
    }

    /// Encodes the flat form, as before findings carried a diagnostic.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(rule, forKey: .rule)
        try c.encode(severity, forKey: .severity)
        try c.encodeIfPresent(item, forKey: .item)
        try c.encodeIfPresent(itemName, forKey: .itemName)
        try c.encodeIfPresent(department, forKey: .department)
        try c.encode(message, forKey: .message)
        try c.encodeIfPresent(location, forKey: .location)
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
