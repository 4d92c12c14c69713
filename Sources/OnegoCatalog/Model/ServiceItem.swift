public import OnegoBase

/// One 业务办理项 of an implementation list: the smallest unit a citizen applies for.
///
/// Storage: the fields live in one copy-on-write box (``CopyOnWrite``), so copying an item (into a result, a closure, an array) costs
/// one reference count instead of one per string and array field; the audit and the figures copy items often.
/// The properties behave as stored ones and the item is a value.
public struct ServiceItem: Sendable, Hashable, Codable, Identifiable {
    /// The stored fields (internal storage); the coding keys are the property names.
    struct Fields: Hashable, Codable {
        var codes: ItemCodes
        var name: String
        var type: ItemType
        var level: Level
        var region: RegionCode
        var handling: HandlingKind
        var department: String
        var implementingBody: ImplementingBody
        var serviceObjects: [ServiceObject]
        var legalBasis: [LegalProvision]
        var conditions: String?
        var statutoryLimit: TimeLimit?
        var promisedLimit: TimeLimit?
        var specialProcedures: [SpecialProcedure]
        var visits: Int
        var visitReason: String?
        var online: OnlineService
        var handlingForms: [HandlingForm]
        var crossRegion: CrossRegion?
        var fee: Fee
        var modes: HandlingModes
        var materials: [Material]
        var results: [ItemResult]
        var steps: [ProcessStep]
        /// Boxed (8 bytes instead of 72): the items of one office repeat the same contact, and the loader shares
        /// one box among equal contacts of a file.
        var contact: CopyOnWrite<Contact>
        /// Schema 1.1 details; `nil` when empty, so 1.0 items compare and encode as before. Boxed: 8 bytes instead
        /// of 48 in every 1.0 item.
        var details: CopyOnWrite<PublishedDetails>?
        var location: SourceLocation
    }

    private var storage: CopyOnWrite<Fields>

    /// Basic, implementation and handling-item codes.
    public var codes: ItemCodes {
        _read { yield storage.value.codes }
        _modify { yield &storage.value.codes }
    }
    /// The item's name.
    public var name: String {
        _read { yield storage.value.name }
        _modify { yield &storage.value.name }
    }
    /// 事项类型.
    public var type: ItemType {
        _read { yield storage.value.type }
        _modify { yield &storage.value.type }
    }
    /// 行使层级.
    public var level: Level {
        _read { yield storage.value.level }
        _modify { yield &storage.value.level }
    }
    /// The region the item is implemented in.
    public var region: RegionCode {
        _read { yield storage.value.region }
        _modify { yield &storage.value.region }
    }
    /// 即办件 or 承诺件.
    public var handling: HandlingKind {
        _read { yield storage.value.handling }
        _modify { yield &storage.value.handling }
    }
    /// The department that publishes it.
    public var department: String {
        _read { yield storage.value.department }
        _modify { yield &storage.value.department }
    }
    /// 实施主体.
    public var implementingBody: ImplementingBody {
        _read { yield storage.value.implementingBody }
        _modify { yield &storage.value.implementingBody }
    }
    /// 服务对象.
    public var serviceObjects: [ServiceObject] {
        _read { yield storage.value.serviceObjects }
        _modify { yield &storage.value.serviceObjects }
    }
    /// 设定依据.
    public var legalBasis: [LegalProvision] {
        _read { yield storage.value.legalBasis }
        _modify { yield &storage.value.legalBasis }
    }
    /// 受理条件.
    public var conditions: String? {
        _read { yield storage.value.conditions }
        _modify { yield &storage.value.conditions }
    }
    /// 法定办结时限; absent for some public services.
    public var statutoryLimit: TimeLimit? {
        _read { yield storage.value.statutoryLimit }
        _modify { yield &storage.value.statutoryLimit }
    }
    /// 承诺办结时限; `nil` when the source does not publish one (未公布, catalog schema 1.1).
    public var promisedLimit: TimeLimit? {
        _read { yield storage.value.promisedLimit }
        _modify { yield &storage.value.promisedLimit }
    }
    /// 特别程序.
    public var specialProcedures: [SpecialProcedure] {
        _read { yield storage.value.specialProcedures }
        _modify { yield &storage.value.specialProcedures }
    }
    /// 到办事现场次数.
    public var visits: Int {
        _read { yield storage.value.visits }
        _modify { yield &storage.value.visits }
    }
    /// Why the applicant must come on site, when `visits > 0`.
    public var visitReason: String? {
        _read { yield storage.value.visitReason }
        _modify { yield &storage.value.visitReason }
    }
    /// 是否网办 and depth.
    public var online: OnlineService {
        _read { yield storage.value.online }
        _modify { yield &storage.value.online }
    }
    /// 办理形式.
    public var handlingForms: [HandlingForm] {
        _read { yield storage.value.handlingForms }
        _modify { yield &storage.value.handlingForms }
    }
    /// 通办范围 and mode.
    public var crossRegion: CrossRegion? {
        _read { yield storage.value.crossRegion }
        _modify { yield &storage.value.crossRegion }
    }
    /// Fees.
    public var fee: Fee {
        _read { yield storage.value.fee }
        _modify { yield &storage.value.fee }
    }
    /// 秒批, 秒报, 告知承诺, 免证办.
    public var modes: HandlingModes {
        _read { yield storage.value.modes }
        _modify { yield &storage.value.modes }
    }
    /// 申请材料.
    public var materials: [Material] {
        _read { yield storage.value.materials }
        _modify { yield &storage.value.materials }
    }
    /// 办理结果.
    public var results: [ItemResult] {
        _read { yield storage.value.results }
        _modify { yield &storage.value.results }
    }
    /// 办理流程.
    public var steps: [ProcessStep] {
        _read { yield storage.value.steps }
        _modify { yield &storage.value.steps }
    }
    /// Address, hours and phones.
    public var contact: Contact {
        _read { yield storage.value.contact.value }
        _modify { yield &storage.value.contact.value }
    }
    /// The contact's box, which the loader swaps for a shared one.
    var contactStorage: CopyOnWrite<Contact> {
        get { storage.value.contact }
        set { storage.value.contact = newValue }
    }
    /// 实施层级, 联办部门, 俗称, keywords and the appointment address (catalog schema 1.1); empty for 1.0 items.
    public var details: PublishedDetails {
        get { storage.value.details?.value ?? PublishedDetails() }
        set { storage.value.details = newValue.isEmpty ? nil : CopyOnWrite(newValue) }
    }
    /// Where the item's start tag is.
    public var location: SourceLocation {
        _read { yield storage.value.location }
        _modify { yield &storage.value.location }
    }

    /// Whether two items have equal fields.
    public static func == (a: ServiceItem, b: ServiceItem) -> Bool {
        a.storage.isIdentical(to: b.storage) || a.storage.value == b.storage.value
    }

    /// Hashes the fields.
    public func hash(into hasher: inout Hasher) { hasher.combine(storage.value) }

    /// Decodes the keys the synthesized conformance used (the property names).
    public init(from decoder: any Decoder) throws { storage = CopyOnWrite(try Fields(from: decoder)) }

    /// Encodes the property names as keys, as the synthesized conformance did.
    public func encode(to encoder: any Encoder) throws { try storage.value.encode(to: encoder) }

    /// The code that identifies this item in a catalog: the handling-item code, else the implementation code.
    public var id: String { codes.identifying }

    /// Creates an item. Tests and converters use this; the loader fills every field from XML.
    public init(
        codes: ItemCodes, name: String, type: ItemType = ItemType(rawValue: "01"), level: Level = .county,
        region: RegionCode = RegionCode("000000"), handling: HandlingKind = .promised, department: String = "",
        implementingBody: ImplementingBody = ImplementingBody(name: "", creditCode: CreditCode("")),
        serviceObjects: [ServiceObject] = [], legalBasis: [LegalProvision] = [], conditions: String? = nil,
        statutoryLimit: TimeLimit? = nil, promisedLimit: TimeLimit? = TimeLimit(0, .workingDays),
        specialProcedures: [SpecialProcedure] = [], visits: Int = 1, visitReason: String? = nil,
        online: OnlineService = OnlineService(isAvailable: false, depth: .information),
        handlingForms: [HandlingForm] = [.window], crossRegion: CrossRegion? = nil, fee: Fee = Fee(),
        modes: HandlingModes = HandlingModes(), materials: [Material] = [], results: [ItemResult] = [],
        steps: [ProcessStep] = [], contact: Contact = Contact(), details: PublishedDetails = PublishedDetails(),
        location: SourceLocation = SourceLocation(file: "", line: 0, column: 0)
    ) {
        storage = CopyOnWrite(
            Fields(
                codes: codes, name: name, type: type, level: level, region: region, handling: handling,
                department: department, implementingBody: implementingBody, serviceObjects: serviceObjects,
                legalBasis: legalBasis, conditions: conditions, statutoryLimit: statutoryLimit,
                promisedLimit: promisedLimit, specialProcedures: specialProcedures, visits: visits,
                visitReason: visitReason, online: online, handlingForms: handlingForms, crossRegion: crossRegion,
                fee: fee, modes: modes, materials: materials, results: results, steps: steps,
                contact: CopyOnWrite(contact), details: details.isEmpty ? nil : CopyOnWrite(details),
                location: location))
    }

    /// An item for the loader to fill in from its start tag: its contact is `contact`'s box (a reader's blank one,
    /// until the file's shared box of the item's `<contact>` replaces it), not a new box per item.
    init(
        codes: ItemCodes, type: ItemType, level: Level, region: RegionCode, handling: HandlingKind,
        contact: CopyOnWrite<Contact>, location: SourceLocation
    ) {
        storage = CopyOnWrite(
            Fields(
                codes: codes, name: "", type: type, level: level, region: region, handling: handling,
                department: "", implementingBody: ImplementingBody(name: "", creditCode: CreditCode("")),
                serviceObjects: [], legalBasis: [], conditions: nil, statutoryLimit: nil,
                promisedLimit: TimeLimit(0, .workingDays), specialProcedures: [], visits: 1, visitReason: nil,
                online: OnlineService(isAvailable: false, depth: .information), handlingForms: [], crossRegion: nil,
                fee: Fee(), modes: HandlingModes(), materials: [], results: [], steps: [], contact: contact,
                details: nil, location: location))
    }

    /// Whether the promised limit is published (``PublishedState/notPublished`` when it is absent).
    public var promisedLimitState: PublishedState { promisedLimit == nil ? .notPublished : .published }
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
