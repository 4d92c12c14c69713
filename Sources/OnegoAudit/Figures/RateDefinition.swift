public import OnegoCatalog

/// One coverage rate of DOMAIN.md §6: what is counted, over which population, and its stable ID (used by policies).
public struct RateDefinition: Sendable, Identifiable {
    /// What one unit of the denominator is.
    public enum Measure: Sendable {
        /// Items meeting a condition, over items.
        case items(@Sendable (ServiceItem) -> Bool)
        /// Materials meeting a condition, over all material lines of the items.
        case materials(@Sendable (Material) -> Bool)
    }

    /// The stable ID, e.g. `online`.
    public let id: String
    /// The Chinese name, e.g. 网上可办率.
    public let name: String
    /// How it is computed, in Chinese, naming numerator and denominator.
    public let formula: String
    /// What is counted.
    public let measure: Measure

    /// Creates a definition.
    public init(id: String, name: String, formula: String, measure: Measure) {
        self.id = id
        self.name = name
        self.formula = formula
        self.measure = measure
    }

    /// Whether the denominator counts materials rather than items.
    public var countsMaterials: Bool {
        if case .materials = measure { return true }
        return false
    }

    /// The rates onego computes, in report order.
    public static let all: [RateDefinition] = [
        RateDefinition(
            id: "immediate", name: "即办比例", formula: "即办件数 ÷ 事项数",
            measure: .items { $0.isImmediate }),
        RateDefinition(
            id: "online", name: "网上可办率", formula: "可网办事项数（是否网办为是，或网办深度≥Ⅲ级）÷ 事项数",
            measure: .items { $0.online.isAvailable || $0.online.depth >= .onlineApplication }),
        RateDefinition(
            id: "fully-online", name: "全程网办率", formula: "网办深度Ⅳ级事项数 ÷ 事项数",
            measure: .items { $0.isFullyOnline }),
        RateDefinition(
            id: "at-most-one-visit", name: "最多跑一次率", formula: "到现场次数≤1 的事项数 ÷ 事项数",
            measure: .items { $0.isAtMostOneVisit }),
        RateDefinition(
            id: "zero-visit", name: "零跑动率", formula: "到现场次数为 0 的事项数 ÷ 事项数",
            measure: .items { $0.isZeroVisit }),
        RateDefinition(
            id: "tolerance-items", name: "容缺事项比例", formula: "至少有 1 项容缺后补材料的事项数 ÷ 事项数",
            measure: .items { $0.isFaultTolerant }),
        RateDefinition(
            id: "tolerance-materials", name: "容缺材料比例", formula: "容缺后补材料条数 ÷ 申请材料总条数",
            measure: .materials { $0.allowsLaterSupply }),
        RateDefinition(
            id: "instant-approval", name: "秒批事项比例", formula: "秒批（无人干预自动审批）事项数 ÷ 事项数",
            measure: .items { $0.modes.isInstantApproval }),
        RateDefinition(
            id: "instant-declaration", name: "秒报事项比例", formula: "秒报（数据共享预填）事项数 ÷ 事项数",
            measure: .items { $0.modes.isInstantDeclaration }),
        RateDefinition(
            id: "certificate-free", name: "免证办比例", formula: "免证办事项数 ÷ 事项数",
            measure: .items { $0.modes.isCertificateFree }),
        RateDefinition(
            id: "promise-based", name: "告知承诺制比例", formula: "实行告知承诺制的事项数 ÷ 事项数",
            measure: .items { $0.modes.isPromiseBased }),
        RateDefinition(
            id: "cross-province", name: "跨省通办比例", formula: "通办范围为全国的事项数 ÷ 事项数",
            measure: .items { $0.isCrossProvince }),
        RateDefinition(
            id: "cross-region", name: "通办事项比例", formula: "写明通办范围（全国、全省、跨城、全市等）的事项数 ÷ 事项数",
            measure: .items { $0.crossRegion != nil }),
        RateDefinition(
            id: "elicence-materials", name: "可用电子证照材料比例", formula: "写明可替代电子证照的材料条数 ÷ 申请材料总条数",
            measure: .materials { !($0.eLicence ?? "").isEmpty }),
    ]

    /// The definition with this ID.
    public static func definition(id: String) -> RateDefinition? { all.first { $0.id == id } }
}
