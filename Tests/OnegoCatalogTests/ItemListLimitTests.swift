import Foundation
import OnegoBase
import OnegoCatalog
import OnegoTestSupport
import Testing

/// An item's lists are capped, so no list can make the pairwise audit checks run for minutes (20,000 materials in
/// one item did).
@Suite struct ItemListLimitTests {
    static func catalog(materials: Int) throws -> String {
        let extra = (0..<materials).map {
            "<material name=\"材料\($0)号\" type=\"1\" form=\"纸质\" necessity=\"必要\" source=\"10\" originals=\"1\"/>\n"
        }.joined()
        return try Fixtures.variant(of: "minimal.xml", [("<materials>", "<materials>\n" + extra)])
    }

    @Test(arguments: [true, false])
    func aThousandAndOneMaterialsStopTheFileAtTheMaterial(validating: Bool) throws {
        let loader =
            validating
            ? try CatalogLoader.validating(schemaPath: Fixtures.path("Schemas/catalog.xsd"))
            : CatalogLoader(schema: nil)
        let path = try Self.catalog(materials: 996)
        let result = loader.load(paths: [path])
        let problem = try #require(result.diagnostics.first { $0.rule == "catalog.limit.list" })
        #expect(problem.location == SourceLocation(file: path, line: 1025, column: 7))
        #expect(problem.message.contains("申请材料超过 1000 条上限"))
    }

    @Test func aThousandMaterialsLoad() throws {
        let result = CatalogLoader(schema: nil).load(paths: [try Self.catalog(materials: 995)])
        #expect(result.diagnostics.allSatisfy { $0.rule != "catalog.limit.list" })
        #expect(result.catalog.items.first?.materials.count == 1000)
    }
}
