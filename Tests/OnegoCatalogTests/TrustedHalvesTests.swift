import Foundation
import OnegoBase
import OnegoTestSupport
import OnegoXML
import Synchronization
import Testing

@testable import OnegoCatalog

/// A trusted load of one large file on two threads (the file cut in two at an `<item>` line, see `XMLSplitPlan`)
/// must give exactly what one pass gives, including when the cut lands where it cannot separate two items.
@Suite struct TrustedHalvesTests {
    /// Every item of the sample catalog under one root: about 0.6 MB, 176 items.
    static func combinedSample() throws -> String {
        var body = ""
        for file in try FileManager.default.contentsOfDirectory(atPath: Fixtures.sampleItems).sorted() {
            let text = try String(contentsOfFile: Fixtures.sampleItems + "/" + file, encoding: .utf8)
            guard let open = text.range(of: "<item "), let close = text.range(of: "</catalog>", options: .backwards)
            else { continue }
            body += "  " + text[open.lowerBound..<close.lowerBound]
        }
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <!-- 云溪区全部事项，合并为一个文件 -->
            <catalog xmlns="urn:onego:catalog:1" schemaVersion="1.0"
                     title="广州市云溪区政务服务事项实施清单" region="440188" published="2026-10-15">

            """ + body + "</catalog>\n"
    }

    /// Loads `text` trusted with one thread and with two and expects the same items and diagnostics.
    @discardableResult
    func expectSameResults(_ text: String, name: String = "combined.xml", keepsHalves: Bool) throws
        -> CatalogLoadResult
    {
        let path = try Fixtures.write(text, to: name, in: try Fixtures.temporaryDirectory())
        var loader = CatalogLoader(schema: nil)
        loader.threads = 1
        let one = loader.load(paths: [path])
        loader.threads = 2
        loader.minimumSplitBytes = 0
        let kept = Mutex<Bool?>(nil)
        loader.halvesObserver = { value in kept.withLock { $0 = value } }
        let two = loader.load(paths: [path])
        #expect(kept.withLock { $0 } == keepsHalves)
        #expect(two.catalog.items.count == one.catalog.items.count)
        #expect(two.catalog.items == one.catalog.items)
        #expect(two.diagnostics.map(\.description) == one.diagnostics.map(\.description))
        #expect(two.catalog.files.map(\.title) == one.catalog.files.map(\.title))
        return one
    }

    @Test func theCombinedSampleIsCutNearTheMiddleAndLoadsAlike() throws {
        let text = try Self.combinedSample()
        let path = try Fixtures.write(text, to: "combined.xml", in: try Fixtures.temporaryDirectory())
        let plan = try #require(XMLSplitPlan.make(path: path, child: "item"))
        let size = text.utf8.count
        #expect(plan.cut >= size / 2 && plan.cut < size / 2 + 8_000)
        let cutLine = Array(text.utf8)[plan.cut...].starts(with: Array("  <item ".utf8))
        #expect(cutLine)
        let one = try expectSameResults(text, keepsHalves: true)
        #expect(one.catalog.items.count == 176)
        #expect(!one.diagnostics.containsErrors)
        // Items of the second half keep the file's own lines: the last item starts where the text says.
        let lastLine = text.components(separatedBy: "\n").lastIndex { $0.hasPrefix("  <item ") }.map { $0 + 1 }
        #expect(one.catalog.items.last?.location.line == lastLine)
        // Code checks run over the joined catalog and point into the second half with the file's lines.
        var edited = text.components(separatedBy: "\n")
        let at = try #require(edited.indices.reversed().first { edited[$0].hasPrefix("  <item ") })
        edited[at] = edited[at].replacingOccurrences(of: "implementationCode=\"11", with: "implementationCode=\"12")
        let warned = try expectSameResults(edited.joined(separator: "\n"), keepsHalves: true)
        #expect(warned.diagnostics.contains { $0.location?.line == at + 1 })
    }

    /// A comment or CDATA section around the middle holding `<item` lines: the cut lands inside it, the first half
    /// cannot end cleanly, and the file is parsed whole.
    @Test(arguments: ["comment", "cdata", "nested"])
    func aCutThatDoesNotFallBetweenItemsFallsBackToOnePass(kind: String) throws {
        let text = try Self.combinedSample()
        let lines = text.components(separatedBy: "\n")
        let decoy = String(repeating: "    <item basicCode=\"000000000000\" implementationCode=\"X\">\n", count: 4_000)
        // Insert before the item line nearest the middle, with enough decoy lines to cover the middle.
        let middle = lines.count / 2
        let at = try #require(lines[middle...].firstIndex { $0.hasPrefix("  <item ") })
        let insertion: String
        switch kind {
        case "comment": insertion = "  <!-- 已撤销的事项：\n" + decoy + "  -->"
        case "cdata":
            insertion = "  <note><![CDATA[\n" + decoy + "  ]]></note>"
        default:
            // A deeper element that itself holds <item> children: well-formed, but not a child of the root.
            insertion =
                "  <archive xmlns=\"urn:example:archive\">\n" + decoy.replacingOccurrences(of: "\">\n", with: "\"/>\n")
                + "  </archive>"
        }
        var edited = lines
        edited.insert(insertion, at: at)
        let result = try expectSameResults(edited.joined(separator: "\n"), name: "\(kind).xml", keepsHalves: false)
        #expect(result.catalog.items.count == 176)
        #expect(!result.diagnostics.containsErrors)
    }

    @Test func aSyntaxErrorInTheSecondHalfIsReportedAsOnePassReportsIt() throws {
        var lines = try Self.combinedSample().components(separatedBy: "\n")
        let at = try #require(lines.indices.reversed().first { lines[$0].contains("<name>") })
        lines[at] = lines[at].replacingOccurrences(of: "</name>", with: "</nme>")
        let result = try expectSameResults(lines.joined(separator: "\n"), keepsHalves: false)
        let error = try #require(result.diagnostics.first { $0.rule == "xml.syntax" })
        #expect(error.location?.line == at + 1)
    }

    /// A bad value is an error in a trusted load, so the file is parsed whole and the error is worded and placed
    /// as one pass does it.
    @Test func aBadValueInTheSecondHalfIsReportedAsOnePassReportsIt() throws {
        var lines = try Self.combinedSample().components(separatedBy: "\n")
        let at = try #require(lines.indices.reversed().first { lines[$0].contains("<visits count=") })
        lines[at] = lines[at].replacingOccurrences(of: #"<visits count=""#, with: #"<visits count="x"#)
        let result = try expectSameResults(lines.joined(separator: "\n"), keepsHalves: false)
        #expect(result.diagnostics.contains { $0.location?.line == at + 1 })
    }

    @Test func plansAreOnlyMadeForUTF8XML10WithoutADocumentType() throws {
        let text = try Self.combinedSample()
        let directory = try Fixtures.temporaryDirectory()
        func plan(_ variant: String) throws -> XMLSplitPlan? {
            XMLSplitPlan.make(path: try Fixtures.write(variant, to: "plan.xml", in: directory), child: "item")
        }
        #expect(try plan(text) != nil)
        #expect(try plan(text.replacingOccurrences(of: "encoding=\"UTF-8\"", with: "encoding=\"GB18030\"")) == nil)
        #expect(try plan(text.replacingOccurrences(of: "version=\"1.0\"", with: "version=\"1.1\"")) == nil)
        #expect(
            try plan(text.replacingOccurrences(of: "<!-- 云溪区", with: "<!DOCTYPE catalog>\n<!-- 云溪区")) == nil)
        #expect(try plan(String(text.prefix(2_000))) == nil)
        // A prefixed root: the children are looked for under the same prefix.
        let prefixed = text.replacingOccurrences(of: "<catalog xmlns=", with: "<c:catalog xmlns:c=")
            .replacingOccurrences(of: "</catalog>", with: "</c:catalog>")
            .replacingOccurrences(of: "  <item ", with: "  <c:item ")
        let prefixedPlan = try #require(try plan(prefixed))
        #expect(prefixedPlan.rootName == Array("c:catalog".utf8))
        #expect(prefixedPlan.first.pieces.last == .bytes(Array("</c:catalog>".utf8)))
    }
}
