import Foundation
import OnegoBase
import OnegoCatalog
import OnegoTestSupport
import Testing

/// Replays every input the fuzzer ever kept (crashes fixed since) and the hostile fixtures through the validating
/// loader: each must come back with a located diagnostic, never a crash.
@Suite struct HostileCorpusTests {
    static let corpus: [String] = {
        let directory = Fixtures.path("Tests/Fuzz/Corpus/loader")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.sorted().map { directory + "/" + $0 }
    }()

    @Test func corpusIsNotEmpty() {
        #expect(!Self.corpus.isEmpty)
    }

    @Test(arguments: corpus)
    func keptFuzzerInputsFailCleanly(_ path: String) throws {
        let loader = try CatalogLoader.validating(schemaPath: Fixtures.path("Schemas/catalog.xsd"))
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        let result = loader.load(bytes: bytes, name: "input.xml")
        let first = try #require(result.diagnostics.first)
        #expect(first.severity == .error)
        #expect(first.location?.file == "input.xml")
        #expect((first.location?.line ?? 0) > 0)
    }
}
