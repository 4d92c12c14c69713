import Foundation
import OnegoBase
import OnegoCatalog
import OnegoComposer
import OnegoExport
import OnegoTestSupport
import Testing

/// The export fixture's 企业开办 matter, composed with the shipped synonym table and calendar.
struct ComposedFixture {
    var catalog: Catalog
    var matter: Matter
    var composition: Composition

    init(answers: AnswerSet = ["invoice": "是", "staff": "是", "bank": "否"], accepted: String? = "2026-09-29") throws {
        let loader = try CatalogLoader.validating(schemaPath: Fixtures.path("Schemas/catalog.xsd"))
        let loaded = loader.load(paths: [Fixtures.fixture("export/qykb/items")])
        #expect(!loaded.diagnostics.containsErrors)
        catalog = loaded.catalog
        let (matters, diagnostics) = MatterLoader.load(paths: [Fixtures.fixture("export/qykb/matters")])
        #expect(!diagnostics.containsErrors)
        matter = try #require(matters.first)
        let (synonyms, synonymProblems) = SynonymTable.load(
            path: Fixtures.path("Catalogs/reference/material-synonyms.xml"))
        #expect(!synonymProblems.containsErrors)
        let composer = Composer(catalog: catalog, synonyms: synonyms, calendar: try TestCatalog.calendar())
        composition = try composer.compose(
            matter: matter, answers: answers, accepted: try accepted.map { try TestCatalog.day($0) })
    }

    func options() throws -> GuideOptions {
        var options = try TestCatalog.accepted(composition.due?.accepted.description ?? "2026-09-29")
        if composition.due == nil { options.accepted = nil }
        return options
    }
}

@Suite struct MatterIntakeTests {
    @Test func noticeMatchesGoldenFilesInBothFormats() throws {
        let fixture = try ComposedFixture()
        let document = MatterIntake.makeNotice(
            fixture.composition, matter: fixture.matter, catalog: fixture.catalog, options: try fixture.options())
        try Golden.check(HTMLGuideRenderer.page([document]), "matter-notice.html")
        try Golden.check(MarkdownGuideRenderer.text([document]), "matter-notice.md")
    }

    @Test func checklistMatchesGoldenFilesInBothFormats() throws {
        let fixture = try ComposedFixture()
        let document = MatterIntake.makeChecklist(
            fixture.composition, matter: fixture.matter, catalog: fixture.catalog, options: try fixture.options())
        try Golden.check(HTMLGuideRenderer.page([document]), "matter-checklist.html")
        try Golden.check(MarkdownGuideRenderer.text([document]), "matter-checklist.md")
    }

    @Test func everyChecklistLineNamesTheMembersThatUseIt() throws {
        let fixture = try ComposedFixture()
        let document = MatterIntake.makeChecklist(
            fixture.composition, matter: fixture.matter, catalog: fixture.catalog, options: try fixture.options())
        guard case .table(let table) = try #require(document.sections.first?.blocks.first) else {
            Issue.record("no checklist table")
            return
        }
        #expect(table.columns == ["序号", "材料", "使用事项", "原件", "复印件", "份数", "容缺", "已收"])
        let names = Set(fixture.composition.members.map(\.name))
        for row in table.rows {
            let users = row[2].components(separatedBy: "、")
            #expect(!users.isEmpty && users.allSatisfy(names.contains), "line \(row[1]) names \(row[2])")
        }
        // One line per material the applicant brings: exactly the composer's `bring` lines.
        #expect(
            table.rows.map { $0[1].replacingOccurrences(of: "（非必要）", with: "") }
                == fixture.composition.applicantMaterials.map(\.name))
        // The shareholder's ID is collected; the agent's (a different person, fetched by the 免证办 invoice item)
        // is not folded into it.
        let identity = try #require(table.rows.first { $0[1] == "股东主体资格证明" })
        #expect(identity[2] == "企业设立登记")
        #expect(identity[3] == "—" && identity[4] == "1" && identity[5] == "1")
        #expect(!table.rows.contains { $0[1] == "经办人身份证" })
    }

    @Test func materialProducedByAMemberIsNotBrought() throws {
        let fixture = try ComposedFixture()
        let markdown = MarkdownGuideRenderer.text([
            MatterIntake.makeNotice(
                fixture.composition, matter: fixture.matter, catalog: fixture.catalog, options: try fixture.options())
        ])
        #expect(markdown.contains("- 营业执照：由“企业设立登记”的办理结果自动获取，无需提交"))
        #expect(!markdown.contains("| 营业执照 |"))
    }

    @Test func laterSupplyDeadlineAndDueDatesComeFromTheCalendar() throws {
        // Accepted Tuesday 2026-09-29: 09-30 is a working day, 10-01…10-07 are holidays, 10-10 is a make-up day.
        let fixture = try ComposedFixture()
        let markdown = MarkdownGuideRenderer.text([
            MatterIntake.makeNotice(
                fixture.composition, matter: fixture.matter, catalog: fixture.catalog, options: try fixture.options())
        ])
        #expect(markdown.contains("| 劳动合同 | 受理后3个工作日内 | 2026年10月9日 |"))
        #expect(markdown.contains("**预计全部办结日期**：2026年10月8日"))
        #expect(markdown.contains("**第2阶段**：公章刻制备案、发票申领、员工参保登记（并联办理），预计2026年10月8日前完成"))
    }

    @Test func answersChangeTheList() throws {
        let fixture = try ComposedFixture(answers: ["invoice": "否", "staff": "否", "bank": "是", "account": "general"])
        let markdown = MarkdownGuideRenderer.text([
            MatterIntake.makeChecklist(
                fixture.composition, matter: fixture.matter, catalog: fixture.catalog, options: try fixture.options())
        ])
        #expect(!markdown.contains("劳动合同"))
        #expect(markdown.contains("| 基本存款账户信息 | 银行开户预约 | 1 | — | 1 | — | ☐ |"))
    }

    @Test func noAcceptanceDateMeansNoDueDates() throws {
        let fixture = try ComposedFixture(accepted: nil)
        let markdown = MarkdownGuideRenderer.text([
            MatterIntake.makeNotice(
                fixture.composition, matter: fixture.matter, catalog: fixture.catalog, options: try fixture.options())
        ])
        #expect(!markdown.contains("受理日期"))
        #expect(!markdown.contains("补交截止日期"))
        #expect(markdown.contains("**一件事承诺时限**：2个工作日"))
    }
}
