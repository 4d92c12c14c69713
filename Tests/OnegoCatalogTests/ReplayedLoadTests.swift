import Foundation
import OnegoBase
import OnegoCatalog
import OnegoTestSupport
import OnegoXML
import Testing

/// The catalog loader with libxml2's events replayed after each chunk (the default when validating) against events handed on from
/// inside libxml2's callbacks: the same items (with every file:line:column), files, skipped documents and
/// diagnostics, on the sample catalog, on mutated files and on a file of several chunks, trusted and validated, on
/// one thread and split over two.
@Suite struct ReplayedLoadTests {
    struct Outcome: Equatable {
        var items: [ServiceItem]
        var files: [CatalogFile]
        var skipped: [SkippedDocument]
        var diagnostics: [Diagnostic]

        init(_ result: CatalogLoadResult) {
            items = result.catalog.items
            files = result.catalog.files
            skipped = result.skippedDocuments
            diagnostics = result.diagnostics
        }
    }

    static func loaders(threads: Int = 1, splitting: Bool = false) throws -> [(CatalogLoader, CatalogLoader)] {
        try [nil, XMLSchema(contentsOf: Fixtures.path("Schemas/catalog.xsd"))].map { schema in
            var replayed = CatalogLoader(schema: schema, threads: threads)
            if splitting { replayed.minimumSplitBytes = 1 }
            #expect(replayed.eventDispatch == .automatic)
            replayed.eventDispatch = .replayed
            var direct = replayed
            direct.eventDispatch = .direct
            return (direct, replayed)
        }
    }

    @Test func sampleCatalogLoadsTheSame() throws {
        for (direct, replayed) in try Self.loaders() {
            let expected = Outcome(direct.load(paths: [Fixtures.sampleItems]))
            #expect(expected.items.count > 50)
            #expect(Outcome(replayed.load(paths: [Fixtures.sampleItems])) == expected)
        }
    }

    /// Deleted ranges, flipped bytes, stray `<` and `&`, duplicated lines and truncations of a sample file: whatever
    /// the loader makes of each, both dispatches make the same.
    @Test func mutatedFilesLoadTheSame() throws {
        let original = try [UInt8](Data(contentsOf: URL(fileURLWithPath: Fixtures.sampleItems + "/health.xml")))
        var random = SplitMix64(seed: 17)
        let pairs = try Self.loaders()
        var failing = 0
        for round in 0..<60 {
            var bytes = original
            for _ in 0..<(1 + round % 3) {
                let at = Int.random(in: 0..<bytes.count, using: &random)
                switch round % 6 {
                case 0: bytes.removeSubrange(at..<min(bytes.count, at + Int.random(in: 1...40, using: &random)))
                case 1: bytes[at] ^= UInt8.random(in: 1...255, using: &random)
                case 2: bytes.insert(UInt8(ascii: "<"), at: at)
                case 3: bytes.insert(UInt8(ascii: "&"), at: at)
                case 4:
                    let end = bytes[at...].firstIndex(of: 0x0A) ?? bytes.count
                    bytes.insert(contentsOf: bytes[at..<end], at: end)
                default: bytes.removeSubrange(at...)
                }
                if bytes.isEmpty { bytes = original }
            }
            for (direct, replayed) in pairs {
                let expected = Outcome(direct.load(bytes: bytes, name: "mutated.xml"))
                if expected.diagnostics.containsErrors { failing += 1 }
                #expect(Outcome(replayed.load(bytes: bytes, name: "mutated.xml")) == expected, "round \(round)")
            }
        }
        #expect(failing > 60)
    }

    /// A file of several read chunks (256 KiB each) with bad values late in it, on one thread, and split over two
    /// (trusted halves; validation beside the model pass).
    @Test(arguments: [false, true])
    func largeFileLoadsTheSame(splitting: Bool) throws {
        let text = try String(contentsOfFile: Fixtures.sampleItems + "/health.xml", encoding: .utf8)
        let head = try #require(text.range(of: "<item "))
        let tail = try #require(text.range(of: "</catalog>", options: .backwards))
        let items = String(text[head.lowerBound..<tail.lowerBound])
        var body = String(repeating: items, count: 80)
        body += items.replacingOccurrences(of: "<visits count=\"", with: "<visits count=\"x")
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let whole = String(text[..<head.lowerBound]) + body + String(text[tail.lowerBound...])
        let lines = whole.utf8.count { $0 == 0x0A }
        let path = try Fixtures.write(whole, to: "large.xml", in: directory)
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int ?? 0 > 3 << 18)
        for (direct, replayed) in try Self.loaders(threads: splitting ? 2 : 1, splitting: splitting) {
            let expected = Outcome(direct.load(paths: [path]))
            #expect(expected.items.count > 1_000)
            #expect(expected.diagnostics.contains { $0.location?.line ?? 0 > lines * 9 / 10 })
            #expect(Outcome(replayed.load(paths: [path])) == expected)
        }
    }
}
