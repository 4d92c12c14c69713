import Foundation
import OnegoBase
import OnegoCatalog
import OnegoComposer
import OnegoServer
import OnegoTestSupport
import Testing

/// The author's edits beyond members and questions (stages, shared form fields, intake and delivery, audiences,
/// a question changed in place), and saving that changes only what was edited.
@Suite(.serialized) struct MatterAuthorStructureTests {
    let author = MatterAuthorTests()

    /// The value of one figure of the live preview (`跑动次数`, `表单字段` …).
    func figure(_ label: String, in page: String) -> String? {
        guard let range = page.range(of: "<div class=\"label\">\(label)</div><div class=\"value\">") else { return nil }
        return String(page[range.upperBound...].prefix { $0 != " " })
    }

    /// The text of the preview's stage `number`, up to the next stage.
    func stageText(_ number: Int, in page: String) -> Substring {
        guard let start = page.range(of: "<h3>第 \(number) 阶段") else { return "" }
        let rest = page[start.upperBound...]
        return rest.prefix(upTo: rest.range(of: "<h3>")?.lowerBound ?? rest.endIndex)
    }

    /// The fingerprint the review page sends back with the save.
    func base(_ review: String) throws -> String {
        try #require(
            review.range(of: "name=\"base\" value=\"").map { range in
                String(review[range.upperBound...].prefix { $0 != "\"" })
            })
    }

    /// Reviews and saves the draft of `code`; true when the save went through.
    func save(_ client: RawHTTPClient, _ code: String) async throws -> Bool {
        let review = try await author.get(client, "/author/\(code)/save")
        let reply = try await author.post(client, "/author/\(code)/save", [("base", try base(review.body))])
        let refusal = reply.body.range(of: "id=\"refusal\">").map { String(reply.body[$0.upperBound...].prefix(300)) }
        #expect(reply.status == 303, "\(refusal ?? "")")
        return reply.status == 303
    }

    @Test func savingAShippedMatterUnchangedLeavesItsFileByteForByte() async throws {
        let workspace = try ScratchWorkspace()
        let files = try FileManager.default.contentsOfDirectory(atPath: workspace.mattersFolder)
            .filter { $0.hasSuffix(".xml") }.sorted()
        #expect(files.count == 6)
        let before = try files.map { try Data(contentsOf: URL(fileURLWithPath: workspace.mattersFolder + "/" + $0)) }
        try await RunningWorkbench.with(store: try workspace.store(), allowsEditing: true) { client in
            for code in ["YX-QYKB", "YX-XSECS", "YX-KBCYD", "YX-TX", "YX-QYZX", "YX-QYBG"] {
                let review = try await author.get(client, "/author/\(code)/save")
                #expect(review.body.contains("id=\"unchanged\""), "\(code)")
                #expect(review.body.contains("变动 0 行"), "\(code)")
                #expect(!review.body.contains("<del>") && !review.body.contains("<ins>"), "\(code)")
                #expect(try await save(client, code))
            }
        }
        let after = try files.map { try Data(contentsOf: URL(fileURLWithPath: workspace.mattersFolder + "/" + $0)) }
        #expect(after == before)
    }

    @Test func aQuestionChangedInPlaceRewritesOnlyItsLinesAndKeepsComments() async throws {
        let workspace = try ScratchWorkspace()
        let file = workspace.mattersFolder + "/qykb.xml"
        let original = try String(contentsOfFile: file, encoding: .utf8)
        try await RunningWorkbench.with(store: try workspace.store(), allowsEditing: true) { client in
            let path = "/author/YX-QYKB"
            let page = try await author.get(client, path)
            #expect(page.body.contains("修改问题"))
            let edited = try await author.post(
                client, path,
                [
                    ("action", "editQuestion"), ("question", "invoice"), ("text", "是否需要申领发票和税控设备？"),
                    ("hint", "开业即开票的企业选“是”，税务部门同步核定票种并发放税务UKey。"), ("shownWhen", ""),
                ])
            #expect(edited.status == 303)
            #expect(try await author.get(client, path).body.contains("是否需要申领发票和税控设备？"))
            let review = try await author.get(client, path + "/save")
            #expect(review.body.contains("变动 2 行"), "one line out, one line in")
            #expect(review.body.contains("<del>-       &lt;text&gt;是否需要申领发票和税务UKey？&lt;/text&gt;</del>"))
            #expect(review.body.contains("<ins>+       &lt;text&gt;是否需要申领发票和税控设备？&lt;/text&gt;</ins>"))
            #expect(try await save(client, "YX-QYKB"))
        }
        let saved = try String(contentsOfFile: file, encoding: .utf8)
        #expect(saved == original.replacingOccurrences(of: "是否需要申领发票和税务UKey？", with: "是否需要申领发票和税控设备？"))
        let matter = try #require(try workspace.load().matter(code: "YX-QYKB"))
        #expect(
            matter.question(id: "invoice")?.answer(value: "是")?.effects.count == 1, "the answers keep their effects")
    }

    @Test func choiceAnswersEditedKeepTheEffectsOfKeptAnswersAndRefuseBadInput() async throws {
        let workspace = try ScratchWorkspace()
        try await RunningWorkbench.with(store: try workspace.store(), allowsEditing: true) { client in
            let path = "/author/YX-KBCYD"
            let fields = [
                ("action", "editQuestion"), ("question", "licence"), ("text", "是否已取得营业执照？"),
                ("answers", "company、individual、existing、branch"), ("required", "on"),
            ]
            #expect(try await author.post(client, path, fields).status == 303)
            let page = try await author.get(client, path)
            #expect(page.body.contains("是否已取得营业执照？"))
            let one = try await author.post(
                client, path,
                [("action", "editQuestion"), ("question", "licence"), ("text", "x"), ("answers", "company")])
            #expect(one.status == 422)
            #expect(one.body.contains("至少要有两个回答"))
            let itself = try await author.post(
                client, path,
                [("action", "editQuestion"), ("question", "sign"), ("text", "x"), ("shownWhen", "sign=是")])
            #expect(itself.status == 422)
            #expect(try await save(client, "YX-KBCYD"))
        }
        let matter = try #require(try workspace.load().matter(code: "YX-KBCYD"))
        let question = try #require(matter.question(id: "licence"))
        #expect(question.answers.map(\.value) == ["company", "individual", "existing", "branch"])
        #expect(question.answer(value: "company")?.label == "新设企业")
        #expect(question.answer(value: "company")?.audience == .legalPerson)
        #expect(question.answer(value: "individual")?.effects.count == 1)
        let text = try String(contentsOfFile: workspace.mattersFolder + "/kbcyd.xml", encoding: .utf8)
        #expect(text.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- 开办餐饮店一件事"))
        #expect(text.contains("<!-- 一窗受理 at the service centre's joint window"))
    }

    @Test func stagesSharedFieldsAndIntakeShowInThePreviewAndSaveValid() async throws {
        let workspace = try ScratchWorkspace()
        let file = workspace.mattersFolder + "/qykb.xml"
        try await RunningWorkbench.with(store: try workspace.store(), allowsEditing: true) { client in
            let path = "/author/YX-QYKB"
            let answers =
                "?q.invoice=是&q.staff=是&q.fund=是&q.bank=是&q.agent=否"
                .addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed) ?? ""
            let before = try await author.get(client, path + answers)
            #expect(stageText(2, in: before.body).contains("公章刻制备案"), "by document flow the seal follows the licence")
            let fieldsBefore = try #require(figure("表单字段", in: before.body))
            #expect(figure("跑动次数", in: before.body) == "0")

            let stage = [("action", "addStage"), ("name", "营业执照"), ("member", "licence")]
            #expect(try await author.post(client, path, stage).status == 303)
            let tax = [("action", "addStage"), ("name", "税务登记"), ("member", "tax")]
            #expect(try await author.post(client, path, tax).status == 303)
            let parallel = [("action", "addStage"), ("name", "并联办理"), ("member", "seal"), ("member", "bank")]
            #expect(try await author.post(client, path, parallel).status == 303)
            let twice = try await author.post(client, path, [("action", "addStage"), ("member", "licence")])
            #expect(twice.status == 422)
            #expect(twice.body.contains("已在前面的阶段中"))

            let intake = [("action", "intake"), ("mode", "jointWindow"), ("delivery", "window")]
            #expect(try await author.post(client, path, intake).status == 303)
            let field = [
                ("action", "addField"), ("id", "phone"), ("label", "联系电话"), ("map.licence", "联系电话"),
                ("map.tax", "办税人员电话"), ("map.seal", ""),
            ]
            #expect(try await author.post(client, path, field).status == 303)
            let after = try await author.get(client, path + answers)
            #expect(after.body.contains("检查通过"))
            #expect(stageText(2, in: after.body).contains("新办纳税人套餐"), "the explicit second stage: tax alone")
            #expect(!stageText(2, in: after.body).contains("公章刻制备案"))
            #expect(stageText(3, in: after.body).contains("公章刻制备案"))
            #expect(after.body.contains("并联办理：公章刻制备案"), "the stage list names the members")
            #expect(figure("跑动次数", in: after.body) != "0", "collecting at the window is a visit")
            #expect(figure("表单字段", in: after.body) != fieldsBefore)
            #expect(after.body.contains("<option value=\"jointWindow\" selected>"))

            let review = try await author.get(client, path + "/save")
            #expect(review.body.contains("<ins>+   &lt;stages&gt;</ins>"))
            #expect(
                review.body.contains("<del>-   &lt;intake mode=&quot;online&quot; delivery=&quot;post&quot;/&gt;</del>")
            )
            #expect(try await save(client, "YX-QYKB"))
        }
        let text = try String(contentsOfFile: file, encoding: .utf8)
        #expect(text.contains("version=\"2026.1\""))
        #expect(text.contains("<!-- 一网通办: applied for online"), "the comment before a changed element stays")
        #expect(text.contains("<answer value=\"是\"><includeMember member=\"invoice\"/></answer>"), "untouched layout")
        let matter = try #require(try workspace.load().matter(code: "YX-QYKB"))
        #expect(matter.stages.map(\.members) == [["licence"], ["tax"], ["seal", "bank"]])
        #expect(matter.arrangement == IntakeArrangement(intake: .jointWindow, delivery: .window))
        #expect(matter.formFields.last?.mappings.map(\.member) == ["licence", "tax"])
    }

    @Test func audiencesAreChosenAsCheckboxesAndAtLeastOneIsRequired() async throws {
        let workspace = try ScratchWorkspace()
        try await RunningWorkbench.with(store: try workspace.store(), allowsEditing: true) { client in
            let path = "/author/YX-QYBG"
            let page = try await author.get(client, path)
            #expect(page.body.contains("name=\"audience\" value=\"法人\" checked"))
            let basics = [
                ("action", "basics"), ("name", "企业信息变更"), ("lead", "云溪区市场监督管理局"), ("limit", "2"),
                ("unit", "小时"), ("audience", "法人"), ("audience", "非法人组织"),
            ]
            #expect(try await author.post(client, path, basics).status == 303)
            let none = try await author.post(client, path, basics.filter { $0.0 != "audience" })
            #expect(none.status == 422)
            #expect(none.body.contains("请至少选择一个服务对象"))
            let review = try await author.get(client, path + "/save")
            #expect(review.body.contains("audience=&quot;法人 非法人组织&quot;"))
        }
    }
}
