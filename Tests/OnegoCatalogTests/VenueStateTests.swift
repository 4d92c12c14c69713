import Foundation
import OnegoBase
import OnegoCatalog
import OnegoTestSupport
import OnegoXML
import Testing

/// 办理地点 / 办理时间 absent with a reason (catalog schema 1.1): `addressState="无线下窗口"`, `hoursState="未公布"`.
@Suite struct VenueStateTests {
    static let item = ServiceItem(
        codes: ItemCodes(basic: "000117012000", implementation: "11440000006939795C2000117012000"),
        name: "二级建造师执业资格注册", region: RegionCode("440000"), department: "广东省住房和城乡建设厅",
        implementingBody: ImplementingBody(name: "广东省住房和城乡建设厅", creditCode: CreditCode("11440000006939795C")),
        serviceObjects: [.naturalPerson], statutoryLimit: TimeLimit(20, .workingDays),
        promisedLimit: TimeLimit(10, .workingDays), handlingForms: [.online],
        contact: Contact(
            phone: "020-83133125", complaintPhone: "12345", addressState: .noWindow, hoursState: .notPublished))

    private func load(_ text: String) throws -> CatalogLoadResult {
        let loader = try CatalogLoader.validating(schemaPath: Fixtures.path("Schemas/catalog.xsd"))
        return loader.load(bytes: Array(text.utf8), name: "gd.xml")
    }

    @Test func statesRoundTripAndPrintAsTheirNames() throws {
        let text = CatalogWriter().document([Self.item])
        #expect(text.contains("addressState=\"无线下窗口\" hoursState=\"未公布\""))
        #expect(!text.contains("address=\""))
        let loaded = try load(text)
        #expect(!loaded.diagnostics.containsErrors, "\(loaded.diagnostics)")
        let back = try #require(loaded.catalog.items.first)
        #expect(back.contact == Self.item.contact)
        #expect(back.contact.address.isEmpty)
        #expect(back.contact.addressText == "无线下窗口")
        #expect(back.contact.hoursText == "未公布")
    }

    @Test func aStateNameWrittenAsTextIsTheState() {
        // Catalogs imported before 1.1 carry the state as text; it keeps its meaning.
        let contact = Contact(address: "无线下窗口", hours: "周一至周五 9:00-17:00")
        #expect(contact.addressState == .noWindow)
        #expect(contact.address.isEmpty)
        #expect(contact.hoursState == nil)
        #expect(contact.hoursText == "周一至周五 9:00-17:00")
    }

    @Test func bothOrNeitherIsAnErrorAtTheContactElement() throws {
        let text = CatalogWriter().document([Self.item])
        let line = text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("<contact") }
        for (old, new) in [
            ("addressState=\"无线下窗口\"", "address=\"天河区政务服务中心\" addressState=\"无线下窗口\""),
            ("hoursState=\"未公布\"", ""),
        ] {
            let loaded = try load(text.replacingOccurrences(of: old, with: new))
            let error = try #require(
                loaded.diagnostics.first { $0.severity == .error && $0.message.contains("<contact>") })
            #expect(error.location?.line == (line ?? -1) + 1, "\(error)")
        }
    }

    @Test func aVersionOneContactStillLoads() throws {
        var item = Self.item
        item.contact = Contact(address: "广州市天河区天河北路 28 号", hours: "工作日 9:00-12:00，13:00-17:00")
        item.contact.phone = "020-83133125"
        item.contact.complaintPhone = "12345"
        let text = CatalogWriter().document([item]).replacingOccurrences(
            of: "schemaVersion=\"1.1\"", with: "schemaVersion=\"1.0\"")
        let loaded = try load(text)
        #expect(!loaded.diagnostics.containsErrors, "\(loaded.diagnostics)")
        #expect(loaded.catalog.items.first?.contact == item.contact)
    }
}
