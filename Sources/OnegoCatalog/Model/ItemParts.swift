/// 实施主体.
public struct ImplementingBody: Sendable, Hashable, Codable {
    /// The body's full name.
    public var name: String
    /// Its unified social credit code.
    public var creditCode: CreditCode
    /// 法定机关 / 授权组织 / 受委托组织.
    public var nature: BodyNature

    /// Creates an implementing body.
    public init(name: String, creditCode: CreditCode, nature: BodyNature = .statutory) {
        self.name = name
        self.creditCode = creditCode
        self.nature = nature
    }
}

/// One provision of the legal basis.
public struct LegalProvision: Sendable, Hashable, Codable {
    /// The law's name.
    public var law: String
    /// The article, e.g. 第三条.
    public var article: String?
    /// The provision's text.
    public var text: String

    /// Creates a provision.
    public init(law: String, article: String? = nil, text: String = "") {
        self.law = law
        self.article = article
        self.text = text
    }

    /// The citation: 《law》article.
    public var citation: String { "《\(law)》\(article ?? "")" }

    /// The citation, and the provision's text after a colon when there is one besides the citation (a text that
    /// only repeats the citation, as some sources fill it, is not printed twice).
    public var display: String {
        let citation = citation
        let blank = text.allSatisfy(\.isWhitespace)
        return blank || text.filter { !$0.isWhitespace } == citation ? citation : citation + "：" + text
    }
}

/// A 特别程序 whose time does not count toward the limit.
public struct SpecialProcedure: Sendable, Hashable, Codable {
    /// The kind of procedure.
    public var kind: SpecialProcedureKind
    /// Its own time limit, if published.
    public var limit: TimeLimit?
    /// An explanation.
    public var note: String?

    /// Creates a special procedure.
    public init(kind: SpecialProcedureKind, limit: TimeLimit? = nil, note: String? = nil) {
        self.kind = kind
        self.limit = limit
        self.note = note
    }
}

/// 是否网办 and 网上办理深度.
public struct OnlineService: Sendable, Hashable, Codable {
    /// Whether the item can be applied for online.
    public var isAvailable: Bool
    /// How deep online handling goes.
    public var depth: OnlineDepth
    /// The portal address.
    public var url: String?

    /// Creates online-service facts.
    public init(isAvailable: Bool, depth: OnlineDepth, url: String? = nil) {
        self.isAvailable = isAvailable
        self.depth = depth
        self.url = url
    }
}

/// 通办范围 and mode.
public struct CrossRegion: Sendable, Hashable, Codable {
    /// The scope.
    public var scope: CrossScope
    /// The mode, required by policy for cross-region items.
    public var mode: CrossMode?
    /// The cities or provinces involved, for 跨城 arrangements.
    public var regions: String?

    /// Creates cross-region facts.
    public init(scope: CrossScope, mode: CrossMode? = nil, regions: String? = nil) {
        self.scope = scope
        self.mode = mode
        self.regions = regions
    }
}

/// One charged fee.
public struct FeeItem: Sendable, Hashable, Codable {
    /// The fee's name.
    public var name: String
    /// The charging standard.
    public var standard: String
    /// The basis for charging.
    public var basis: String?

    /// Creates a fee item.
    public init(name: String, standard: String, basis: String? = nil) {
        self.name = name
        self.standard = standard
        self.basis = basis
    }
}

/// Whether an item charges fees, and which.
public struct Fee: Sendable, Hashable, Codable {
    /// Whether any fee is charged.
    public var isCharged: Bool
    /// The fee items.
    public var items: [FeeItem]

    /// Creates fee facts.
    public init(isCharged: Bool = false, items: [FeeItem] = []) {
        self.isCharged = isCharged
        self.items = items
    }
}

/// Reform flags not in the national tables.
public struct HandlingModes: Sendable, Hashable, Codable {
    /// 秒批: automatic approval with no human intervention.
    public var isInstantApproval: Bool
    /// 秒报: the application is pre-filled from shared data.
    public var isInstantDeclaration: Bool
    /// 告知承诺制: a written promise replaces a certificate.
    public var isPromiseBased: Bool
    /// 免证办: government-issued materials are fetched as e-licences.
    public var isCertificateFree: Bool

    /// Creates the flags, all off by default.
    public init(
        isInstantApproval: Bool = false, isInstantDeclaration: Bool = false, isPromiseBased: Bool = false,
        isCertificateFree: Bool = false
    ) {
        self.isInstantApproval = isInstantApproval
        self.isInstantDeclaration = isInstantDeclaration
        self.isPromiseBased = isPromiseBased
        self.isCertificateFree = isCertificateFree
    }
}

/// One process step with its own limit.
public struct ProcessStep: Sendable, Hashable, Codable {
    /// 受理, 审查, 决定, 制证, 送达 …
    public var name: String
    /// The step's limit.
    public var limit: TimeLimit?
    /// Who does it.
    public var role: String?

    /// Creates a step.
    public init(name: String, limit: TimeLimit? = nil, role: String? = nil) {
        self.name = name
        self.limit = limit
        self.role = role
    }
}

/// Address, hours and phones.
public struct Contact: Sendable, Hashable, Codable {
    /// Where to go; empty when ``addressState`` says why there is no address.
    public var address: String
    /// Opening hours; empty when ``hoursState`` says why there are none.
    public var hours: String
    /// Why the address is absent (1.1): 无线下窗口 or 未公布; `nil` when it is given.
    public var addressState: VenueState?
    /// Why the hours are absent (1.1): 无线下窗口 or 未公布; `nil` when they are given.
    public var hoursState: VenueState?
    /// Consultation phone(s) as published ("020-38356454转1", "020-84469270、020-84469702", "12345").
    public var phone: String
    /// Complaint phone(s) as published.
    public var complaintPhone: String

    /// The consultation numbers normalised from the published text: number, extension, hotline or not.
    public var phoneNumbers: [PhoneNumber] { PhoneNumber.parseList(phone).numbers }

    /// The complaint numbers normalised from the published text.
    public var complaintPhoneNumbers: [PhoneNumber] { PhoneNumber.parseList(complaintPhone).numbers }

    /// The address as printed: the address, or its state (无线下窗口, 未公布).
    public var addressText: String { addressState?.rawValue ?? address }

    /// The hours as printed: the hours, or their state (无线下窗口, 未公布).
    public var hoursText: String { hoursState?.rawValue ?? hours }

    /// Creates contact facts. An address or hours text that is exactly a ``VenueState`` name ("无线下窗口",
    /// "未公布") is read as that state, so catalogs written before 1.1 keep their meaning.
    public init(
        address: String = "", hours: String = "", phone: String = "", complaintPhone: String = "",
        addressState: VenueState? = nil, hoursState: VenueState? = nil
    ) {
        let namedAddress = addressState ?? VenueState(rawValue: address)
        let namedHours = hoursState ?? VenueState(rawValue: hours)
        self.address = namedAddress == nil ? address : ""
        self.hours = namedHours == nil ? hours : ""
        self.addressState = namedAddress
        self.hoursState = namedHours
        self.phone = phone
        self.complaintPhone = complaintPhone
    }
}
