import OnegoBase
import OnegoXML
import Testing

/// `tagLocation` scans the parser's buffer eight bytes at a time; it must name the line and character column of each
/// start tag's `<` exactly, for tags on one line or spread over several, with multi-byte text before and inside them.
@Suite struct TagLocationTests {
    final class Recorder: XMLContentHandler {
        var starts: [String: OnegoBase.SourceLocation] = [:]
        func startElement(_ name: XMLName, attributes: [XMLAttribute], context: XMLParseContext) {
            starts[name.localName] = context.tagLocation
        }
        func characters(_ text: UnsafeBufferPointer<UInt8>, context: XMLParseContext) {}
        func endElement(_ name: XMLName, context: XMLParseContext) {}
    }

    /// Where each `<name` start tag begins, counted the slow way: characters, 1-based.
    static func expected(_ text: String) -> [String: OnegoBase.SourceLocation] {
        var result: [String: OnegoBase.SourceLocation] = [:]
        var line = 1
        var column = 1
        let characters = Array(text)
        for (index, character) in characters.enumerated() {
            if character == "<", index + 1 < characters.count, characters[index + 1].isLetter {
                let name = String(characters[(index + 1)...].prefix { $0.isLetter || $0.isNumber })
                result[name] = OnegoBase.SourceLocation(file: "t.xml", line: line, column: column)
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
}
