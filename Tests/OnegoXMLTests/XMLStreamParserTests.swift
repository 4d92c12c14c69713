import Foundation
import OnegoBase
import OnegoTestSupport
import OnegoXML
import Testing

/// Records the events of a parse as text lines.
final class EventRecorder: XMLContentHandler {
    var events: [String] = []
    var locations: [String: OnegoBase.SourceLocation] = [:]
    private var text = ""

    func startElement(_ name: XMLName, attributes: [XMLAttribute], context: XMLParseContext) {
        let attrs = attributes.map { "\($0.name.localName)=\($0.stringValue)" }.joined(separator: ",")
        events.append("start \(name.localName)\(attrs.isEmpty ? "" : " " + attrs)")
        if locations[name.localName] == nil { locations[name.localName] = context.tagLocation }
        text = ""
    }

    func characters(_ bytes: UnsafeBufferPointer<UInt8>, context: XMLParseContext) {
        text += String(decoding: bytes, as: UTF8.self)
    }

    func endElement(_ name: XMLName, context: XMLParseContext) {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        events.append("end \(name.localName)\(trimmed.isEmpty ? "" : " \"\(trimmed)\"")")
        text = ""
    }
}

@Suite struct XMLStreamParserTests {
    func parse(_ xml: String, limits: XMLLimits = .default) -> (EventRecorder, [Diagnostic]) {
        let recorder = EventRecorder()
        let diagnostics = XMLStreamParser(limits: limits).parse(bytes: Array(xml.utf8), name: "t.xml", into: recorder)
        return (recorder, diagnostics)
    }

    @Test func streamsElementsAttributesAndDecodedText() {
        let (recorder, diagnostics) = parse(
            "<?xml version=\"1.0\"?>\n<a xmlns=\"urn:x\" k=\"1 &amp; 2\">\n  <b>甲&lt;乙</b><c/>\n</a>\n")
        #expect(diagnostics.isEmpty)
        #expect(recorder.events == ["start a k=1 & 2", "start b", "end b \"甲<乙\"", "start c", "end c", "end a"])
    }

    @Test func reportsTheStartOfEachTagWithCharacterColumns() {
        let (recorder, _) = parse("<a>\n  <名称 x=\"值\"/><b\n     y=\"2\"/>\n</a>")
        #expect(recorder.locations["a"] == OnegoBase.SourceLocation(file: "t.xml", line: 1, column: 1))
        #expect(recorder.locations["名称"] == OnegoBase.SourceLocation(file: "t.xml", line: 2, column: 3))
        #expect(recorder.locations["b"] == OnegoBase.SourceLocation(file: "t.xml", line: 2, column: 14))
    }

    @Test func internsNamesSoIdsRepeat() {
        final class Ids: XMLContentHandler {
            var ids: [String: Set<Int>] = [:]
            func startElement(_ name: XMLName, attributes: [XMLAttribute], context: XMLParseContext) {
                ids[name.localName, default: []].insert(name.id)
            }
            func characters(_ text: UnsafeBufferPointer<UInt8>, context: XMLParseContext) {}
            func endElement(_ name: XMLName, context: XMLParseContext) {}
        }
        let handler = Ids()
        _ = XMLStreamParser().parse(bytes: Array("<r><i/><i/><j/><i/></r>".utf8), name: "t", into: handler)
        #expect(handler.ids["i"]?.count == 1)
        #expect(handler.ids["i"] != handler.ids["j"])
    }

    @Test func rejectsDoctypeSoExternalEntitiesNeverExpand() throws {
        let recorder = EventRecorder()
        let path = Fixtures.fixture("hostile/xxe-file.xml")
        let diagnostics = XMLStreamParser().parse(contentsOf: path, into: recorder)
        let first = try #require(diagnostics.first)
        #expect(first.rule == "xml.doctype")
        #expect(first.location?.line == 2)
        #expect(first.location?.column == 1)
        #expect(diagnostics.count == 1)
        // Nothing of /etc/passwd reached the handler.
        #expect(!recorder.events.joined().contains("root:"))
        #expect(recorder.events.isEmpty)
    }

    @Test(arguments: ["xxe-http.xml", "parameter-entity.xml", "billion-laughs.xml", "quadratic-blowup.xml"])
    func rejectsEveryDocumentTypeDeclaration(_ name: String) throws {
        let diagnostics = XMLStreamParser().parse(
            contentsOf: Fixtures.fixture("hostile/" + name), into: EventRecorder())
        #expect(diagnostics.map(\.rule) == ["xml.doctype"])
    }

    @Test func undeclaredEntityIsAnError() throws {
        let (_, diagnostics) = parse("<a>\n  <b>&nbsp;</b>\n</a>")
        let entity = try #require(diagnostics.first { $0.rule == "xml.entity" })
        #expect(entity.location?.line == 2)
        #expect(entity.message.contains("nbsp"))
    }

    @Test func limitsNestingDepth() throws {
        let diagnostics = XMLStreamParser().parse(
            contentsOf: Fixtures.fixture("hostile/deep-nesting.xml"), into: EventRecorder())
        let depth = try #require(diagnostics.first { $0.rule == "xml.limit.depth" })
        #expect(depth.location?.line == 3)
    }

    @Test func limitsTextNodeSize() throws {
        let big = String(repeating: "材", count: 5000)
        let (_, diagnostics) = parse("<a>\(big)</a>", limits: XMLLimits(maxTextBytes: 4096))
        #expect(diagnostics.map(\.rule) == ["xml.limit.text"])
    }

    @Test func emptyInputIsNamedAsEmpty() {
        let (_, diagnostics) = parse("")
        #expect(diagnostics.map(\.rule) == ["xml.empty"])
    }

    @Test func binaryInputIsNotXML() {
        let diagnostics = XMLStreamParser().parse(
            contentsOf: Fixtures.fixture("hostile/binary.xml"), into: EventRecorder())
        #expect(diagnostics.first?.rule == "xml.not-xml")
    }

    @Test func truncatedInputSaysSo() throws {
        let diagnostics = XMLStreamParser().parse(
            contentsOf: Fixtures.fixture("hostile/truncated.xml"), into: EventRecorder())
        let first = try #require(diagnostics.first)
        #expect(first.message.contains("截断"))
        #expect(first.location?.line == 3)
    }

    @Test func invalidUTF8IsAnEncodingErrorWithPosition() throws {
        let diagnostics = XMLStreamParser().parse(
            contentsOf: Fixtures.fixture("hostile/invalid-utf8.xml"), into: EventRecorder())
        let first = try #require(diagnostics.first)
        #expect(first.rule == "xml.encoding")
        #expect(first.location?.line == 2)
    }

    @Test func unknownEncodingDeclarationIsNamed() throws {
        let diagnostics = XMLStreamParser().parse(
            contentsOf: Fixtures.fixture("hostile/unknown-encoding.xml"), into: EventRecorder())
        #expect(diagnostics.first?.rule == "xml.encoding-declaration")
        #expect(diagnostics.first?.message.contains("KLINGON-8") == true)
    }

    @Test(arguments: ["gb18030-declared.xml", "utf16-bom.xml", "utf8-bom.xml"])
    func decodesDeclaredEncodingsToTheSameText(_ name: String) throws {
        let recorder = EventRecorder()
        let diagnostics = XMLStreamParser().parse(contentsOf: Fixtures.fixture("hostile/" + name), into: recorder)
        #expect(diagnostics.isEmpty)
        #expect(recorder.events.contains("end name \"企业设立登记\""))
    }

    @Test func mislabelledGB18030FailsWithAHint() throws {
        let diagnostics = XMLStreamParser().parse(
            contentsOf: Fixtures.fixture("hostile/gb18030-mislabelled.xml"), into: EventRecorder())
        let first = try #require(diagnostics.first)
        #expect(first.rule == "xml.encoding")
        #expect(first.message.contains("GB18030"))
        #expect(
            first.location
                == OnegoBase.SourceLocation(
                    file: Fixtures.fixture("hostile/gb18030-mislabelled.xml"), line: 2, column: 65))
    }

    @Test func missingFileAndDirectoryAreFileProblems() throws {
        let parser = XMLStreamParser()
        #expect(
            parser.parse(contentsOf: "/nonexistent/x.xml", into: EventRecorder()).first?.message
                == "文件不存在（No such file or directory）")
        let directory = try Fixtures.temporaryDirectory()
        #expect(parser.parse(contentsOf: directory, into: EventRecorder()).first?.rule == "io.read")
    }

    @Test func refusesFilesOverTheSizeCap() throws {
        let parser = XMLStreamParser(limits: XMLLimits(maxFileBytes: 100))
        let diagnostics = parser.parse(contentsOf: Fixtures.fixture("minimal.xml"), into: EventRecorder())
        #expect(diagnostics.map(\.rule) == ["xml.limit.file-size"])
    }
}

@Suite struct XMLSchemaTests {
    @Test func validatesInTheSamePassAndPointsAtTheTag() throws {
        let schema = try XMLSchema(contentsOf: Fixtures.path("Schemas/catalog.xsd"))
        let path = try Fixtures.variant(of: "minimal.xml", [("<visits count=\"0\"/>", "<visits count=\"-1\"/>")])
        let recorder = EventRecorder()
        let diagnostics = XMLStreamParser(schema: schema).parse(contentsOf: path, into: recorder)
        let first = try #require(diagnostics.first)
        #expect(diagnostics.count == 1)
        #expect(first.rule == "xml.schema")
        #expect(first.location?.line == 14)
        #expect(first.location?.column == 5)
        #expect(first.message.contains("visits"))
        #expect(!first.message.contains("urn:onego"))
        // Parsing went on after the validation error.
        #expect(recorder.events.last == "end catalog")
    }

    @Test func missingSchemaFileIsADiagnostic() {
        #expect(throws: Diagnostic.self) { try XMLSchema(contentsOf: "/nonexistent.xsd") }
    }

    @Test func compiledSchemaIsSharedAcrossThreads() async throws {
        let schema = try XMLSchema(contentsOf: Fixtures.path("Schemas/catalog.xsd"))
        let path = Fixtures.fixture("minimal.xml")
        let counts = await withTaskGroup(of: Int.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    let recorder = EventRecorder()
                    let diagnostics = XMLStreamParser(schema: schema).parse(contentsOf: path, into: recorder)
                    return diagnostics.isEmpty ? recorder.events.count : -1
                }
            }
            var all: [Int] = []
            for await count in group { all.append(count) }
            return all
        }
        #expect(Set(counts).count == 1)
        #expect(counts.first ?? 0 > 40)
    }
}

@Suite struct HugeInputTests {
    /// A 200 MB text node stops at the text cap after reading little more than the cap, with the element's place.
    @Test func twoHundredMegabyteTextNodeStopsAtTheCap() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/huge-text.xml"
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        handle.write(Data("<?xml version=\"1.0\"?>\n<catalog xmlns=\"urn:onego:catalog:1\">\n<name>".utf8))
        let megabyte = Data(repeating: UInt8(ascii: "a"), count: 1 << 20)
        for _ in 0..<200 { handle.write(megabyte) }
        handle.write(Data("</name>\n</catalog>\n".utf8))
        try handle.close()

        let diagnostics = XMLStreamParser().parse(contentsOf: path, into: EventRecorder())
        #expect(diagnostics.map(\.rule) == ["xml.limit.text"])
        #expect(diagnostics.first?.location?.line == 3)
    }
}

@Suite struct EncodingErrorLocationTests {
    /// libxml2 reports a failed GB18030 conversion without a position; the parser finds the damaged byte itself.
    @Test func damagedGB18030ByteIsLocatedByLineAndColumn() throws {
        var bytes = try [UInt8](
            Data(contentsOf: URL(fileURLWithPath: Fixtures.fixture("hostile/gb18030-declared.xml"))))
        // Line 4 is `    <name>企业设立登记</name>`: damage the first byte of 业 (the third character after <name>).
        let lineStarts = [0] + bytes.indices.filter { bytes[$0] == 0x0A }.map { $0 + 1 }
        let nameStart = lineStarts[3] + "    <name>".utf8.count
        bytes[nameStart + 4] = 0xFF
        let diagnostics = XMLStreamParser().parse(bytes: bytes, name: "damaged.xml", into: EventRecorder())
        let first = try #require(diagnostics.first)
        #expect(first.rule == "xml.encoding")
        #expect(first.message.contains("GB18030"))
        #expect(first.location == OnegoBase.SourceLocation(file: "damaged.xml", line: 4, column: 13))
    }
}
