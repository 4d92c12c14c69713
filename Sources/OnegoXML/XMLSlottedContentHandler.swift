/// A handler that has the parser do the per-element bookkeeping a catalog reader repeats for every tag: each
/// attribute's value is put straight into a numbered slot the handler chose for its name (asked once per distinct
/// name), and an element's text is gathered by the parser and handed over once, with its end tag, instead of one
/// ``XMLContentHandler/characters(_:context:)`` call per run.
///
/// The root's start tag still arrives through ``XMLNameIDContentHandler/startElement(nameID:attributes:depth:context:)``
/// with all its attributes (so the root can be checked by name); every deeper start tag through
/// ``startElement(nameID:slots:depth:context:)``. End tags (the root's always, the others as
/// ``elementEvents(for:)`` asks) arrive through ``endElement(nameID:depth:text:context:)``;
/// ``XMLNameIDContentHandler/endElement(nameID:depth:context:)`` and ``XMLContentHandler/characters(_:context:)``
/// are never called.
public protocol XMLSlottedContentHandler: XMLNameIDContentHandler {
    /// The slot (`0..<64`) where start tags below the root put the value of the attribute `name`, or `nil` to leave
    /// it out. Asked at most once per distinct attribute name of a parse.
    func attributeSlot(for name: XMLName) -> Int?
    /// Which tags of the elements named `name` below the root the handler is given; the others are parsed, counted
    /// against the limits and left out. Asked at most once per distinct element name of a parse.
    func elementEvents(for name: XMLName) -> XMLElementEvents
    /// A start tag below the root, its attributes sorted into their slots. Valid only during the call.
    func startElement(nameID: Int, slots: XMLAttributeSlots, depth: Int, context: XMLParseContext)
    /// An end tag at `depth`, with the character data read since the last start or end tag (text and CDATA runs
    /// joined). The handler may change the bytes in place; they are valid only during the call.
    func endElement(nameID: Int, depth: Int, text: UnsafeMutableBufferPointer<UInt8>, context: XMLParseContext)
}

/// The tags of an element a ``XMLSlottedContentHandler`` is given.
public struct XMLElementEvents: OptionSet, Sendable {
    /// The set's bits: 1 for the start tag, 2 for the end tag.
    public let rawValue: UInt8

    /// Creates a set from its bits.
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// The start tag, with its attributes.
    public static let start = XMLElementEvents(rawValue: 1)
    /// The end tag, with the element's text.
    public static let end = XMLElementEvents(rawValue: 2)
    /// Both tags.
    public static let all: XMLElementEvents = [.start, .end]
}

/// The attribute values of one start tag by the slots of ``XMLSlottedContentHandler/attributeSlot(for:)``, borrowed
/// from the parser: valid only during the callback.
public struct XMLAttributeSlots {
    /// Storage for 64 values, of which those whose bit is set in `present` are defined.
    @usableFromInline let values: UnsafePointer<UnsafeBufferPointer<UInt8>>
    /// Bit `n` is set when slot `n` holds a value.
    public let present: UInt64

    /// Wraps storage the parser (or a test) filled.
    public init(values: UnsafePointer<UnsafeBufferPointer<UInt8>>, present: UInt64) {
        self.values = values
        self.present = present
    }

    /// The decoded UTF-8 value in `slot`, or `nil` when the tag has no attribute for it. A slot outside `0..<64` is
    /// taken modulo 64, as its bit is: never a read outside the storage.
    @inlinable
    public subscript(slot: Int) -> UnsafeBufferPointer<UInt8>? {
        present & (1 &<< UInt64(truncatingIfNeeded: slot)) != 0 ? values[slot & 63] : nil
    }

    /// Whether `slot` (modulo 64) holds a value.
    @inlinable
    public func has(_ slot: Int) -> Bool { present & (1 &<< UInt64(truncatingIfNeeded: slot)) != 0 }
}

/// Stands in for the slotted handler of a parse whose handler is not one (never called): a non-optional existential
/// `let` is called without reference counting.
final class UnslottedHandler: XMLSlottedContentHandler {
    func attributeSlot(for name: XMLName) -> Int? { nil }
    func elementEvents(for name: XMLName) -> XMLElementEvents { .all }
    func startElement(nameID: Int, slots: XMLAttributeSlots, depth: Int, context: XMLParseContext) {}
    func endElement(nameID: Int, depth: Int, text: UnsafeMutableBufferPointer<UInt8>, context: XMLParseContext) {}
    func startElement(nameID: Int, attributes: XMLAttributeList, depth: Int, context: XMLParseContext) {}
    func endElement(nameID: Int, depth: Int, context: XMLParseContext) {}
    func characters(_ text: UnsafeBufferPointer<UInt8>, context: XMLParseContext) {}
}
