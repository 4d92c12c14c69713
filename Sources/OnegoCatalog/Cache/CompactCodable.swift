import OnegoBase

/// A value the parse cache writes in its compact binary form: ``write(to:)`` and ``init(compact:)`` read and write
/// the same fields in the same order. Hand-written for the model's types instead of going through `Codable`, whose
/// keyed containers cost several times the parse they replace.
///
/// When a model type gains a stored property, its conformance here must gain it too: `Material.Body`'s memberwise
/// initialiser makes that a compile error for materials, and `CatalogCacheTests` compares every field of a cached
/// load of the sample catalog (and of items with every optional part set) with a cold one.
protocol CompactCodable {
    /// Writes the value.
    func write(to writer: inout CompactWriter)
    /// Reads a value that ``write(to:)`` wrote.
    init(compact reader: inout CompactReader) throws
}

extension String: CompactCodable {
    func write(to writer: inout CompactWriter) { writer.write(self) }
    init(compact reader: inout CompactReader) throws { self = try reader.string() }
}

extension Int: CompactCodable {
    func write(to writer: inout CompactWriter) { writer.write(self) }
    init(compact reader: inout CompactReader) throws { self = try reader.int() }
}

extension Bool: CompactCodable {
    func write(to writer: inout CompactWriter) { writer.write(self) }
    init(compact reader: inout CompactReader) throws { self = try reader.bool() }
}

extension Double: CompactCodable {
    func write(to writer: inout CompactWriter) { writer.write(self) }
    init(compact reader: inout CompactReader) throws { self = try reader.double() }
}

extension Optional: CompactCodable where Wrapped: CompactCodable {
    func write(to writer: inout CompactWriter) {
        guard let self else { return writer.write(false) }
        writer.write(true)
        self.write(to: &writer)
    }

    init(compact reader: inout CompactReader) throws {
        self = try reader.bool() ? try Wrapped(compact: &reader) : nil
    }
}

extension Array: CompactCodable where Element: CompactCodable {
    func write(to writer: inout CompactWriter) {
        writer.write(UInt64(count))
        for element in self { element.write(to: &writer) }
    }

    init(compact reader: inout CompactReader) throws {
        let count = try reader.count()
        self = []
        reserveCapacity(count)
        for _ in 0..<count { append(try Element(compact: &reader)) }
    }
}

/// Enumerations and code wrappers are written as their raw value; a raw value the build does not know throws.
protocol CompactRawCodable: CompactCodable, RawRepresentable where RawValue: CompactCodable {}

extension CompactRawCodable {
    func write(to writer: inout CompactWriter) { rawValue.write(to: &writer) }

    init(compact reader: inout CompactReader) throws {
        guard let value = Self(rawValue: try RawValue(compact: &reader)) else {
            throw CompactCodingError("an unknown \(Self.self) value")
        }
        self = value
    }
}

/// Enumerations with text raw values are written as their position among `allCases` (matching Chinese raw values on
/// every read costs more than the rest of a material). A build whose cases differ never reads the entry: the build
/// identity is part of every entry's settings.
protocol CompactCaseCodable: CompactCodable, CaseIterable, Equatable where AllCases == [Self] {}

extension CompactCaseCodable {
    func write(to writer: inout CompactWriter) {
        writer.write(UInt64(Self.allCases.firstIndex(of: self) ?? 0))
    }

    init(compact reader: inout CompactReader) throws {
        let index = try reader.varint()
        let cases = Self.allCases
        guard index < UInt64(cases.count) else { throw CompactCodingError("an unknown \(Self.self) value") }
        self = cases[Int(index)]
    }
}

extension HandlingKind: CompactCaseCodable {}
extension Level: CompactRawCodable {}
extension BodyNature: CompactCaseCodable {}
extension ServiceObject: CompactCaseCodable {}
extension OnlineDepth: CompactRawCodable {}
extension HandlingForm: CompactCaseCodable {}
extension CrossScope: CompactCaseCodable {}
extension CrossMode: CompactCaseCodable {}
extension MaterialType: CompactRawCodable {}
extension MaterialForm: CompactCaseCodable {}
extension Necessity: CompactCaseCodable {}
extension MaterialSource: CompactRawCodable {}
extension ResultType: CompactCaseCodable {}
extension SpecialProcedureKind: CompactCaseCodable {}
extension TimeUnit: CompactCaseCodable {}
extension VenueState: CompactCaseCodable {}
extension ItemType: CompactRawCodable {}
extension Severity: CompactCaseCodable {}
extension RuleID: CompactRawCodable {}

extension SourceLocation: CompactCodable {
    func write(to writer: inout CompactWriter) {
        writer.write(file)
        writer.write(line)
        writer.write(column)
    }

    init(compact reader: inout CompactReader) throws {
        self.init(file: try reader.string(), line: try reader.int(), column: try reader.int())
    }
}

extension Diagnostic: CompactCodable {
    func write(to writer: inout CompactWriter) {
        severity.write(to: &writer)
        rule.write(to: &writer)
        writer.write(message)
        location.write(to: &writer)
        related.write(to: &writer)
    }

    init(compact reader: inout CompactReader) throws {
        self.init(
            try Severity(compact: &reader), rule: try RuleID(compact: &reader), message: try reader.string(),
            at: try SourceLocation?(compact: &reader), related: try [SourceLocation](compact: &reader))
    }
}
