import OnegoBase

/// The compact form of materials and results (see ``CompactCodable``). A material's body is written once per entry
/// and shared again on reading, as the loader shares it.
extension Material: CompactCodable {
    func write(to writer: inout CompactWriter) {
        writer.writeBody(of: storage)
        location.write(to: &writer)
    }

    /// Reads the material around its (possibly shared) body without making a body of its own first.
    init(compact r: inout CompactReader) throws {
        storage = try r.body()
        location = try SourceLocation(compact: &r)
    }
}

extension Material.Body {
    func write(to writer: inout CompactWriter) {
        writer.write(name)
        type.write(to: &writer)
        form.write(to: &writer)
        necessity.write(to: &writer)
        source.write(to: &writer)
        writer.write(originals)
        writer.write(copies)
        writer.write(isKey)
        writer.write(issuer)
        writer.write(eLicence)
        supplyDays.write(to: &writer)
        writer.write(paperSize)
        writer.write(blankForm)
        writer.write(sample)
        writer.write(note)
        writer.write(standard)
        writer.write(holder)
    }

    init(compact r: inout CompactReader) throws {
        self.init(
            name: try r.string(), type: try MaterialType(compact: &r), form: try MaterialForm(compact: &r),
            necessity: try Necessity(compact: &r), source: try MaterialSource(compact: &r), originals: try r.int(),
            copies: try r.int(), isKey: try r.bool(), issuer: try r.optionalString(), eLicence: try r.optionalString(),
            supplyDays: try Double?(compact: &r), paperSize: try r.optionalString(), blankForm: try r.optionalString(),
            sample: try r.optionalString(), note: try r.optionalString(), standard: try r.optionalString(),
            holder: try r.optionalString())
    }
}

extension ItemResult: CompactCodable {
    func write(to writer: inout CompactWriter) {
        writer.write(name)
        type.write(to: &writer)
        writer.write(eLicence)
        writer.write(validity)
        writer.write(delivery)
    }

    init(compact r: inout CompactReader) throws {
        self.init(
            name: try r.string(), type: try ResultType(compact: &r), eLicence: try r.optionalString(),
            validity: try r.optionalString(), delivery: try r.optionalString())
    }
}
