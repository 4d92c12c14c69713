/// Receives the events of a streaming parse. Implementations build their model as the events arrive and
/// never see a libxml2 type.
///
/// All callbacks run synchronously on the parsing thread.
public protocol XMLContentHandler: AnyObject {
    /// A start tag. `attributes` and their values are valid only during the call.
    func startElement(_ name: XMLName, attributes: [XMLAttribute], context: XMLParseContext)
    /// A run of character data inside the current element; one text node may arrive in several runs.
    func characters(_ text: UnsafeBufferPointer<UInt8>, context: XMLParseContext)
    /// An end tag (also sent for empty elements such as `<visits count="0"/>`).
    func endElement(_ name: XMLName, context: XMLParseContext)
}
