/// Writes items as catalog XML (`Schemas/catalog.xsd`), escaping all text. Converters from other formats and the
/// benchmark generator use it; loading what it writes gives back equal items (apart from source locations).
public struct CatalogWriter: Sendable {
    /// The catalog's title attribute.
    public var title: String?
    /// The catalog's region attribute.
    public var region: String?
    /// The catalog's published date (ISO), if any.
    public var published: String?
    /// The schema version written by ``header()``; ``document(_:)`` writes 1.1 only when an item needs it.
    public var schemaVersion = "1.0"

    /// Creates a writer.
    public init(title: String? = nil, region: String? = nil, published: String? = nil) {
        self.title = title
        self.region = region
        self.published = published
    }

    /// The XML declaration and the root start tag.
    public func header() -> String {
        var root = "<catalog xmlns=\"\(OnegoNamespace.catalog)\" schemaVersion=\"\(schemaVersion)\""
        if let title { root += attribute("title", title) }
        if let region { root += attribute("region", region) }
        if let published { root += attribute("published", published) }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + root + ">\n"
    }

    /// The root end tag.
    public func footer() -> String { "</catalog>\n" }

    /// A whole document holding `items`.
    public func document(_ items: [ServiceItem]) -> String {
        var writer = self
        if items.contains(where: Self.needsSchema11) { writer.schemaVersion = "1.1" }
        var out = writer.header()
        for item in items { write(item, to: &out) }
        out += footer()
        return out
    }

    /// Appends one `<item>` element to `out`.
    public func write(_ item: ServiceItem, to out: inout String) {
        out += "  <item"
        out += attribute("basicCode", item.codes.basic)
        out += attribute("implementationCode", item.codes.implementation)
        if let handling = item.codes.handling { out += attribute("handlingCode", handling) }
        out += attribute("type", item.type.rawValue)
        out += attribute("level", String(item.level.rawValue))
        out += attribute("region", item.region.rawValue)
        out += attribute("handling", item.handling.rawValue)
        out += ">\n"
        writeIdentity(item, to: &out)
        writeHandling(item, to: &out)
        writeLists(item, to: &out)
        writeContact(item, to: &out)
        out += "  </item>\n"
    }

    /// Name, department, implementing body, service objects, legal basis, conditions and time limits.
    private func writeIdentity(_ item: ServiceItem, to out: inout String) {
        element("name", item.name, &out)
        element("department", item.department, &out)
        out +=
            "    <implementingBody"
            + attribute("uscc", item.implementingBody.creditCode.rawValue)
            + attribute("nature", item.implementingBody.nature.rawValue) + ">"
            + escape(item.implementingBody.name) + "</implementingBody>\n"
        for object in item.serviceObjects { element("serviceObject", object.rawValue, &out) }
        if !item.legalBasis.isEmpty {
            out += "    <legalBasis>\n"
            for law in item.legalBasis {
                out +=
                    "      <law" + attribute("name", law.law) + optional("article", law.article) + ">"
                    + escape(law.text) + "</law>\n"
            }
            out += "    </legalBasis>\n"
        }
        if let conditions = item.conditions { element("conditions", conditions, &out) }
        if let statutory = item.statutoryLimit { out += "    <statutoryLimit" + limit(statutory) + "/>\n" }
        out +=
            "    <promisedLimit"
            + (item.promisedLimit.map(limit) ?? attribute("state", PublishedState.notPublished.rawValue)) + "/>\n"
    }

    /// Special procedures, visits, online depth, handling forms, cross-region scope, fees and handling modes.
    private func writeHandling(_ item: ServiceItem, to out: inout String) {
        for procedure in item.specialProcedures {
            out +=
                "    <specialProcedure" + attribute("kind", procedure.kind.rawValue)
                + (procedure.limit.map { number("value", $0.value) + attribute("unit", $0.unit.rawValue) } ?? "")
                + optional("note", procedure.note) + "/>\n"
        }
        out += "    <visits" + attribute("count", String(item.visits)) + optional("reason", item.visitReason) + "/>\n"
        out +=
            "    <online" + attribute("available", String(item.online.isAvailable))
            + attribute("depth", String(item.online.depth.rawValue)) + optional("url", item.online.url) + "/>\n"
        for form in item.handlingForms { element("handlingForm", form.rawValue, &out) }
        if let cross = item.crossRegion {
            out +=
                "    <crossRegion" + attribute("scope", cross.scope.rawValue)
                + optional("mode", cross.mode?.rawValue) + optional("regions", cross.regions) + "/>\n"
        }
        if item.fee.items.isEmpty {
            out += "    <fee" + attribute("charged", String(item.fee.isCharged)) + "/>\n"
        } else {
            out += "    <fee" + attribute("charged", String(item.fee.isCharged)) + ">\n"
            for fee in item.fee.items {
                out +=
                    "      <feeItem" + attribute("name", fee.name) + attribute("standard", fee.standard)
                    + optional("basis", fee.basis) + "/>\n"
            }
            out += "    </fee>\n"
        }
        let modes = item.modes
        if modes != HandlingModes() {
            out += "    <modes"
            if modes.isInstantApproval { out += attribute("instantApproval", "true") }
            if modes.isInstantDeclaration { out += attribute("instantDeclaration", "true") }
            if modes.isPromiseBased { out += attribute("promiseBased", "true") }
            if modes.isCertificateFree { out += attribute("certificateFree", "true") }
            out += "/>\n"
        }
    }

    /// Materials, results and process steps.
    private func writeLists(_ item: ServiceItem, to out: inout String) {
        if !item.materials.isEmpty {
            out += "    <materials>\n"
            for material in item.materials { write(material, to: &out) }
            out += "    </materials>\n"
        }
        if !item.results.isEmpty {
            out += "    <results>\n"
            for result in item.results {
                out +=
                    "      <result" + attribute("name", result.name) + attribute("type", result.type.rawValue)
                    + optional("eLicence", result.eLicence) + optional("validity", result.validity)
                    + optional("delivery", result.delivery) + "/>\n"
            }
            out += "    </results>\n"
        }
        if !item.steps.isEmpty {
            out += "    <process>\n"
            for step in item.steps {
                out +=
                    "      <step" + attribute("name", step.name)
                    + (step.limit.map { number("value", $0.value) + attribute("unit", $0.unit.rawValue) } ?? "")
                    + optional("role", step.role) + "/>\n"
            }
            out += "    </process>\n"
        }
    }

    /// The contact and the details of schema 1.1.
    private func writeContact(_ item: ServiceItem, to out: inout String) {
        out +=
            "    <contact" + venue("address", item.contact.address, item.contact.addressState)
            + venue("hours", item.contact.hours, item.contact.hoursState)
            + attribute("phone", item.contact.phone) + attribute("complaintPhone", item.contact.complaintPhone)
            + "/>\n"
        let details = item.details
        if !details.isEmpty {
            if !details.levels.isEmpty {
                element("levels", details.levels.map { String($0.rawValue) }.joined(separator: " "), &out)
            }
            for joint in details.jointDepartments {
                out +=
                    "    <jointDepartment" + optional("role", joint.role) + ">" + escape(joint.name)
                    + "</jointDepartment>\n"
            }
            for alias in details.aliases { element("alias", alias, &out) }
            for keyword in details.keywords { element("keyword", keyword, &out) }
            if let url = details.appointmentURL { out += "    <appointment" + attribute("url", url) + "/>\n" }
        }
    }

    /// Whether `item` uses what only catalog schema 1.1 holds (details, the national service-object categories, an unpublished promised limit).
    public static func needsSchema11(_ item: ServiceItem) -> Bool {
        !item.details.isEmpty || item.serviceObjects.contains(where: \.isSchema11)
            || item.materials.contains(where: \.hasUnspecifiedFacts) || item.promisedLimit == nil
    }

    private func write(_ material: Material, to out: inout String) {
        out +=
            "      <material" + attribute("name", material.name)
            + attribute("type", String(material.type.rawValue)) + attribute("form", material.form.rawValue)
            + attribute("necessity", material.necessity.rawValue)
            + attribute("source", String(material.source.rawValue))
        if material.originals != 0 { out += attribute("originals", String(material.originals)) }
        if material.copies != 0 { out += attribute("copies", String(material.copies)) }
        if material.isKey { out += attribute("key", "true") }
        out += optional("issuer", material.issuer) + optional("eLicence", material.eLicence)
        if let days = material.supplyDays { out += number("supplyDays", days) }
        out +=
            optional("paperSize", material.paperSize) + optional("blankForm", material.blankForm)
            + optional("sample", material.sample) + optional("holder", material.holder)
        if material.note == nil && material.standard == nil {
            out += "/>\n"
            return
        }
        out += ">\n"
        if let note = material.note { out += "        <note>" + escape(note) + "</note>\n" }
        if let standard = material.standard { out += "        <standard>" + escape(standard) + "</standard>\n" }
        out += "      </material>\n"
    }

    private func element(_ name: String, _ text: String, _ out: inout String) {
        out += "    <\(name)>" + escape(text) + "</\(name)>\n"
    }

    private func limit(_ limit: TimeLimit) -> String {
        number("value", limit.value) + attribute("unit", limit.unit.rawValue) + optional("note", limit.note)
    }

    private func number(_ name: String, _ value: Double) -> String {
        attribute(name, value.rounded() == value ? String(Int(value)) : String(value))
    }

    private func optional(_ name: String, _ value: String?) -> String {
        value.map { attribute(name, $0) } ?? ""
    }

    /// `address="…"`, or `addressState="无线下窗口"` when the value is absent for a stated reason (1.1).
    private func venue(_ name: String, _ value: String, _ state: VenueState?) -> String {
        state.map { attribute(name + "State", $0.rawValue) } ?? attribute(name, value)
    }

    private func attribute(_ name: String, _ value: String) -> String { " \(name)=\"\(escape(value))\"" }

    private func escape(_ text: String) -> String { XMLText.escape(text) }
}
