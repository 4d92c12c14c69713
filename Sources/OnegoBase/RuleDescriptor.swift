/// The family a rule belongs to, for grouping in reports and in `onego rules`.
public enum RuleFamily: String, Sendable, Hashable, Codable, CaseIterable {
    case codes, time, visits, online, tolerance, instant, certificateFree, crossRegion, fees, contact, results
    case materials, legal, matters, load, waivers, text, consistency
    case calendars, references, workspace, imports

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
        case .calendars: "工作日历"
        case .references: "同义词表与政策目标"
        case .workspace: "工作区文件"
        case .imports: "导入"
        }
    }
}

/// What `onego rules` lists about one rule: its ID, default severity, family, and Chinese title and explanation.
///
/// Each module declares the descriptors of the rules it emits beside the code that emits them; the audit
/// registry (`RuleRegistry.standard`) is built from those lists.
public struct RuleDescriptor: Sendable, Hashable, Identifiable {
    /// The stable identifier.
    public let id: RuleID
    /// The default severity.
    public let severity: Severity
    /// The family.
    public let family: RuleFamily
    /// A short Chinese title.
    public let title: String
    /// A short Chinese explanation of what is checked and why.
    public let explanation: String

    /// Creates a descriptor.
    public init(_ id: RuleID, _ severity: Severity, _ family: RuleFamily, title: String, explanation: String) {
        self.id = id
        self.severity = severity
        self.family = family
        self.title = title
        self.explanation = explanation
    }
}
