import OnegoBase
import OnegoXML
import Testing

/// `tagLocation` scans the parser's buffer eight bytes at a time; it must name the line and character column of each
/// start tag's `<` exactly, for tags on one line or spread over several, with multi-byte text before and inside them.
@Suite struct TagLocationTests {
    final class Recorder: XMLContentHandler {
        var starts: [String: OnegoBase.SourceLocation] = [:]
        var ends: [String: OnegoBase.SourceLocation] = [:]
        func startElement(_ name: XMLName, attributes: [XMLAttribute], context: XMLParseContext) {
            starts[name.localName] = context.tagLocation
        }
        func characters(_ text: UnsafeBufferPointer<UInt8>, context: XMLParseContext) {}
        func endElement(_ name: XMLName, context: XMLParseContext) {
            ends[name.localName] = context.tagLocation
        }
    }

    /// Where each `<name` start tag begins, counted the slow way: characters, 1-based.
    static func expected(_ text: String) -> [String: OnegoBase.SourceLocation] {
        expected(text, closing: false)
    }

    /// Where each start tag (or, with `closing`, each end tag: a `</name`, or an empty element's own `<name`)
    /// begins, counted the slow way.
    static func expected(_ text: String, closing: Bool) -> [String: OnegoBase.SourceLocation] {
        var result: [String: OnegoBase.SourceLocation] = [:]
        var line = 1
        var column = 1
        let characters = Array(text)
        for (index, character) in characters.enumerated() {
            if character == "<", index + 2 < characters.count {
                let isEnd = characters[index + 1] == "/"
                let nameStart = isEnd ? index + 2 : index + 1
                let isEmpty =
                    !isEnd && characters[nameStart...].firstIndex(of: ">").map { characters[$0 - 1] == "/" } == true
                if characters[nameStart].isLetter, closing ? isEnd || isEmpty : !isEnd {
                    let name = String(characters[nameStart...].prefix { $0.isLetter || $0.isNumber })
                    result[name] = OnegoBase.SourceLocation(file: "t.xml", line: line, column: column)
                }
            }
            if character == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return result
    }

    @Test(arguments: [
        "<root>\n  <a x=\"1\"/>\n</root>",
        "<root>　　<材料 名称=\"居民身份证（原件及复印件）\" 份数=\"1\"/><b/></root>",
        "<root>\n<long attribute1=\"一二三四五六七八九十\"\n      attribute2=\"abcdefghijklmnopqrstuvwxyz\"\n      attribute3=\"é\"/>\n</root>",
        "<root><x/><y\n/><z a=\"\n\"/>文本文本文本<w/></root>",
        "<root>" + String(repeating: "　", count: 37) + "<deep k=\"" + String(repeating: "长", count: 41) + "\"/></root>",
    ])
    func namesTheLessThanSignOfEveryStartTag(text: String) {
        let recorder = Recorder()
        let diagnostics = XMLStreamParser().parse(bytes: Array(text.utf8), name: "t.xml", into: recorder)
        #expect(diagnostics.isEmpty)
        #expect(recorder.starts == Self.expected(text))
    }

    /// The direct dispatch takes a tag's position from where the text before it ended when nothing came between
    /// (the text sink's note); every other tag is found by the scan. Both must name each start and end tag's `<`:
    /// after comments, processing instructions, CDATA sections and references right before a tag, after long texts
    /// that libxml2 reports in pieces, with no text between tags, and with the document cut into chunks of every
    /// small size (a text then arrives in several runs).
    @Test(arguments: [
        "<root>\n  <a>x</a><!-- c --><b/>\n  <!-- c -->\n  <c>y<!--z--></c>\n</root>",
        "<root><?pi data?><a/>文本<?pi?><b>t<?pi?></b>\n<c/></root>",
        "<root>\n<a><![CDATA[text]]></a><![CDATA[x]]><b/><![CDATA[\n  ]]>\n<c><![CDATA[]]></c></root>",
        "<root>\n<a>x &amp; y</a>&lt;<b/>&#x4E2D;<c>&#38;</c>&gt;\n<d/></root>",
        "<root>\n  <a>" + String(repeating: "abcdefgh ", count: 80) + "</a>\n  <b>"
            + String(repeating: "居民身份证", count: 90) + "</b>\n  <c>" + String(repeating: "x\ty\n", count: 70)
            + "</c>\n</root>",
        "<root><a><b><c></c></b></a><d\n  k=\"v\"\n/>\n<e\n>\n</e\n></root>",
        "<?xml version=\"1.0\"?>\n<!-- before -->\n<root>\n\t<a x=\"长\">长</a>\t<b/>\n</root>\n<!-- after -->",
        // libxml2's push parser counts a CDATA section's bytes into its column, so after non-ASCII CDATA its column
        // runs ahead of the characters: a tag spread over lines after one must still be counted from its line's start.
        "<root><a><![CDATA[长]]>x</a\n><b>长<![CDATA[长长]]>t<c\n/></b></root>",
    ])
    func namesTheLessThanSignOfEveryTagWhateverCameBefore(text: String) throws {
        for dispatch in [XMLEventDispatch.direct, .replayed] {
            for chunk in [1, 2, 3, 7, 64, Int.max] {
                let recorder = Recorder()
                var parser = XMLStreamParser()
                parser.dispatch = dispatch
                let bytes = Array(text.utf8)
                let diagnostics = parser.parse(streamNamed: "t.xml", into: recorder) { feed in
                    var offset = 0
                    while offset < bytes.count {
                        let end = offset + min(chunk, bytes.count - offset)
                        guard bytes[offset..<end].withUnsafeBufferPointer({ feed($0) }) else { break }
                        offset = end
                    }
                    return nil
                }
                #expect(diagnostics.isEmpty)
                #expect(recorder.starts == Self.expected(text), "\(dispatch) in chunks of \(chunk)")
                #expect(recorder.ends == Self.expected(text, closing: true), "\(dispatch) in chunks of \(chunk)")
            }
        }
    }
}
