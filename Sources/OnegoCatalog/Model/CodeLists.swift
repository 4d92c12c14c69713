/// 办件类型: on the spot, or within the promised limit.
public enum HandlingKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// 即办件: finished on the spot once the materials are complete.
    case immediate = "即办件"
    /// 承诺件: finished within the published promised limit.
    case promised = "承诺件"
}

/// 行使层级.
public enum Level: Int, Sendable, Hashable, Codable, CaseIterable {
    case national = 1, provincial, municipal, county, township, village

    /// 国家级, 省级 …
    public var label: String {
        ["国家级", "省级", "市级", "县级", "乡镇（街道）级", "村（社区）级"][rawValue - 1]
    }
}

/// 实施主体性质.
public enum BodyNature: String, Sendable, Hashable, Codable, CaseIterable {
    case statutory = "法定机关"
    case authorised = "授权组织"
    case entrusted = "受委托组织"
}

/// 服务对象: the catalog's original four, and (schema 1.1) the 7 national categories; 法人 stays as shorthand for
/// any legal person.
public enum ServiceObject: String, Sendable, Hashable, Codable, CaseIterable {
    case naturalPerson = "自然人"
    case legalPerson = "法人"
    case unincorporated = "非法人组织"
    case individualBusiness = "个体工商户"
    /// 企业法人 (national category).
    case enterprise = "企业法人"
    /// 事业法人 (national category).
    case publicInstitution = "事业法人"
    /// 社会组织法人 (national category).
    case socialOrganisation = "社会组织法人"
    /// 非法人企业 (national category).
    case unincorporatedEnterprise = "非法人企业"
    /// 行政机关 (national category; a 机关法人).
    case governmentAgency = "行政机关"
    /// 其他组织 (national category).
    case otherOrganisation = "其他组织"

    /// Whether this names a legal person: 法人 itself, or one of its national sub-categories.
    public var isLegalPerson: Bool {
        switch self {
        case .legalPerson, .enterprise, .publicInstitution, .socialOrganisation, .governmentAgency: true
        default: false
        }
    }

    /// Whether the value exists only from catalog schema 1.1 on.
    public var isSchema11: Bool { !Self.schema10.contains(self) }

    private static let schema10: Set<ServiceObject> = [
        .naturalPerson, .legalPerson, .unincorporated, .individualBusiness,
    ]
}

/// 网上办理深度 Ⅰ–Ⅳ.
public enum OnlineDepth: Int, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// Ⅰ 公开/咨询.
    case information = 1
    /// Ⅱ 在线预审.
    case preReview
    /// Ⅲ 在线申办/受理.
    case onlineApplication
    /// Ⅳ 全程网办.
    case fullyOnline

    /// Ⅰ级 … Ⅳ级, with what it means.
    public var label: String {
        ["Ⅰ级（信息公开与咨询）", "Ⅱ级（在线预审）", "Ⅲ级（在线申办受理）", "Ⅳ级（全程网办）"][rawValue - 1]
    }

    /// Orders two values.
    public static func < (lhs: OnlineDepth, rhs: OnlineDepth) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// 办理形式.
public enum HandlingForm: String, Sendable, Hashable, Codable, CaseIterable {
    case window = "窗口办理"
    case online = "网上办理"
    case post = "快递申请"
    case kiosk = "自助终端"
    case mobile = "移动端办理"
}

/// 通办范围.
public enum CrossScope: String, Sendable, Hashable, Codable, CaseIterable {
    case nationwide = "全国"
    case province = "全省"
    case interCity = "跨城"
    case city = "全市"
    case county = "全县"
    case town = "全镇"
    case interVillage = "跨村"
}

/// 跨域办理模式.
public enum CrossMode: String, Sendable, Hashable, Codable, CaseIterable {
    case fullyOnline = "全程网办"
    case proxy = "异地代收代办"
    case joint = "多地联办"
}

/// 材料类型.
public enum MaterialType: Int, Sendable, Hashable, Codable, CaseIterable {
    /// 证件证书证明.
    case certificate = 1
    /// 申请表格文书.
    case form = 2
    /// 其他.
    case other = 3
    /// 未注明 (schema 1.1, code 0): the source gives the material's name only; rules that need the type skip it.
    case unspecified = 0

    /// The Chinese label.
    public var label: String {
        switch self {
        case .certificate: "证件证书证明"
        case .form: "申请表格文书"
        case .other: "其他"
        case .unspecified: "未注明"
        }
    }
}

/// 材料形式.
public enum MaterialForm: String, Sendable, Hashable, Codable, CaseIterable {
    case paper = "纸质"
    case electronic = "电子"
    case paperAndElectronic = "纸质和电子"
    /// 未注明 (schema 1.1): the source does not say; never taken as paper-only.
    case unspecified = "未注明"
}

/// 材料必要性. Ordered by strictness: 必要 > 容缺后补 > 非必要.
public enum Necessity: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case required = "必要"
    case optional = "非必要"
    /// 容缺后补: may be supplied after acceptance, on a written promise.
    case supplyLater = "容缺后补"
    /// 未注明 (schema 1.1): the source does not say; any stated necessity is stricter when lines merge.
    case unspecified = "未注明"

    var strictness: Int {
        switch self {
        case .required: 2
        case .supplyLater: 1
        case .optional: 0
        case .unspecified: -1
        }
    }

    /// Orders by strictness, so `max` picks the strictest.
    public static func < (lhs: Necessity, rhs: Necessity) -> Bool { lhs.strictness < rhs.strictness }
}

/// 来源渠道.
public enum MaterialSource: Int, Sendable, Hashable, Codable, CaseIterable {
    /// 申请人自备.
    case applicant = 10
    /// 政府部门核发.
    case government = 20
    /// 中介机构出具.
    case intermediary = 30
    /// 其他.
    case other = 99
    /// 未注明 (schema 1.1, code 0): the source does not say; never taken as government-issued.
    case unspecified = 0

    /// The Chinese label.
    public var label: String {
        switch self {
        case .applicant: "申请人自备"
        case .government: "政府部门核发"
        case .intermediary: "中介机构出具"
        case .other: "其他"
        case .unspecified: "未注明"
        }
    }
}

/// 办理结果类型.
public enum ResultType: String, Sendable, Hashable, Codable, CaseIterable {
    case licence = "证照"
    case approval = "批文"
    case certification = "证明"
    case other = "其他"
}

/// 特别程序.
public enum SpecialProcedureKind: String, Sendable, Hashable, Codable, CaseIterable {
    case inspection = "检验检测"
    case quarantine = "检疫"
    case appraisal = "鉴定"
    case expertReview = "专家评审"
    case hearing = "听证"
    case siteSurvey = "现场勘验"
    case auction = "招标拍卖"
    case publicNotice = "公示"
    case other = "其他"
}
