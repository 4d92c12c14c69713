import Foundation
public import OnegoBase
import OnegoCatalog
public import OnegoXML

/// Loads matter definitions (`Schemas/matter.xsd`) from files and folders, validating each file in the same
/// streaming pass, and checks the references inside each matter (member, question and answer ids).
///
/// ```swift
/// let (matters, diagnostics) = MatterLoader.load(paths: ["Catalogs/yunxi/matters"])
/// ```
/// Catalog-dependent checks (unknown member codes, cycles, reachability, the bundle promise) are
/// ``MatterChecks``.
public struct MatterLoader: Sendable {
    /// The compiled matter schema, or `nil` for a trusted load.
    public var schema: XMLSchema?

    /// Creates a loader with a compiled schema (or none, for trusted input).
    public init(schema: XMLSchema?) { self.schema = schema }

    /// A loader that validates against `matter.xsd`: the file at `schemaPath`, else as ``SchemaLocator`` finds it.
    ///
    /// - Throws: a ``Diagnostic`` when the schema cannot be read or compiled.
    public static func validating(schemaPath: String? = nil) throws(Diagnostic) -> MatterLoader {
        MatterLoader(schema: try SchemaLocator.schema(for: .matter, at: schemaPath))
    }

    /// Loads with the shipped schema; when it cannot be found, the failure is the only diagnostic.
    public static func load(paths: [String]) -> (matters: [Matter], diagnostics: [Diagnostic]) {
        do {
            return try validating().load(paths: paths)
        } catch {
            return ([], [error])
        }
    }

    /// Loads one matter document held in memory (tests, fuzzing), named `name` in diagnostics.
    public func load(bytes: [UInt8], name: String) -> (matter: Matter?, diagnostics: [Diagnostic]) {
        let reader = MatterFileReader(skipsOtherOnegoDocuments: false, isValidated: schema != nil)
        var diagnostics = XMLStreamParser(schema: schema).parse(bytes: bytes, name: name, into: reader)
        guard let matter = reader.matter, !diagnostics.containsErrors else { return (nil, diagnostics) }
        diagnostics += MatterChecks.references(in: matter)
        return (matter, diagnostics.sortedByLocation())
    }

    /// Loads every matter named by `paths` (files, or folders searched recursively for `*.xml`; other onego
    /// documents in folders are skipped). A file that is not well formed or not valid yields no matter; a matter
    /// whose references are wrong is returned with its errors (callers refuse to compose when there are errors),
    /// so the catalog checks can still say what the wrong references make unreachable. Diagnostics are sorted by
    /// place.
    public func load(paths: [String]) -> (matters: [Matter], diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var matters: [Matter] = []
        var codes: [String: SourceLocation] = [:]
        for input in InputFiles.expand(paths, diagnostics: &diagnostics) {
            let (path, fromFolder) = (input.path, input.fromFolder)
            let reader = MatterFileReader(skipsOtherOnegoDocuments: fromFolder, isValidated: schema != nil)
            let found = XMLStreamParser(schema: schema).parse(contentsOf: path, into: reader)
            if reader.root == .otherOnego && fromFolder { continue }
            diagnostics += found
            guard let matter = reader.matter, !found.containsErrors else { continue }
            let problems = MatterChecks.references(in: matter)
            diagnostics += problems
            if let first = codes[matter.code] {
                diagnostics.append(
                    Diagnostic(
                        .error, rule: .matterDuplicateCode, message: "一件事编码 \(matter.code) 重复定义",
                        at: matter.location, related: [first]))
                continue
            }
            codes[matter.code] = matter.location
            matters.append(matter)
        }
        return (matters, diagnostics.sortedByLocation())
    }
}
