import OnegoBase
import OnegoCatalog
import OnegoTestSupport
import Testing

@Suite struct CodeProfileTests {
    private func shipped(_ name: String) throws -> CodeProfile {
        try CodeProfile.load(
            path: Fixtures.path("Catalogs/code-profiles/\(name).xml"),
            schemaPath: Fixtures.path("Schemas/code-profile.xsd"))
    }

    @Test func sichuanLayoutBuildsTheProvincialCode() throws {
        let profile = try shipped("sichuan")
        #expect(profile.basicCodeLengths == [14])
        let code = profile.implementationLayout.code(
            creditCode: CreditCode("115113010833722043"), level: .county, basic: "511A0138000000",
            region: RegionCode("511602"))
        #expect(code == "511A0138000000-511602000000-000-115113010833722043-1-00")
        #expect(profile.implementationLayout.description == "基本编码-区划(12位)-000-统一社会信用代码-1-00")
    }

    @Test func nationalAndGuangdongKeepTheNationalLayout() throws {
        #expect(try shipped("national").implementationLayout == .national)
        let guangdong = try shipped("guangdong")
        #expect(guangdong.implementationLayout == .national)
        #expect(guangdong.label(of: ItemType(rawValue: "20")) == "其他行政权力")
        #expect(guangdong.label(of: ItemType(rawValue: "21")) == "公共服务")
        #expect(CodeProfile.national.label(of: ItemType(rawValue: "20")) == "公共服务")
    }
}
