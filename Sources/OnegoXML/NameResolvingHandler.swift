/// Hands the events of a parse to a handler that takes names (``XMLContentHandler``) by resolving the name ids of
/// ``XMLNameIDContentHandler`` events, so the parse context always calls one kind of handler.
final class NameResolvingHandler: XMLNameIDContentHandler {
    let handler: any XMLContentHandler
    /// Reused storage for a start tag's attributes.
    private var attributes: [XMLAttribute] = []

    init(_ handler: any XMLContentHandler) { self.handler = handler }

    func startElement(nameID: Int, attributes list: XMLAttributeList, depth: Int, context: XMLParseContext) {
        attributes.removeAll(keepingCapacity: true)
        for entry in list.entries {
            attributes.append(XMLAttribute(name: context.name(id: entry.nameID), value: entry.value))
        }
        handler.startElement(context.name(id: nameID), attributes: attributes, context: context)
    }

    func endElement(nameID: Int, depth: Int, context: XMLParseContext) {
        handler.endElement(context.name(id: nameID), context: context)
    }

    func characters(_ text: UnsafeBufferPointer<UInt8>, context: XMLParseContext) {
        handler.characters(text, context: context)
    }
}
