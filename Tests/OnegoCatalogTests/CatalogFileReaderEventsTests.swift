import Foundation
import OnegoBase
import OnegoTestSupport
import OnegoXML
import Testing

@testable import OnegoCatalog

/// Hands the reader the plain events only (attribute lists and text runs), as a parse does for a handler that is
/// not slotted.
private final class PlainEvents: XMLNameIDContentHandler {
    let reader: CatalogFileReader

    init(_ reader: CatalogFileReader) { self.reader = reader }

    func startElement(nameID: Int, attributes: XMLAttributeList, depth: Int, context: XMLParseContext) {
        reader.startElement(nameID: nameID, attributes: attributes, depth: depth, context: context)
    }

    func characters(_ text: UnsafeBufferPointer<UInt8>, context: XMLParseContext) {
        reader.characters(text, context: context)
    }

    func endElement(nameID: Int, depth: Int, context: XMLParseContext) {
        reader.endElement(nameID: nameID, depth: depth, context: context)
    }
}

/// ``CatalogFileReader`` reads the same items whether the parse sorts attributes into its slots and gathers texts
/// (``XMLSlottedContentHandler``, what the loader uses) or hands it attribute lists and text runs.
@Suite struct CatalogFileReaderEventsTests {
    struct Outcome: Equatable {
        var items: [ServiceItem]
        var title: String?
        var region: String?
        var reachedEnd: Bool
        var diagnostics: [Diagnostic]
    }

    static func read(_ bytes: [UInt8], slotted: Bool, validated: Bool) throws -> Outcome {
        let schema = validated ? try XMLSchema(contentsOf: Fixtures.path("Schemas/catalog.xsd")) : nil
        let reader = CatalogFileReader(
            interner: StringInterner(), skipsOtherOnegoDocuments: false, maxItems: 100_000, isValidated: validated)
        let handler: any XMLContentHandler = slotted ? reader : PlainEvents(reader)
        let diagnostics = XMLStreamParser(schema: schema).parse(bytes: bytes, name: "t.xml", into: handler)
        return Outcome(
            items: reader.items, title: reader.title, region: reader.region, reachedEnd: reader.hasReachedRootEnd,
            diagnostics: diagnostics)
    }

    static let sampleFiles: [String] = {
        let names = FileManager.default.enumerator(atPath: Fixtures.sampleItems)?.compactMap { $0 as? String } ?? []
        return names.filter { $0.hasSuffix(".xml") }.sorted().map { Fixtures.sampleItems + "/" + $0 }
    }()

    @Test func sampleFilesReadTheSame() throws {
        #expect(Self.sampleFiles.count > 5)
        for path in Self.sampleFiles {
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
            for validated in [false, true] {
                let plain = try Self.read(bytes, slotted: false, validated: validated)
                #expect(!plain.items.isEmpty)
                #expect(try Self.read(bytes, slotted: true, validated: validated) == plain, "\(path)")
            }
        }
    }

    /// Bad values, white space around texts and values, `&amp;` in values and texts, CDATA, comments inside a text,
    /// and random damage: both ways read the same items and report the same problems.
    @Test func alteredFilesReadTheSame() throws {
        let path = Fixtures.sampleItems + "/health.xml"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let edits: [(String, String)] = [
            ("<name>", "<name>\n   "), ("</name>", "  <!-- c -->  </name>"), ("unit=\"工作日\"", "unit=\" 工作日 \""),
            ("key=\"true\"", "key=\"yes\""), ("<department>", "<department><![CDATA[ A&B ]]>"),
            ("name=\"", "name=\"&amp;"), ("originals=\"1\"", "originals=\"x\""), ("<law ", "<law skip=\"1\" "),
        ]
        var bytes = Array(text.utf8)
        for (from, to) in edits {
            bytes = Array(String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: from, with: to).utf8)
            let plain = try Self.read(bytes, slotted: false, validated: false)
            #expect(try Self.read(bytes, slotted: true, validated: false) == plain, "after \(from)")
        }
        #expect(try Self.read(bytes, slotted: false, validated: false).diagnostics.count > 3)
        var random = SplitMix64(seed: 29)
        for round in 0..<40 {
            var damaged = bytes
            let at = Int.random(in: 0..<damaged.count, using: &random)
            switch round % 3 {
            case 0: damaged.removeSubrange(at..<min(damaged.count, at + Int.random(in: 1...30, using: &random)))
            case 1: damaged[at] ^= UInt8.random(in: 1...255, using: &random)
            default: damaged.insert(contentsOf: Array("<x a=\"1\">t</x>".utf8), at: at)
            }
            let plain = try Self.read(damaged, slotted: false, validated: false)
            #expect(try Self.read(damaged, slotted: true, validated: false) == plain, "round \(round)")
        }
    }
}
