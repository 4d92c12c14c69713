import Foundation
import OnegoAudit
import OnegoCatalog
import OnegoExport
import OnegoTestSupport
import OnegoXML
import Testing

/// The 四级四同 section of the HTML audit: one row per region's implementation, differences marked, text escaped.
@Suite struct AuditFourSameSectionTests {
    static func item(
        region: String, credit: String, name: String, materials: Int, promised: TimeLimit?, type: String = "01"
    ) -> ServiceItem {
        var item = ServiceItem(
            codes: ItemCodes(basic: "000117004000", implementation: credit + "4000117004000"), name: name,
            type: ItemType(rawValue: type), region: RegionCode(region), department: "市场监督管理局",
            legalBasis: [LegalProvision(law: "《中华人民共和国食品安全法》", article: "第三十五条")])
        item.materials = (1...materials).map { Material(name: "材料\($0)") }
        item.promisedLimit = promised
        return item
    }

    static func audit(_ catalog: Catalog) throws -> AuditReport {
        let text = CatalogWriter().document(catalog.items)
        let load = CatalogLoader(schema: nil).load(bytes: Array(text.utf8), name: "four-same.xml")
        return Auditor().audit(load, today: try #require(CalendarDay(iso: "2026-11-21")))
    }

    @Test func regionsAreComparedRowByRowWithDifferencesMarked() throws {
        let catalog = Catalog(items: [
            Self.item(
                region: "440106", credit: "11440106MB2D03322", name: "食品经营许可", materials: 3,
                promised: TimeLimit(7, .workingDays)),
            Self.item(
                region: "445202", credit: "11445202MB2D03322", name: "食品经营许可<b>核发</b>", materials: 8,
                promised: nil, type: "10"),
        ])
        let report = try Self.audit(catalog)
        let html = AuditHTMLReport.render(report)
        #expect(html.contains("<h2>四级四同（1 个基本编码在各地区的实施不同）</h2>"))
        #expect(html.contains("材料 3–8 项，承诺时限 2 种，名称、事项类型不同"))
        #expect(
            html.contains(
                "<td data-label=\"材料\" class=\"num\"><mark>8</mark></td><td data-label=\"承诺时限\" class=\"num\"><mark>未公布</mark></td>"
            ))
        #expect(
            html.contains("<td data-label=\"材料\" class=\"num\">3</td><td data-label=\"承诺时限\" class=\"num\">7个工作日</td>"))
        #expect(html.contains("<mark>食品经营许可&lt;b&gt;核发&lt;/b&gt;</mark>"))
        #expect(!html.contains("<b>核发"))
        #expect(!html.contains("style=\""))
        #expect(html.contains("<table class=\"reflow four-same\">"), "reflows as cards on a phone")
        #expect(!html.contains("rowspan"), "no spanned cells: each basic code heads its rows")
        #expect(html.contains("<th colspan=\"6\" scope=\"rowgroup\">"))
    }

    @Test func theFirstRegionsHandlingItemsAreAllTheReference() throws {
        // 新办 and 变更 share the basic code in Tianhe; Rongcheng's 变更 matches one of them and is not marked.
        let catalog = Catalog(items: [
            Self.item(
                region: "440106", credit: "11440106MB2D03322", name: "食品经营许可（新办）", materials: 5,
                promised: TimeLimit(7, .workingDays)),
            Self.item(
                region: "440106", credit: "11440106MB2D03323", name: "食品经营许可（变更）", materials: 2,
                promised: TimeLimit(5, .workingDays)),
            Self.item(
                region: "445202", credit: "11445202MB2D03322", name: "食品经营许可（变更）", materials: 3,
                promised: TimeLimit(5, .workingDays)),
        ])
        let html = AuditHTMLReport.render(try Self.audit(catalog))
        #expect(!html.contains("<mark>食品经营许可"))
        #expect(
            html.contains(
                "<td data-label=\"材料\" class=\"num\"><mark>3</mark></td><td data-label=\"承诺时限\" class=\"num\">5个工作日</td>"
            ))
    }

    @Test func oneRegionHasNoSection() throws {
        let catalog = Catalog(items: [
            Self.item(
                region: "440106", credit: "11440106MB2D03322", name: "食品经营许可", materials: 3,
                promised: TimeLimit(7, .workingDays))
        ])
        let report = try Self.audit(catalog)
        #expect(!AuditHTMLReport.render(report).contains("四级四同（"))
    }
}
