import OnegoAudit
import OnegoBase
import OnegoCatalog
import OnegoComposer
import Testing

/// The audit's near-duplicate rule reads the synonym table as data: two names the table maps to one document are
/// reported, whatever their spelling.
@Suite struct SynonymNearDuplicateTests {
    @Test func namesTheSynonymTableJoinsAreNearDuplicates() {
        let item = ServiceItem(
            codes: ItemCodes(basic: "000101001000", implementation: "X", handling: "X001"), name: "测试事项",
            materials: [Material(name: "居民身份证"), Material(name: "有效身份证件")])
        let table = SynonymTable(groups: [(preferred: "居民身份证", variants: ["有效身份证件"])])
        let with = Auditor(settings: AuditSettings(synonyms: table)).findings(in: Catalog(items: [item]))
        let without = Auditor().findings(in: Catalog(items: [item]))
        #expect(with.contains { $0.rule == "materials.near-duplicate-name" })
        #expect(!without.contains { $0.rule == "materials.near-duplicate-name" })
    }
}
