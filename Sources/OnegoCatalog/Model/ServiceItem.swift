public import OnegoXML

/// One 业务办理项 of an implementation list: the smallest unit a citizen applies for.
public struct ServiceItem: Sendable, Hashable, Codable, Identifiable {
    /// Basic, implementation and handling-item codes.
    public var codes: ItemCodes
    /// The item's name.
    public var name: String
    /// 事项类型.
    public var type: ItemType
    /// 行使层级.
    public var level: Level
    /// The region the item is implemented in.
    public var region: RegionCode
    /// 即办件 or 承诺件.
    public var handling: HandlingKind
    /// The department that publishes it.
    public var department: String
    /// 实施主体.
    public var implementingBody: ImplementingBody
    /// 服务对象.
    public var serviceObjects: [ServiceObject]
    /// 设定依据.
    public var legalBasis: [LegalProvision]
    /// 受理条件.
    public var conditions: String?
    /// 法定办结时限; absent for some public services.
    public var statutoryLimit: TimeLimit?
    /// 承诺办结时限.
    public var promisedLimit: TimeLimit
    /// 特别程序.
    public var specialProcedures: [SpecialProcedure]
    /// 到办事现场次数.
    public var visits: Int
    /// Why the applicant must come on site, when `visits > 0`.
    public var visitReason: String?
    /// 是否网办 and depth.
    public var online: OnlineService
    /// 办理形式.
    public var handlingForms: [HandlingForm]
    /// 通办范围 and mode.
    public var crossRegion: CrossRegion?
    /// Fees.
    public var fee: Fee
    /// 秒批, 秒报, 告知承诺, 免证办.
    public var modes: HandlingModes
    /// 申请材料.
    public var materials: [Material]
    /// 办理结果.
    public var results: [ItemResult]
    /// 办理流程.
    public var steps: [ProcessStep]
    /// Address, hours and phones.
    public var contact: Contact
    /// Where the item's start tag is.
    public var location: SourceLocation

    /// The code that identifies this item in a catalog: the handling-item code, else the implementation code.
    public var id: String { codes.identifying }

    /// Creates an item. Tests and converters use this; the loader fills every field from XML.
    public init(
        codes: ItemCodes, name: String, type: ItemType = ItemType(rawValue: "01"), level: Level = .county,
        region: RegionCode = RegionCode("000000"), handling: HandlingKind = .promised, department: String = "",
        implementingBody: ImplementingBody = ImplementingBody(name: "", creditCode: CreditCode("")),
        serviceObjects: [ServiceObject] = [], legalBasis: [LegalProvision] = [], conditions: String? = nil,
        statutoryLimit: TimeLimit? = nil, promisedLimit: TimeLimit = TimeLimit(0, .workingDays),
        specialProcedures: [SpecialProcedure] = [], visits: Int = 1, visitReason: String? = nil,
        online: OnlineService = OnlineService(isAvailable: false, depth: .information),
        handlingForms: [HandlingForm] = [.window], crossRegion: CrossRegion? = nil, fee: Fee = Fee(),
        modes: HandlingModes = HandlingModes(), materials: [Material] = [], results: [ItemResult] = [],
        steps: [ProcessStep] = [], contact: Contact = Contact(),
        location: SourceLocation = SourceLocation(file: "", line: 0, column: 0)
    ) {
        self.codes = codes
        self.name = name
        self.type = type
        self.level = level
        self.region = region
        self.handling = handling
        self.department = department
        self.implementingBody = implementingBody
        self.serviceObjects = serviceObjects
        self.legalBasis = legalBasis
        self.conditions = conditions
        self.statutoryLimit = statutoryLimit
        self.promisedLimit = promisedLimit
        self.specialProcedures = specialProcedures
        self.visits = visits
        self.visitReason = visitReason
        self.online = online
        self.handlingForms = handlingForms
        self.crossRegion = crossRegion
        self.fee = fee
        self.modes = modes
        self.materials = materials
        self.results = results
        self.steps = steps
        self.contact = contact
        self.location = location
    }

    /// 即办件.
    public var isImmediate: Bool { handling == .immediate }
    /// At least one material may be supplied later (容缺受理).
    public var isFaultTolerant: Bool { materials.contains { $0.allowsLaterSupply } }
    /// 全程网办 (depth Ⅳ).
    public var isFullyOnline: Bool { online.depth == .fullyOnline }
    /// 最多跑一次.
    public var isAtMostOneVisit: Bool { visits <= 1 }
    /// 零跑动.
    public var isZeroVisit: Bool { visits == 0 }
    /// 跨省通办 (scope 全国).
    public var isCrossProvince: Bool { crossRegion?.scope == .nationwide }
}
