public import OnegoBase

/// One 申请材料 of an item.
///
/// Storage: everything but the location lives in a shared, copy-on-write body (``CopyOnWrite``), so the same material line repeated
/// across many items (a national catalog publishes 居民身份证 hundreds of thousands of times) costs one reference
/// and a location per item; the loader shares equal bodies within a file. The properties behave as stored ones.
public struct Material: Sendable, Hashable, Codable {
    /// The fields other than the location (internal storage).
    struct Body: Hashable {
        var name: String
        var type: MaterialType
        var form: MaterialForm
        var necessity: Necessity
        var source: MaterialSource
        var originals: Int
        var copies: Int
        var isKey: Bool
        var issuer: String?
        var eLicence: String?
        var supplyDays: Double?
        var paperSize: String?
        var blankForm: String?
        var sample: String?
        var note: String?
        var standard: String?
        var holder: String?
    }

    /// The copy-on-write box around a ``Body``.
    typealias Storage = CopyOnWrite<Body>

    /// The shared body (the loader swaps in the file's shared copy).
    var storage: Storage

    /// Where the material is defined.
    public var location: SourceLocation

    /// The material's name as the catalog writes it.
    public var name: String {
        _read { yield storage.value.name }
        _modify { yield &storage.value.name }
    }
    /// 材料类型.
    public var type: MaterialType {
        _read { yield storage.value.type }
        _modify { yield &storage.value.type }
    }
    /// 纸质 / 电子 / both.
    public var form: MaterialForm {
        _read { yield storage.value.form }
        _modify { yield &storage.value.form }
    }
    /// 必要 / 非必要 / 容缺后补.
    public var necessity: Necessity {
        _read { yield storage.value.necessity }
        _modify { yield &storage.value.necessity }
    }
    /// 来源渠道.
    public var source: MaterialSource {
        _read { yield storage.value.source }
        _modify { yield &storage.value.source }
    }
    /// Number of originals to show or hand in.
    public var originals: Int {
        _read { yield storage.value.originals }
        _modify { yield &storage.value.originals }
    }
    /// Number of copies to hand in.
    public var copies: Int {
        _read { yield storage.value.copies }
        _modify { yield &storage.value.copies }
    }
    /// Whether this is a key material (never 容缺).
    public var isKey: Bool {
        _read { yield storage.value.isKey }
        _modify { yield &storage.value.isKey }
    }
    /// The department that issues it, for government-issued materials.
    public var issuer: String? {
        _read { yield storage.value.issuer }
        _modify { yield &storage.value.issuer }
    }
    /// The 电子证照 type that can replace it.
    public var eLicence: String? {
        _read { yield storage.value.eLicence }
        _modify { yield &storage.value.eLicence }
    }
    /// 容缺 supplement deadline in working days after acceptance.
    public var supplyDays: Double? {
        _read { yield storage.value.supplyDays }
        _modify { yield &storage.value.supplyDays }
    }
    /// Paper size (A4 …).
    public var paperSize: String? {
        _read { yield storage.value.paperSize }
        _modify { yield &storage.value.paperSize }
    }
    /// The blank form's file name.
    public var blankForm: String? {
        _read { yield storage.value.blankForm }
        _modify { yield &storage.value.blankForm }
    }
    /// The sample's file name.
    public var sample: String? {
        _read { yield storage.value.sample }
        _modify { yield &storage.value.sample }
    }
    /// Fill-in notes.
    public var note: String? {
        _read { yield storage.value.note }
        _modify { yield &storage.value.note }
    }
    /// Acceptance standard.
    public var standard: String? {
        _read { yield storage.value.standard }
        _modify { yield &storage.value.standard }
    }
    /// Whose document it is (持有人: 法定代表人, 新生儿母亲 …; see ``MaterialHolder``), when the catalog says.
    public var holder: String? {
        _read { yield storage.value.holder }
        _modify { yield &storage.value.holder }
    }

    /// Creates a material; only the name is required, the rest defaults to a required applicant-prepared form.
    public init(
        name: String, type: MaterialType = .other, form: MaterialForm = .paper, necessity: Necessity = .required,
        source: MaterialSource = .applicant, originals: Int = 0, copies: Int = 0, isKey: Bool = false,
        issuer: String? = nil, eLicence: String? = nil, supplyDays: Double? = nil, paperSize: String? = nil,
        blankForm: String? = nil, sample: String? = nil, note: String? = nil, standard: String? = nil,
        holder: String? = nil, location: SourceLocation = SourceLocation(file: "", line: 0, column: 0)
    ) {
        storage = CopyOnWrite(
            Body(
                name: name, type: type, form: form, necessity: necessity, source: source, originals: originals,
                copies: copies, isKey: isKey, issuer: issuer, eLicence: eLicence, supplyDays: supplyDays,
                paperSize: paperSize, blankForm: blankForm, sample: sample, note: note, standard: standard,
                holder: holder))
        self.location = location
    }

    /// A material over a (shared) body.
    init(storage: Storage, location: SourceLocation) {
        self.storage = storage
        self.location = location
    }

    /// Whether two materials have equal fields and the same location.
    public static func == (a: Material, b: Material) -> Bool {
        a.location == b.location && (a.storage.isIdentical(to: b.storage) || a.storage.value == b.storage.value)
    }

    /// Hashes the fields and the location.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(storage.value)
        hasher.combine(location)
    }

    private enum CodingKeys: String, CodingKey {
        case name, type, form, necessity, source, originals, copies, isKey, issuer, eLicence, supplyDays, paperSize,
            blankForm, sample, note, standard, holder, location
    }

    /// Decodes the same keys the synthesized conformance used.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        storage = CopyOnWrite(
            Body(
                name: try c.decode(String.self, forKey: .name),
                type: try c.decode(MaterialType.self, forKey: .type),
                form: try c.decode(MaterialForm.self, forKey: .form),
                necessity: try c.decode(Necessity.self, forKey: .necessity),
                source: try c.decode(MaterialSource.self, forKey: .source),
                originals: try c.decode(Int.self, forKey: .originals),
                copies: try c.decode(Int.self, forKey: .copies),
                isKey: try c.decode(Bool.self, forKey: .isKey),
                issuer: try c.decodeIfPresent(String.self, forKey: .issuer),
                eLicence: try c.decodeIfPresent(String.self, forKey: .eLicence),
                supplyDays: try c.decodeIfPresent(Double.self, forKey: .supplyDays),
                paperSize: try c.decodeIfPresent(String.self, forKey: .paperSize),
                blankForm: try c.decodeIfPresent(String.self, forKey: .blankForm),
                sample: try c.decodeIfPresent(String.self, forKey: .sample),
                note: try c.decodeIfPresent(String.self, forKey: .note),
                standard: try c.decodeIfPresent(String.self, forKey: .standard),
                holder: try c.decodeIfPresent(String.self, forKey: .holder)))
        location = try c.decode(SourceLocation.self, forKey: .location)
    }

    /// Encodes the same keys as the synthesized conformance did, leaving out absent optionals.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        let body = storage.value
        try c.encode(body.name, forKey: .name)
        try c.encode(body.type, forKey: .type)
        try c.encode(body.form, forKey: .form)
        try c.encode(body.necessity, forKey: .necessity)
        try c.encode(body.source, forKey: .source)
        try c.encode(body.originals, forKey: .originals)
        try c.encode(body.copies, forKey: .copies)
        try c.encode(body.isKey, forKey: .isKey)
        try c.encodeIfPresent(body.issuer, forKey: .issuer)
        try c.encodeIfPresent(body.eLicence, forKey: .eLicence)
        try c.encodeIfPresent(body.supplyDays, forKey: .supplyDays)
        try c.encodeIfPresent(body.paperSize, forKey: .paperSize)
        try c.encodeIfPresent(body.blankForm, forKey: .blankForm)
        try c.encodeIfPresent(body.sample, forKey: .sample)
        try c.encodeIfPresent(body.note, forKey: .note)
        try c.encodeIfPresent(body.standard, forKey: .standard)
        try c.encodeIfPresent(body.holder, forKey: .holder)
        try c.encode(location, forKey: .location)
    }

    /// Whether the material may be supplied after acceptance (容缺后补).
    public var allowsLaterSupply: Bool { necessity == .supplyLater }

    /// Whether the material is issued by a government department.
    public var isGovernmentIssued: Bool { source == .government }

    /// Whether only paper is accepted.
    public var isPaperOnly: Bool { form == .paper }

    /// Whether the source gave only the name: type, form, necessity and source all 未注明 (schema 1.1).
    public var isNameOnly: Bool {
        type == .unspecified && form == .unspecified && necessity == .unspecified && source == .unspecified
    }

    /// Whether any of type, form, necessity or source is 未注明; rules that need them skip the material.
    public var hasUnspecifiedFacts: Bool {
        type == .unspecified || form == .unspecified || necessity == .unspecified || source == .unspecified
    }
}

/// One 办理结果 of an item: a licence, approval or certificate it issues.
public struct ItemResult: Sendable, Hashable, Codable {
    /// The result's name.
    public var name: String
    /// 证照 / 批文 / 证明 / 其他.
    public var type: ResultType
    /// The 电子证照 type it yields, which other items may consume.
    public var eLicence: String?
    /// How long it stays valid.
    public var validity: String?
    /// How it reaches the applicant.
    public var delivery: String?

    /// Creates a result.
    public init(
        name: String, type: ResultType = .licence, eLicence: String? = nil, validity: String? = nil,
        delivery: String? = nil
    ) {
        self.name = name
        self.type = type
        self.eLicence = eLicence
        self.validity = validity
        self.delivery = delivery
    }
}
