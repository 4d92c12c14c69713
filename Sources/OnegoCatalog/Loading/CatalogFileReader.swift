import OnegoXML

/// Builds ``ServiceItem`` values from the events of one catalog file as they stream by.
///
/// It never holds more than the item being read. Element and attribute names are resolved once per distinct
/// name id, attribute values are parsed from their bytes (numbers, booleans and code-list tokens never become
/// intermediate strings), and repeated texts are interned. With validation off it still never crashes on bad
/// values: they become `catalog.value` diagnostics.
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
    /// Whether a schema checks the values; then bad values are left to it instead of being reported twice.
    let isValidated: Bool

    private let interner: StringInterner
    private var elementKinds: [Element?] = []
    private var attributeKinds: [Attr?] = []
    private var values = AttributeValues()
    private var text: [UInt8] = []
    private var item: ServiceItem?
    private var material: Material?
    private var law: LegalProvision?
    private var fee = Fee()

    init(interner: StringInterner, skipsOtherOnegoDocuments: Bool, maxItems: Int, isValidated: Bool) {
        self.interner = interner
        self.skipsOtherOnegoDocuments = skipsOtherOnegoDocuments
        self.maxItems = maxItems
        self.isValidated = isValidated
    }

    private enum Element: String {
        case catalog, item, name, department, implementingBody, serviceObject, legalBasis, law, conditions
        case statutoryLimit, promisedLimit, specialProcedure, visits, online, handlingForm, crossRegion, fee
        case feeItem, modes, materials, material, note, standard, results, result, process, step, contact
    }

    private func kind(of name: XMLName) -> Element? {
        if name.id < elementKinds.count, let known = elementKinds[name.id] { return known }
        let resolved = name.namespaceURI == OnegoNamespace.catalog ? Element(rawValue: name.localName) : nil
        while elementKinds.count <= name.id { elementKinds.append(nil) }
        elementKinds[name.id] = resolved
        return resolved
    }

    private func attributeKind(of name: XMLName) -> Attr? {
        if name.id < attributeKinds.count, let known = attributeKinds[name.id] { return known }
        let resolved = name.namespaceURI.isEmpty ? Attr(rawValue: name.localName) : nil
        while attributeKinds.count <= name.id { attributeKinds.append(nil) }
        attributeKinds[name.id] = resolved
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
        values.reset()
        for attribute in attributes {
            if let attr = attributeKind(of: attribute.name) { values[attr] = attribute.value }
        }
        let a = ValueReader(
            values: values, interner: interner, context: context, element: name.localName,
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
            item = ServiceItem(
                codes: ItemCodes(
                    basic: a.unique(.basicCode) ?? "", implementation: a.unique(.implementationCode) ?? "",
                    handling: a.unique(.handlingCode)),
                name: "",
                type: ItemType(rawValue: a.string(.type) ?? ""),
                level: a.token(.level, Level.self) ?? .county,
                region: RegionCode(a.string(.region) ?? ""),
                handling: a.token(.handling, HandlingKind.self) ?? .promised,
                handlingForms: [],
                location: context.tagLocation)
        case .implementingBody:
            item?.implementingBody.creditCode = CreditCode(a.string(.uscc) ?? "")
            item?.implementingBody.nature = a.token(.nature, BodyNature.self) ?? .statutory
        case .law:
            law = LegalProvision(law: a.string(.name) ?? "", article: a.string(.article))
        case .statutoryLimit:
            item?.statutoryLimit = a.timeLimit()
        case .promisedLimit:
            if let limit = a.timeLimit() { item?.promisedLimit = limit }
        case .specialProcedure:
            let procedure = SpecialProcedure(
                kind: a.token(.kind, SpecialProcedureKind.self) ?? .other,
                limit: a.has(.value) ? a.timeLimit() : nil,
                note: a.string(.note))
            item?.specialProcedures.append(procedure)
        case .visits:
            item?.visits = a.integer(.count) ?? 0
            item?.visitReason = a.string(.reason)
        case .online:
            item?.online = OnlineService(
                isAvailable: a.boolean(.available) ?? false,
                depth: a.token(.depth, OnlineDepth.self) ?? .information,
                url: a.string(.url))
        case .crossRegion:
            item?.crossRegion = CrossRegion(
                scope: a.token(.scope, CrossScope.self) ?? .city,
                mode: a.token(.mode, CrossMode.self),
                regions: a.string(.regions))
        case .fee:
            fee = Fee(isCharged: a.boolean(.charged) ?? false)
        case .feeItem:
            fee.items.append(FeeItem(name: a.string(.name) ?? "", standard: a.string(.standard) ?? "", basis: a.string(.basis)))
        case .modes:
            item?.modes = HandlingModes(
                isInstantApproval: a.boolean(.instantApproval) ?? false,
                isInstantDeclaration: a.boolean(.instantDeclaration) ?? false,
                isPromiseBased: a.boolean(.promiseBased) ?? false,
                isCertificateFree: a.boolean(.certificateFree) ?? false)
        case .material:
            material = Material(
                name: a.string(.name) ?? "",
                type: a.token(.type, MaterialType.self) ?? .other,
                form: a.token(.form, MaterialForm.self) ?? .paper,
                necessity: a.token(.necessity, Necessity.self) ?? .required,
                source: a.token(.source, MaterialSource.self) ?? .applicant,
                originals: a.integer(.originals) ?? 0,
                copies: a.integer(.copies) ?? 0,
                isKey: a.boolean(.key) ?? false,
                issuer: a.string(.issuer),
                eLicence: a.string(.eLicence),
                supplyDays: a.number(.supplyDays),
                paperSize: a.string(.paperSize),
                blankForm: a.string(.blankForm),
                sample: a.string(.sample),
                location: context.tagLocation)
        case .result:
            item?.results.append(
                ItemResult(
                    name: a.string(.name) ?? "", type: a.token(.type, ResultType.self) ?? .other,
                    eLicence: a.string(.eLicence), validity: a.string(.validity), delivery: a.string(.delivery)))
        case .step:
            item?.steps.append(
                ProcessStep(name: a.string(.name) ?? "", limit: a.has(.value) ? a.timeLimit() : nil, role: a.string(.role)))
        case .contact:
            item?.contact = Contact(
                address: a.string(.address) ?? "", hours: a.string(.hours) ?? "",
                phone: a.string(.phone) ?? "", complaintPhone: a.string(.complaintPhone) ?? "")
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
        case .name: item?.name = internedText()
        case .department: item?.department = internedText()
        case .implementingBody: item?.implementingBody.name = internedText()
        case .serviceObject:
            if let object = textToken(ServiceObject.self, element: "serviceObject", context: context) {
                item?.serviceObjects.append(object)
            }
        case .handlingForm:
            if let form = textToken(HandlingForm.self, element: "handlingForm", context: context) {
                item?.handlingForms.append(form)
            }
        case .conditions: item?.conditions = internedText()
        case .law:
            if var provision = law {
                provision.text = internedText()
                item?.legalBasis.append(provision)
            }
            law = nil
        case .note: material?.note = internedText()
        case .standard: material?.standard = internedText()
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
        let found =
            name.namespaceURI.isEmpty
            ? "<\(name.localName)>（无命名空间）" : "<\(name.localName)>（命名空间 \(name.namespaceURI)）"
        let message: String
        if name.localName == "catalog" {
            let actual = name.namespaceURI.isEmpty ? "无命名空间" : name.namespaceURI
            message = "根元素的命名空间错误：应为 \(OnegoNamespace.catalog)，实为 \(actual)"
        } else {
            message = "根元素应为 <catalog xmlns=\"\(OnegoNamespace.catalog)\">，实为 \(found)"
        }
        context.abort(Diagnostic(.error, rule: "catalog.root", message: message, at: context.tagLocation))
    }

    /// The element's text with white space trimmed and inner runs collapsed to one space, interned.
    private func internedText() -> String {
        collapseWhitespace(&text)
        return text.withUnsafeBufferPointer { interner.intern($0) }
    }

    private func textToken<T: CatalogToken>(_ type: T.Type, element: String, context: XMLParseContext) -> T? {
        collapseWhitespace(&text)
        if let value = text.withUnsafeBufferPointer({ T.parse($0) }) { return value }
        if !isValidated {
            context.report(
                Diagnostic(
                    .error, rule: "catalog.value",
                    message: "<\(element)> 的取值“\(String(decoding: text, as: UTF8.self))”无效", at: context.tagLocation))
        }
        return nil
    }
}

/// Trims ASCII white space and collapses inner runs to one space, in place.
func collapseWhitespace(_ bytes: inout [UInt8]) {
    var write = 0
    var pendingSpace = false
    for read in bytes.indices {
        let byte = bytes[read]
        if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
            pendingSpace = write > 0
        } else {
            if pendingSpace {
                bytes[write] = 0x20
                write += 1
                pendingSpace = false
            }
            bytes[write] = byte
            write += 1
        }
    }
    bytes.removeLast(bytes.count - write)
}
