public import OnegoBase
public import OnegoCatalog
public import OnegoComposer

/// The family a rule belongs to, for grouping in reports and in `onego rules`.
public enum RuleFamily: String, Sendable, Hashable, Codable, CaseIterable {
    case codes, time, visits, online, tolerance, instant, certificateFree, crossRegion, fees, contact, results
    case materials, legal, matters, load, waivers, text, consistency

    /// The Chinese heading.
    public var label: String {
        switch self {
        case .codes: "编码"
        case .time: "时限与单位"
        case .visits: "跑动次数"
        case .online: "网办深度与办理形式"
        case .tolerance: "容缺受理"
        case .instant: "秒批"
        case .certificateFree: "免证办"
        case .crossRegion: "通办范围与模式"
        case .fees: "收费"
        case .contact: "咨询与投诉电话"
        case .results: "办理结果"
        case .materials: "申请材料"
        case .legal: "设定依据"
        case .matters: "一件事定义"
        case .load: "目录读取"
        case .waivers: "豁免文件"
        case .text: "文字与隐藏字符"
        case .consistency: "四级四同"
        }
    }
}

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

    /// The stable identifier, e.g. `visits.zero-with-reason`.
    public let id: String
    /// The default severity.
    public let severity: Severity
    /// The family.
    public let family: RuleFamily
    /// A short Chinese title.
    public let title: String
    /// A short Chinese explanation of what is checked and why.
    public let explanation: String
    /// The check.
    public let check: Check

    /// Creates a rule.
    public init(
        _ id: String, _ severity: Severity, _ family: RuleFamily, title: String, explanation: String, check: Check
    ) {
        self.id = id
        self.severity = severity
        self.family = family
        self.title = title
        self.explanation = explanation
        self.check = check
    }

    /// A rule that looks at one item.
    public static func item(
        _ id: String, _ severity: Severity, _ family: RuleFamily, title: String, explanation: String,
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

    /// Creates settings.
    public init(
        codeProfile: CodeProfile = .national, instantApprovalMaxPromise: TimeLimit = TimeLimit(1, .workingDays),
        maxVisits: Int = 1, synonyms: SynonymTable = .empty
    ) {
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
