import Foundation
import OnegoBase
import OnegoTestSupport
import Testing

@testable import OnegoXML

/// Sizes libxml2 2.9 handles in quadratic time are refused on the raw bytes, before it parses them (issue 11: an
/// element with 400,000 attributes took 48 s).
@Suite struct HostileSizeTests {
    func parse(_ bytes: [UInt8], limits: XMLLimits = .default) -> [Diagnostic] {
        XMLStreamParser(limits: limits).parse(bytes: bytes, name: "t.xml", into: EventRecorder())
    }

    func element(attributes count: Int) -> String {
        "<a xmlns=\"urn:x\">\n  <b " + (0..<count).map { "a\($0)=\"1\"" }.joined(separator: " ") + "/>\n</a>\n"
    }

    @Test func fourHundredThousandAttributesFailFastAtTheTag() throws {
        let bytes = Array(element(attributes: 400_000).utf8)  // 4.7 MB
        let started = Date()
        let diagnostics = parse(bytes)
        #expect(Date().timeIntervalSince(started) < 1)
        let first = try #require(diagnostics.first)
        #expect(first.rule == "xml.limit.attributes")
        #expect(first.location == SourceLocation(file: "t.xml", line: 2, column: 3))
        #expect(first.message.contains("<b>"))
    }

    @Test func theAttributeLimitCountsNamespaceDeclarationsAndIsExact() {
        let limits = XMLLimits(maxAttributes: 8)
        #expect(parse(Array(element(attributes: 7).utf8), limits: limits).isEmpty)
        let nine = "<a xmlns=\"urn:x\"" + (0..<8).map { " xmlns:p\($0)='urn:\($0)'" }.joined() + "/>"
        #expect(parse(Array(nine.utf8), limits: limits).map(\.rule) == ["xml.limit.attributes"])
    }

    @Test func aStartTagLongerThanTheLimitFailsEvenAcrossChunks() throws {
        let value = String(repeating: "长", count: 200_000)  // 600 KB, fed in 256 KB chunks
        let diagnostics = parse(Array("<?xml version=\"1.0\"?>\n<a\n  x=\"\(value)\"/>".utf8))
        let first = try #require(diagnostics.first)
        #expect(first.rule == "xml.limit.start-tag")
        #expect(first.location == SourceLocation(file: "t.xml", line: 2, column: 1))
    }

    @Test func markupInsideCommentsCDATAValuesAndInstructionsIsNotCounted() {
        let attributes = (0..<20).map { "a\($0)=\"1\"" }.joined(separator: " ")
        let document = """
            <?xml version="1.0"?><?pi <x \(attributes)> ?>
            <!-- <x \(attributes)> --><a xmlns="urn:x" v="&lt;x a=&quot;1&quot; b='2' c='3' d='4' e='5'>" w='"">">'>
            <![CDATA[<x \(attributes)>]]>>text > more</a>
            """
        #expect(parse(Array(document.utf8), limits: XMLLimits(maxAttributes: 4)).isEmpty)
    }

    @Test func utf16DocumentsAreScreenedPerCodeUnit() {
        let limits = XMLLimits(maxAttributes: 4)
        func utf16(_ text: String) -> [UInt8] {
            [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        }
        #expect(parse(utf16(element(attributes: 3)), limits: limits).isEmpty)
        #expect(parse(utf16(element(attributes: 5)), limits: limits).map(\.rule) == ["xml.limit.attributes"])
    }

    @Test func deepNestingAndHugeTextStopAtTheirLimits() {
        let deep = String(repeating: "<a>", count: 100_000)
        #expect(parse(Array(deep.utf8)).first?.rule == "xml.limit.depth")
        let text = "<a>" + String(repeating: "字", count: 400_000) + "</a>"
        #expect(parse(Array(text.utf8)).first?.rule == "xml.limit.text")
    }
}

/// CR-only, CRLF and LF files report the same lines (issue 11: CR-only files said `1:807` for `14:5`).
@Suite struct LineEndingTests {
    @Test(arguments: ["\r", "\r\n", "\n"])
    func errorsAreLocatedByLineInEveryLineEnding(_ newline: String) throws {
        let text = try Fixtures.text("minimal.xml").replacingOccurrences(
            of: "<visits count=\"0\"/>", with: "<visits count=\"0\"></visit>")
        let document = text.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: newline)
        let diagnostics = XMLStreamParser().parse(bytes: Array(document.utf8), name: "t.xml", into: EventRecorder())
        let first = try #require(diagnostics.first)
        #expect(first.location?.line == 14)
        #expect(first.location?.column ?? 0 > 1)
    }

    @Test func theCRLineEndingFixtureReportsLineFourteen() throws {
        let path = Fixtures.fixture("hostile/cr-line-endings.xml")
        let schema = try XMLSchema(contentsOf: Fixtures.path("Schemas/catalog.xsd"))
        let diagnostics = XMLStreamParser(schema: schema).parse(contentsOf: path, into: EventRecorder())
        #expect(diagnostics.first?.location == SourceLocation(file: path, line: 14, column: 5))
    }

    @Test func aCRLFSplitAcrossChunksIsOneLineEnd() {
        var lineEndings = LineEndings()
        let first: [UInt8] = Array("a\rb\r".utf8)
        let second: [UInt8] = Array("\nc\r\nd".utf8)
        let one = first.withUnsafeBufferPointer { lineEndings.normalize($0) }
        let two = second.withUnsafeBufferPointer { lineEndings.normalize($0) }
        #expect(one == Array("a\nb\n".utf8))
        #expect(two == Array("c\r\nd".utf8))
        let third: [UInt8] = Array("e\r\nf".utf8)
        #expect(third.withUnsafeBufferPointer { lineEndings.normalize($0) } == nil)
    }
}

/// Characters XML forbids, or that a reader cannot see where they break the markup, are named with their code
/// point and position (issue 11: they got a GBK hint or "开头找不到 '<'").
@Suite struct CharacterMessageTests {
    @Test(arguments: [
        ("<a>甲\u{0B}乙</a>", "U+000B", 1, 5, "xml.invalid-character"),
        ("<a k=\"甲\u{0B}\"/>", "U+000B", 1, 8, "xml.invalid-character"),
        ("<a>&#x1;</a>", "U+0001", 1, 0, "xml.invalid-character"),
        ("<a>&#0;</a>", "U+0000", 1, 0, "xml.invalid-character"),
        ("<a>\u{FFFE}</a>", "U+FFFE", 1, 0, "xml.invalid-character"),
        ("\u{2028}<a/>", "U+2028", 1, 1, "xml.not-xml"),
        ("\u{0B}<a/>", "U+000B", 1, 1, "xml.not-xml"),
        ("<a\u{2028}k=\"1\"/>", "U+2028", 1, 3, "xml.invalid-character"),
        ("<a\u{3000}k=\"1\"/>", "U+3000", 1, 3, "xml.invalid-character"),
        ("<?xml version=\"1.0\"?>\r\r<a>\u{0B}</a>", "U+000B", 3, 4, "xml.invalid-character"),
    ])
    func namesTheCharacterAndItsPlace(
        _ document: String, _ codePoint: String, _ line: Int, _ column: Int, _ rule: RuleID
    )
        throws
    {
        let diagnostics = XMLStreamParser().parse(bytes: Array(document.utf8), name: "t.xml", into: EventRecorder())
        let first = try #require(diagnostics.first)
        #expect(first.rule == rule)
        #expect(first.message.contains(codePoint))
        #expect(!first.message.contains("GBK"))
        #expect(first.location?.line == line)
        if column > 0 { #expect(first.location?.column == column) } else { #expect(first.location?.column ?? 0 > 0) }
    }

    @Test func theControlCharacterFixtureIsNamedInTheFile() throws {
        let path = Fixtures.fixture("hostile/control-character.xml")
        let diagnostics = XMLStreamParser().parse(contentsOf: path, into: EventRecorder())
        let first = try #require(diagnostics.first)
        #expect(first.description.hasPrefix("\(path):2:66: 错误: 字符 U+000B（垂直制表符）"))
    }

    @Test func realEncodingErrorsKeepTheEncodingHint() throws {
        let diagnostics = XMLStreamParser().parse(
            contentsOf: Fixtures.fixture("hostile/invalid-utf8.xml"), into: EventRecorder())
        #expect(diagnostics.first?.rule == "xml.encoding")
    }
}
