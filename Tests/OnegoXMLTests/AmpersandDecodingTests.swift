import OnegoBase
import OnegoXML
import Testing

/// Keeps every attribute value, as `name=value`.
private final class ValueLog: XMLContentHandler {
    var values: [String] = []

    func startElement(_ name: XMLName, attributes: [XMLAttribute], context: XMLParseContext) {
        values += attributes.map { "\($0.name.localName)=\($0.stringValue)" }
    }

    func characters(_ text: UnsafeBufferPointer<UInt8>, context: XMLParseContext) {}
    func endElement(_ name: XMLName, context: XMLParseContext) {}
}

/// Attribute values are searched for libxml2's `&#38;` only once a `&` byte has been fed, or when libxml2
/// transcodes the input; a reference must still be decoded wherever it comes, in both dispatches.
@Suite struct AmpersandDecodingTests {
    /// The values of `bytes` parsed in chunks of `chunk` bytes.
    static func values(_ bytes: [UInt8], chunk: Int, dispatch: XMLEventDispatch) -> ([String], [Diagnostic]) {
        var parser = XMLStreamParser()
        parser.dispatch = dispatch
        let log = ValueLog()
        let diagnostics = parser.parse(streamNamed: "t.xml", into: log) { feed in
            var start = 0
            while start < bytes.count {
                let end = min(bytes.count, start + chunk)
                guard bytes[start..<end].withUnsafeBufferPointer(feed) else { break }
                start = end
            }
            return nil
        }
        return (log.values, diagnostics)
    }

    @Test(arguments: [XMLEventDispatch.direct, .replayed])
    func aReferenceAfterChunksWithoutAmpersandsIsDecoded(_ dispatch: XMLEventDispatch) {
        let plain = String(repeating: "<b v=\"纯文本\"/>\n", count: 200)
        let bytes = Array(("<a x=\"1\">\n" + plain + "<b v=\"x &amp; y &#38; z\"/><b v=\"末\"/></a>\n").utf8)
        for chunk in [5, 64, 1_000, 4_096, bytes.count] {
            let (values, diagnostics) = Self.values(bytes, chunk: chunk, dispatch: dispatch)
            #expect(diagnostics.isEmpty, "chunks of \(chunk)")
            #expect(values.first == "x=1" && values.dropFirst().first == "v=纯文本", "chunks of \(chunk)")
            #expect(values.suffix(2) == ["v=x & y & z", "v=末"], "chunks of \(chunk)")
        }
    }

    /// `<?xml version="1.0" encoding="IBM037"?><a v="x &amp; y"><b w="p &#38; q"/></a>` in EBCDIC: its `&` is
    /// 0x50, so no 0x26 byte is ever fed; libxml2 transcodes it and still hands on `&#38;`.
    static let ebcdic: [UInt8] = [
        0x4C, 0x6F, 0xA7, 0x94, 0x93, 0x40, 0xA5, 0x85, 0x99, 0xA2, 0x89, 0x96, 0x95, 0x7E, 0x7F, 0xF1, 0x4B, 0xF0,
        0x7F, 0x40, 0x85, 0x95, 0x83, 0x96, 0x84, 0x89, 0x95, 0x87, 0x7E, 0x7F, 0xC9, 0xC2, 0xD4, 0xF0, 0xF3, 0xF7,
        0x7F, 0x6F, 0x6E, 0x25, 0x4C, 0x81, 0x40, 0xA5, 0x7E, 0x7F, 0xA7, 0x40, 0x50, 0x81, 0x94, 0x97, 0x5E, 0x40,
        0xA8, 0x7F, 0x6E, 0x4C, 0x82, 0x40, 0xA6, 0x7E, 0x7F, 0x97, 0x40, 0x50, 0x7B, 0xF3, 0xF8, 0x5E, 0x40, 0x98,
        0x7F, 0x61, 0x6E, 0x4C, 0x61, 0x81, 0x6E, 0x25,
    ]

    @Test(arguments: [XMLEventDispatch.direct, .replayed])
    func aTranscodedDocumentIsDecodedWithoutAnAmpersandByte(_ dispatch: XMLEventDispatch) {
        #expect(!Self.ebcdic.contains(0x26))
        let (values, diagnostics) = Self.values(Self.ebcdic, chunk: 4_096, dispatch: dispatch)
        #expect(diagnostics.isEmpty)
        #expect(values == ["v=x & y", "w=p & q"])
    }
}
