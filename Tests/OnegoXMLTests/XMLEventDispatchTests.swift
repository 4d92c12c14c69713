import Foundation
import OnegoBase
import OnegoTestSupport
import OnegoXML
import Testing

/// Logs every event with what a handler can ask during it (depth, both locations, attributes with their
/// namespaces), reports a note of its own at every `reportEvery`-th start tag and aborts at event `abortAt`.
private final class EventLog: XMLContentHandler {
    var lines: [String] = []
    let abortAt: Int?
    let reportEvery: Int?
    private var starts = 0

    init(abortAt: Int? = nil, reportEvery: Int? = nil) {
        self.abortAt = abortAt
        self.reportEvery = reportEvery
    }

    private func place(_ location: OnegoBase.SourceLocation) -> String {
        "\(location.file):\(location.line):\(location.column)"
    }

    /// Logs a line; at `abortAt`, aborts at `location` (a tag's own, or the position after a text: during
    /// `characters` a replayed parse has no tag location).
    private func log(_ line: String, _ context: XMLParseContext, at location: OnegoBase.SourceLocation) {
        lines.append(line)
        if lines.count == abortAt {
            context.abort(Diagnostic(.note, rule: .xmlInternal, message: "stop", at: location))
        }
    }

    func startElement(_ name: XMLName, attributes: [XMLAttribute], context: XMLParseContext) {
        starts += 1
        let attrs = attributes.map { "{\($0.name.namespaceURI)}\($0.name.localName)=\($0.stringValue)" }
        if let reportEvery, starts % reportEvery == 0 {
            context.report(Diagnostic(.warning, rule: .xmlInternal, message: "seen \(starts)", at: context.tagLocation))
        }
        log(
            "start {\(name.namespaceURI)}\(name.localName) depth \(context.depth) at \(place(context.tagLocation)) "
                + "now \(place(context.currentLocation)) \(attrs.joined(separator: " "))", context,
            at: context.tagLocation)
    }

    func characters(_ text: UnsafeBufferPointer<UInt8>, context: XMLParseContext) {
        log(
            "text \(String(decoding: text, as: UTF8.self).debugDescription) now \(place(context.currentLocation))",
            context, at: context.currentLocation)
    }

    func endElement(_ name: XMLName, context: XMLParseContext) {
        log(
            "end {\(name.namespaceURI)}\(name.localName) depth \(context.depth) at \(place(context.tagLocation)) "
                + "now \(place(context.currentLocation))", context, at: context.tagLocation)
    }
}

/// The replayed dispatch (libxml2's events recorded per chunk, then handed on) against the direct one: the same
/// events, positions, diagnostics and aborts, trusted and validated, on well-formed, malformed and hostile input.
@Suite struct XMLEventDispatchTests {
    struct Outcome: Equatable {
        var lines: [String]
        var diagnostics: [Diagnostic]
    }

    static let schema: XMLSchema? = try? XMLSchema(contentsOf: Fixtures.path("Schemas/catalog.xsd"))

    static func parse(
        _ dispatch: XMLEventDispatch, bytes: [UInt8]? = nil, path: String? = nil, schema: XMLSchema? = nil,
        limits: XMLLimits = .default, maxDiagnostics: Int = 200, abortAt: Int? = nil, reportEvery: Int? = nil
    ) -> Outcome {
        var parser = XMLStreamParser(schema: schema, limits: limits, maxDiagnostics: maxDiagnostics)
        parser.dispatch = dispatch
        let log = EventLog(abortAt: abortAt, reportEvery: reportEvery)
        let diagnostics =
            if let path {
                parser.parse(contentsOf: path, into: log)
            } else {
                parser.parse(bytes: bytes ?? [], name: "t.xml", into: log)
            }
        return Outcome(lines: log.lines, diagnostics: diagnostics)
    }

    /// Every XML fixture of the repository's tests and the sample catalog.
    static let fixtures = Fixtures.xmlFiles

    @Test func automaticReplaysOnlyValidatingParses() {
        #expect(XMLStreamParser().dispatch == .automatic)
        #expect(XMLEventDispatch.automatic.resolved(isValidating: true) == .replayed)
        #expect(XMLEventDispatch.automatic.resolved(isValidating: false) == .direct)
        #expect(XMLEventDispatch.replayed.resolved(isValidating: false) == .replayed)
        #expect(XMLEventDispatch.direct.resolved(isValidating: true) == .direct)
    }

    @Test func fixturesAreFound() {
        #expect(Self.fixtures.count > 50)
        #expect(Self.schema != nil)
    }

    @Test(arguments: fixtures)
    func fixtureGivesTheSameEventsAndDiagnostics(_ path: String) {
        for schema in [nil, Self.schema] {
            let direct = Self.parse(.direct, path: path, schema: schema)
            let replayed = Self.parse(.replayed, path: path, schema: schema)
            #expect(replayed == direct, "\(path), validated: \(schema != nil)")
        }
    }

    static let documents: [String] = [
        "<?xml version=\"1.0\"?>\n<a xmlns=\"urn:x\" xmlns:p=\"urn:p\" k=\"1 &amp; 2 &#38; 3\" p:q=\"&lt;\">\n"
            + "  <b>甲&lt;乙</b><c/><![CDATA[<raw> & ]]><?pi x?><!-- c -->\n  <名称 x=\"值\"/><d\n     y=\"2\"\n"
            + "  z=\"多行\">t</d\n>\n</a>\n",
        "<a><b></a>",
        "<a>\n<b x=\"1\" x=\"2\"/></a>",
        "<a>&undefined; text</a>",
        "<a>&#1;</a>",
        "<a>\u{0B}</a>",
        "<a><b>\n  <c>truncated",
        "<?xml version=\"1.0\"?>\n<!DOCTYPE a [<!ENTITY e \"x\">]>\n<a>&e;</a>",
        "<a>text</a><b/>",
        "<a x='1' y=\"<\"/>",
        "\u{FEFF}<a>bom</a>",
        "<a></b>",
        "<a b=\"\n\n\"/>",
        "<r>" + String(repeating: "<i n=\"甲乙\">x</i>\n", count: 30_000) + "<bad></r>",
        "<r>" + String(repeating: "<i n=\"&amp;&amp;\" m=\"v\"><![CDATA[x]]></i>\n", count: 20_000) + "</r>",
        "<r>" + String(repeating: "<i>\n</i>", count: 40_000) + "<i>&#0;</i></r>",
    ]

    @Test(arguments: documents.indices)
    func documentGivesTheSameEventsAndDiagnostics(_ index: Int) {
        let bytes = Array(Self.documents[index].utf8)
        for schema in [nil, Self.schema] {
            let direct = Self.parse(.direct, bytes: bytes, schema: schema, reportEvery: 7)
            let replayed = Self.parse(.replayed, bytes: bytes, schema: schema, reportEvery: 7)
            #expect(replayed == direct, "document \(index), validated: \(schema != nil)")
        }
    }

    @Test func limitsStopBothAtTheSamePlace() {
        let deep = Array(
            ("<a>" + String(repeating: "<b>", count: 20) + String(repeating: "</b>", count: 20) + "</a>").utf8)
        let long = Array(("<a><b>" + String(repeating: "文字", count: 4_000) + "</b></a>").utf8)
        let limits = XMLLimits(maxTextBytes: 1_000, maxDepth: 8)
        for bytes in [deep, long] {
            let direct = Self.parse(.direct, bytes: bytes, limits: limits)
            let replayed = Self.parse(.replayed, bytes: bytes, limits: limits)
            #expect(direct.diagnostics.first?.severity == .error)
            #expect(replayed == direct)
        }
    }

    /// An abort at each of many events, in the first and in a later chunk: the events before it, its diagnostic and
    /// nothing of what libxml2 parsed (or raised) after it.
    @Test func anAbortDropsTheRestOfTheChunk() {
        let body = String(repeating: "<i k=\"v\">x</i>\n", count: 25_000)
        let bytes = Array(("<r>" + body + "<i>&bad;</i><j></r>").utf8)
        let total = Self.parse(.direct, bytes: bytes).lines.count
        #expect(total > 70_000)
        for abortAt in [1, 2, 3, 17, 1_000, 40_000, total - 2, total] {
            for schema in [nil, Self.schema] {
                let direct = Self.parse(.direct, bytes: bytes, schema: schema, abortAt: abortAt, reportEvery: 5)
                let replayed = Self.parse(.replayed, bytes: bytes, schema: schema, abortAt: abortAt, reportEvery: 5)
                #expect(direct.lines.count == min(abortAt, total))
                #expect(replayed == direct, "abort at \(abortAt), validated: \(schema != nil)")
            }
        }
    }

    /// Past `maxDiagnostics` the schema's errors are only counted; interleaved with the handler's own reports.
    @Test func cappedDiagnosticsAreCountedTheSame() {
        let items = String(repeating: "<item/>\n", count: 500)
        let bytes = Array(("<catalog xmlns=\"urn:onego:catalog:1\">\n" + items + "</catalog>").utf8)
        let direct = Self.parse(.direct, bytes: bytes, schema: Self.schema, maxDiagnostics: 20, reportEvery: 3)
        let replayed = Self.parse(.replayed, bytes: bytes, schema: Self.schema, maxDiagnostics: 20, reportEvery: 3)
        #expect(direct.diagnostics.count == 21)
        #expect(replayed == direct)
    }
}
