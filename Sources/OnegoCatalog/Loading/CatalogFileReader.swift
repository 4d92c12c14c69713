import OnegoBase
import OnegoXML

/// Builds ``ServiceItem`` values from the events of one catalog file as they stream by.
///
/// It never holds more than the item being read. Element and attribute names are resolved once per distinct
/// name id (the parser puts each attribute's value straight into its ``Attr`` slot and hands an element's text over
/// once, at its end tag: ``XMLSlottedContentHandler``), attribute values are parsed from their bytes (numbers,
/// booleans and code-list tokens never become intermediate strings), and repeated texts are interned. With
/// validation off it still never crashes on bad values: they become `catalog.value` diagnostics.
final class CatalogFileReader: XMLSlottedContentHandler {
    /// What the file turned out to be.
    enum RootKind: Equatable {
        case unknown
        case catalog
        /// Another onego document (matter, calendar, policy …), named by its namespace.
        case otherOnego(namespace: String, root: String)
        case foreign(namespace: String, root: String)
    }

    @exclusivity(unchecked) private(set) var root: RootKind = .unknown
    @exclusivity(unchecked) private(set) var items: [ServiceItem] = []
    @exclusivity(unchecked) private(set) var title: String?
    @exclusivity(unchecked) private(set) var region: String?
    /// Whether the root's end tag was read: the parse went through the whole document.
    @exclusivity(unchecked) private(set) var hasReachedRootEnd = false
    /// Stop at the root when it is another onego document, instead of reporting it.
    let skipsOtherOnegoDocuments: Bool
    /// The most items accepted from one file.
    let maxItems: Int
    /// Whether a schema checks the values; then bad values are left to it instead of being reported twice.
    let isValidated: Bool

    /// The most entries in one list of an item (materials, results, steps, laws, fee items, special procedures).
    /// Real items have dozens at most; the audit compares an item's materials pairwise, so 20,000 materials in one
    /// item made it run for minutes.
    static let maxListEntries = 1_000

    /// How many entries the list that `element` adds to already holds; 0 for elements that are not list entries.
    @inline(__always)
    private func listLength(before element: Element) -> Int {
        switch element {
        case .material: scratch.materials.count
        case .result: scratch.results.count
        case .step: scratch.steps.count
        case .law: scratch.legalBasis.count
        case .feeItem: scratch.feeItems.count
        case .specialProcedure: scratch.specialProcedures.count
        default: 0
        }
    }

    /// The Chinese name of the list a list entry `element` adds to.
    private static func listName(_ element: Element) -> String {
        switch element {
        case .material: "申请材料"
        case .result: "办理结果"
        case .step: "办理环节"
        case .law: "设定依据"
        case .feeItem: "收费项目"
        default: "特别程序"
        }
    }

    private let interner: StringInterner
    /// Per name id: 0 not yet resolved, 1 not a catalog element, else the element's index + 2.
    @exclusivity(unchecked) private var elementKinds: [UInt8] = []
    /// Per name id: 0 not yet resolved, 1 not a catalog attribute, else the attribute's index + 2.
    @exclusivity(unchecked) private var attributeKinds: [UInt8] = []
    /// The attribute slots and the text runs of start tags and texts that come through ``XMLContentHandler``'s
    /// calls instead of the slotted ones (a parse gathers them itself for a ``XMLSlottedContentHandler``).
    private let values = AttributeValues()
    @exclusivity(unchecked) private var runs = TextBuffer()
    /// The text of the element whose end tag is being read.
    @exclusivity(unchecked) private var text = ElementText(start: nil, count: 0)
    /// The item being read: built in place and moved into `items` at `</item>` (no optional chaining, no copies).
    @exclusivity(unchecked) private var item = ServiceItem(codes: ItemCodes(basic: "", implementation: ""), name: "")
    @exclusivity(unchecked) private var isInItem = false
    /// The material being read: its key (ids of its interned texts) and where its start tag is.
    @exclusivity(unchecked) private var material = MaterialKey()
    @exclusivity(unchecked) private var materialLocation = SourceLocation(file: "", line: 0, column: 0)
    @exclusivity(unchecked) private var isInMaterial = false
    @exclusivity(unchecked) private var law = LawKey(law: -1, article: -1)
    @exclusivity(unchecked) private var isInLaw = false
    /// The role attribute of the `<jointDepartment>` being read (schema 1.1).
    @exclusivity(unchecked) private var jointRole: String?
    /// Repeated values and arrays (material bodies, contacts, results, steps, legal basis …) kept once per file.
    @exclusivity(unchecked) private var shared = SharedArrays()
    /// The current item's lists, built in reused storage and copied (or shared) once at `</item>`.
    @exclusivity(unchecked) private var scratch = ItemLists()

    /// Per reader, not static: objects shared by parsing threads make them contend on reference counts.
    private let blankItem = ServiceItem(codes: ItemCodes(basic: "", implementation: ""), name: "")
    /// The contact of an item without `<contact>`: one box for all of them.
    private let blankContact = CopyOnWrite(Contact())
    private let elements = Element.allCases
    private let attrs = Attr.allCases

    init(interner: StringInterner, skipsOtherOnegoDocuments: Bool, maxItems: Int, isValidated: Bool) {
        self.interner = interner
        self.skipsOtherOnegoDocuments = skipsOtherOnegoDocuments
        self.maxItems = maxItems
        self.isValidated = isValidated
    }

    private enum Element: String, CaseIterable {
        case catalog, item, name, department, implementingBody, serviceObject, legalBasis, law, conditions
        case statutoryLimit, promisedLimit, specialProcedure, visits, online, handlingForm, crossRegion, fee
        case feeItem, modes, materials, material, note, standard, results, result, process, step, contact
        // Schema 1.1.
        case levels, jointDepartment, alias, keyword, appointment

        /// Whether its start tag is read (by `open`, or checked against ``maxListEntries``): the cases `open`
        /// does nothing for are not.
        var isReadAtStart: Bool {
            switch self {
            case .catalog, .name, .department, .serviceObject, .legalBasis, .conditions, .handlingForm,
                .materials, .note, .standard, .results, .process, .levels, .alias, .keyword:
                false
            default: true
            }
        }

        /// Whether its end tag is read (by `endElement`): the cases it does nothing for are not.
        var isReadAtEnd: Bool {
            switch self {
            case .catalog, .legalBasis, .statutoryLimit, .promisedLimit, .specialProcedure, .visits, .online,
                .crossRegion, .fee, .feeItem, .modes, .materials, .results, .result, .process, .step, .contact,
                .appointment:
                false
            default: true
            }
        }
    }

    @inline(__always)
    private func kind(of id: Int, _ context: XMLParseContext) -> Element? {
        if id < elementKinds.count {
            let known = elementKinds[id]
            if known >= 2 { return elements[Int(known) - 2] }
            if known == 1 { return nil }
        }
        let name = context.name(id: id)
        let resolved = name.namespaceURI == OnegoNamespace.catalog ? Element(rawValue: name.localName) : nil
        while elementKinds.count <= id { elementKinds.append(0) }
        elementKinds[id] = resolved.flatMap { e in elements.firstIndex(of: e).map { UInt8($0 + 2) } } ?? 1
        return resolved
    }

    @inline(__always)
    private func attributeKind(of id: Int, _ context: XMLParseContext) -> Attr? {
        if id < attributeKinds.count {
            let known = attributeKinds[id]
            if known >= 2 { return attrs[Int(known) - 2] }
            if known == 1 { return nil }
        }
        let name = context.name(id: id)
        let resolved = name.namespaceURI.isEmpty ? Attr(rawValue: name.localName) : nil
        while attributeKinds.count <= id { attributeKinds.append(0) }
        attributeKinds[id] = resolved.map { UInt8($0.rawValue + 2) } ?? 1
        return resolved
    }

    // MARK: XMLContentHandler

    func attributeSlot(for name: XMLName) -> Int? {
        name.namespaceURI.isEmpty ? Attr(rawValue: name.localName)?.rawValue : nil
    }

    /// The tags the reader does something with below the root: none of other namespaces' elements, and of the
    /// catalog's only those that `open` or `endElement` read (a wrapper such as `<materials>` is given neither).
    func elementEvents(for name: XMLName) -> XMLElementEvents {
        guard name.namespaceURI == OnegoNamespace.catalog, let element = Element(rawValue: name.localName) else {
            return []
        }
        var events: XMLElementEvents = []
        if element.isReadAtStart { events.insert(.start) }
        if element.isReadAtEnd { events.insert(.end) }
        return events
    }

    func startElement(nameID: Int, attributes: XMLAttributeList, depth: Int, context: XMLParseContext) {
        runs.clear()
        if depth == 1 {
            checkRoot(context.name(id: nameID), attributes: attributes, context: context)
            return
        }
        values.reset()
        for attribute in attributes.entries {
            if let attr = attributeKind(of: attribute.nameID, context) { values.set(attr, attribute.value) }
        }
        startElement(nameID: nameID, slots: values.slots, depth: depth, context: context)
    }

    func startElement(nameID: Int, slots: XMLAttributeSlots, depth: Int, context: XMLParseContext) {
        guard let element = kind(of: nameID, context) else { return }
        if listLength(before: element) >= Self.maxListEntries {
            let what = Self.listName(element)
            context.abort(
                Diagnostic(
                    .error, rule: .catalogLimitList,
                    message: "事项的\(what)超过 \(Self.maxListEntries) 条上限：真实事项不会有这么多（文件可能损坏或为恶意构造），"
                        + "已停止读取该文件", at: context.tagLocation))
            return
        }
        let a = ValueReader(
            values: slots, strings: Unmanaged.passUnretained(interner), context: context, element: nameID,
            reportsBadValues: !isValidated)
        open(element, a, context: context)
    }

    /// Reads the start tag of a catalog element from its attribute values.
    private func open(_ element: Element, _ a: ValueReader, context: XMLParseContext) {
        switch element {
        case .item:
            openItem(a, context: context)
        case .implementingBody:
            item.implementingBody.creditCode = CreditCode(a.string(.uscc) ?? "")
            item.implementingBody.nature = a.token(.nature, BodyNature.self) ?? .statutory
        case .law:
            law = LawKey(law: a.id(.name), article: a.id(.article))
            isInLaw = true
        case .statutoryLimit:
            item.statutoryLimit = a.timeLimit()
        case .promisedLimit:
            readPromisedLimit(a, context: context)
        case .specialProcedure:
            let procedure = ProcedureKey(
                kind: a.token(.kind, SpecialProcedureKind.self) ?? .other,
                limit: a.has(.value) ? a.limitKey() : nil,
                note: a.id(.note))
            scratch.specialProcedures.append(procedure)
        case .visits:
            item.visits = a.integer(.count) ?? 0
            item.visitReason = a.string(.reason)
        case .online:
            item.online = OnlineService(
                isAvailable: a.boolean(.available) ?? false,
                depth: a.token(.depth, OnlineDepth.self) ?? .information,
                url: a.string(.url))
        case .crossRegion:
            item.crossRegion = CrossRegion(
                scope: a.token(.scope, CrossScope.self) ?? .city,
                mode: a.token(.mode, CrossMode.self),
                regions: a.string(.regions))
        case .fee:
            scratch.isCharged = a.boolean(.charged) ?? false
            scratch.feeItems.removeAll()
        case .feeItem:
            scratch.feeItems.append(FeeItemKey(name: a.id(.name), standard: a.id(.standard), basis: a.id(.basis)))
        case .modes:
            item.modes = HandlingModes(
                isInstantApproval: a.boolean(.instantApproval) ?? false,
                isInstantDeclaration: a.boolean(.instantDeclaration) ?? false,
                isPromiseBased: a.boolean(.promiseBased) ?? false,
                isCertificateFree: a.boolean(.certificateFree) ?? false)
        case .material:
            openMaterial(a, context: context)
        case .result:
            scratch.results.append(
                ResultKey(
                    name: a.id(.name), type: a.token(.type, ResultType.self) ?? .other, eLicence: a.id(.eLicence),
                    validity: a.id(.validity), delivery: a.id(.delivery)))
        case .step:
            scratch.steps.append(
                StepKey(name: a.id(.name), limit: a.has(.value) ? a.limitKey() : nil, role: a.id(.role)))
        case .contact:
            readContact(a, context: context)
        case .jointDepartment:
            jointRole = a.string(.role)
        case .appointment:
            item.details.appointmentURL = a.string(.url)
        case .catalog, .name, .department, .serviceObject, .legalBasis, .conditions, .handlingForm,
            .materials, .note, .standard, .results, .process, .levels, .alias, .keyword:
            break
        }
    }

    /// `<item>`: starts a new item in place.
    private func openItem(_ a: ValueReader, context: XMLParseContext) {
        guard items.count < maxItems else {
            context.abort(
                Diagnostic(
                    .error, rule: .catalogLimitItems,
                    message: "单个文件的事项数超过上限 \(maxItems)", at: context.tagLocation))
            return
        }
        isInItem = true
        scratch.reset()
        item = ServiceItem(
            codes: ItemCodes(
                basic: a.unique(.basicCode) ?? "", implementation: a.unique(.implementationCode) ?? "",
                handling: a.unique(.handlingCode)),
            type: ItemType(rawValue: a.string(.type) ?? ""),
            level: a.token(.level, Level.self) ?? .county,
            region: RegionCode(a.string(.region) ?? ""),
            handling: a.token(.handling, HandlingKind.self) ?? .promised,
            contact: blankContact,
            location: context.tagLocation)
    }

    /// `<material>`: starts a new material in place.
    private func openMaterial(_ a: ValueReader, context: XMLParseContext) {
        isInMaterial = true
        material = MaterialKey(
            name: a.id(.name),
            type: a.token(.type, MaterialType.self) ?? .other,
            form: a.token(.form, MaterialForm.self) ?? .paper,
            necessity: a.token(.necessity, Necessity.self) ?? .required,
            source: a.token(.source, MaterialSource.self) ?? .applicant,
            isKey: a.boolean(.key) ?? false,
            originals: a.integer(.originals) ?? 0,
            copies: a.integer(.copies) ?? 0,
            issuer: a.id(.issuer),
            eLicence: a.id(.eLicence),
            supplyDays: a.number(.supplyDays),
            paperSize: a.id(.paperSize),
            blankForm: a.id(.blankForm),
            sample: a.id(.sample),
            holder: a.id(.holder))
        materialLocation = context.tagLocation
    }

    func characters(_ bytes: UnsafeBufferPointer<UInt8>, context: XMLParseContext) {
        runs.append(bytes)
    }

    func endElement(nameID: Int, depth: Int, context: XMLParseContext) {
        let held = runs.elementText
        runs.clear()
        // The runs' storage is only written again by `characters`, which cannot come during this call.
        endElement(nameID: nameID, depth: depth, text: held, context: context)
    }

    func endElement(nameID: Int, depth: Int, text: UnsafeMutableBufferPointer<UInt8>, context: XMLParseContext) {
        endElement(nameID: nameID, depth: depth, text: ElementText(text), context: context)
    }

    private func endElement(nameID: Int, depth: Int, text elementText: ElementText, context: XMLParseContext) {
        guard depth > 1, let element = kind(of: nameID, context) else {
            if depth == 1 { hasReachedRootEnd = true }
            return
        }
        text = elementText
        switch element {
        case .item:
            if isInItem {
                isInItem = false
                shared.finish(&item, from: &scratch, strings: interner)
                var finished = blankItem
                swap(&finished, &item)
                items.append(finished)
            }
        case .name: item.name = internedText()
        case .department: item.department = internedText()
        case .implementingBody: item.implementingBody.name = internedText()
        case .serviceObject:
            if let object = textToken(ServiceObject.self, element: "serviceObject", context: context) {
                scratch.serviceObjects.append(CaseKey(value: object))
            }
        case .handlingForm:
            if let form = textToken(HandlingForm.self, element: "handlingForm", context: context) {
                scratch.handlingForms.append(CaseKey(value: form))
            }
        case .conditions: item.conditions = internedText()
        case .law:
            if isInLaw {
                isInLaw = false
                law.text = internedTextID()
                scratch.legalBasis.append(law)
            }
        case .note: material.note = internedTextID()
        case .standard: material.standard = internedTextID()
        case .material:
            if isInMaterial {
                isInMaterial = false
                scratch.materials.append(shared.material(material, at: materialLocation, strings: interner))
            }
        case .levels:
            text.collapseWhitespace()
            item.details.levels = text.string.split(separator: " ")
                .compactMap { Int($0).flatMap(Level.init(rawValue:)) }
        case .jointDepartment:
            item.details.jointDepartments.append(JointDepartment(name: internedText(), role: jointRole))
            jointRole = nil
        case .alias: item.details.aliases.append(internedText())
        case .keyword: item.details.keywords.append(internedText())
        case .catalog, .legalBasis, .statutoryLimit, .promisedLimit, .specialProcedure, .visits, .online,
            .crossRegion, .fee, .feeItem, .modes, .materials, .results, .result, .process, .step, .contact,
            .appointment:
            break
        }
    }

    // MARK: Helpers

    private func checkRoot(_ name: XMLName, attributes: XMLAttributeList, context: XMLParseContext) {
        if name.namespaceURI == OnegoNamespace.catalog && name.localName == "catalog" {
            root = .catalog
            for attribute in attributes.entries {
                switch context.name(id: attribute.nameID).localName {
                case "title": title = String(decoding: attribute.value, as: UTF8.self)
                case "region": region = String(decoding: attribute.value, as: UTF8.self)
                default: break
                }
            }
            return
        }
        if OnegoNamespace.isOnego(name.namespaceURI) && name.namespaceURI != OnegoNamespace.catalog {
            root = .otherOnego(namespace: name.namespaceURI, root: name.localName)
            if skipsOtherOnegoDocuments {
                context.abort(
                    Diagnostic(
                        .note, rule: .catalogSkipped, message: "不是事项目录文件（\(name.localName)），已跳过",
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
        context.abort(Diagnostic(.error, rule: .catalogRoot, message: message, at: context.tagLocation))
    }

    /// Reads `<promisedLimit>`: value and unit, or (1.1) `state="未公布"` with neither; reports any other mix.
    private func readPromisedLimit(_ a: ValueReader, context: XMLParseContext) {
        let hasState = a.has(.state)
        let hasValue = a.has(.value) || a.has(.unit)
        if hasState && !hasValue {
            item.promisedLimit = nil
            return
        }
        if let limit = a.timeLimit(), !hasState {
            item.promisedLimit = limit
            return
        }
        item.promisedLimit = nil
        guard hasState || !hasValue else { return }
        let message =
            hasState
            ? "<promisedLimit> 不能同时给出 state 与 value/unit：未公布的承诺时限不写时限值"
            : "<promisedLimit> 须给出 value 与 unit，或写 state=\"未公布\""
        context.report(Diagnostic(.error, rule: .catalogValue, message: message, at: context.tagLocation))
    }

    /// Reads `<contact>`: address and hours each given, or (1.1) replaced by their state; reports neither or both.
    private func readContact(_ a: ValueReader, context: XMLParseContext) {
        let addressState = a.token(.addressState, VenueState.self)
        let hoursState = a.token(.hoursState, VenueState.self)
        let contact = ContactKey(
            address: a.id(.address), hours: a.id(.hours), phone: a.id(.phone), complaintPhone: a.id(.complaintPhone),
            addressState: addressState, hoursState: hoursState)
        item.contactStorage = shared.contact(contact, strings: interner)
        // Two calls, not a loop over an array literal: that allocated an array of tuples for every item.
        checkVenue(a, value: .address, state: .addressState, name: "address", context: context)
        checkVenue(a, value: .hours, state: .hoursState, name: "hours", context: context)
    }

    /// Reports a `<contact>` that gives both a venue value and its state, or neither.
    @inline(__always)
    private func checkVenue(_ a: ValueReader, value: Attr, state: Attr, name: StaticString, context: XMLParseContext) {
        let message: String
        switch (a.has(value), a.has(state)) {
        case (true, true): message = "<contact> 不能同时给出 \(name) 与 \(name)State：写了状态就不写值"
        case (false, false): message = "<contact> 须给出 \(name)，或写 \(name)State=\"无线下窗口\"/\"未公布\""
        default: return
        }
        context.report(Diagnostic(.error, rule: .catalogValue, message: message, at: context.tagLocation))
    }

    /// The element's text with white space trimmed and inner runs collapsed to one space, interned.
    private func internedText() -> String {
        text.collapseWhitespace()
        return Unmanaged.passUnretained(interner)._withUnsafeGuaranteedRef { $0.intern(text.bytes) }
    }

    /// The interner's id of the element's text, white space collapsed as in ``internedText()``.
    private func internedTextID() -> StringID {
        text.collapseWhitespace()
        return StringID(
            truncatingIfNeeded: Unmanaged.passUnretained(interner)._withUnsafeGuaranteedRef { $0.id(of: text.bytes) })
    }

    private func textToken<T: CatalogToken>(_ type: T.Type, element: String, context: XMLParseContext) -> T? {
        text.collapseWhitespace()
        if let value = T.parse(text.bytes) { return value }
        if !isValidated {
            context.report(
                Diagnostic(
                    .error, rule: .catalogValue,
                    message: "<\(element)> 的取值“\(text.string)”无效", at: context.tagLocation))
        }
        return nil
    }
}
