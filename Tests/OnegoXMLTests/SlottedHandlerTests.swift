import Foundation
import OnegoBase
import OnegoTestSupport
import OnegoXML
import Testing

/// The slot of an attribute name in these tests: names without a namespace by the sum of their bytes (so some
/// names share a slot, and the later value wins), namespaced ones and `skip` none.
private func testSlot(_ name: XMLName) -> Int? {
    guard name.namespaceURI.isEmpty, name.localName != "skip" else { return nil }
    return name.localName.utf8.reduce(0) { $0 + Int($1) } % 64
}

/// The tags the slotted handler of these tests is given below the root: no start tag of `c` (so none of its
/// attributes), no end tag of `i` (so none of its text), neither of `j`.
private func testEvents(_ name: XMLName) -> XMLElementEvents {
    switch name.localName {
    case "c": .end
    case "i": .start
    case "j": []
    default: .all
    }
}

/// Logs what a slotted handler sees, the way ``SlotLog`` computes it from the plain events.
private func startLine(
    _ name: XMLName, depth: Int, slots: [Int: String], context: XMLParseContext
) -> String {
    let location = context.tagLocation
    let values = slots.keys.sorted().map { "\($0)=\(slots[$0] ?? "")" }.joined(separator: " ")
    return "start {\(name.namespaceURI)}\(name.localName) depth \(depth) at \(location.line):\(location.column) "
        + values
}

private func endLine(_ name: XMLName, depth: Int, text: String, context: XMLParseContext) -> String {
    let location = context.tagLocation
    return "end {\(name.namespaceURI)}\(name.localName) depth \(depth) at \(location.line):\(location.column) "
        + text.debugDescription
}

/// The expected log: computed from the plain events (attribute lists, text runs) of a handler that takes names.
private final class SlotLog: XMLContentHandler {
    var lines: [String] = []
    var text: [UInt8] = []
    let abortAt: Int?

    init(abortAt: Int?) { self.abortAt = abortAt }

    func log(_ line: String, _ context: XMLParseContext) {
        lines.append(line)
        if lines.count == abortAt {
            context.abort(Diagnostic(.note, rule: .xmlInternal, message: "stop", at: context.tagLocation))
        }
    }

    func startElement(_ name: XMLName, attributes: [XMLAttribute], context: XMLParseContext) {
        text = []
        guard context.depth == 1 || testEvents(name).contains(.start) else { return }
        var slots: [Int: String] = [:]
        for attribute in attributes {
            if let slot = testSlot(attribute.name) { slots[slot] = attribute.stringValue }
        }
        log(startLine(name, depth: context.depth, slots: slots, context: context), context)
    }

    func characters(_ run: UnsafeBufferPointer<UInt8>, context: XMLParseContext) { text += run }

    func endElement(_ name: XMLName, context: XMLParseContext) {
        let line = endLine(name, depth: context.depth, text: String(decoding: text, as: UTF8.self), context: context)
        text = []
        guard context.depth == 1 || testEvents(name).contains(.end) else { return }
        log(line, context)
    }
}

/// The handler under test: attribute values from their slots, the text with the end tag.
private final class SlottedLog: XMLSlottedContentHandler {
    var lines: [String] = []
    let abortAt: Int?
    private(set) var asked: [String] = []

    init(abortAt: Int?) { self.abortAt = abortAt }

    func log(_ line: String, _ context: XMLParseContext) {
        lines.append(line)
        if lines.count == abortAt {
            context.abort(Diagnostic(.note, rule: .xmlInternal, message: "stop", at: context.tagLocation))
        }
    }

    func attributeSlot(for name: XMLName) -> Int? {
        asked.append("attribute " + name.qualified)
        return testSlot(name)
    }

    func elementEvents(for name: XMLName) -> XMLElementEvents {
        asked.append("element " + name.qualified)
        return testEvents(name)
    }

    func startElement(nameID: Int, attributes: XMLAttributeList, depth: Int, context: XMLParseContext) {
        var slots: [Int: String] = [:]
        for entry in attributes.entries {
            if let slot = testSlot(context.name(id: entry.nameID)) {
                slots[slot] = String(decoding: entry.value, as: UTF8.self)
            }
        }
        log(startLine(context.name(id: nameID), depth: depth, slots: slots, context: context), context)
    }

    func startElement(nameID: Int, slots: XMLAttributeSlots, depth: Int, context: XMLParseContext) {
        var values: [Int: String] = [:]
        for slot in 0..<64 {
            if let value = slots[slot] { values[slot] = String(decoding: value, as: UTF8.self) }
            #expect(slots.has(slot) == (slots[slot] != nil))
        }
        log(startLine(context.name(id: nameID), depth: depth, slots: values, context: context), context)
    }

    func endElement(nameID: Int, depth: Int, text: UnsafeMutableBufferPointer<UInt8>, context: XMLParseContext) {
        let line = endLine(
            context.name(id: nameID), depth: depth, text: String(decoding: text, as: UTF8.self), context: context)
        // The handler may change the bytes in place.
        if let base = text.baseAddress { base.update(repeating: 0x58, count: text.count) }
        log(line, context)
    }

    func characters(_ text: UnsafeBufferPointer<UInt8>, context: XMLParseContext) {
        Issue.record("a slotted handler gets no text runs")
    }

    func endElement(nameID: Int, depth: Int, context: XMLParseContext) {
        Issue.record("a slotted handler gets its end tags with their text")
    }
}

/// ``XMLSlottedContentHandler``: the attribute values in their slots and each element's text with its end tag are
/// exactly what the plain events give, less the tags the handler declined, on every fixture and on hostile and
/// multi-chunk documents, with both dispatches, trusted and validated, with limits and aborts; each attribute and
/// element name is asked for once.
@Suite struct SlottedHandlerTests {
    /// The log lines and diagnostics of a parse, as the dispatch tests compare them.
    typealias Outcome = XMLEventDispatchTests.Outcome

    static let schema = XMLEventDispatchTests.schema

    static func parse(
        slotted: Bool, _ dispatch: XMLEventDispatch, bytes: [UInt8]? = nil, path: String? = nil,
        schema: XMLSchema? = nil, limits: XMLLimits = .default, abortAt: Int? = nil
    ) -> Outcome {
        var parser = XMLStreamParser(schema: schema, limits: limits)
        parser.dispatch = dispatch
        let handler: any XMLContentHandler = slotted ? SlottedLog(abortAt: abortAt) : SlotLog(abortAt: abortAt)
        let diagnostics =
            if let path { parser.parse(contentsOf: path, into: handler) } else {
                parser.parse(bytes: bytes ?? [], name: "t.xml", into: handler)
            }
        if let log = handler as? SlottedLog {
            #expect(Set(log.asked).count == log.asked.count, "a name was asked for twice")
            return Outcome(lines: log.lines, diagnostics: diagnostics)
        }
        return Outcome(lines: (handler as? SlotLog)?.lines ?? [], diagnostics: diagnostics)
    }

    static let fixtures = Fixtures.xmlFiles

    static let documents: [String] = [
        "<?xml version=\"1.0\"?>\n<a xmlns=\"urn:x\" xmlns:p=\"urn:p\" k=\"1 &amp; 2 &#38; 3\" p:q=\"&lt;\">\n"
            + "  <b k=\"&#38;&amp;\" p:k=\"x\" skip=\"y\" ab=\"1\" ba=\"2\">甲&lt;乙</b><c/><![CDATA[<raw> & ]]><?pi x?>"
            + "<!-- c -->\n  <名称 x=\"值\"/><d\n     y=\"2\"\n  z=\"多行\">t<!-- c -->u</d\n>\n</a>\n",
        "<a><b k=\"1\" k2=\"2\"></a>",
        "<a>\n<b x=\"1\" x=\"2\"/></a>",
        "<a>&undefined; text</a>",
        "<a><b z=\"&#1;\"/></a>",
        "<a>text</a><b/>",
        "<a><b x='1' y=\"<\"/></a>",
        "<a><b k=\"\n\n\"/></a>",
        "<r>" + String(repeating: "<i n=\"甲乙\" m=\"v\">x</i>\n", count: 30_000) + "<bad></r>",
        "<r>" + String(repeating: "<i n=\"&amp;&amp;\" m=\"v\"><![CDATA[x]]>y</i>\n", count: 20_000) + "</r>",
        "<r a=\"1\"><i>" + String(repeating: "长文本", count: 50_000) + "</i><j v=\"1\"/></r>",
        "<r>" + String(repeating: "<i k=\"1\"><c k=\"2\">甲</c><j k=\"3\">乙<x k=\"4\">丙</x></j>丁</i>\n", count: 9_000)
            + "</r>",
        // New attribute and element names in every tag, before names seen earlier: the name table and the slot
        // table grow in the middle of a tag's attributes, which the rest of the tag then reads from the new ones.
        "<r>"
            + (0..<400).map { "<e\($0) a\($0)=\"x\" b\($0)=\"y\" k=\"\($0)\" m=\"v\">t</e\($0)>" }.joined()
            + "</r>",
    ]

    @Test(arguments: fixtures)
    func fixtureGivesWhatThePlainEventsGive(_ path: String) {
        for schema in [nil, Self.schema] {
            for dispatch in [XMLEventDispatch.direct, .replayed] {
                let expected = Self.parse(slotted: false, dispatch, path: path, schema: schema)
                let slotted = Self.parse(slotted: true, dispatch, path: path, schema: schema)
                #expect(slotted == expected, "\(path) \(dispatch), validated: \(schema != nil)")
            }
        }
    }

    @Test(arguments: documents.indices)
    func documentGivesWhatThePlainEventsGive(_ index: Int) {
        let bytes = Array(Self.documents[index].utf8)
        for schema in [nil, Self.schema] {
            for dispatch in [XMLEventDispatch.direct, .replayed] {
                let expected = Self.parse(slotted: false, dispatch, bytes: bytes, schema: schema)
                let slotted = Self.parse(slotted: true, dispatch, bytes: bytes, schema: schema)
                #expect(!expected.lines.isEmpty)
                #expect(slotted == expected, "document \(index) \(dispatch), validated: \(schema != nil)")
            }
        }
    }

    @Test func theSlotsHoldTheValues() {
        let bytes = Array(
            "<a><b k=\"1 &amp; 2\" ab=\"x\" ba=\"y\" skip=\"z\" p:k=\"w\" xmlns:p=\"urn:p\">t</b></a>".utf8)
        let log = Self.parse(slotted: true, .direct, bytes: bytes).lines
        // `ab` and `ba` share a slot (195 % 64 = 3): the later value wins; `skip` and `p:k` have none.
        #expect(log[1] == "start {}b depth 2 at 1:4 3=y 43=1 & 2")
        #expect(log[2] == "end {}b depth 2 at 1:69 \"t\"")
    }

    /// A slot outside `0..<64` is read modulo 64, as its bit is tested: never outside the 64 values.
    @Test func slotsOutsideTheRangeWrapAround() {
        let values = UnsafeMutablePointer<UnsafeBufferPointer<UInt8>>.allocate(capacity: 64)
        defer { values.deallocate() }
        values.initialize(repeating: UnsafeBufferPointer(start: nil, count: 0), count: 64)
        let bytes: [UInt8] = [1, 2, 3]
        bytes.withUnsafeBufferPointer { buffer in
            values[0] = buffer
            values[63] = UnsafeBufferPointer(rebasing: buffer[0..<2])
            let slots = XMLAttributeSlots(values: values, present: 1 | 1 << 63)
            #expect(slots[64]?.count == 3)
            #expect(slots[-1]?.count == 2)
            #expect(slots[65] == nil)
            #expect(slots.has(128) && !slots.has(1))
        }
    }

    @Test func declinedTagsAreLeftOut() {
        let bytes = Array("<r><i k=\"1\"><c k=\"2\">甲</c><j k=\"3\">乙<x>丙</x></j>丁</i><i/></r>".utf8)
        let log = Self.parse(slotted: true, .direct, bytes: bytes).lines
        #expect(
            log.map { $0.components(separatedBy: " at ")[0] } == [
                "start {}r depth 1", "start {}i depth 2", "end {}c depth 3", "start {}x depth 4", "end {}x depth 4",
                "start {}i depth 2", "end {}r depth 1",
            ])
        #expect(log[2].hasSuffix("\"甲\""))
    }

    @Test func limitsAndAbortsStopAtTheSamePlace() {
        let long = Array(("<a><b>" + String(repeating: "文字", count: 4_000) + "</b></a>").utf8)
        let deep = Array(
            ("<a>" + String(repeating: "<b k=\"v\">", count: 20) + String(repeating: "</b>", count: 20) + "</a>").utf8)
        let limits = XMLLimits(maxTextBytes: 1_000, maxDepth: 8)
        for bytes in [long, deep] {
            for dispatch in [XMLEventDispatch.direct, .replayed] {
                let expected = Self.parse(slotted: false, dispatch, bytes: bytes, limits: limits)
                #expect(expected.diagnostics.first?.severity == .error)
                #expect(Self.parse(slotted: true, dispatch, bytes: bytes, limits: limits) == expected)
            }
        }
        let many = Array(("<r>" + String(repeating: "<e k=\"v\">x</e>\n", count: 25_000) + "</r>").utf8)
        for abortAt in [1, 2, 3, 1_000, 40_000] {
            for dispatch in [XMLEventDispatch.direct, .replayed] {
                let expected = Self.parse(slotted: false, dispatch, bytes: many, abortAt: abortAt)
                #expect(expected.lines.count == abortAt)
                #expect(Self.parse(slotted: true, dispatch, bytes: many, abortAt: abortAt) == expected)
            }
        }
    }
}
