import OnegoBase

/// The compact form of a service item and its parts (see ``CompactCodable``). An item is written through its
/// public properties and read through its public initialiser, which keeps the model's storage private.
extension ServiceItem: CompactCodable {
    func write(to writer: inout CompactWriter) {
        codes.write(to: &writer)
        writer.write(name)
        type.write(to: &writer)
        level.write(to: &writer)
        writer.write(region.rawValue)
        handling.write(to: &writer)
        writer.write(department)
        implementingBody.write(to: &writer)
        writer.writeShared(serviceObjects, as: .serviceObjects)
        writer.writeShared(legalBasis, as: .legalBasis)
        writer.write(conditions)
        statutoryLimit.write(to: &writer)
        promisedLimit.write(to: &writer)
        writer.writeShared(specialProcedures, as: .specialProcedures)
        writer.write(visits)
        writer.write(visitReason)
        online.write(to: &writer)
        writer.writeShared(handlingForms, as: .handlingForms)
        crossRegion.write(to: &writer)
        fee.write(to: &writer)
        modes.write(to: &writer)
        materials.write(to: &writer)
        writer.writeShared(results, as: .results)
        writer.writeShared(steps, as: .steps)
        contact.write(to: &writer)
        details.write(to: &writer)
        location.write(to: &writer)
    }

    init(compact r: inout CompactReader) throws {
        self.init(
            codes: try ItemCodes(compact: &r), name: try r.string(), type: try ItemType(compact: &r),
            level: try Level(compact: &r), region: RegionCode(try r.string()), handling: try HandlingKind(compact: &r),
            department: try r.string(), implementingBody: try ImplementingBody(compact: &r),
            serviceObjects: try r.shared(\.serviceObjects), legalBasis: try r.shared(\.legalBasis),
            conditions: try r.optionalString(), statutoryLimit: try TimeLimit?(compact: &r),
            promisedLimit: try TimeLimit?(compact: &r), specialProcedures: try r.shared(\.specialProcedures),
            visits: try r.int(), visitReason: try r.optionalString(), online: try OnlineService(compact: &r),
            handlingForms: try r.shared(\.handlingForms), crossRegion: try CrossRegion?(compact: &r),
            fee: try Fee(compact: &r), modes: try HandlingModes(compact: &r), materials: try [Material](compact: &r),
            results: try r.shared(\.results), steps: try r.shared(\.steps),
            contact: try Contact(compact: &r), details: try PublishedDetails(compact: &r),
            location: try SourceLocation(compact: &r))
    }
}

extension ItemCodes: CompactCodable {
    func write(to writer: inout CompactWriter) {
        writer.write(basic)
        writer.write(implementation)
        writer.write(handling)
    }

    init(compact r: inout CompactReader) throws {
        self.init(basic: try r.string(), implementation: try r.string(), handling: try r.optionalString())
    }
}

extension ImplementingBody: CompactCodable {
    func write(to writer: inout CompactWriter) {
        writer.write(name)
        writer.write(creditCode.rawValue)
        nature.write(to: &writer)
    }

    init(compact r: inout CompactReader) throws {
        self.init(name: try r.string(), creditCode: CreditCode(try r.string()), nature: try BodyNature(compact: &r))
    }
}

extension LegalProvision: CompactCodable {
    func write(to writer: inout CompactWriter) {
        writer.write(law)
        writer.write(article)
        writer.write(text)
    }

    init(compact r: inout CompactReader) throws {
        self.init(law: try r.string(), article: try r.optionalString(), text: try r.string())
    }
}

extension TimeLimit: CompactCodable {
    func write(to writer: inout CompactWriter) {
        writer.write(value)
        unit.write(to: &writer)
        writer.write(note)
    }

    init(compact r: inout CompactReader) throws {
        self.init(try r.double(), try TimeUnit(compact: &r), note: try r.optionalString())
    }
}

extension SpecialProcedure: CompactCodable {
    func write(to writer: inout CompactWriter) {
        kind.write(to: &writer)
        limit.write(to: &writer)
        writer.write(note)
    }

    init(compact r: inout CompactReader) throws {
        self.init(
            kind: try SpecialProcedureKind(compact: &r), limit: try TimeLimit?(compact: &r),
            note: try r.optionalString())
    }
}

extension OnlineService: CompactCodable {
    func write(to writer: inout CompactWriter) {
        writer.write(isAvailable)
        depth.write(to: &writer)
        writer.write(url)
    }

    init(compact r: inout CompactReader) throws {
        self.init(isAvailable: try r.bool(), depth: try OnlineDepth(compact: &r), url: try r.optionalString())
    }
}

extension CrossRegion: CompactCodable {
    func write(to writer: inout CompactWriter) {
        scope.write(to: &writer)
        mode.write(to: &writer)
        writer.write(regions)
    }

    init(compact r: inout CompactReader) throws {
        self.init(
            scope: try CrossScope(compact: &r), mode: try CrossMode?(compact: &r), regions: try r.optionalString())
    }
}

extension FeeItem: CompactCodable {
    func write(to writer: inout CompactWriter) {
        writer.write(name)
        writer.write(standard)
        writer.write(basis)
    }

    init(compact r: inout CompactReader) throws {
        self.init(name: try r.string(), standard: try r.string(), basis: try r.optionalString())
    }
}

extension Fee: CompactCodable {
    func write(to writer: inout CompactWriter) {
        writer.write(isCharged)
        writer.writeShared(items, as: .feeItems)
    }

    init(compact r: inout CompactReader) throws {
        self.init(isCharged: try r.bool(), items: try r.shared(\.feeItems))
    }
}

extension HandlingModes: CompactCodable {
    func write(to writer: inout CompactWriter) {
        writer.write(isInstantApproval)
        writer.write(isInstantDeclaration)
        writer.write(isPromiseBased)
        writer.write(isCertificateFree)
    }

    init(compact r: inout CompactReader) throws {
        self.init(
            isInstantApproval: try r.bool(), isInstantDeclaration: try r.bool(), isPromiseBased: try r.bool(),
            isCertificateFree: try r.bool())
    }
}

extension ProcessStep: CompactCodable {
    func write(to writer: inout CompactWriter) {
        writer.write(name)
        limit.write(to: &writer)
        writer.write(role)
    }

    init(compact r: inout CompactReader) throws {
        self.init(name: try r.string(), limit: try TimeLimit?(compact: &r), role: try r.optionalString())
    }
}

extension Contact: CompactCodable {
    func write(to writer: inout CompactWriter) {
        writer.write(address)
        writer.write(hours)
        addressState.write(to: &writer)
        hoursState.write(to: &writer)
        writer.write(phone)
        writer.write(complaintPhone)
    }

    /// Sets the fields as stored (the public initialiser reads a state's name in the address as that state).
    init(compact r: inout CompactReader) throws {
        address = try r.string()
        hours = try r.string()
        addressState = try VenueState?(compact: &r)
        hoursState = try VenueState?(compact: &r)
        phone = try r.string()
        complaintPhone = try r.string()
    }
}

extension PublishedDetails: CompactCodable {
    func write(to writer: inout CompactWriter) {
        levels.write(to: &writer)
        jointDepartments.write(to: &writer)
        aliases.write(to: &writer)
        keywords.write(to: &writer)
        writer.write(appointmentURL)
    }

    init(compact r: inout CompactReader) throws {
        self.init(
            levels: try [Level](compact: &r), jointDepartments: try [JointDepartment](compact: &r),
            aliases: try [String](compact: &r), keywords: try [String](compact: &r),
            appointmentURL: try r.optionalString())
    }
}

extension JointDepartment: CompactCodable {
    func write(to writer: inout CompactWriter) {
        writer.write(name)
        writer.write(role)
    }

    init(compact r: inout CompactReader) throws { self.init(name: try r.string(), role: try r.optionalString()) }
}
