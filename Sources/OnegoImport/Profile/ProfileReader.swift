import Foundation
import OnegoBase
import OnegoCatalog
import OnegoXML

extension ImportProfile {
    /// The profile namespace.
    public static let namespace = "urn:onego:import-profile:1"

    /// Finds a profile by name (`gdzwfw`: `ONEGO_PROFILES/gdzwfw.xml` when that variable is set, else the built-in
    /// `Catalogs/profiles/gdzwfw.xml`) or by path (anything ending in `.xml`).
    public static func locate(_ nameOrPath: String) -> String? {
        ShippedFile.locate(nameOrPath, folder: "Catalogs/profiles", environmentVariable: "ONEGO_PROFILES")
    }

    /// Loads and validates the profile at `path` (a path, or a built-in profile's pseudo path from ``locate(_:)``)
    /// against `Schemas/import-profile.xsd` (the file at `schemaPath`, else as ``SchemaLocator`` finds it).
    ///
    /// - Throws: ``ImportError`` (`.profile`) naming every schema problem with its line and column.
    public static func load(path: String, schemaPath: String? = nil) throws(ImportError) -> ImportProfile {
        let schema: XMLSchema
        do {
            schema = try SchemaLocator.schema(for: .importProfile, at: schemaPath)
        } catch {
            throw ImportError(.profile, "导入配置的 Schema 无法编译", cause: error)
        }
        let reader = ProfileReader()
        let diagnostics = ShippedFile.parse(path, with: XMLStreamParser(schema: schema), into: reader)
        let errors = diagnostics.filter { $0.severity == .error } + reader.problems
        if !errors.isEmpty {
            throw ImportError(.profile, "导入配置无效：\n" + errors.map(\.description).joined(separator: "\n"))
        }
        return reader.profile
    }
}

/// Builds an ``ImportProfile`` from the events of a profile document.
final class ProfileReader: XMLContentHandler {
    var profile = ImportProfile(name: "")
    var problems: [Diagnostic] = []
    private var text: [UInt8] = []
    private var codeList: String?
    private var table: ImportProfile.Table?
    private var field: ImportProfile.Field?
    private var absent: Set<String> = []
    private var sawAbsent = false

    func startElement(_ name: XMLName, attributes: [XMLAttribute], context: XMLParseContext) {
        text.removeAll(keepingCapacity: true)
        func value(_ key: String) -> String? {
            attributes.first { $0.name.localName == key }?.stringValue
        }
        switch name.localName {
        case "profile":
            profile.name = value("name") ?? ""
        case "codeList":
            codeList = value("name")
            if let codeList { profile.codeLists[codeList] = [:] }
        case "map":
            if let codeList, let from = value("from"), let to = value("to") {
                profile.codeLists[codeList]?[from] = to
            }
        case "table":
            table = ImportProfile.Table(
                role: value("role").flatMap(ImportProfile.Role.init(rawValue:)) ?? .items, sheet: value("sheet"),
                filePattern: value("file"), idKeys: value("idKey").map(Self.alternatives) ?? [],
                parentKeys: value("parentKey").map(Self.alternatives) ?? [])
        case "field":
            guard let target = value("target").flatMap(FieldTarget.init(rawValue:)) else {
                problems.append(
                    Diagnostic(
                        .error, rule: .importProfileTarget, message: "未知的目标字段“\(value("target") ?? "")”",
                        at: context.tagLocation))
                return
            }
            field = ImportProfile.Field(
                target: target, keys: [], parser: value("parser").flatMap(ValueParser.init(rawValue:)) ?? .text,
                codeList: value("codeList"), stripPrefixes: value("stripPrefix").map(Self.alternatives) ?? [],
                defaultValue: value("default"), isRequired: value("required") == "true", unit: value("unit"))
            field?.unitKeys = value("unitKey").map(Self.alternatives) ?? []
            field?.unitCodeList = value("unitCodeList")
            if let list = field?.codeList, profile.codeLists[list] == nil {
                problems.append(
                    Diagnostic(
                        .error, rule: .importProfileCodeList,
                        message: "字段 \(target.rawValue) 引用的代码表“\(list)”未定义（代码表须写在表之前）",
                        at: context.tagLocation))
            }
        default: break
        }
    }

    func characters(_ bytes: UnsafeBufferPointer<UInt8>, context: XMLParseContext) {
        text.append(contentsOf: bytes)
    }

    func endElement(_ name: XMLName, context: XMLParseContext) {
        let value = String(decoding: text, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        switch name.localName {
        case "title": profile.title = value
        case "absent":
            sawAbsent = true
            absent.insert(value)
        case "key": field?.keys.append(value)
        case "ignore": table?.ignoredKeys.insert(value)
        case "field":
            if let field { table?.fields.append(field) }
            field = nil
        case "table":
            if let table { profile.tables.append(table) }
            table = nil
        case "codeList": codeList = nil
        case "profile":
            if sawAbsent { profile.absentValues = absent }
        default: break
        }
        text.removeAll(keepingCapacity: true)
    }

    static func alternatives(_ text: String) -> [String] {
        text.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
