import Foundation
import OnegoBase
import OnegoCatalog

/// Builds a ``ServiceItem`` from an item record and the records joined to it, or says why it cannot: every
/// derived, defaulted or dropped value is reported with the record's position.
struct ItemAssembler {
    var parsed: ParsedRecord
    var materials: [ParsedRecord] = []
    var results: [ParsedRecord] = []
    var fees: [ParsedRecord] = []
    var diagnostics: [ImportDiagnostic] = []
    var rejection: [String] = []
    /// Where each material and result of the built item came from, in the item's order.
    var places = ChildPlaces()
    /// The province's code layout: which parts of an implementation code give the basic code and the USCC.
    let codeProfile: CodeProfile
    /// The levels a level field listed ("市级、区级"), recorded as 实施层级 when the source gives none.
    private var listedLevels: [String]?

    init(parsed: ParsedRecord, codeProfile: CodeProfile = .national) {
        self.parsed = parsed
        self.codeProfile = codeProfile
        diagnostics = parsed.diagnostics
        rejection = parsed.rejection
    }

    /// Adds the values of a detail record (the national `_extend` table) that the item record lacks.
    mutating func merge(details: ParsedRecord) {
        diagnostics += details.diagnostics
        rejection += details.rejection
        for (target, value) in details.values where parsed.values[target] == nil {
            parsed.values[target] = value
            parsed.columns[target] = details.columns[target]
        }
    }

    private var values: [FieldTarget: ParsedValue] { parsed.values }

    private func text(_ target: FieldTarget) -> String? { values[target]?.text }

    private mutating func note(
        _ target: FieldTarget?, _ severity: Severity, _ rule: RuleID, _ message: String
    ) {
        diagnostics.append(
            ImportDiagnostic(
                source: parsed.record.source, sheet: parsed.record.sheet, row: parsed.record.row,
                column: target.flatMap { parsed.columns[$0] }, field: target?.rawValue, severity: severity,
                rule: rule,
                message: message))
    }

    private mutating func missing(_ target: FieldTarget, _ why: String = "缺少必填值（事项目录要求）") {
        rejection.append("\(target.label)（\(target.rawValue)）\(why)")
        note(target, .error, .importRowRejected, why)
    }

    /// 办理地点 or 办理时间: the text, or (when the source gives none) its state, reported on the row: 无线下窗口 for
    /// an item handled online only, otherwise 未公布. A text naming a state ("无线下窗口") is that state.
    private mutating func venue(_ target: FieldTarget, onlineOnly: Bool) -> (String, VenueState?) {
        if let given = text(target) {
            return VenueState(rawValue: given).map { ("", $0) } ?? (given, nil)
        }
        let state: VenueState = onlineOnly ? .noWindow : .notPublished
        let why = onlineOnly ? "事项仅网上办理" : "来源未公布"
        note(
            target, .warning, "import.value.not-published",
            "来源没有\(target.label)（\(why)）：记为“\(state.rawValue)”（\(target == .address ? "addressState" : "hoursState")），审计列为无数据"
        )
        return ("", state)
    }

    /// Fills the basic code, USCC and region the source lacks from an implementation code in the profile's
    /// layout (Sichuan: 基本编码-区划-000-USCC-1-00), or says the code does not have that layout.
    private mutating func derive(from code: String, into codes: inout Codes) {
        let layout = codeProfile.implementationLayout
        guard let fields = layout.fields(of: code, basicCodeLengths: codeProfile.basicCodeLengths) else {
            if codes.basic == nil || codes.uscc == nil {
                note(
                    .implementationCode, .warning, "import.value.layout",
                    "实施编码“\(code)”不符合编码规则“\(codeProfile.name)”（\(layout)），无法从中取出基本编码和统一社会信用代码")
            }
            return
        }
        if codes.uscc == nil, let credit = fields.creditCode {
            codes.uscc = credit
            note(.bodyCreditCode, .note, "import.value.derived", "按编码规则“\(codeProfile.name)”取自实施编码：\(credit)")
        }
        if codes.basic == nil, let derived = fields.basicCode {
            codes.basic = derived
            note(.basicCode, .note, "import.value.derived", "按编码规则“\(codeProfile.name)”取自实施编码：\(derived)")
        }
        if values[.region] == nil, let region = fields.region, region.utf8.count == 6 || region.utf8.count == 12,
            region.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 })
        {
            codes.region = region
            note(.region, .note, "import.value.derived", "按编码规则“\(codeProfile.name)”取自实施编码：\(region)")
        }
    }

    /// The item, or `nil` with ``rejection`` filled. Each part reports what it derived, defaulted or dropped in
    /// the order the parts are read.
    mutating func build() -> ServiceItem? {
        let codes = readCodes()
        let identity = readIdentity(levelText: codes.levelText, region: codes.region)
        let objects = readServiceObjects()
        let limits = readLimits()
        let service = readService()
        let crossRegion = readCrossRegion()
        let fee = buildFee()
        let onlineOnly = service.available && !service.forms.contains(.window)
        let (address, addressState) = venue(.address, onlineOnly: onlineOnly)
        let (hours, hoursState) = venue(.hours, onlineOnly: onlineOnly)
        let phone = catalogPhone(.phone)
        if phone == nil { missing(.phone) }
        let complaint = catalogPhone(.complaintPhone)
        if complaint == nil { missing(.complaintPhone) }
        let (legalBasis, procedures, steps, modes) = readProcedure()
        let details = readDetails()
        let itemMaterials = buildMaterials()
        let itemResults = buildResults()

        guard rejection.isEmpty, let implementation = codes.implementation, let basic = codes.basic,
            let uscc = codes.uscc, let name = identity.name, let type = identity.type, let level = identity.level,
            let region = identity.region, let department = identity.department, let bodyName = identity.bodyName,
            let phone, let complaint
        else { return nil }
        return ServiceItem(
            codes: ItemCodes(basic: basic, implementation: implementation, handling: codes.handling),
            name: name,
            type: ItemType(rawValue: type), level: level, region: RegionCode(region), handling: limits.handling,
            department: department,
            implementingBody: ImplementingBody(
                name: bodyName, creditCode: CreditCode(uscc), nature: identity.nature),
            serviceObjects: objects, legalBasis: legalBasis, conditions: text(.conditions),
            statutoryLimit: limits.statutory,
            promisedLimit: limits.promised, specialProcedures: procedures, visits: service.visits,
            visitReason: text(.visitReason),
            online: OnlineService(isAvailable: service.available, depth: service.depth, url: text(.onlineURL)),
            handlingForms: service.forms,
            crossRegion: crossRegion, fee: fee, modes: modes,
            materials: itemMaterials, results: itemResults, steps: steps,
            contact: Contact(
                address: address, hours: hours, phone: phone, complaintPhone: complaint, addressState: addressState,
                hoursState: hoursState),
            details: details)
    }

    /// The codes read or derived, and the level text an implementation code may give.
    struct Codes {
        var implementation: String?
        var handling: String?
        var basic: String?
        var uscc: String?
        var levelText: String?
        /// The region the profile's layout gives when the source has none.
        var region: String?
    }

    /// The codes: a 33-character code carries the handling-item code; the national layout (or the profile's)
    /// gives the basic code, the USCC and the level the source lacks.
    private mutating func readCodes() -> Codes {
        var codes = Codes()
        if case .codes(let code, let handling)? = values[.implementationCode] {
            codes.implementation = code
            codes.handling = handling
        } else {
            codes.implementation = text(.implementationCode)
        }
        if let explicit = text(.handlingCode) { codes.handling = explicit }
        codes.basic = text(.basicCode)
        codes.uscc = text(.bodyCreditCode)
        if case .list(let listed)? = values[.level], listed.count > 1 {
            if values[.levels] == nil {
                listedLevels = listed
                note(
                    .level, .note, .importValueTransformed,
                    "列出多个层级“\(listed.joined(separator: "、"))”：记为实施层级，行使层级按实施编码读取")
            } else {
                note(
                    .level, .warning, .importValueDropped,
                    "列出多个层级“\(listed.joined(separator: "、"))”：实施层级另有来源，未采用；行使层级按实施编码读取")
            }
        } else {
            codes.levelText = text(.level)
        }
        if let code = codes.implementation, !codeProfile.implementationLayout.isNational {
            derive(from: code, into: &codes)
        } else if let code = codes.implementation, code.count >= 31, code.count <= 33 {
            deriveNational(from: code, into: &codes)
        }
        if let code = codes.basic, !code.allSatisfy({ $0.isASCII && ($0.isNumber || $0.isUppercase) }) {
            let cleaned = code.filter { $0.isASCII && ($0.isNumber || $0.isUppercase) }
            note(.basicCode, .warning, .importValueTransformed, "基本编码“\(code)”去掉分隔符后为“\(cleaned)”")
            codes.basic = cleaned
        }
        if codes.implementation == nil { missing(.implementationCode) }
        if codes.basic == nil { missing(.basicCode) }
        if codes.uscc == nil { missing(.bodyCreditCode) }
        return codes
    }

    /// The national layout: USCC (18), level (1) and basic code (12) at the head of a 31–33 character code.
    private mutating func deriveNational(from code: String, into codes: inout Codes) {
        let bytes = Array(code)
        if codes.uscc == nil {
            codes.uscc = String(bytes[0..<18])
            note(.bodyCreditCode, .note, .importValueDerived, "取自实施编码前 18 位：\(codes.uscc ?? "")")
        }
        if codes.levelText == nil {
            codes.levelText = String(bytes[18])
            note(.level, .note, .importValueDerived, "取自实施编码第 19 位：\(codes.levelText ?? "")")
        }
        if codes.basic == nil {
            codes.basic = String(bytes[19..<31])
            note(.basicCode, .note, .importValueDerived, "取自实施编码第 20–31 位：\(codes.basic ?? "")")
        }
    }

    /// Name, type, level, region, department and implementing body.
    struct Identity {
        var name: String?
        var type: String?
        var level: Level?
        var region: String?
        var department: String?
        var bodyName: String?
        var nature = BodyNature.statutory
    }

    private mutating func readIdentity(levelText: String?, region: String?) -> Identity {
        var identity = Identity()
        identity.name = text(.name)
        if identity.name == nil { missing(.name) }
        identity.type = text(.type)
        // A type written by its national name ("行政许可") is that name's code.
        if let name = identity.type, let code = ItemType.nationalLabels.first(where: { $0.value == name })?.key {
            note(.type, .note, .importValueTransformed, "事项类型“\(name)”按全国事项类型代码读作“\(code)”")
            identity.type = code
        }
        if let type = identity.type, type.count != 2 || !type.allSatisfy(\.isNumber) {
            missing(.type, "值“\(type)”不是两位数字的事项类型代码（可在导入配置的代码表中翻译）")
        } else if identity.type == nil {
            missing(.type)
        }
        identity.region = text(.region) ?? region
        identity.level = levelText.flatMap { Int($0) }.flatMap(Level.init(rawValue:))
        if levelText == nil, let code = identity.region, let level = Self.level(ofRegion: code) {
            identity.level = level
            note(.level, .note, .importValueDerived, "按行政区划代码 \(code) 推定为\(level.label)")
        }
        if identity.level == nil { missing(.level, levelText.map { "值“\($0)”不是 1–6 的行使层级" } ?? "缺少必填值") }
        if identity.region == nil {
            missing(
                .region,
                "缺少必填值：来源没有行政区划（6 或 12 位代码），实施编码也不含区划；请在表中加一列行政区划，或用含区划的编码规则（如 --code-profile sichuan）"
            )
        }
        let department = text(.department) ?? text(.bodyName)
        identity.department = department
        if text(.department) == nil, department != nil {
            note(.department, .note, .importValueDerived, "部门取自实施主体名称“\(department ?? "")”")
        }
        if department == nil { missing(.department) }
        identity.bodyName = text(.bodyName) ?? department
        if text(.bodyName) == nil, let bodyName = identity.bodyName {
            note(.bodyName, .note, .importValueDerived, "实施主体名称取自部门“\(bodyName)”")
        }
        if let natureText = text(.bodyNature) {
            if let value = BodyNature(rawValue: natureText) {
                identity.nature = value
            } else {
                missing(.bodyNature, "值“\(natureText)”不是 法定机关/授权组织/受委托组织")
            }
        } else {
            missing(.bodyNature)
        }
        return identity
    }

    /// The level of the government a region code names (GB/T 2260 and the statistical division codes): 省 `xx0000`,
    /// 市 `xxxx00`, 县 otherwise; in 12 digits, 乡镇 when digits 7–9 are not 000 and 村 when 10–12 are not 000.
    static func level(ofRegion code: String) -> Level? {
        let digits = Array(code.utf8)
        guard digits.count == 6 || digits.count == 12, digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
            return nil
        }
        func zero(_ range: Range<Int>) -> Bool { digits[range].allSatisfy { $0 == 0x30 } }
        if digits.count == 12 {
            if !zero(9..<12) { return .village }
            if !zero(6..<9) { return .township }
        }
        if zero(2..<6) { return .provincial }
        if zero(4..<6) { return .municipal }
        return .county
    }

    /// Service objects: the profile's code list maps the 7 national categories onto the catalog's 4.
    private mutating func readServiceObjects() -> [ServiceObject] {
        var objects: [ServiceObject] = []
        let objectTexts: [String] =
            if case .list(let list)? = values[.serviceObjects] { list } else {
                text(.serviceObjects).map { [$0] } ?? []
            }
        for objectText in objectTexts {
            if let object = ServiceObject(rawValue: objectText) {
                if !objects.contains(object) { objects.append(object) }
            } else {
                note(.serviceObjects, .warning, .importValueDropped, "服务对象“\(objectText)”不在目录代码表中，已舍弃")
            }
        }
        if objects.isEmpty { missing(.serviceObjects) }
        return objects
    }

    /// The statutory and promised limits and the 办件类型 (given, or inferred from the promised limit).
    private mutating func readLimits() -> (statutory: TimeLimit?, promised: TimeLimit?, handling: HandlingKind) {
        var statutory: TimeLimit?
        switch values[.statutoryLimit] {
        case .limit(.limit(let limit))?: statutory = limit
        case .limit(.onTheSpot)?: statutory = TimeLimit(0, .workingDays)
        default: break
        }
        var promised: TimeLimit?
        var onTheSpot = false
        switch values[.promisedLimit] {
        case .limit(.limit(let limit))?: promised = limit
        case .limit(.onTheSpot)?:
            promised = TimeLimit(0, .workingDays)
            onTheSpot = true
        default: break
        }
        if promised == nil {
            note(
                .promisedLimit, .warning, .importValueNotPublished,
                "未公布承诺办结时限：记为“未公布”（<promisedLimit state=\"未公布\"/>），审计不计入时限压缩等需要该值的指标")
        }
        var handling: HandlingKind
        if let handlingText = text(.handling) {
            handling = HandlingKind(rawValue: handlingText) ?? .promised
            if HandlingKind(rawValue: handlingText) == nil {
                missing(.handling, "值“\(handlingText)”不是 即办件/承诺件")
            }
        } else {
            handling = onTheSpot || promised?.value == 0 ? .immediate : .promised
            if promised != nil {
                note(.handling, .note, .importValueDerived, "办件类型按承诺时限推定为\(handling.rawValue)")
            }
        }
        return (statutory, promised, handling)
    }

    /// Visits, online service and handling forms.
    struct Service {
        var visits = 0
        var available = false
        var depth = OnlineDepth.information
        var forms: [HandlingForm] = []
    }

    private mutating func readService() -> Service {
        var service = Service()
        if case .number(let count)? = values[.visits] { service.visits = Int(count) } else { missing(.visits) }
        if service.visits > 99 { missing(.visits, "到现场次数 \(service.visits) 超过 99") }
        if case .flag(let flag)? = values[.onlineAvailable] {
            service.available = flag
        } else {
            missing(.onlineAvailable)
        }
        if case .number(let number)? = values[.onlineDepth], let value = OnlineDepth(rawValue: Int(number)) {
            service.depth = value
        } else if let depthText = text(.onlineDepth), let value = Int(depthText).flatMap(OnlineDepth.init(rawValue:)) {
            service.depth = value
        } else if let depthText = text(.onlineDepth), let value = CodeListSpellings.onlineDepth(depthText) {
            service.depth = value
            note(.onlineDepth, .note, .importValueTransformed, "网上办理深度“\(depthText)”按 \(value.label) 读取")
        } else if let depthText = text(.onlineDepth) {
            missing(.onlineDepth, "值“\(depthText)”不是网上办理深度（1–4、Ⅰ级–Ⅳ级 或 全程网办 等）")
        } else {
            missing(.onlineDepth)
        }
        service.forms = readForms(available: service.available)
        return service
    }

    /// The handling forms given, or inferred from the address, online service and courier service.
    private mutating func readForms(available: Bool) -> [HandlingForm] {
        var forms: [HandlingForm] = []
        if case .list(let list)? = values[.handlingForms] {
            for formText in list {
                if let form = HandlingForm(rawValue: formText) {
                    if !forms.contains(form) { forms.append(form) }
                } else {
                    note(.handlingForms, .warning, .importValueDropped, "办理形式“\(formText)”不在目录代码表中，已舍弃")
                }
            }
        }
        if values[.handlingForms] == nil {
            if text(.address) != nil && !parsed.defaulted.contains(.address) && !forms.contains(.window) {
                forms.insert(.window, at: 0)
                note(.handlingForms, .note, .importValueDerived, "有办理地点：办理形式推定含“窗口办理”")
            }
            if available && !forms.contains(.online) {
                forms.append(.online)
                note(.handlingForms, .note, .importValueDerived, "可网办：办理形式推定含“网上办理”")
            }
        }
        if case .flag(true)? = values[.courierService], !forms.contains(.post) {
            forms.append(.post)
            note(.courierService, .note, .importValueDerived, "支持物流快递：办理形式加上“快递申请”")
        }
        if forms.isEmpty { missing(.handlingForms) }
        return forms
    }

    private mutating func readCrossRegion() -> CrossRegion? {
        guard let scopeText = text(.crossRegionScope) else { return nil }
        guard let scope = CodeListSpellings.crossScope(scopeText) else {
            note(.crossRegionScope, .warning, .importValueDropped, "通办范围“\(scopeText)”不在目录代码表中，已舍弃")
            return nil
        }
        if scope.rawValue != scopeText {
            note(.crossRegionScope, .note, .importValueTransformed, "通办范围“\(scopeText)”按“\(scope.rawValue)”读取")
        }
        return CrossRegion(
            scope: scope, mode: text(.crossRegionMode).flatMap(CrossMode.init(rawValue:)),
            regions: text(.crossRegionRegions))
    }

    /// The fee items of the joined fee records, and whether the item is charged (given, or inferred from them).
    private mutating func buildFee() -> Fee {
        var feeItems: [FeeItem] = []
        for record in fees {
            diagnostics += record.diagnostics
            guard let feeName = record.values[.feeName]?.text,
                let standard = record.values[.feeStandard]?.text
            else {
                note(nil, .warning, .importValueDropped, "第 \(record.record.row) 行收费项目缺少名称或标准，已舍弃")
                continue
            }
            feeItems.append(
                FeeItem(name: feeName, standard: standard, basis: record.values[.feeBasis]?.text))
        }
        var charged = false
        if case .flag(let flag)? = values[.feeCharged] {
            charged = flag
        } else if !feeItems.isEmpty {
            charged = true
            note(.feeCharged, .note, .importValueDerived, "有 \(feeItems.count) 个收费项目：推定收费")
        } else {
            missing(.feeCharged)
        }
        return Fee(isCharged: charged, items: feeItems)
    }

    /// Legal basis, special procedures, steps and handling modes.
    private func readProcedure() -> ([LegalProvision], [SpecialProcedure], [ProcessStep], HandlingModes) {
        var legalBasis: [LegalProvision] = []
        if case .provisions(let list)? = values[.legalBasis] {
            legalBasis = list
        } else if let basis = text(.legalBasis) {
            legalBasis = provisions(basis)
        }
        var procedures: [SpecialProcedure] = []
        if case .procedures(let list)? = values[.specialProcedures] { procedures = list }
        var steps: [ProcessStep] = []
        if case .steps(let list)? = values[.steps] { steps = list }
        var modes = HandlingModes()
        if case .flag(let flag)? = values[.instantApproval] { modes.isInstantApproval = flag }
        if case .flag(let flag)? = values[.instantDeclaration] { modes.isInstantDeclaration = flag }
        if case .flag(let flag)? = values[.promiseBased] { modes.isPromiseBased = flag }
        if case .flag(let flag)? = values[.certificateFree] { modes.isCertificateFree = flag }
        return (legalBasis, procedures, steps, modes)
    }

    /// Levels of implementation, joint departments, everyday names, keywords and the appointment URL.
    private mutating func readDetails() -> PublishedDetails {
        var details = PublishedDetails()
        if let levelTexts = listValue(.levels) ?? listedLevels {
            for levelText in levelTexts {
                if let level = Int(levelText).flatMap(Level.init(rawValue:)) {
                    if !details.levels.contains(level) { details.levels.append(level) }
                } else {
                    note(.levels, .warning, .importValueDropped, "实施层级“\(levelText)”不是 1–6，已舍弃")
                }
            }
        }
        if let joint = text(.jointDepartments) {
            details.jointDepartments = JointDepartment.parseList(joint)
        }
        details.aliases = listValue(.everydayName) ?? []
        details.keywords = listValue(.keywords) ?? []
        details.appointmentURL = text(.appointmentURL)
        return details
    }

    private func listValue(_ target: FieldTarget) -> [String]? {
        switch values[target] {
        case .list(let list)?: list
        case let value?: value.text.map { ValueParser.split($0) }
        case nil: nil
        }
    }

    /// The published phone text when the catalog can hold it as it is (its normalised list is read from it),
    /// else the normalised numbers joined with 、 (reported).
    private mutating func catalogPhone(_ target: FieldTarget) -> String? {
        guard case .phones(let numbers, let published)? = values[target], !numbers.isEmpty else {
            return text(target)
        }
        let allowed = Set("0123456789+-() （）、，,;；/转分机extEXT.")
        let trimmed = published.trimmingWhitespace
        if trimmed.count >= 3 && trimmed.count <= 64 && trimmed.allSatisfy({ allowed.contains($0) }) {
            return trimmed
        }
        let joined = numbers.map(\.catalogText).joined(separator: "、")
        note(target, .note, .importValueTransformed, "“\(ParsedRecord.clip(published))”规范为 \(joined)")
        return joined
    }

    /// Splits legal-basis prose into provisions: the law named in 《》, its article, the whole text.
    /// A legal-basis cell cut into its provisions: at line breaks, and before each 《 that follows a separator
    /// ("《A》第一条；《B》第二条", "《A》第一条、《B》第二条"). A provision's own text keeps its commas
    /// ("设置大型户外广告，应当经…同意。").
    static func citations(_ text: String) -> [String] {
        var pieces: [String] = []
        var current = ""
        for character in text {
            let last = current.last { !$0.isWhitespace }
            if character == "\n" || character == "\r\n"
                || (character == "《" && last.map { "；;、，,。".contains($0) } == true)
            {
                pieces.append(current)
                current = character == "《" ? "《" : ""
                continue
            }
            current.append(character)
        }
        pieces.append(current)
        return pieces.map { String($0.trimmingWhitespace.reversed().drop { "；;、，,".contains($0) }.reversed()) }
            .map(\.trimmingWhitespace).filter { !$0.isEmpty }
    }

    private func provisions(_ text: String) -> [LegalProvision] {
        var result: [LegalProvision] = []
        for piece in Self.citations(text) {
            guard let open = piece.firstIndex(of: "《"), let close = piece[open...].firstIndex(of: "》")
            else {
                result.append(LegalProvision(law: String(piece.prefix(200)), text: piece))
                continue
            }
            let law = String(piece[piece.index(after: open)..<close])
            var article: String?
            let after = piece[piece.index(after: close)...]
            if let start = after.firstIndex(of: "第"), var end = after[start...].firstIndex(of: "条"),
                after.distance(from: start, to: end) <= 12
            {
                // 第十二条第一款第（一）项: the article runs on through its 款 and 项.
                while let next = after.index(end, offsetBy: 1, limitedBy: after.endIndex), next < after.endIndex,
                    after[next] == "第", let part = after[next...].firstIndex(where: { $0 == "款" || $0 == "项" }),
                    after.distance(from: next, to: part) <= 8
                {
                    end = part
                }
                article = String(after[start...end])
            }
            // A piece that opens with its citation keeps as text only what follows it ("：条文"), or nothing; a
            // sentence citing a law inside ("依据《…》第…条规定，…") is the text as written.
            var text = piece
            if piece[..<open].allSatisfy(\.isWhitespace) {
                var rest = after
                if let article, let range = rest.range(of: article), rest[..<range.lowerBound].count <= 2 {
                    rest = rest[range.upperBound...]
                }
                // Only the separators between the citation and the text go; the text keeps its own punctuation.
                text = String(rest.drop { "：:，,。； \u{3000}".contains($0) })
            }
            result.append(LegalProvision(law: String(law.prefix(200)), article: article, text: text))
        }
        return result
    }

    private mutating func buildMaterials() -> [Material] {
        var result: [Material] = []
        var namesOnly = 0
        if case .list(let names)? = values[.materialNames] {
            for name in names {
                result.append(
                    Material(
                        name: name, type: .unspecified, form: .unspecified, necessity: .unspecified,
                        source: .unspecified))
                namesOnly += 1
                places.materials.append(ChildPlace(parsed, names: .materialNames))
            }
        }
        for record in materials {
            diagnostics += record.diagnostics
            if let material = material(from: record) {
                result.append(material)
                places.materials.append(ChildPlace(record))
            }
        }
        if namesOnly > 0 {
            note(
                .materialNames, .note, .importMaterialUnspecified,
                "\(namesOnly) 条材料只有名称：类型、形式、必要性、来源记为“未注明”，不推测")
        }
        return result
    }

    /// The material of one joined record; fields it lacks or gives outside the code lists stay 未注明 (one note).
    private mutating func material(from record: ParsedRecord) -> Material? {
        guard let name = record.values[.materialName]?.text else {
            note(
                nil, .warning, .importValueDropped,
                "\(record.record.sheet ?? record.record.source) 第 \(record.record.row) 行材料没有名称，已舍弃")
            return nil
        }
        var material = Material(
            name: name, type: .unspecified, form: .unspecified, necessity: .unspecified, source: .unspecified)
        var unspecified: [String] = []
        let values = record.values
        if let value = values[.materialType]?.text {
            if let type = Int(value).flatMap(MaterialType.init(rawValue:)) {
                material.type = type
            } else {
                unspecified.append("类型“\(value)”")
            }
        } else {
            unspecified.append("类型")
        }
        if let value = values[.materialForm]?.text {
            if let form = MaterialForm(rawValue: value) {
                material.form = form
            } else {
                unspecified.append("形式“\(value)”")
            }
        } else {
            unspecified.append("形式")
        }
        if let value = values[.materialNecessity]?.text {
            if let necessity = Necessity(rawValue: value) {
                material.necessity = necessity
            } else {
                unspecified.append("必要性“\(value)”")
            }
        } else {
            unspecified.append("必要性")
        }
        if let value = values[.materialSource]?.text {
            if let source = Int(value).flatMap(MaterialSource.init(rawValue:)) {
                material.source = source
            } else {
                unspecified.append("来源“\(value)”")
            }
        } else {
            unspecified.append("来源")
        }
        Self.fillDetails(of: &material, from: values)
        if !unspecified.isEmpty {
            diagnostics.append(
                ImportDiagnostic(
                    source: record.record.source, sheet: record.record.sheet, row: record.record.row,
                    field: "material", severity: .note, rule: .importMaterialUnspecified,
                    message: "材料“\(name)”未注明\(unspecified.joined(separator: "、"))：记为“未注明”，不推测"))
        }
        return material
    }

    /// Counts, key flag, issuer, licence, holder and the other optional texts of a material.
    private static func fillDetails(of material: inout Material, from values: [FieldTarget: ParsedValue]) {
        if case .number(let n)? = values[.materialOriginals] { material.originals = min(99, Int(n)) }
        if case .number(let n)? = values[.materialCopies] { material.copies = min(99, Int(n)) }
        if case .flag(let flag)? = values[.materialKey] { material.isKey = flag }
        material.issuer = values[.materialIssuer]?.text
        material.eLicence = values[.materialELicence]?.text
        material.holder = values[.materialHolder]?.text
        material.paperSize = values[.materialPaperSize]?.text
        material.blankForm = values[.materialBlankForm]?.text
        material.sample = values[.materialSample]?.text
        if case .number(let days)? = values[.materialSupplyDays] { material.supplyDays = days }
        material.note = values[.materialNote]?.text
        material.standard = values[.materialStandard]?.text
    }

    private mutating func buildResults() -> [ItemResult] {
        var result: [ItemResult] = []
        for record in results {
            diagnostics += record.diagnostics
            guard let name = record.values[.resultName]?.text else { continue }
            var item = ItemResult(name: name, type: .other)
            if let typeText = record.values[.resultType]?.text {
                if let type = ResultType(rawValue: typeText) {
                    item.type = type
                } else {
                    diagnostics.append(
                        ImportDiagnostic(
                            source: record.record.source, sheet: record.record.sheet, row: record.record.row,
                            field: FieldTarget.resultType.rawValue, severity: .warning,
                            rule: .importValueDefaulted,
                            message: "结果类型“\(typeText)”不在代码表中，按“其他”写入"))
                }
            }
            item.eLicence = record.values[.resultELicence]?.text
            item.validity = record.values[.resultValidity]?.text
            item.delivery = record.values[.resultDelivery]?.text
            result.append(item)
            places.results.append(ChildPlace(record))
        }
        return result
    }
}
