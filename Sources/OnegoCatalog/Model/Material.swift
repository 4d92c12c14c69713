public import OnegoXML

/// One 申请材料 of an item.
public struct Material: Sendable, Hashable, Codable {
    /// The material's name as the catalog writes it.
    public var name: String
    /// 材料类型.
    public var type: MaterialType
    /// 纸质 / 电子 / both.
    public var form: MaterialForm
    /// 必要 / 非必要 / 容缺后补.
    public var necessity: Necessity
    /// 来源渠道.
    public var source: MaterialSource
    /// Number of originals to show or hand in.
    public var originals: Int
    /// Number of copies to hand in.
    public var copies: Int
    /// Whether this is a key material (never 容缺).
    public var isKey: Bool
    /// The department that issues it, for government-issued materials.
    public var issuer: String?
    /// The 电子证照 type that can replace it.
    public var eLicence: String?
    /// 容缺 supplement deadline in working days after acceptance.
    public var supplyDays: Double?
    /// Paper size (A4 …).
    public var paperSize: String?
    /// The blank form's file name.
    public var blankForm: String?
    /// The sample's file name.
    public var sample: String?
    /// Fill-in notes.
    public var note: String?
    /// Acceptance standard.
    public var standard: String?
    /// Where the material is defined.
    public var location: SourceLocation

    /// Creates a material; only the name is required, the rest defaults to a required applicant-prepared form.
    public init(
        name: String, type: MaterialType = .other, form: MaterialForm = .paper, necessity: Necessity = .required,
        source: MaterialSource = .applicant, originals: Int = 0, copies: Int = 0, isKey: Bool = false,
        issuer: String? = nil, eLicence: String? = nil, supplyDays: Double? = nil, paperSize: String? = nil,
        blankForm: String? = nil, sample: String? = nil, note: String? = nil, standard: String? = nil,
        location: SourceLocation = SourceLocation(file: "", line: 0, column: 0)
    ) {
        self.name = name
        self.type = type
        self.form = form
        self.necessity = necessity
        self.source = source
        self.originals = originals
        self.copies = copies
        self.isKey = isKey
        self.issuer = issuer
        self.eLicence = eLicence
        self.supplyDays = supplyDays
        self.paperSize = paperSize
        self.blankForm = blankForm
        self.sample = sample
        self.note = note
        self.standard = standard
        self.location = location
    }

    /// Whether the material may be supplied after acceptance (容缺后补).
    public var allowsLaterSupply: Bool { necessity == .supplyLater }

    /// Whether the material is issued by a government department.
    public var isGovernmentIssued: Bool { source == .government }

    /// Whether only paper is accepted.
    public var isPaperOnly: Bool { form == .paper }
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
