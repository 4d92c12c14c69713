import Foundation
import OnegoServer
import OnegoTestSupport
import Testing

/// A refused change sent from a row's own form (a member's toggle, a question's 修改问题, an answer's audience, a
/// stage, a shared field) is explained inside that form, which keeps what was sent; the other rows stay as they were.
@Suite(.serialized) struct AuthorRowRefusalTests {
    let author = MatterAuthorTests()

    /// The markup from `start` to the first `end` after it, or "" when `start` is not there.
    func slice(_ page: String, from start: String, to end: String) -> String {
        guard let from = page.range(of: start) else { return "" }
        let rest = page[from.lowerBound...]
        return String(rest.prefix(upTo: rest.range(of: end)?.upperBound ?? rest.endIndex))
    }

    /// The revision every form of the author page sends.
    func revision(_ page: String) throws -> String {
        try #require(
            page.range(of: "name=\"revision\" value=\"").map { range in
                String(page[range.upperBound...].prefix { $0 != "\"" })
            })
    }

    @Test func aRefusedQuestionEditIsExplainedInThatQuestionsFormWithWhatWasTyped() async throws {
        let workspace = try ScratchWorkspace()
        try await RunningWorkbench.with(store: try workspace.store(), allowsEditing: true) { client in
            let edit = [
                ("action", "editQuestion"), ("question", "licence"), ("text", "申请人是新设企业还是个体工商户？"),
                ("hint", "已取得营业执照的选“已有执照”"), ("answers", "company"), ("required", "on"),
            ]
            let refused = try await author.post(client, "/author/YX-KBCYD", edit)
            #expect(refused.status == 422)
            let row = slice(refused.body, from: "<li data-question=\"licence\"", to: "</details>")
            let form = slice(row, from: "<details class=\"edit-question\" open>", to: "</form>")
            #expect(form.contains("id=\"refusal-at\">未保存：选择题至少要有两个回答"), "explained in its own form")
            #expect(form.contains("name=\"text\" value=\"申请人是新设企业还是个体工商户？\""), "what was typed stays")
            #expect(form.contains("name=\"hint\" value=\"已取得营业执照的选“已有执照”\""))
            #expect(
                form.contains(
                    "<input aria-describedby=\"refusal-at\" type=\"text\" name=\"answers\" value=\"company\">"))
            #expect(form.contains("<button type=\"submit\" aria-describedby=\"refusal-at\">保存修改</button>"))
            #expect(refused.body.components(separatedBy: "id=\"refusal-at\"").count == 2, "one form says it")
            #expect(refused.body.contains("<a href=\"#refusal-at\">到提交的表单</a>"), "the banner links to it")
            let page = try await author.get(client, "/author/YX-KBCYD").body
            #expect(!page.contains("refusal-at") && !page.contains("申请人是新设企业还是个体工商户？"), "nothing kept")
        }
    }

    @Test func aRefusedAnswerAudienceIsExplainedAtThatAnswer() async throws {
        let workspace = try ScratchWorkspace()
        try await RunningWorkbench.with(store: try workspace.store(), allowsEditing: true) { client in
            let foreign = [
                ("action", "answerAudience"), ("question", "licence"), ("answer", "individual"), ("audience", "自然人"),
            ]
            let refused = try await author.post(client, "/author/YX-KBCYD", foreign)
            #expect(refused.status == 422)
            let form = slice(refused.body, from: "<li id=\"field-questions/licence/answers/individual\"", to: "</form>")
            #expect(form.contains("id=\"refusal-at\">未保存：一件事的服务对象中没有自然人；请先在基本信息中勾选"))
            #expect(form.contains("<select aria-describedby=\"refusal-at\" name=\"audience\">"))
            let company = slice(refused.body, from: "<li id=\"field-questions/licence/answers/company\"", to: "</form>")
            #expect(
                company.contains("name=\"audience\"") && !company.contains("未保存"), "the other answers are as they were")
        }
    }

    @Test func aChangeFromAnOutdatedPageIsRefusedInTheRowItWasSentFrom() async throws {
        let workspace = try ScratchWorkspace()
        try await RunningWorkbench.with(store: try workspace.store(), allowsEditing: true) { client in
            let path = "/author/YX-QYZX"
            let first = try await author.get(client, path).body
            let old = try revision(first)
            let other = [("action", "selection"), ("member", "seal"), ("selection", "always"), ("revision", old)]
            #expect(try await author.post(client, path, other).status == 303, "another window changes the draft")
            let changed = try await author.get(client, path).body
            #expect(try revision(changed) != old)
            let rows: [(fields: [(String, String)], row: String, button: String)] = [
                (
                    [("action", "selection"), ("member", "social"), ("selection", "always")],
                    "<li data-member=\"social\"", "改为常选"
                ),
                ([("action", "removeStage"), ("index", "0")], "<li data-stage=\"0\"", "删除阶段"),
                ([("action", "removeField"), ("field", "reason")], "<li data-field=\"reason\"", "删除"),
                ([("action", "removeQuestion"), ("question", "fund")], "<li data-question=\"fund\"", "删除问题"),
            ]
            for (fields, start, button) in rows {
                let refused = try await author.post(client, path, fields + [("revision", old)])
                #expect(refused.status == 422)
                let row = slice(refused.body, from: start, to: button + "</button>")
                #expect(row.contains("id=\"refusal-at\">未保存：这个页面不是最新的"), "\(fields[0].1) in its row")
                #expect(row.contains("<button type=\"submit\" aria-describedby=\"refusal-at\">\(button)</button>"))
            }
            let after = try await author.get(client, path).body
            #expect(try revision(after) == revision(changed), "nothing applied")
            #expect(slice(after, from: "<li data-member=\"social\"", to: "</li>").contains("情形选择 ·"))
            #expect(after.contains("<li data-stage=\"0\"") && after.contains("<li data-field=\"reason\""))
            let current = [("action", "removeStage"), ("index", "0"), ("revision", try revision(after))]
            #expect(try await author.post(client, path, current).status == 303, "the current page's change is applied")
        }
    }

    @Test func aRefusalWhoseRowIsGoneStaysInTheBanner() async throws {
        let workspace = try ScratchWorkspace()
        try await RunningWorkbench.with(store: try workspace.store(), allowsEditing: true) { client in
            let missing = [("action", "selection"), ("member", "printing"), ("selection", "always")]
            let refused = try await author.post(client, "/author/YX-QYZX", missing)
            #expect(refused.status == 422)
            #expect(refused.body.contains("id=\"refusal\">未保存：没有成员事项 printing</div>"), "no link to a form")
            #expect(!refused.body.contains("id=\"refusal-at\""))
        }
    }
}
