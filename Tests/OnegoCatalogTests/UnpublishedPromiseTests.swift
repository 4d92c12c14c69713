import Foundation
import OnegoBase
import OnegoCatalog
import OnegoTestSupport
import Testing

/// 承诺办结时限 未公布 (catalog schema 1.1): written as `state="未公布"`, read back as `nil`, never as 0.
@Suite struct UnpublishedPromiseTests {
    static let item = ServiceItem(
        codes: ItemCodes(basic: "000117012000", implementation: "11440000006939795C2000117012000"),
        name: "建筑业企业资质核准（延续）", region: RegionCode("440000"), department: "广东省住房和城乡建设厅",
        implementingBody: ImplementingBody(name: "广东省住房和城乡建设厅", creditCode: CreditCode("11440000006939795C")),
        serviceObjects: [.enterprise], statutoryLimit: TimeLimit(20, .workingDays), promisedLimit: nil,
        contact: Contact(address: "无线下窗口", hours: "未公布", phone: "020-83133125", complaintPhone: "12345"))

    private func load(_ text: String) throws -> CatalogLoadResult {
        let loader = try CatalogLoader.validating(schemaPath: Fixtures.path("Schemas/catalog.xsd"))
        return loader.load(bytes: Array(text.utf8), name: "gd.xml")
    }

    @Test func unpublishedPromiseRoundTripsAsAnExplicitState() throws {
        #expect(Self.item.promisedLimitState == .notPublished)
        let text = CatalogWriter().document([Self.item])
        #expect(text.contains("<promisedLimit state=\"未公布\"/>"))
        #expect(text.contains("schemaVersion=\"1.1\""))
        let loaded = try load(text)
        #expect(!loaded.diagnostics.containsErrors, "\(loaded.diagnostics)")
        let back = try #require(loaded.catalog.items.first)
        #expect(back.promisedLimit == nil)
        #expect(back.promisedLimitState == .notPublished)
        #expect(back.statutoryLimit == Self.item.statutoryLimit)
        #expect(back.contact == Self.item.contact)
    }

    @Test func aStateWithAValueOrNeitherIsAnError() throws {
        let text = CatalogWriter().document([Self.item])
        for replacement in ["<promisedLimit state=\"未公布\" value=\"5\" unit=\"工作日\"/>", "<promisedLimit/>"] {
            let loaded = try load(text.replacingOccurrences(of: "<promisedLimit state=\"未公布\"/>", with: replacement))
            #expect(
                loaded.diagnostics.contains { $0.severity == .error && $0.message.contains("promisedLimit") },
                "\(replacement)")
        }
    }
}
