/// 事项类型: a two-digit code whose meaning is a data table, because provinces number the types differently
/// (Guangdong uses 20 其他行政权力 / 21 公共服务).
public struct ItemType: Sendable, Hashable, Codable, RawRepresentable, CustomStringConvertible {
    /// The two-digit code as written in the catalog.
    public var rawValue: String

    /// Creates a type from its code.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// The national code list (DOMAIN.md §2).
    public static let nationalLabels: [String: String] = [
        "01": "行政许可", "02": "行政处罚", "03": "行政强制", "04": "行政征收", "05": "行政给付",
        "06": "行政检查", "07": "行政确认", "08": "行政奖励", "09": "行政裁决", "10": "其他行政权力",
        "11": "行政备案", "20": "公共服务",
    ]

    /// The Chinese label from the national table, or the code itself when it is not listed.
    public var label: String { Self.nationalLabels[rawValue] ?? rawValue }

    /// Whether this is 行政许可, the population of the time-limit compression figures.
    public var isLicensing: Bool { rawValue == "01" }

    /// Whether this is 公共服务.
    public var isPublicService: Bool { rawValue == "20" || rawValue == "21" }

    /// The text users read.
    public var description: String { "\(rawValue) \(label)" }
}
