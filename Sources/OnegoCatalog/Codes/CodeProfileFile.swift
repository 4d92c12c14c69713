import Foundation
public import OnegoBase
import OnegoXML

extension CodeProfile {
    /// The namespace of code-profile files (`Schemas/code-profile.xsd`).
    public static let namespace = "urn:onego:code-profile:1"

    /// The profile with this name (`ONEGO_CODE_PROFILES/NAME.xml` when that variable is set, else the built-in
    /// `Catalogs/code-profiles/NAME.xml`), or the file at a path (anything ending in `.xml`).
    public static func locate(_ nameOrPath: String) -> String? {
        ShippedFile.locate(nameOrPath, folder: "Catalogs/code-profiles", environmentVariable: "ONEGO_CODE_PROFILES")
    }

    /// Reads and validates a code-profile file (a path, or a built-in profile's pseudo path from ``locate(_:)``)
    /// against `schemaPath`, else the schema ``SchemaLocator`` gives.
    ///
    /// - Throws: the first error, with its file, line and column.
    public static func load(path: String, schemaPath: String? = nil) throws(Diagnostic) -> CodeProfile {
        let schema = try SchemaLocator.schema(for: .codeProfile, at: schemaPath)
        let reader = CodeProfileReader()
        let diagnostics = ShippedFile.parse(path, with: XMLStreamParser(schema: schema), into: reader)
        if let first = diagnostics.first(where: { $0.severity == .error }) { throw first }
        return reader.profile
    }
}

/// Builds a ``CodeProfile`` from the events of a code-profile file.
final class CodeProfileReader: XMLContentHandler {
    var profile = CodeProfile(name: "", basicCodeLengths: [], implementationLayout: CodeLayout([]))
    private var text: [UInt8] = []
    private var isInLayout = false

    func startElement(_ name: XMLName, attributes: [XMLAttribute], context: XMLParseContext) {
        text.removeAll(keepingCapacity: true)
        func value(_ key: String) -> String? { attributes.first { $0.name.localName == key }?.stringValue }
        switch name.localName {
        case "codeProfile": profile.name = value("name") ?? ""
        case "basicCode": if let length = value("length").flatMap(Int.init) { profile.basicCodeLengths.insert(length) }
        case "implementationCode": isInLayout = true
        case "creditCode" where isInLayout: profile.implementationLayout.parts.append(.creditCode)
        case "level" where isInLayout: profile.implementationLayout.parts.append(.level)
        case "basic" where isInLayout: profile.implementationLayout.parts.append(.basicCode)
        case "region" where isInLayout:
            profile.implementationLayout.parts.append(.region(digits: value("digits").flatMap(Int.init) ?? 6))
        case "itemType":
            if let code = value("code"), let label = value("label") { profile.itemTypeLabels[code] = label }
        default: break
        }
    }

    func characters(_ bytes: UnsafeBufferPointer<UInt8>, context: XMLParseContext) { text.append(contentsOf: bytes) }

    func endElement(_ name: XMLName, context: XMLParseContext) {
        switch name.localName {
        case "text" where isInLayout:
            profile.implementationLayout.parts.append(.text(String(decoding: text, as: UTF8.self)))
        case "implementationCode": isInLayout = false
        default: break
        }
        text.removeAll(keepingCapacity: true)
    }
}
