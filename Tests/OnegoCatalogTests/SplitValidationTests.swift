import Foundation
import OnegoBase
import OnegoCatalog
import OnegoTestSupport
import Testing

/// Validating a large file on two threads (a validating pass beside a model-building pass) must give exactly what
/// one validating pass gives: the same items and the same diagnostics at the same places.
@Suite struct SplitValidationTests {
    static let fixtures: [String] = ["minimal.xml", "audit/district.xml", "matters/items.xml"]
    static let hostile: [String] = [
        "billion-laughs.xml", "binary.xml", "deep-nesting.xml", "empty.xml", "gb18030-declared.xml",
        "gb18030-mislabelled.xml", "invalid-utf8.xml", "no-namespace.xml", "parameter-entity.xml", "truncated.xml",
        "undeclared-entity.xml", "unknown-encoding.xml", "utf16-bom.xml", "utf8-bom.xml", "wrong-namespace.xml",
        "wrong-root.xml", "xxe-file.xml", "xxe-http.xml",
    ]

    static var files: [String] {
        let sample = (try? FileManager.default.contentsOfDirectory(atPath: Fixtures.sampleItems)) ?? []
        let samplePaths: [String] = sample.sorted().map { Fixtures.sampleItems + "/" + $0 }
        let fixturePaths: [String] = fixtures.map { Fixtures.fixture($0) }
        let hostilePaths: [String] = hostile.map { Fixtures.fixture("hostile/" + $0) }
        return fixturePaths + hostilePaths + samplePaths
    }

    @Test(arguments: files)
    func twoThreadsGiveWhatOnePassGives(path: String) throws {
        try expectSameResults(path)
    }

    @Test func schemaValueAndCodeErrorsComeOutTheSame() throws {
        let path = try Fixtures.variant(
            of: "minimal.xml",
            [
                ("<visits count=\"0\"/>", "<visits count=\"-1\"/>"),
                ("<promisedLimit value=\"0.5\"", "<promisedLimit value=\"9\""),
                ("<handlingForm>", "<handlingForm>不存在的形式</handlingForm><handlingForm>"),
            ])
        let one = try expectSameResults(path)
        #expect(one.diagnostics.contains { $0.rule == "xml.schema" })
        #expect(one.diagnostics.contains { $0.rule == "catalog.promise-exceeds-statutory" })
    }

    @Test func aMatterInAFolderIsSkippedEitherWay() throws {
        let directory = try Fixtures.temporaryDirectory()
        let matter = try String(contentsOfFile: Fixtures.fixture("matters/qykb.xml"), encoding: .utf8)
        _ = try Fixtures.write(matter, to: "qykb.xml", in: directory)
        var loader = try CatalogLoader.validating(schemaPath: Fixtures.path("Schemas/catalog.xsd"))
        loader.threads = 2
        loader.minimumSplitBytes = 0
        let result = loader.load(paths: [directory])
        #expect(result.skippedDocuments.count == 1)
        #expect(!result.diagnostics.contains { $0.rule == "xml.schema" })
    }

    @discardableResult
    func expectSameResults(_ path: String) throws -> CatalogLoadResult {
        var loader = try CatalogLoader.validating(schemaPath: Fixtures.path("Schemas/catalog.xsd"))
        loader.threads = 1
        let one = loader.load(paths: [path])
        loader.threads = 2
        loader.minimumSplitBytes = 0
        let two = loader.load(paths: [path])
        #expect(two.catalog.items == one.catalog.items, "\(path)")
        #expect(two.diagnostics.map(\.description) == one.diagnostics.map(\.description), "\(path)")
        #expect(two.diagnostics.map(\.severity) == one.diagnostics.map(\.severity), "\(path)")
        return one
    }
}
