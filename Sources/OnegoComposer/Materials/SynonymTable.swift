import Foundation
public import OnegoBase
import OnegoCatalog
import OnegoResources
import OnegoXML

/// The material synonym table: groups of names for the same document, each with a preferred name
/// (身份证 = 居民身份证, 户口本 = 居民户口簿). Shipped as data in `Catalogs/reference/material-synonyms.xml`
/// (`Schemas/synonyms.xsd`), so reform offices extend it without a release.
public struct SynonymTable: Sendable, Hashable {
    /// Normalised variant → normalised preferred name.
    private var canonical: [String: String]
    /// Normalised preferred name → the preferred name as written.
    private var preferred: [String: String]

    /// An empty table: names merge only when they normalise alike.
    public static let empty = SynonymTable(groups: [])

    /// Creates a table from `(preferred, variants)` groups; a later group cannot take over an earlier variant.
    public init(groups: [(preferred: String, variants: [String])]) {
        canonical = [:]
        preferred = [:]
        for group in groups {
            let key = MaterialName.normalized(group.preferred)
            preferred[key] = group.preferred.trimmedSpaces
            for variant in group.variants {
                let normalized = MaterialName.normalized(variant)
                if canonical[normalized] == nil { canonical[normalized] = key }
            }
        }
    }

    /// The identity of a material name: its normalised form, replaced by the preferred name's when it is a
    /// known variant.
    public func key(for name: String) -> String {
        key(forNormalized: MaterialName.normalized(name))
    }

    /// The identity of a name already normalised with ``MaterialName/normalized(_:)``, for callers that memoise
    /// the normalisation.
    public func key(forNormalized normalized: String) -> String {
        canonical[normalized] ?? normalized
    }

    /// The preferred name of the group the name belongs to, if any.
    public func preferredName(for name: String) -> String? {
        let key = key(for: name)
        return preferred[key]
    }

    /// How many variant names the table knows.
    public var variantCount: Int { canonical.count }

    /// Every mapping of the table as one text, the same in every run for the same table (caches key on it).
    public var fingerprintText: String {
        let variants = canonical.sorted { $0.key < $1.key }.map { "\($0.key)\u{1F}\($0.value)" }
        let names = preferred.sorted { $0.key < $1.key }.map { "\($0.key)\u{1F}\($0.value)" }
        return (variants + ["\u{1E}"] + names).joined(separator: "\u{1D}")
    }

    /// The path of the table built into the binary, relative to the repository it was built from.
    public static let builtInPath = "Catalogs/reference/material-synonyms.xml"

    /// Loads the table built into the binary (`Catalogs/reference/material-synonyms.xml` at build time).
    public static func loadBuiltIn() -> (table: SynonymTable, diagnostics: [Diagnostic]) {
        guard let resource = EmbeddedResource.named(builtInPath) else { return (.empty, []) }
        return read { parser, reader in parser.parse(bytes: resource.bytes, name: "内置/" + resource.path, into: reader) }
    }

    /// Loads a synonym table file, validated against `synonyms.xsd` (see ``SchemaLocator``).
    ///
    /// A name listed in two groups is an error (`synonyms.duplicate`); the first group keeps it.
    public static func load(path: String) -> (table: SynonymTable, diagnostics: [Diagnostic]) {
        read { parser, reader in parser.parse(contentsOf: path, into: reader) }
    }

    private static func read(
        _ parse: (XMLStreamParser, SynonymFileReader) -> [Diagnostic]
    ) -> (table: SynonymTable, diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var schema: XMLSchema?
        do {
            schema = try SchemaLocator.schema(for: .synonyms)
        } catch {
            diagnostics.append(error)
        }
        let reader = SynonymFileReader()
        diagnostics += parse(XMLStreamParser(schema: schema), reader)
        var seen: [String: SourceLocation] = [:]
        for (name, location) in reader.names {
            let key = MaterialName.normalized(name)
            if let first = seen[key] {
                diagnostics.append(
                    Diagnostic(
                        .error, rule: .synonymsDuplicate, message: "材料名称“\(name)”在同义词表中出现多次",
                        at: location, related: [first]))
            } else {
                seen[key] = location
            }
        }
        return (SynonymTable(groups: reader.groups), diagnostics)
    }
}

/// Reads `<synonyms><group preferred=…><variant>…</variant></group></synonyms>`.
private final class SynonymFileReader: XMLContentHandler {
    var groups: [(preferred: String, variants: [String])] = []
    var names: [(String, SourceLocation)] = []
    private var text: [UInt8] = []
    private var isSynonyms = false

    func startElement(_ name: XMLName, attributes: [XMLAttribute], context: XMLParseContext) {
        text.removeAll(keepingCapacity: true)
        if context.depth == 1 {
            isSynonyms = name.namespaceURI == OnegoNamespace.synonyms && name.localName == "synonyms"
            if !isSynonyms {
                context.abort(
                    Diagnostic(
                        .error, rule: .synonymsRoot,
                        message: "根元素应为 <synonyms xmlns=\"\(OnegoNamespace.synonyms)\">", at: context.tagLocation))
            }
            return
        }
        guard isSynonyms, name.localName == "group" else { return }
        let preferred = attributes.first { $0.name.localName == "preferred" }?.stringValue.trimmedSpaces ?? ""
        groups.append((preferred, []))
        names.append((preferred, context.tagLocation))
    }

    func characters(_ bytes: UnsafeBufferPointer<UInt8>, context: XMLParseContext) {
        text.append(contentsOf: bytes)
    }

    func endElement(_ name: XMLName, context: XMLParseContext) {
        defer { text.removeAll(keepingCapacity: true) }
        guard isSynonyms, name.localName == "variant", !groups.isEmpty else { return }
        let variant = String(decoding: text, as: UTF8.self).trimmedSpaces
        groups[groups.count - 1].variants.append(variant)
        names.append((variant, context.tagLocation))
    }
}
