import OnegoAudit
import OnegoBase
import OnegoCatalog
import OnegoTestSupport
import Testing

/// Materials that arrive with only a name say 未注明 (schema 1.1): rules that need the facts skip them with one
/// note per item, and the material-based rates do not count them.
@Suite struct UnspecifiedMaterialTests {
    private let edit = (
        "<material name=\"食品安全管理制度文本\" type=\"3\" form=\"纸质\" necessity=\"容缺后补\" source=\"10\" originals=\"1\" supplyDays=\"5\"/>",
        "<material name=\"食品安全管理制度文本\" type=\"0\" form=\"未注明\" necessity=\"未注明\" source=\"0\"/>"
    )

    @Test func oneNotePerItemAndNoGuessedFindings() throws {
        let path = try Fixtures.variant(of: AuditFixture.district, [edit])
        let findings = try AuditFixture.findings(path)
        let notes = findings.filter { $0.rule == "materials.unspecified" }
        #expect(notes.count == 1)
        #expect(notes.first?.severity == .note)
        #expect(notes.first?.message.contains("1 条材料未注明") == true)
        #expect(!findings.contains { $0.rule == "materials.no-count" && $0.message.contains("食品安全管理制度文本") })
    }

    @Test func nameOnlyMaterialsLoadAsUnspecified() throws {
        let path = try Fixtures.variant(of: AuditFixture.district, [edit])
        let catalog = try AuditFixture.load(path).catalog
        let material = try #require(catalog.items.lazy.flatMap(\.materials).first { $0.name == "食品安全管理制度文本" })
        #expect(material.isNameOnly)
        #expect(!material.allowsLaterSupply && !material.isGovernmentIssued && !material.isPaperOnly)
    }
}
