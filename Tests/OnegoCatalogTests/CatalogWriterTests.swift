import Foundation
import OnegoBase
import OnegoCatalog
import OnegoTestSupport
import Testing

@Suite struct CatalogWriterTests {
    func withoutLocations(_ items: [ServiceItem]) -> [ServiceItem] {
        items.map { item in
            var copy = item
            copy.location = OnegoBase.SourceLocation(file: "", line: 0, column: 0)
            copy.materials = copy.materials.map { material in
                var m = material
                m.location = copy.location
                return m
            }
            return copy
        }
    }

    @Test func writtenCatalogLoadsBackToEqualItems() throws {
        let loader = try CatalogLoader.validating(schemaPath: Fixtures.path("Schemas/catalog.xsd"))
        let original = loader.load(paths: [Fixtures.fixture("minimal.xml")])
        var items = original.catalog.items
        // Text that needs escaping survives the round trip.
        items[0].name = "企业设立登记 <script>alert(1)</script> & \"引号\""
        items[0].materials[0].note = "第一行\n第二行"
        let xml = CatalogWriter(title: "往返测试", region: "440188").document(items)
        let path = try Fixtures.write(xml, to: "roundtrip.xml", in: Fixtures.temporaryDirectory())
        let reloaded = loader.load(paths: [path])
        #expect(reloaded.diagnostics.isEmpty)
        #expect(
            withoutLocations(reloaded.catalog.items)
                == withoutLocations(items).map { item in
                    var copy = item
                    // Element text is whitespace-collapsed on load.
                    copy.materials[0].note = "第一行 第二行"
                    return copy
                })
        #expect(reloaded.catalog.files.first?.title == "往返测试")
    }
}
