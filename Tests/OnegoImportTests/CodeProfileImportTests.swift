import Foundation
import OnegoBase
import OnegoCatalog
import OnegoImport
import OnegoTestSupport
import OnegoXML
import Testing

/// `--code-profile` on import: Sichuan-shaped codes (基本编码-区划-000-USCC-1-00) are read and checked by the
/// Sichuan layout; the national layout cannot read them.
@Suite struct CodeProfileImportTests {
    static let code = "511A0138000000-511602000000-000-11511602MB15327088-1-00"

    /// A portal record of a Guangan district item without 基本编码 or USCC of its own.
    static func source() throws -> String {
        let record: [String: Any] = [
            "TASK_CODE": code, "TASK_NAME": "企业设立登记", "TASK_TYPE": "1", "TASK_TYPE_TEXT": "行政许可",
            "DEPT_NAME": "广安市广安区行政审批局", "AREACODE": "511602", "AREA_CODE_TEXT": "广安区", "LIMIT_SCENE_NUM": 0,
            "ONLINECHECK": "1", "URL": "https://www.sczwfw.gov.cn/", "handle_time": "3(工作日)",
            "handle_time_limit": "1(工作日)", "matter_level": "区级", "consult_phone": "0826-2345678",
            "complain_phone": "12345", "handle_location": "办理地点：广安区政务服务中心二楼", "accept_standard": "已完成名称自主申报",
            "service_object_name": ["企业法人"], "material_intro": ["公司登记（备案）申请书", "公司章程"],
        ]
        let path = try Fixtures.temporaryDirectory() + "/sichuan.json"
        try JSONSerialization.data(withJSONObject: [record]).write(to: URL(fileURLWithPath: path))
        return path
    }

    static func importer(_ profile: String) throws -> CatalogImporter {
        var importer = try ImportTestSupport.importer("gdzwfw")
        importer.codeProfile = try CodeProfile.load(path: Fixtures.path("Catalogs/code-profiles/\(profile).xml"))
        return importer
    }

    @Test func sichuanLayoutReadsTheBasicCodeAndCreditCodeOutOfTheCode() throws {
        let result = try Self.importer("sichuan").read(sources: [try Self.source()], loader: ImportTestSupport.loader())
        #expect(result.report.rejected == 0, "\(result.report.diagnostics.map(\.description))")
        let item = try #require(result.items.first)
        #expect(item.codes.implementation == Self.code)
        #expect(item.codes.basic == "511A0138000000")
        #expect(item.implementingBody.creditCode.rawValue == "11511602MB15327088")
        #expect(!result.report.diagnostics.contains { $0.rule.hasPrefix("import.check.catalog.") })
        #expect(
            result.report.diagnostics.contains {
                $0.field == "basicCode" && $0.rule == "import.value.derived" && $0.message.contains("sichuan")
            })
    }

    @Test func nationalLayoutCannotReadThemAndSaysWhy() throws {
        let result = try Self.importer("national").read(
            sources: [try Self.source()], loader: ImportTestSupport.loader())
        #expect(result.report.rejected == 1)
        #expect(
            result.report.diagnostics.contains {
                $0.row == 1 && $0.rule == "import.row.rejected" && $0.message.contains("基本编码")
            })
    }

    @Test func aCodeNotInTheLayoutIsReportedOnItsRow() throws {
        let path = try Self.source()
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try text.replacingOccurrences(of: "-1-00", with: "-9-99").write(toFile: path, atomically: true, encoding: .utf8)
        let result = try Self.importer("sichuan").read(sources: [path], loader: ImportTestSupport.loader())
        #expect(
            result.report.diagnostics.contains {
                $0.row == 1 && $0.rule == "import.value.layout" && $0.message.contains("不符合编码规则“sichuan”")
            })
    }

    @Test func layoutFieldsAreReadPartByPart() throws {
        let profile = try CodeProfile.load(path: Fixtures.path("Catalogs/code-profiles/sichuan.xml"))
        let fields = profile.implementationLayout.fields(
            of: "511A0138000000-511602000000-000-115113010833722043-1-00", basicCodeLengths: profile.basicCodeLengths)
        #expect(fields?.basicCode == "511A0138000000")
        #expect(fields?.region == "511602000000")
        #expect(fields?.creditCode == "115113010833722043")
        #expect(CodeLayout.national.fields(of: "11440106MB2D0332254000117004000", basicCodeLengths: [12])?.level == "4")
        #expect(CodeLayout.national.fields(of: "11440106MB2D033225400011700400", basicCodeLengths: [12]) == nil)
    }
}
