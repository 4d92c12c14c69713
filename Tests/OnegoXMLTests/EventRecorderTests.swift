import CLibXML2
import CLibXML2Events
import Testing

/// The C recorder of libxml2's events on its own, below the replay: what libxml2 does while events are only recorded,
/// which the replayed handler cannot see.
@Suite struct EventRecorderTests {
    /// A DOCTYPE halts libxml2 as it is recorded, so the internal subset's entities and the rest of the document are
    /// never parsed (the replay refuses the DOCTYPE only later, after the piece).
    @Test func aDoctypeHaltsTheParserAsItIsRecorded() throws {
        let recorder = try #require(onego_recorder_create(1 << 12))
        defer { onego_recorder_free(recorder) }
        var sax = xmlSAXHandler()
        sax.initialized = UInt32(XML_SAX2_MAGIC)
        withUnsafeMutablePointer(to: &sax) { onego_recorder_install($0) }
        let document = Array(#"<!DOCTYPE a [<!ENTITY e "x">]><a b="1">&e;<c/></a>"#.utf8)
        let parser = try #require(
            document.withUnsafeBufferPointer { bytes in
                bytes.withMemoryRebound(to: CChar.self) {
                    xmlCreatePushParserCtxt(&sax, recorder, $0.baseAddress, 4, "doctype.xml")
                }
            })
        defer { xmlFreeParserCtxt(parser) }
        recorder.pointee.parser = UnsafeMutableRawPointer(parser)
        xmlCtxtUseOptions(parser, Int32(XML_PARSE_NONET.rawValue))
        document.withUnsafeBufferPointer { bytes in
            bytes.withMemoryRebound(to: CChar.self) {
                _ = xmlParseChunk(parser, $0.baseAddress! + 4, Int32($0.count - 4), 1)
            }
        }
        #expect(parser.pointee.instate == XML_PARSER_EOF)
        let first = UnsafeRawPointer(recorder.pointee.bytes).load(as: onego_event.self)
        #expect(first.kind == UInt32(ONEGO_EVENT_DOCTYPE))
        #expect(recorder.pointee.used == Int(first.size), "nothing after the DOCTYPE was recorded")
        #expect(recorder.pointee.out_of_memory == 0)
    }
}
