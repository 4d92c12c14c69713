/// An element or attribute name seen during one parse, interned: the same name always yields the same `id`,
/// so handlers can map names to their own enums with an array lookup instead of string comparisons.
public struct XMLName: Sendable, Hashable {
    /// A dense index, unique per distinct (namespace, local name) within one parse.
    public let id: Int
    /// The local name, without prefix.
    public let localName: String
    /// The namespace URI, or the empty string when the name has none.
    public let namespaceURI: String

    /// Creates a name; parsers create these, tests may too.
    public init(id: Int, localName: String, namespaceURI: String) {
        self.id = id
        self.localName = localName
        self.namespaceURI = namespaceURI
    }

    /// `{namespace}local`, or `local` without a namespace.
    public var qualified: String { namespaceURI.isEmpty ? localName : "{\(namespaceURI)}\(localName)" }
}

/// One attribute of a start tag. `value` points into the parser's buffer and is valid only during the callback.
public struct XMLAttribute {
    /// The attribute's name.
    public let name: XMLName
    /// The attribute's decoded value as UTF-8 bytes, valid only during the callback.
    public let value: UnsafeBufferPointer<UInt8>

    /// Creates an attribute.
    public init(name: XMLName, value: UnsafeBufferPointer<UInt8>) {
        self.name = name
        self.value = value
    }

    /// The value as a new string.
    public var stringValue: String { String(decoding: value, as: UTF8.self) }
}
