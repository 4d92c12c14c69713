import Foundation
import OnegoBase
import OnegoCatalog
import OnegoComposer
import OnegoServer
import OnegoTestSupport
import Testing

/// The author's inline problems at the lines of the file as saved, the audience an answer picks, the materials the
/// joint form replaces and the order of the stages.
@Suite(.serialized) struct MatterAuthorAnswersTests {
    let author = MatterAuthorTests()
    let structure = MatterAuthorStructureTests()

    /// The lines of the text the review page would save: its kept and added lines, unescaped.
    func savedLines(_ review: String) -> [String] {
        let pattern = /<span class="same">  (.*?)<\/span>|<ins>\+ (.*?)<\/ins>/
        return review.matches(of: pattern).map { match in
            String(match.output.1 ?? match.output.2 ?? "")
                .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
                .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
        }
    }

    /// The line numbers (from 1) of the inline problems whose message contains `text`.
    func problemLines(_ text: String, in page: String) -> [Int] {
        page.matches(of: /<li class="bad">第 (\d+) 行：([^<]*)/).filter { $0.output.2.contains(text) }
            .compactMap { Int($0.output.1) }
    }

    @Test func inlineProblemsNameTheLineOfTheFileAsItWillBeSaved() async throws {
        let workspace = try ScratchWorkspace()
        try await RunningWorkbench.with(store: try workspace.store(), allowsEditing: true) { client in
            let path = "/author/YX-QYKB"
            let effect = [
                ("action", "addEffect"), ("target", "staff/否"), ("effect", "excludeMaterial"), ("member", "social"),
                ("material", "员工花名册（旧版）"),
            ]
            #expect(try await author.post(client, path, effect).status == 303)
            let page = try await author.get(client, path).body
            let lines = problemLines("员工花名册（旧版）", in: page)
            let line = try #require(lines.first, "the unknown material is reported")
            let saved = savedLines(try await author.get(client, path + "/save").body)
            #expect(saved.first == "<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
            #expect(saved.contains { $0.contains("<!-- 企业开办一件事") }, "the file's comments stay")
            try #require(saved.indices.contains(line - 1))
            #expect(saved[line - 1].contains("员工花名册（旧版）"), "line \(line) is \(saved[line - 1])")
        }
    }

    @Test func theAudienceAnAnswerPicksIsSetClearedAndSaved() async throws {
        let workspace = try ScratchWorkspace()
        try await RunningWorkbench.with(store: try workspace.store(), allowsEditing: true) { client in
            let path = "/author/YX-KBCYD"
            let page = try await author.get(client, path).body
            #expect(page.contains("<span class=\"kind\">服务对象：个体工商户</span>"))
            #expect(page.contains("<option value=\"个体工商户\" selected>申请人为个体工商户</option>"))
            let clear = [
                ("action", "answerAudience"), ("question", "licence"), ("answer", "individual"), ("audience", ""),
            ]
            #expect(try await author.post(client, path, clear).status == 303)
            let unpicked = try await author.get(client, path).body
            #expect(unpicked.contains("有错误，修正后才能保存"))
            #expect(unpicked.contains("matter.audience"), "个体工商户 is no longer picked by any answer")
            let foreign = [
                ("action", "answerAudience"), ("question", "licence"), ("answer", "individual"), ("audience", "自然人"),
            ]
            let refused = try await author.post(client, path, foreign)
            #expect(refused.status == 422)
            #expect(refused.body.contains("一件事的服务对象中没有自然人"))
            let back = [
                ("action", "answerAudience"), ("question", "licence"), ("answer", "individual"),
                ("audience", "个体工商户"),
            ]
            #expect(try await author.post(client, path, back).status == 303)
            let existing = [
                ("action", "answerAudience"), ("question", "licence"), ("answer", "existing"), ("audience", "法人"),
            ]
            #expect(try await author.post(client, path, existing).status == 303)
            #expect(try await author.get(client, path).body.contains("检查通过"))
            #expect(try await structure.save(client, "YX-KBCYD"))
        }
        let matter = try #require(try workspace.load().matter(code: "YX-KBCYD"))
        let question = try #require(matter.question(id: "licence"))
        #expect(question.answer(value: "existing")?.audience == .legalPerson)
        #expect(question.answer(value: "individual")?.audience == .individualBusiness)
    }

    @Test func theJointFormsReplacedMaterialsChangeTheMaterialCountAndSave() async throws {
        let workspace = try ScratchWorkspace()
        try await RunningWorkbench.with(store: try workspace.store(), allowsEditing: true) { client in
            let path = "/author/YX-QYBG"
            let answers = "?q.fund=%E6%98%AF&q.premises=%E6%98%AF&q.articles=%E6%98%AF"
            let before = try await author.get(client, path + answers).body
            #expect(before.contains("住房公积金单位信息变更登记表"))
            let count = try #require(structure.figure("申请材料", in: before).flatMap { Int($0) })
            let remove = [("action", "removeReplaced"), ("index", "2")]
            #expect(try await author.post(client, path, remove).status == 303)
            let fewer = try await author.get(client, path + answers).body
            #expect(structure.figure("申请材料", in: fewer).flatMap { Int($0) } == count + 1)
            let unknown = [("action", "addReplaced"), ("member", "fund"), ("material", "不存在的表格")]
            let refused = try await author.post(client, path, unknown)
            #expect(refused.status == 422)
            #expect(refused.body.contains("的材料中没有“不存在的表格”"))
            let again = [("action", "addReplaced"), ("member", "fund"), ("material", "住房公积金单位信息变更登记表")]
            #expect(try await author.post(client, path, again).status == 303)
            let twice = try await author.post(client, path, again)
            #expect(twice.status == 422)
            #expect(twice.body.contains("已被一表申请替代"))
            let restored = try await author.get(client, path + answers).body
            #expect(structure.figure("申请材料", in: restored).flatMap { Int($0) } == count)
            let review = try await author.get(client, path + "/save").body
            #expect(review.contains("id=\"unchanged\""), "removed and added back: the file is unchanged")
            let tax = [("action", "removeReplaced"), ("index", "1")]
            #expect(try await author.post(client, path, tax).status == 303)
            #expect(try await structure.save(client, "YX-QYBG"))
        }
        let matter = try #require(try workspace.load().matter(code: "YX-QYBG"))
        #expect(matter.jointForm?.replaces.map(\.member) == ["change", "fund"])
    }

    @Test func stagesMoveEarlierAndLaterInThePreviewAndTheSavedFile() async throws {
        let workspace = try ScratchWorkspace()
        try await RunningWorkbench.with(store: try workspace.store(), allowsEditing: true) { client in
            let path = "/author/YX-QYKB"
            for (name, member) in [("营业执照", "licence"), ("刻章", "seal"), ("税务登记", "tax")] {
                let stage = [("action", "addStage"), ("name", name), ("member", member)]
                #expect(try await author.post(client, path, stage).status == 303)
            }
            let first = try await author.post(
                client, path, [("action", "moveStage"), ("index", "0"), ("direction", "up")])
            #expect(first.status == 422)
            #expect(first.body.contains("第一阶段不能再前移"))
            let down = [("action", "moveStage"), ("index", "1"), ("direction", "down")]
            #expect(try await author.post(client, path, down).status == 303)
            let answers = "?q.invoice=%E6%98%AF&q.staff=%E6%98%AF&q.fund=%E6%98%AF&q.bank=%E6%98%AF&q.agent=%E5%90%A6"
            let page = try await author.get(client, path + answers).body
            #expect(page.contains("第 2 阶段：税务登记"))
            #expect(structure.stageText(2, in: page).contains("新办纳税人套餐"), "the preview follows the new order")
            #expect(structure.stageText(3, in: page).contains("公章刻制备案"))
            #expect(page.contains("检查通过"))
            #expect(try await structure.save(client, "YX-QYKB"))
        }
        let matter = try #require(try workspace.load().matter(code: "YX-QYKB"))
        #expect(matter.stages.map(\.members) == [["licence"], ["tax"], ["seal"]])
    }
}
