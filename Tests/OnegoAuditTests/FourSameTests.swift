import OnegoAudit
import OnegoBase
import Testing

@testable import OnegoCatalog

/// 四级四同: implementations of one basic code in several regions share name, type and legal basis.
@Suite struct FourSameTests {
    static let licensing = LegalProvision(law: "《中华人民共和国食品安全法》", article: "第三十五条")

    static func item(
        region: String, credit: String, name: String = "食品经营许可", type: String = "01",
        basis: [LegalProvision] = [licensing]
    ) -> ServiceItem {
        ServiceItem(
            codes: ItemCodes(basic: "000117004000", implementation: credit + "4000117004000"), name: name,
            type: ItemType(rawValue: type), region: RegionCode(region), department: "市场监督管理局", legalBasis: basis)
    }

    @Test func differingImplementationsAcrossRegionsAreFound() {
        let catalog = Catalog(items: [
            Self.item(region: "440106", credit: "11440106MB2D03322"),
            Self.item(region: "440104", credit: "11440104MB2D03322"),
            Self.item(region: "445202", credit: "11445202MB2D03322", name: "食品经营许可证核发", type: "10", basis: []),
        ])
        let findings = Auditor().findings(in: catalog).filter { $0.rule == "consistency.four-same" }
        #expect(findings.count == 1)
        let message = findings.first?.message ?? ""
        #expect(message.contains("445202"))
        #expect(message.contains("名称“食品经营许可证核发”"))
        #expect(message.contains("事项类型10与01不同"))
        #expect(message.contains("设定依据（无）"))
    }

    @Test func oneRegionIsNotCompared() {
        let catalog = Catalog(items: [
            Self.item(region: "440106", credit: "11440106MB2D03322"),
            Self.item(region: "440106", credit: "11440106MB2D03323", name: "食品经营许可（变更）"),
        ])
        #expect(!Auditor().findings(in: catalog).contains { $0.rule == "consistency.four-same" })
    }

    @Test func materialsAndPromisesAreComparedPerBasicCode() {
        var tianhe = Self.item(region: "440106", credit: "11440106MB2D03322")
        tianhe.materials = (1...3).map { Material(name: "材料\($0)") }
        tianhe.promisedLimit = TimeLimit(7, .workingDays)
        var rongcheng = Self.item(region: "445202", credit: "11445202MB2D03322")
        rongcheng.materials = (1...8).map { Material(name: "材料\($0)") }
        rongcheng.promisedLimit = nil
        let variations = RegionalVariation.compute(Catalog(items: [tianhe, rongcheng]))
        #expect(variations.count == 1)
        #expect(variations.first?.fewestMaterials == 3)
        #expect(variations.first?.mostMaterials == 8)
        #expect(variations.first?.promisedLimits == ["7个工作日", "未公布"])
        #expect(variations.first?.implementations.map(\.region) == ["440106", "445202"])
    }

    @Test func anInstantLimitIsPrintedAsInstantNeverAsZeroDays() {
        var tianhe = Self.item(region: "440106", credit: "11440106MB2D03322")
        tianhe.promisedLimit = TimeLimit(0, .workingDays)
        var rongcheng = Self.item(region: "445202", credit: "11445202MB2D03322")
        rongcheng.promisedLimit = TimeLimit(3, .workingDays)
        let variations = RegionalVariation.compute(Catalog(items: [tianhe, rongcheng]))
        #expect(variations.first?.promisedLimits == ["即办", "3个工作日"])
    }
}

/// What differs besides materials and limits: 名称, 事项类型, 设定依据 against the first region.
@Suite struct RegionalVariationFactsTests {
    @Test func nameTypeAndBasisDifferencesAreNamedEvenWithEqualMaterials() {
        let variations = RegionalVariation.compute(
            Catalog(items: [
                FourSameTests.item(region: "440106", credit: "11440106MB2D03322"),
                FourSameTests.item(
                    region: "445202", credit: "11445202MB2D03322", name: "食品经营许可证核发", type: "10", basis: []),
            ]))
        #expect(variations.count == 1)
        #expect(variations.first?.differingFacts == ["名称", "事项类型", "设定依据"])
        #expect(variations.first?.implementations.map(\.type) == ["01", "10"])
        #expect(variations.first?.implementations.first?.laws == ["《中华人民共和国食品安全法》"])
    }

    @Test func identicalImplementationsAreNotListed() {
        let catalog = Catalog(items: [
            FourSameTests.item(region: "440106", credit: "11440106MB2D03322"),
            FourSameTests.item(region: "445202", credit: "11445202MB2D03322"),
        ])
        #expect(RegionalVariation.compute(catalog).isEmpty)
    }

    /// The audit groups the implementations across regions once for the rule and the regional variation: both
    /// must equal what each works out alone.
    @Test func theAuditGroupsOnceForTheRuleAndTheVariation() throws {
        var items: [ServiceItem] = []
        for (offset, basic) in ["000117004000", "000117005000", "000117006000"].enumerated() {
            for (place, region) in ["440106", "440104", "445202"].enumerated() {
                var item = FourSameTests.item(
                    region: region, credit: "11\(region)MB2D0332\(offset)",
                    name: place == 2 ? "食品经营许可\(offset)" : "食品经营许可")
                item.codes.basic = basic
                item.codes.implementation = "11\(region)MB2D0332\(offset)4\(basic)"
                item.materials = (0...(place + offset)).map { Material(name: "材料\($0)") }
                items.append(item)
            }
        }
        let catalog = Catalog(items: items)
        let load = CatalogLoadResult(catalog: catalog, diagnostics: [], skippedDocuments: [])
        let report = Auditor().audit(load, today: try #require(CalendarDay(iso: "2026-11-30")))
        let expected = RegionalVariation.compute(catalog)
        #expect(expected.count == 3)
        #expect(report.regionalVariation == expected)
        let rule = Auditor().findings(in: catalog).filter { $0.rule == "consistency.four-same" }
        #expect(rule.count == 3)
        #expect(report.findings.filter { $0.rule == "consistency.four-same" } == rule.sortedForReport())
    }
}
