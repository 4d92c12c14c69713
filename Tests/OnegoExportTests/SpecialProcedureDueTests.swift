import Foundation
import OnegoBase
import OnegoCatalog
import OnegoComposer
import OnegoExport
import OnegoTestSupport
import Testing

/// A member's special procedure (特别程序) is not counted in limits or due dates, as the law says; every reader
/// that prints the due dates says so and names the procedure beside them. 企业注销 (YX-QYZX) by 简易注销 waits for
/// the 20-day public notice of 企业简易注销公告.
@Suite struct SpecialProcedureDueTests {
    let catalog: Catalog
    let matter: Matter
    let plan: Composition

    init() throws {
        catalog = try TestCatalog.sampleCatalog()
        matter = try TestCatalog.sampleMatter("YX-QYZX")
        let composer = Composer(catalog: catalog, calendar: try TestCatalog.calendar())
        let answers = try #require(composer.enumerateAnswerSets(for: matter).first { $0["procedure"] == ["simple"] })
        plan = try composer.compose(matter: matter, answers: answers, accepted: try TestCatalog.day("2026-03-02"))
    }

    @Test func theDueDatesSayTheyExcludeTheNotice() throws {
        let notice = "企业简易注销公告：公示，20个自然日"
        #expect(plan.excludedProcedures == [notice])

        let json = try JSONSerialization.jsonObject(with: Data(CompositionJSON.text(plan).utf8)) as? [String: Any]
        let due = try #require(json?["due"] as? [String: Any])
        #expect(due["excludes"] as? [String] == [notice])

        let text = CompositionText.render(plan, matter: matter)
        #expect(text.contains("以上日期不含特别程序所需时间（依法不计入办结时限），申请人另需等候：\(notice)"))

        let document = MatterIntake.makeNotice(
            plan, matter: matter, catalog: catalog, options: try TestCatalog.accepted("2026-03-02"))
        var fields: [String: String] = [:]
        for case .fields(let list) in document.sections.first(where: { $0.heading == "办理时限" })?.blocks ?? [] {
            for field in list { fields[field.label] = field.value }
        }
        #expect(fields["不计入的特别程序"]?.hasSuffix(notice) == true)
        #expect(fields["预计全部办结日期"] != nil)
    }

    @Test func noSpecialProcedureMeansNoExclusionLine() throws {
        var plain = plan
        for index in plain.members.indices { plain.members[index].specialProcedures = [] }
        #expect(plain.excludedProcedures.isEmpty)
        let json = try JSONSerialization.jsonObject(with: Data(CompositionJSON.text(plain).utf8)) as? [String: Any]
        #expect((json?["due"] as? [String: Any])?["excludes"] == nil)
        #expect(!CompositionText.render(plain, matter: matter).contains("不含特别程序"))
    }
}
