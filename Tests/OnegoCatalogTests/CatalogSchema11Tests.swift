import OnegoBase
import OnegoCatalog
import OnegoTestSupport
import Testing

@Suite struct CatalogSchema11Tests {
    private func item(details: PublishedDetails, objects: [ServiceObject]) -> ServiceItem {
        ServiceItem(
            codes: ItemCodes(basic: "000117004000", implementation: "11440106MB2D0332254000117004000"),
            name: "食品经营许可（新办）", region: RegionCode("440106"), department: "广州市天河区市场监督管理局",
            implementingBody: ImplementingBody(name: "广州市天河区市场监督管理局", creditCode: CreditCode("11440106MB2D033225")),
            serviceObjects: objects, promisedLimit: TimeLimit(7, .workingDays),
            contact: Contact(address: "天河区政务服务中心", hours: "未公布", phone: "020-38356454-1", complaintPhone: "12345"),
            details: details)
    }

    @Test func detailsAndNationalCategoriesRoundTripThroughSchema11() throws {
        let details = PublishedDetails(
            levels: [.provincial, .municipal, .county],
            jointDepartments: [JointDepartment(name: "省级司法", role: "审核,决定"), JointDepartment(name: "市级司法")],
            aliases: ["办餐饮许可证"], keywords: ["餐饮", "食品"], appointmentURL: "https://www.gdzwfw.gov.cn/booking")
        let original = item(details: details, objects: [.enterprise, .unincorporatedEnterprise, .individualBusiness])
        let text = CatalogWriter().document([original])
        #expect(text.contains("schemaVersion=\"1.1\""))
        let loader = try CatalogLoader.validating(schemaPath: Fixtures.path("Schemas/catalog.xsd"))
        let loaded = loader.load(bytes: Array(text.utf8), name: "gd.xml")
        #expect(!loaded.diagnostics.containsErrors, "\(loaded.diagnostics)")
        let back = try #require(loaded.catalog.items.first)
        #expect(back.details == details)
        #expect(back.serviceObjects == [.enterprise, .unincorporatedEnterprise, .individualBusiness])
        #expect(back.serviceObjects.first?.isLegalPerson == true)
    }

    @Test func schema10ItemsStayVersion10() {
        let text = CatalogWriter().document([item(details: PublishedDetails(), objects: [.legalPerson])])
        #expect(text.contains("schemaVersion=\"1.0\""))
        #expect(!text.contains("<levels>"))
    }

    @Test func jointDepartmentsParseAsPublished() {
        #expect(
            JointDepartment.parseList("省级司法（审核,决定）、市级司法（受理,审核）")
                == [JointDepartment(name: "省级司法", role: "审核,决定"), JointDepartment(name: "市级司法", role: "受理,审核")])
    }
}
