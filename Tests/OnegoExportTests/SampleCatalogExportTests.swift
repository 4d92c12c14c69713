import Foundation
import OnegoBase
import OnegoCatalog
import OnegoComposer
import OnegoExport
import OnegoTestSupport
import Testing

/// Exports of the sample district catalog (`Catalogs/yunxi`).
@Suite struct SampleCatalogExportTests {
    let catalog: Catalog
    let matters: [Matter]
    let composer: Composer

    init() throws {
        let loader = try CatalogLoader.validating(schemaPath: Fixtures.path("Schemas/catalog.xsd"))
        let loaded = loader.load(paths: [Fixtures.sampleItems])
        #expect(!loaded.diagnostics.containsErrors)
        catalog = loaded.catalog
        let (matters, diagnostics) = MatterLoader.load(paths: [Fixtures.sampleMatters])
        #expect(!diagnostics.containsErrors)
        self.matters = matters
        let (synonyms, _) = SynonymTable.load(path: Fixtures.path("Catalogs/reference/material-synonyms.xml"))
        composer = Composer(catalog: catalog, synonyms: synonyms, calendar: try TestCatalog.calendar())
    }

    /// Material names in the rows of a section's table (column `column`) and in its list lines (before `：`).
    func names(in document: GuideDocument, section heading: String, column: Int) -> [String] {
        guard let section = document.sections.first(where: { $0.heading == heading }) else { return [] }
        return section.blocks.flatMap { block -> [String] in
            switch block {
            case .table(let table): table.rows.map { $0[column].replacingOccurrences(of: "（非必要）", with: "") }
            case .list(let lines): lines.compactMap { $0.components(separatedBy: "：").first }
            default: []
            }
        }
    }

    @Test func everyItemNoticeListsEveryMaterialExactlyOnce() throws {
        #expect(catalog.items.count >= 160)
        let options = try TestCatalog.plain()
        for item in catalog.items {
            let notice = ItemIntake.makeNotice(item, options: options)
            let listed =
                names(in: notice, section: "需提交的材料", column: 1) + names(in: notice, section: "无需提交的材料", column: 0)
            #expect(listed.sorted() == item.materials.map(\.name).sorted(), "\(item.id) \(item.name)")
            let checklist = ItemIntake.makeChecklist(item, options: options)
            let collected =
                names(in: checklist, section: "收取材料", column: 1) + names(in: checklist, section: "免收材料", column: 0)
            #expect(collected.sorted() == item.materials.map(\.name).sorted(), "\(item.id) \(item.name)")
        }
    }

    /// One submitted set: for every answer set of every shipped matter, `compose --format json`, the notice and
    /// the checklist list the same lines to bring and the same lines not to bring, and the materials figure after
    /// bundling is the number of lines to bring.
    @Test func everyReaderShowsTheSameSubmittedSetForEveryAnswerSet() throws {
        #expect(matters.count >= 5)
        let options = try TestCatalog.plain()
        var situations = 0
        for matter in matters {
            for answers in composer.enumerateAnswerSets(for: matter) {
                let composition = try composer.compose(matter: matter, answers: answers)
                let label = "\(matter.code) \(answers)"
                #expect(
                    try composer.submittedSet(matter: matter, answers: answers) == composition.materials, "\(label)")

                // compose --format json
                let json =
                    try JSONSerialization.jsonObject(with: Data(CompositionJSON.text(composition).utf8))
                    as? [String: Any]
                let materials = try #require(json?["materials"] as? [[String: Any]])
                #expect(materials.allSatisfy { $0["holder"] is String && $0["disposition"] is String }, "\(label)")
                let jsonBring = materials.filter { $0["disposition"] as? String == "bring" }.compactMap {
                    $0["name"] as? String
                }
                let jsonExempt = materials.filter {
                    let disposition = $0["disposition"] as? String
                    return disposition != "bring" && disposition != "notNeeded"
                }.compactMap { $0["name"] as? String }
                let reductions = try #require(json?["reductions"] as? [String: Any])
                let after = (reductions["materials"] as? [String: Any])?["after"] as? Double
                #expect(after == Double(jsonBring.count), "\(label)")

                let notice = MatterIntake.makeNotice(composition, matter: matter, catalog: catalog, options: options)
                let checklist = MatterIntake.makeChecklist(
                    composition, matter: matter, catalog: catalog, options: options)
                let noticeBring = names(in: notice, section: "需提交的材料", column: 1)
                let noticeExempt = names(in: notice, section: "无需提交的材料", column: 0)
                let collected = names(in: checklist, section: "收取材料", column: 1)
                let exempt = names(in: checklist, section: "免收材料", column: 0)
                #expect(noticeBring == jsonBring, "\(label)")
                #expect(collected == jsonBring, "\(label)")
                #expect(noticeExempt == jsonExempt, "\(label)")
                #expect(exempt == jsonExempt, "\(label)")
                for line in composition.materials where line.providedBy != nil {
                    #expect(exempt.contains(line.name), "\(matter.code): \(line.name) is provided by a member")
                }
                situations += 1
            }
        }
        #expect(situations >= matters.count)
    }

    @Test func siteCoversEveryItemAndMatter() throws {
        let entries = matters.map { HandbookSite.MatterEntry.make($0, composer: composer) }
        #expect(entries.allSatisfy { !$0.situations.isEmpty && $0.problem == nil })
        let pages = HandbookSite(
            title: "广州市云溪区政务服务事项", catalog: catalog, matters: entries, options: try TestCatalog.plain()
        )
        .pages()
        let items = Set(catalog.items.map(\.id)).count
        #expect(pages.count { $0.path.hasPrefix("items/") && !$0.path.hasSuffix(".notice.html") } == items)
        #expect(pages.count { $0.path.hasSuffix(".notice.html") } == items)
        #expect(pages.count { $0.path.hasPrefix("matters/") && $0.path.hasSuffix(".html") } == matters.count)
        // Each matter's notices are in their own script beside its page.
        #expect(pages.count { $0.path.hasPrefix("matters/") && $0.path.hasSuffix(".notices.js") } == matters.count)
        let index = try #require(pages.first { $0.path == "index.html" }).text
        for department in catalog.departments {
            #expect(index.contains(">\(HTMLText.escape(department))</a>"), "\(department)")
        }
    }
}
