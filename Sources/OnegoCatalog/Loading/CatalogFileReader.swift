import OnegoXML

/// Builds ``ServiceItem`` values from the events of one catalog file as they stream by.
///
/// It never holds more than the item being read, interns repeated strings (departments, material names,
/// units), and tolerates a missing schema: with validation off, bad values become diagnostics, never crashes.
final class CatalogFileReader: XMLContentHandler {
    /// What the file turned out to be.
    enum RootKind: Equatable {
        case unknown
        case catalog
        /// Another onego document (matter, calendar, policy …), named by its namespace.
        case otherOnego(namespace: String, root: String)
        case foreign(namespace: String, root: String)
    }

    private(set) var root: RootKind = .unknown
    private(set) var items: [ServiceItem] = []
    private(set) var title: String?
    private(set) var region: String?
    /// Stop at the root when it is another onego document, instead of reporting it.
    let skipsOtherOnegoDocuments: Bool
    /// The most items accepted from one file.
    let maxItems: Int

    private let interner: StringInterner
    private var kinds: [Element?] = []
    private var text: [UInt8] = []
    private var item: ServiceItem?
    private var material: Material?
    private var law: LegalProvision?
    private var fee = Fee()

    /// Whether a schema checks the values; then bad values are left to it instead of being reported twice.
    let isValidated: Bool

    init(interner: StringInterner, skipsOtherOnegoDocuments: Bool, maxItems: Int, isValidated: Bool) {
        self.interner = interner
        self.isValidated = isValidated
        self.skipsOtherOnegoDocuments = skipsOtherOnegoDocuments
        self.maxItems = maxItems
    }

    private enum Element: String {
        case catalog, item, name, department, implementingBody, serviceObject, legalBasis, law, conditions
        case statutoryLimit, promisedLimit, specialProcedure, visits, online, handlingForm, crossRegion, fee
        case feeItem, modes, materials, material, note, standard, results, result, process, step, contact
    }

    private func kind(of name: XMLName) -> Element? {
        if name.id < kinds.count, let known = kinds[name.id] { return known }
        let resolved = name.namespaceURI == OnegoNamespace.catalog ? Element(rawValue: name.localName) : nil
        while kinds.count <= name.id { kinds.append(nil) }
        kinds[name.id] = resolved
        return resolved
    }

    // MARK: XMLContentHandler

    func startElement(_ name: XMLName, attributes: [XMLAttribute], context: XMLParseContext) {
        if context.depth == 1 {
            checkRoot(name, attributes: attributes, context: context)
            return
        }
        text.removeAll(keepingCapacity: true)
        guard let element = kind(of: name) else { return }
        var a = AttributeReader(
            attributes: attributes, interner: interner, context: context, element: name.localName,
            reportsBadValues: !isValidated)
        switch element {
        case .item:
            guard items.count < maxItems else {
                context.abort(
                    Diagnostic(
                        .error, rule: "catalog.limit.items",
                        message: "单个文件的事项数超过上限 \(maxItems)", at: context.tagLocation))
                return
            }
            let basic = a.string("basicCode") ?? ""
            let implementation = a.string("implementationCode") ?? ""
            item = ServiceItem(
                codes: ItemCodes(basic: basic, implementation: implementation, handling: a.string("handlingCode")),
                name: "",
                type: ItemType(rawValue: a.string("type") ?? ""),
                level: a.enumeration("level", Level.self) ?? .county,
                region: RegionCode(a.string("region") ?? ""),
                handling: a.enumeration("handling", HandlingKind.self) ?? .promised,
                handlingForms: [],
                location: context.tagLocation)
        case .implementingBody:
            item?.implementingBody.creditCode = CreditCode(a.string("uscc") ?? "")
            item?.implementingBody.nature = a.enumeration("nature", BodyNature.self) ?? .statutory
        case .law:
            law = LegalProvision(law: a.string("name") ?? "", article: a.string("article"))
        case .statutoryLimit:
            item?.statutoryLimit = a.timeLimit()
        case .promisedLimit:
            if let limit = a.timeLimit() { item?.promisedLimit = limit }
        case .specialProcedure:
            let procedure = SpecialProcedure(
                kind: a.enumeration("kind", SpecialProcedureKind.self) ?? .other,
                limit: a.has("value") ? a.timeLimit() : nil,
                note: a.string("note"))
            item?.specialProcedures.append(procedure)
        case .visits:
            item?.visits = a.integer("count") ?? 0
            item?.visitReason = a.string("reason")
        case .online:
            item?.online = OnlineService(
                isAvailable: a.boolean("available") ?? false,
                depth: a.enumeration("depth", OnlineDepth.self) ?? .information,
                url: a.string("url"))
        case .crossRegion:
            item?.crossRegion = CrossRegion(
                scope: a.enumeration("scope", CrossScope.self) ?? .city,
                mode: a.enumeration("mode", CrossMode.self),
                regions: a.string("regions"))
        case .fee:
            fee = Fee(isCharged: a.boolean("charged") ?? false)
        case .feeItem:
            fee.items.append(
                FeeItem(name: a.string("name") ?? "", standard: a.string("standard") ?? "", basis: a.string("basis")))
        case .modes:
            item?.modes = HandlingModes(
                isInstantApproval: a.boolean("instantApproval") ?? false,
                isInstantDeclaration: a.boolean("instantDeclaration") ?? false,
                isPromiseBased: a.boolean("promiseBased") ?? false,
                isCertificateFree: a.boolean("certificateFree") ?? false)
        case .material:
            material = Material(
                name: a.string("name") ?? "",
                type: a.enumeration("type", MaterialType.self) ?? .other,
                form: a.enumeration("form", MaterialForm.self) ?? .paper,
                necessity: a.enumeration("necessity", Necessity.self) ?? .required,
                source: a.enumeration("source", MaterialSource.self) ?? .applicant,
                originals: a.integer("originals") ?? 0,
                copies: a.integer("copies") ?? 0,
                isKey: a.boolean("key") ?? false,
                issuer: a.string("issuer"),
                eLicence: a.string("eLicence"),
                supplyDays: a.number("supplyDays"),
                paperSize: a.string("paperSize"),
                blankForm: a.string("blankForm"),
                sample: a.string("sample"),
                location: context.tagLocation)
        case .result:
            item?.results.append(
                ItemResult(
                    name: a.string("name") ?? "",
                    type: a.enumeration("type", ResultType.self) ?? .other,
                    eLicence: a.string("eLicence"),
                    validity: a.string("validity"),
                    delivery: a.string("delivery")))
        case .step:
            item?.steps.append(
                ProcessStep(
                    name: a.string("name") ?? "",
                    limit: a.has("value") ? a.timeLimit() : nil,
                    role: a.string("role")))
        case .contact:
            item?.contact = Contact(
                address: a.string("address") ?? "", hours: a.string("hours") ?? "",
                phone: a.string("phone") ?? "", complaintPhone: a.string("complaintPhone") ?? "")
        case .catalog, .name, .department, .serviceObject, .legalBasis, .conditions, .handlingForm,
            .materials, .note, .standard, .results, .process:
            break
        }
    }

    func characters(_ bytes: UnsafeBufferPointer<UInt8>, context: XMLParseContext) {
        text.append(contentsOf: bytes)
    }

    func endElement(_ name: XMLName, context: XMLParseContext) {
        guard context.depth > 1, let element = kind(of: name) else {
            text.removeAll(keepingCapacity: true)
            return
        }
        switch element {
        case .item:
            if var finished = item {
                finished.fee = fee
                items.append(finished)
            }
            item = nil
            fee = Fee()
        case .name: item?.name = collapsedText()
        case .department: item?.department = internedText()
        case .implementingBody: item?.implementingBody.name = internedText()
        case .serviceObject:
            let value = collapsedText()
            if let object = ServiceObject(rawValue: value) {
                item?.serviceObjects.append(object)
            } else if !isValidated {
                context.report(invalidValue(value, in: "serviceObject", context: context))
            }
        case .handlingForm:
            let value = collapsedText()
            if let form = HandlingForm(rawValue: value) {
                item?.handlingForms.append(form)
            } else if !isValidated {
                context.report(invalidValue(value, in: "handlingForm", context: context))
            }
        case .conditions: item?.conditions = collapsedText()
        case .law:
            if var provision = law {
                provision.text = collapsedText()
                item?.legalBasis.append(provision)
            }
            law = nil
        case .note: material?.note = collapsedText()
        case .standard: material?.standard = collapsedText()
        case .material:
            if let material { item?.materials.append(material) }
            material = nil
        case .catalog, .legalBasis, .statutoryLimit, .promisedLimit, .specialProcedure, .visits, .online,
            .crossRegion, .fee, .feeItem, .modes, .materials, .results, .result, .process, .step, .contact:
            break
        }
        text.removeAll(keepingCapacity: true)
    }

    // MARK: Helpers

    private func checkRoot(_ name: XMLName, attributes: [XMLAttribute], context: XMLParseContext) {
        if name.namespaceURI == OnegoNamespace.catalog && name.localName == "catalog" {
            root = .catalog
            for attribute in attributes {
                switch attribute.name.localName {
                case "title": title = attribute.stringValue
                case "region": region = attribute.stringValue
                default: break
                }
            }
            return
        }
        if OnegoNamespace.isOnego(name.namespaceURI) {
            root = .otherOnego(namespace: name.namespaceURI, root: name.localName)
            if skipsOtherOnegoDocuments {
                context.abort(
                    Diagnostic(
                        .note, rule: "catalog.skipped", message: "不是事项目录文件（\(name.localName)），已跳过",
                        at: context.tagLocation))
                return
            }
        } else {
            root = .foreign(namespace: name.namespaceURI, root: name.localName)
        }
        let found = name.namespaceURI.isEmpty ? "<\(name.localName)>（无命名空间）" : "<\(name.localName)>（命名空间 \(name.namespaceURI)）"
        let message: String
        if name.localName == "catalog" {
            message = "根元素的命名空间错误：应为 \(OnegoNamespace.catalog)，实为 \(name.namespaceURI.isEmpty ? "无命名空间" : name.namespaceURI)"
        } else {
            message = "根元素应为 <catalog xmlns=\"\(OnegoNamespace.catalog)\">，实为 \(found)"
        }
        context.abort(Diagnostic(.error, rule: "catalog.root", message: message, at: context.tagLocation))
    }

    private func invalidValue(_ value: String, in element: String, context: XMLParseContext) -> Diagnostic {
        Diagnostic(
            .error, rule: "catalog.value", message: "<\(element)> 的取值“\(value)”无效", at: context.tagLocation)
    }

    /// The element's text with leading and trailing white space removed and inner runs of white space collapsed.
    private func collapsedText() -> String {
        var result: [UInt8] = []
        result.reserveCapacity(text.count)
        var pendingSpace = false
        for byte in text {
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace { result.append(0x20) }
                pendingSpace = false
                result.append(byte)
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    private func internedText() -> String { interner.intern(collapsedText()) }
}

/// Reads typed attribute values, reporting (not crashing on) bad ones when no schema has checked them.
struct AttributeReader {
    let attributes: [XMLAttribute]
    let interner: StringInterner
    let context: XMLParseContext
    let element: String
    let reportsBadValues: Bool

    func has(_ name: String) -> Bool { attributes.contains { $0.name.localName == name } }

    func string(_ name: String) -> String? {
        guard let attribute = attributes.first(where: { $0.name.localName == name }) else { return nil }
        return interner.intern(attribute.value)
    }

    mutating func enumeration<T: RawRepresentable>(_ name: String, _ type: T.Type) -> T?
    where T.RawValue == String {
        guard let raw = string(name) else { return nil }
        let trimmed = raw.trimmingSpaces()
        if let value = T(rawValue: trimmed) { return value }
        bad(name, raw)
        return nil
    }

    mutating func enumeration<T: RawRepresentable>(_ name: String, _ type: T.Type) -> T? where T.RawValue == Int {
        guard let raw = string(name) else { return nil }
        if let number = Int(raw.trimmingSpaces()), let value = T(rawValue: number) { return value }
        bad(name, raw)
        return nil
    }

    mutating func integer(_ name: String) -> Int? {
        guard let raw = string(name) else { return nil }
        if let number = Int(raw.trimmingSpaces()), (0...9999).contains(number) { return number }
        bad(name, raw)
        return nil
    }

    mutating func number(_ name: String) -> Double? {
        guard let raw = string(name) else { return nil }
        if let number = Double(raw.trimmingSpaces()), number.isFinite, (0...3650).contains(number) { return number }
        bad(name, raw)
        return nil
    }

    mutating func boolean(_ name: String) -> Bool? {
        guard let raw = string(name) else { return nil }
        switch raw.trimmingSpaces() {
        case "true", "1": return true
        case "false", "0": return false
        default:
            bad(name, raw)
            return nil
        }
    }

    mutating func timeLimit() -> TimeLimit? {
        guard let value = number("value"), let unit = enumeration("unit", TimeUnit.self) else { return nil }
        return TimeLimit(value, unit, note: string("note"))
    }

    private func bad(_ name: String, _ raw: String) {
        guard reportsBadValues else { return }
        context.report(
            Diagnostic(
                .error, rule: "catalog.value",
                message: "<\(element)> 的属性 \(name)=\"\(raw)\" 取值无效", at: context.tagLocation))
    }
}

extension String {
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}
