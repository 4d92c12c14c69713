import Foundation
import OnegoBase
import OnegoComposer
import OnegoTestSupport
import Testing

@testable import OnegoServer

/// The author's problems at their fields: `GET /api/author/CODE/check` names the form field of each problem of
/// `onego validate`, and the author page marks that field (`aria-invalid`, the message beside it) and links the
/// summary to it.
@Suite(.serialized) struct AuthorFieldErrorTests {
    let author = MatterAuthorTests()

    struct Check: Decodable {
        struct Entry: Decodable {
            var line: Int
            var severity: String
            var rule: String
            var message: String
            var field: String?
            var fieldLabel: String?
            var elementID: String?
        }
        var code: String
        var savable: Bool
        var errors: Int
        var diagnostics: [Entry]
    }

    func check(_ client: RawHTTPClient, _ code: String) async throws -> Check {
        let reply = try await author.get(client, "/api/author/\(code)/check")
        #expect(reply.status == 200)
        #expect(reply.header("Content-Type")?.hasPrefix("application/json") == true)
        return try JSONDecoder().decode(Check.self, from: Data(reply.body.utf8))
    }

    /// The HTML escaping of an id as the page writes it in attributes.
    func attribute(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    @Test func anExclusionNamingAnUnknownMaterialIsShownAtThatEffect() async throws {
        let workspace = try ScratchWorkspace()
        try await RunningWorkbench.with(store: try workspace.store(), allowsEditing: true) { client in
            #expect(try await check(client, "YX-QYKB").diagnostics.isEmpty, "the shipped matter is clean")
            let effect = [
                ("action", "addEffect"), ("target", "staff/否"), ("effect", "excludeMaterial"), ("member", "social"),
                ("material", "员工花名册（旧版）"),
            ]
            #expect(try await author.post(client, "/author/YX-QYKB", effect).status == 303)
            let report = try await check(client, "YX-QYKB")
            #expect(!report.savable)
            let entry = try #require(report.diagnostics.first { $0.rule == "matter.material.unknown" })
            #expect(entry.message.contains("员工花名册（旧版）"))
            #expect(entry.field == "questions/staff/answers/否/effects/0")
            #expect(entry.fieldLabel?.contains("回答“否”的效果 1") == true, "\(entry.fieldLabel ?? "")")
            let id = try #require(entry.elementID)
            let page = try await author.get(client, "/author/YX-QYKB").body
            #expect(page.contains("id=\"\(attribute(id))\" tabindex=\"-1\" aria-invalid=\"true\""))
            #expect(
                page.contains("<p class=\"field-error\" id=\"\(attribute(id))-error\"><span>错误：回答要免去的材料“员工花名册（旧版）”"))
            #expect(page.contains("data-focus=\"\(attribute(id))\""), "the summary links to the field")
            let fields = Set(report.diagnostics.compactMap(\.field))
            #expect(fields.count == 1, "the unknown material and its idle warning concern the same effect")
            #expect(page.components(separatedBy: "aria-invalid=\"true\"").count - 1 == fields.count)
            // Removing the effect fixes it: no field is marked any more.
            let remove = [("action", "removeEffect"), ("target", "staff/否"), ("index", "0")]
            #expect(try await author.post(client, "/author/YX-QYKB", remove).status == 303)
            #expect(try await check(client, "YX-QYKB").diagnostics.isEmpty)
            #expect(!(try await author.get(client, "/author/YX-QYKB").body.contains("aria-invalid")))
        }
    }

    @Test func aThresholdOutOfOrderAndAMemberNoAnswerSelectsAreShownAtThem() async throws {
        let workspace = try ScratchWorkspace()
        try await RunningWorkbench.with(store: try workspace.store(), allowsEditing: true) { client in
            let remove = [("action", "removeEffect"), ("target", "tobacco/是"), ("index", "0")]
            #expect(try await author.post(client, "/author/YX-KBCYD", remove).status == 303)
            let never = try #require(
                try await check(client, "YX-KBCYD").diagnostics.first { $0.rule == "matter.member.never-selected" })
            #expect(never.field == "members/tobacco")
            #expect(never.fieldLabel == "成员事项 tobacco（烟草专卖零售许可证核发（新办））")
            let threshold = [("action", "addThreshold"), ("question", "area"), ("atLeast", "800"), ("below", "600")]
            #expect(try await author.post(client, "/author/YX-KBCYD", threshold).status == 303)
            let report = try await check(client, "YX-KBCYD")
            let entry = try #require(report.diagnostics.first { $0.field?.hasPrefix("questions/area") == true })
            #expect(entry.severity == "error")
            #expect(entry.rule == "matter.threshold.contradiction")
            #expect(entry.field == "questions/area/thresholds/2", "the third threshold, the one just added")
            #expect(entry.fieldLabel?.hasPrefix("问题 area（经营场所建筑面积（平方米）？）的阈值 3") == true)
        }
    }

    @Test func aRefusedNewQuestionIsShownInItsFormWithWhatWasTyped() async throws {
        let workspace = try ScratchWorkspace()
        try await RunningWorkbench.with(store: try workspace.store(), allowsEditing: true) { client in
            let question = [
                ("action", "addQuestion"), ("id", "staff"), ("kind", "yesNo"), ("text", "是否设立分支机构？"),
                ("hint", "分支机构另行登记"),
            ]
            let refused = try await author.post(client, "/author/YX-QYKB", question)
            #expect(refused.status == 422)
            let form = try #require(
                refused.body.range(of: "<details open><summary>添加问题</summary>").map { range in
                    String(refused.body[range.upperBound...]).components(separatedBy: "</form>")[0]
                }, "the add-question form is unfolded")
            #expect(form.contains("id=\"refusal-at\">未保存：问题标识应为字母开头的英文标识且不重复"))
            #expect(form.contains("name=\"id\" placeholder=\"如 staff\" required value=\"staff\""))
            #expect(form.contains("value=\"是否设立分支机构？\"") && form.contains("value=\"分支机构另行登记\""))
            #expect(refused.body.contains("id=\"refusal\""), "the banner at the top stays")
            let page = try await author.get(client, "/author/YX-QYKB").body
            #expect(!page.contains("refusal-at") && !page.contains("是否设立分支机构？"), "nothing kept afterwards")
        }
    }

    @Test func aNewMatterWithoutMembersIsToldSoInChinese() async throws {
        let workspace = try ScratchWorkspace()
        try await RunningWorkbench.with(store: try workspace.store(), allowsEditing: true) { client in
            let created = try await author.post(
                client, "/author",
                [
                    ("code", "YX-KBLFD"), ("name", "开办理发店"), ("lead", "云溪区市场监督管理局"), ("limit", "5"),
                    ("audience", "个体工商户"),
                ])
            #expect(created.status == 303)
            let page = try await author.get(client, "/author/YX-KBLFD").body
            #expect(page.contains("一件事还没有成员事项：请在“成员事项”下搜索事项并加入（至少一个）。"))
            #expect(!page.contains("Missing child"), "not libxml2's English")
        }
    }

    @Test func theCheckIsRefusedWhenReadOnlyAndUnknownCodesAreNotFound() async throws {
        try await RunningWorkbench.with { client in
            let reply = try await author.get(client, "/api/author/YX-QYKB/check")
            #expect(reply.status == 403)
        }
        try await RunningWorkbench.with(store: try ScratchWorkspace().store(), allowsEditing: true) { client in
            let reply = try await author.get(client, "/api/author/YX-NONE/check")
            #expect(reply.status == 404)
        }
    }

    /// Problems the forms refuse to make (a code not in the catalog, a duplicated question id) can still come from
    /// a file; the same mapping names their fields.
    @Test func anUnknownMemberCodeAndADuplicateQuestionIDAreLocatedAtTheirFields() throws {
        let data = try RunningWorkbench.sampleData()
        var matter = try #require(data.matter(code: "YX-QYKB"))
        let bank = try #require(matter.members.firstIndex { $0.id == "bank" })
        matter.members[bank].code = "11440188MB2C44390J4201800100199999"
        var draft = MatterDraft(matter: matter, path: try Fixtures.temporaryDirectory() + "/qykb.xml", isNew: true)
        draft.check(against: data)
        let unknown = try #require(draft.located.first { $0.diagnostic.rule == .matterMemberUnknownCode })
        #expect(unknown.field?.path == "members/bank")
        #expect(unknown.field?.label == "成员事项 bank", "no catalog name for an unknown code")

        matter = try #require(data.matter(code: "YX-QYKB"))
        matter.questions.append(matter.questions[1])
        draft = MatterDraft(matter: matter, path: try Fixtures.temporaryDirectory() + "/qykb.xml", isNew: true)
        draft.check(against: data)
        #expect(!draft.isSavable)
        let duplicate = try #require(draft.located.first { $0.diagnostic.message.contains("staff") })
        #expect(duplicate.field?.path == "questions/staff")
        let text = draft.document(over: "")
        let line = try #require(duplicate.diagnostic.location?.line)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[line - 1].contains("<question id=\"staff\""), "\(lines[line - 1])")
        #expect(line > (lines.firstIndex { $0.contains("<question id=\"staff\"") } ?? 0) + 1, "the second one")
    }

    @Test(arguments: [
        ("<matter><name>x</name></matter>", 1, 10, "basics/name"),
        ("<matter>\n  <members>\n    <member id=\"a\" code=\"1\"/>\n  </members>\n</matter>", 3, 5, "members/a"),
        (
            "<matter><questions><question id=\"q\"><answer value=\"是\"><includeMember member=\"a\"/>"
                + "<excludeMaterial member=\"a\" name=\"x\"/></answer></question></questions></matter>", 1, 89,
            "questions/q/answers/是/effects/1"
        ),
        (
            "<matter><jointForm name=\"x\"><replaces member=\"a\" name=\"b\"/><replaces member=\"a\" name=\"c\"/>"
                + "</jointForm></matter>", 1, 62, "jointForm/replaces/1"
        ),
        ("<!-- <members> -->\n<matter code=\"X\">\n</matter>", 2, 0, "basics"),
    ])
    func theLocatorNamesTheInnermostElementAtAPlace(text: String, line: Int, column: Int, path: String) {
        #expect(DraftFieldLocator(text: text).path(line: line, column: column) == path)
    }
}
