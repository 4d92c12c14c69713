public import OnegoBase

/// One 业务办理项 of an implementation list: the smallest unit a citizen applies for.
///
/// Storage: the fields live in one copy-on-write box, so copying an item (into a result, a closure, an array) costs
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
        var contact: Contact
        /// Schema 1.1 details; `nil` when empty, so 1.0 items compare and encode as before.
        var details: PublishedDetails?
        var location: SourceLocation
    }

    /// The copy-on-write box around ``Fields``; mutated only when uniquely referenced.
    final class Storage: @unchecked Sendable {
        var fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    private var storage: Storage

    /// Basic, implementation and handling-item codes.
    public var codes: ItemCodes {
        _read { yield storage.fields.codes }
        _modify {
            makeUnique()
            yield &storage.fields.codes
        }
    }
    /// The item's name.
    public var name: String {
        _read { yield storage.fields.name }
        _modify {
            makeUnique()
            yield &storage.fields.name
        }
    }
    /// 事项类型.
    public var type: ItemType {
        _read { yield storage.fields.type }
        _modify {
            makeUnique()
            yield &storage.fields.type
        }
    }
    /// 行使层级.
    public var level: Level {
        _read { yield storage.fields.level }
        _modify {
            makeUnique()
            yield &storage.fields.level
        }
    }
    /// The region the item is implemented in.
    public var region: RegionCode {
        _read { yield storage.fields.region }
        _modify {
            makeUnique()
            yield &storage.fields.region
        }
    }
    /// 即办件 or 承诺件.
    public var handling: HandlingKind {
        _read { yield storage.fields.handling }
        _modify {
            makeUnique()
            yield &storage.fields.handling
        }
    }
    /// The department that publishes it.
    public var department: String {
        _read { yield storage.fields.department }
        _modify {
            makeUnique()
            yield &storage.fields.department
        }
    }
    /// 实施主体.
    public var implementingBody: ImplementingBody {
        _read { yield storage.fields.implementingBody }
        _modify {
            makeUnique()
            yield &storage.fields.implementingBody
        }
    }
    /// 服务对象.
    public var serviceObjects: [ServiceObject] {
        _read { yield storage.fields.serviceObjects }
        _modify {
            makeUnique()
            yield &storage.fields.serviceObjects
        }
    }
    /// 设定依据.
    public var legalBasis: [LegalProvision] {
        _read { yield storage.fields.legalBasis }
        _modify {
            makeUnique()
            yield &storage.fields.legalBasis
        }
    }
    /// 受理条件.
    public var conditions: String? {
        _read { yield storage.fields.conditions }
        _modify {
            makeUnique()
            yield &storage.fields.conditions
        }
    }
    /// 法定办结时限; absent for some public services.
    public var statutoryLimit: TimeLimit? {
        _read { yield storage.fields.statutoryLimit }
        _modify {
            makeUnique()
            yield &storage.fields.statutoryLimit
        }
    }
    /// 承诺办结时限; `nil` when the source does not publish one (未公布, catalog schema 1.1).
    public var promisedLimit: TimeLimit? {
        _read { yield storage.fields.promisedLimit }
        _modify {
            makeUnique()
            yield &storage.fields.promisedLimit
        }
    }
    /// 特别程序.
    public var specialProcedures: [SpecialProcedure] {
        _read { yield storage.fields.specialProcedures }
        _modify {
            makeUnique()
            yield &storage.fields.specialProcedures
        }
    }
    /// 到办事现场次数.
    public var visits: Int {
        _read { yield storage.fields.visits }
        _modify {
            makeUnique()
            yield &storage.fields.visits
        }
    }
    /// Why the applicant must come on site, when `visits > 0`.
    public var visitReason: String? {
        _read { yield storage.fields.visitReason }
        _modify {
            makeUnique()
            yield &storage.fields.visitReason
        }
    }
    /// 是否网办 and depth.
    public var online: OnlineService {
        _read { yield storage.fields.online }
        _modify {
            makeUnique()
            yield &storage.fields.online
        }
    }
    /// 办理形式.
    public var handlingForms: [HandlingForm] {
        _read { yield storage.fields.handlingForms }
        _modify {
            makeUnique()
            yield &storage.fields.handlingForms
        }
    }
    /// 通办范围 and mode.
    public var crossRegion: CrossRegion? {
        _read { yield storage.fields.crossRegion }
        _modify {
            makeUnique()
            yield &storage.fields.crossRegion
        }
    }
    /// Fees.
    public var fee: Fee {
        _read { yield storage.fields.fee }
        _modify {
            makeUnique()
            yield &storage.fields.fee
        }
    }
    /// 秒批, 秒报, 告知承诺, 免证办.
    public var modes: HandlingModes {
        _read { yield storage.fields.modes }
        _modify {
            makeUnique()
            yield &storage.fields.modes
        }
    }
    /// 申请材料.
    public var materials: [Material] {
        _read { yield storage.fields.materials }
        _modify {
            makeUnique()
            yield &storage.fields.materials
        }
    }
    /// 办理结果.
    public var results: [ItemResult] {
        _read { yield storage.fields.results }
        _modify {
            makeUnique()
            yield &storage.fields.results
        }
    }
    /// 办理流程.
    public var steps: [ProcessStep] {
        _read { yield storage.fields.steps }
        _modify {
            makeUnique()
            yield &storage.fields.steps
        }
    }
    /// Address, hours and phones.
    public var contact: Contact {
        _read { yield storage.fields.contact }
        _modify {
            makeUnique()
            yield &storage.fields.contact
        }
    }
    /// 实施层级, 联办部门, 俗称, keywords and the appointment address (catalog schema 1.1); empty for 1.0 items.
    public var details: PublishedDetails {
        get { storage.fields.details ?? PublishedDetails() }
        set {
            makeUnique()
            storage.fields.details = newValue.isEmpty ? nil : newValue
        }
    }
    /// Where the item's start tag is.
    public var location: SourceLocation {
        _read { yield storage.fields.location }
        _modify {
            makeUnique()
            yield &storage.fields.location
        }
    }

    private mutating func makeUnique() {
        if !isKnownUniquelyReferenced(&storage) { storage = Storage(storage.fields) }
    }

    /// Whether two items have equal fields.
    public static func == (a: ServiceItem, b: ServiceItem) -> Bool {
        a.storage === b.storage || a.storage.fields == b.storage.fields
    }

    /// Hashes the fields.
    public func hash(into hasher: inout Hasher) { hasher.combine(storage.fields) }

    /// Decodes the keys the synthesized conformance used (the property names).
    public init(from decoder: any Decoder) throws { storage = Storage(try Fields(from: decoder)) }

    /// Encodes the property names as keys, as the synthesized conformance did.
    public func encode(to encoder: any Encoder) throws { try storage.fields.encode(to: encoder) }

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
        storage = Storage(
            Fields(
                codes: codes, name: name, type: type, level: level, region: region, handling: handling,
                department: department, implementingBody: implementingBody, serviceObjects: serviceObjects,
                legalBasis: legalBasis, conditions: conditions, statutoryLimit: statutoryLimit,
                promisedLimit: promisedLimit, specialProcedures: specialProcedures, visits: visits,
                visitReason: visitReason, online: online, handlingForms: handlingForms, crossRegion: crossRegion,
                fee: fee, modes: modes, materials: materials, results: results, steps: steps, contact: contact,
                details: details.isEmpty ? nil : details, location: location))
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
