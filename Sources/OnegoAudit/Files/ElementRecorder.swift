import OnegoBase
import OnegoCatalog
import OnegoXML

/// One element of a small onego document (policy, waivers), recorded with its attributes, text and place.
struct RecordedElement: Sendable {
    var name: String
    var attributes: [String: String]
    var text: String
    var depth: Int
    var location: SourceLocation
}

/// Records every element of one namespace as it streams by. Policy and waiver files are small (tens of
/// elements), so keeping a flat list is fine; catalogs never go through here.
final class ElementRecorder: XMLContentHandler {
    let namespace: String
    private(set) var elements: [RecordedElement] = []
    private(set) var rootName: String?
    private(set) var rootNamespace: String?
    private var open: [Int?] = []
    private var text: [UInt8] = []

    init(namespace: String) { self.namespace = namespace }

    func startElement(_ name: XMLName, attributes: [XMLAttribute], context: XMLParseContext) {
        if context.depth == 1 {
            rootName = name.localName
            rootNamespace = name.namespaceURI
            guard name.namespaceURI == namespace else {
                context.abort(
                    Diagnostic(
                        .error, rule: .xmlSchema,
                        message:
                            "根元素 <\(name.localName)> 的命名空间应为 \(namespace)，实为 \(name.namespaceURI.isEmpty ? "无命名空间" : name.namespaceURI)",
                        at: context.tagLocation))
                return
            }
        }
        text.removeAll(keepingCapacity: true)
        guard name.namespaceURI == namespace else {
            open.append(nil)
            return
        }
        var values: [String: String] = [:]
        for attribute in attributes { values[attribute.name.localName] = attribute.stringValue }
        open.append(elements.count)
        elements.append(
            RecordedElement(
                name: name.localName, attributes: values, text: "", depth: context.depth, location: context.tagLocation)
        )
    }

    func characters(_ bytes: UnsafeBufferPointer<UInt8>, context: XMLParseContext) {
        text.append(contentsOf: bytes)
    }

    func endElement(_ name: XMLName, context: XMLParseContext) {
        if let slot = open.popLast(), let index = slot {
            elements[index].text = String(decoding: text, as: UTF8.self).trimmed
        }
        text.removeAll(keepingCapacity: true)
    }
}

/// Parses a small onego document with its schema and returns the recorded elements and the diagnostics.
enum SmallDocument {
    static func read(
        path: String, kind: SchemaLocator.Kind, namespace: String, schemaPath: String?
    ) -> (elements: [RecordedElement], diagnostics: [Diagnostic]) {
        let recorder = ElementRecorder(namespace: namespace)
        let schema: XMLSchema
        do {
            schema = try SchemaLocator.schema(for: kind, at: schemaPath)
        } catch {
            return ([], [error])
        }
        let diagnostics = ShippedFile.parse(path, with: XMLStreamParser(schema: schema), into: recorder)
        return (recorder.elements, diagnostics)
    }
}
