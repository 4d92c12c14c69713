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

/// A handler that receives tags by name id and attributes as a borrowed list, so the parser makes no ``XMLName``
/// copies and no attribute array per element: the hot path of large catalogs. Resolve an id with
/// ``XMLParseContext/name(id:)`` (once per distinct name; ids are dense). Each event carries the element's depth
/// (1 for the root), so the handler need not ask the context for it per event.
public protocol XMLNameIDContentHandler: XMLContentHandler {
    /// A start tag at `depth` (1 for the root). `attributes` and their values are valid only during the call.
    func startElement(nameID: Int, attributes: XMLAttributeList, depth: Int, context: XMLParseContext)
    /// An end tag at `depth` (also sent for empty elements).
    func endElement(nameID: Int, depth: Int, context: XMLParseContext)
}

extension XMLNameIDContentHandler {
    /// Forwards to ``startElement(nameID:attributes:depth:context:)`` (for callers that hold names and arrays).
    public func startElement(_ name: XMLName, attributes: [XMLAttribute], context: XMLParseContext) {
        let entries = attributes.map { XMLAttributeList.Entry(nameID: $0.name.id, value: $0.value) }
        entries.withUnsafeBufferPointer { buffer in
            startElement(
                nameID: name.id, attributes: XMLAttributeList(buffer), depth: context.depth, context: context)
        }
    }

    /// Forwards to ``endElement(nameID:depth:context:)``.
    public func endElement(_ name: XMLName, context: XMLParseContext) {
        endElement(nameID: name.id, depth: context.depth, context: context)
    }
}

/// The attributes of one start tag, borrowed from the parser: valid only during the callback.
public struct XMLAttributeList {
    /// One attribute: its interned name id and its decoded UTF-8 value.
    public struct Entry {
        /// The attribute name's id (see ``XMLParseContext/name(id:)``).
        public var nameID: Int
        /// The decoded value.
        public var value: UnsafeBufferPointer<UInt8>

        /// Creates an entry.
        public init(nameID: Int, value: UnsafeBufferPointer<UInt8>) {
            self.nameID = nameID
            self.value = value
        }
    }

    /// The entries, in document order.
    public let entries: UnsafeBufferPointer<Entry>

    /// Wraps entries that outlive the callback.
    public init(_ entries: UnsafeBufferPointer<Entry>) { self.entries = entries }

    /// The number of attributes.
    public var count: Int { entries.count }
}
