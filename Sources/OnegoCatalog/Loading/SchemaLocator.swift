import Foundation
public import OnegoBase
public import OnegoResources
public import OnegoXML

/// Finds the XSD for each onego format: a file the caller names, else the `ONEGO_SCHEMAS` folder when that
/// environment variable is set, else the copy built into the binary (`Schemas/` at build time).
///
/// Nothing is searched for: a binary copied anywhere validates with its own schemas, and a `Schemas/` folder that
/// happens to lie above the working directory is never picked up.
public enum SchemaLocator {
    /// The schema file names onego ships.
    public enum Kind: String, Sendable, CaseIterable {
        case catalog = "catalog.xsd"
        case matter = "matter.xsd"
        case calendar = "calendar.xsd"
        case policy = "policy.xsd"
        case waivers = "waivers.xsd"
        case synonyms = "synonyms.xsd"
        case codeProfile = "code-profile.xsd"
        case importProfile = "import-profile.xsd"

        /// The copy built into the binary.
        public var builtIn: EmbeddedResource? { EmbeddedResource.named("Schemas/" + rawValue) }

        /// The `version` attribute of the built-in schema's `xs:schema` element.
        public var version: String? { builtIn.flatMap { SchemaVersion.read(from: $0.bytes) } }
    }

    /// The environment variable naming a folder whose schemas replace the built-in ones.
    public static let environmentVariable = "ONEGO_SCHEMAS"

    /// The folder named by `ONEGO_SCHEMAS`, or `nil` when the built-in schemas are used.
    public static var overrideDirectory: String? {
        guard let folder = ProcessInfo.processInfo.environment[environmentVariable], !folder.isEmpty else { return nil }
        return folder
    }

    /// The schema file used for `kind` when the workspace overrides it (`ONEGO_SCHEMAS`), or `nil` when the
    /// built-in copy is used. A wrong setting is not corrected: the file need not exist.
    public static func path(for kind: Kind) -> String? {
        overrideDirectory.map { $0 + "/" + kind.rawValue }
    }

    /// The compiled schema for `kind`: the file at `path` when given, else the `ONEGO_SCHEMAS` copy, else the
    /// built-in copy (compiled once per process and shared).
    ///
    /// - Throws: a ``Diagnostic`` with rule `xml.schema-file` when the file is missing or invalid.
    public static func schema(for kind: Kind, at path: String? = nil) throws(Diagnostic) -> XMLSchema {
        if let path { return try XMLSchema(contentsOf: path) }
        guard let file = self.path(for: kind) else { return try BuiltInSchemas.shared.schema(for: kind) }
        guard FileManager.default.isReadableFile(atPath: file) else {
            throw Diagnostic(
                .error, rule: .xmlSchemaFile,
                message: "找不到 \(file)：环境变量 \(environmentVariable) 指向的目录中没有 \(kind.rawValue)，"
                    + "请修正该设置，或取消它以使用程序内置的 Schema")
        }
        return try XMLSchema(contentsOf: file)
    }
}

/// The built-in schemas, compiled on first use. A compiled schema is read-only and safe to share across threads.
final class BuiltInSchemas: Sendable {
    static let shared = BuiltInSchemas()

    private let compiled: [SchemaLocator.Kind: LazySchema]

    private init() {
        compiled = Dictionary(uniqueKeysWithValues: SchemaLocator.Kind.allCases.map { ($0, LazySchema(kind: $0)) })
    }

    func schema(for kind: SchemaLocator.Kind) throws(Diagnostic) -> XMLSchema {
        // Every kind has an entry; a missing one would be a generator error, reported like a missing file.
        guard let lazy = compiled[kind] else { throw LazySchema.missing(kind) }
        return try lazy.result.get()
    }
}

/// One built-in schema, compiled when first asked for.
final class LazySchema: Sendable {
    let result: Result<XMLSchema, Diagnostic>

    init(kind: SchemaLocator.Kind) {
        guard let resource = kind.builtIn else {
            result = .failure(Self.missing(kind))
            return
        }
        result = Result { () throws(Diagnostic) in try XMLSchema(bytes: resource.bytes, name: "内置/" + resource.path) }
    }

    static func missing(_ kind: SchemaLocator.Kind) -> Diagnostic {
        Diagnostic(
            .error, rule: .xmlSchemaFile,
            message: "程序内置的 Schemas/\(kind.rawValue) 缺失：请用 Scripts/embed-resources 重新生成后重新构建")
    }
}

/// Reads the `version` attribute of a schema's root element.
enum SchemaVersion {
    static func read(from bytes: [UInt8]) -> String? {
        let text = String(decoding: bytes, as: UTF8.self)
        guard let start = text.range(of: "<xs:schema") else { return nil }
        guard let end = text[start.upperBound...].firstIndex(of: ">") else { return nil }
        let tag = text[start.upperBound..<end]
        guard let attribute = tag.range(of: "version=\"") else { return nil }
        let value = tag[attribute.upperBound...]
        return value.firstIndex(of: "\"").map { String(value[..<$0]) }
    }
}
