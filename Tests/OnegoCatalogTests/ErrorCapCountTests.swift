import Foundation
import OnegoBase
import OnegoCatalog
import OnegoTestSupport
import Testing

/// Past the per-file message cap the loader still reads, checks and counts every item, and says how many messages
/// it did not list (a Sichuan district set of 1,135 items used to stop at 885).
@Suite struct ErrorCapCountTests {
    @Test func everyItemIsCountedPastTheCap() throws {
        let items = (0..<300).map { index in
            ServiceItem(
                codes: ItemCodes(
                    basic: "000117004000", implementation: "11440106MB2D0332254000117004000",
                    handling: "11440106MB2D0332254000117004" + String(format: "%03d", index)),
                name: "食品经营许可（\(index)）", region: RegionCode("440106"), department: "广州市天河区市场监督管理局",
                implementingBody: ImplementingBody(name: "广州市天河区市场监督管理局", creditCode: CreditCode("11440106MB2D033225")),
                serviceObjects: [.legalPerson], promisedLimit: TimeLimit(7, .workingDays),
                contact: Contact(
                    address: "天河区政务服务中心", hours: "工作日 9:00-17:00", phone: "020-38356454", complaintPhone: "12345"))
        }
        // Every item's visits count is not a number: one schema error per item, 300 in one file.
        let text = CatalogWriter().document(items).replacingOccurrences(
            of: "<visits count=\"1\"/>", with: "<visits count=\"一\"/>")
        let loader = try CatalogLoader.validating(schemaPath: Fixtures.path("Schemas/catalog.xsd"))
        let loaded = loader.load(bytes: Array(text.utf8), name: "tianhe.xml")
        #expect(loaded.catalog.items.count == 300)
        let summary = try #require(loaded.diagnostics.first { $0.rule == "xml.too-many-errors" })
        #expect(summary.message.contains("只列出前 200 条"))
        #expect(summary.message.contains("另有"))
        #expect(loaded.diagnostics.containsErrors)
    }
}
