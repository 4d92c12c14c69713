import Foundation
import OnegoBase
import OnegoCatalog
import OnegoComposer
import OnegoServer
import OnegoTestSupport
import OnegoXML
import Testing

/// The matter author over HTTP, as the browser's forms use it (`--edit`, same-origin POSTs).
@Suite(.serialized) struct MatterAuthorTests {
    static let licence = "11440188MB2C90231K4010100100100001"  // 企业设立登记
    static let publications = "11440188MB2C55276C4011700500100001"  // 出版物零售业务经营许可

    func post(_ client: RawHTTPClient, _ path: String, _ fields: [(String, String)]) async throws
        -> RawHTTPClient.Reply
    {
        let body = fields.map { "\(encode($0.0))=\(encode($0.1))" }.joined(separator: "&")
        return try await client.send(
            "POST", path,
            headers: [
                RunningWorkbench.bearer, ("Origin", "http://127.0.0.1:\(client.port)"),
                ("Content-Type", "application/x-www-form-urlencoded"),
            ], body: body)
    }

    func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
    }

    func get(_ client: RawHTTPClient, _ path: String) async throws -> RawHTTPClient.Reply {
        try await client.send("GET", path, headers: [RunningWorkbench.bearer])
    }

    @Test func aChangeReturnsToTheSectionItChanged() async throws {
        let workspace = try ScratchWorkspace()
        try await RunningWorkbench.with(store: try workspace.store(), allowsEditing: true) { client in
            let path = "/author/YX-QYZX"
            let changes: [([(String, String)], String)] = [
                ([("action", "selection"), ("member", "seal"), ("selection", "always")], "#field-members"),
                ([("action", "moveStage"), ("index", "0"), ("direction", "down")], "#field-stages"),
                ([("action", "moveStage"), ("index", "1"), ("direction", "up")], "#field-stages"),
                ([("action", "removeField"), ("field", "contact")], "#field-sharedForm"),
                ([("action", "intake"), ("mode", "jointWindow"), ("delivery", "post")], "#field-intake"),
                ([("action", "jointForm"), ("name", "企业注销“一件事”申请表"), ("replaces", "on")], "#joint-form"),
                ([("action", "editQuestion"), ("question", "seal"), ("text", "是否缴销公章？")], "#field-questions"),
            ]
            for (fields, section) in changes {
                let reply = try await post(client, path, fields)
                #expect(reply.status == 303)
                #expect(reply.header("Location") == path + section, "\(fields[0].1)")
            }
            let page = try await get(client, path).body
            #expect(page.contains("<h2 id=\"joint-form\">一表申请</h2>") && page.contains("id=\"field-intake\""))
        }
    }

    @Test func authorPagesAreRefusedWhenReadOnly() async throws {
        try await RunningWorkbench.with { client in
            let index = try await get(client, "/author")
            let existing = try await get(client, "/author/YX-QYKB")
            let created = try await post(client, "/author", [("code", "YX-TEST")])
            let home = try await get(client, "/")
            #expect(index.status == 403)
            #expect(existing.status == 403)
            #expect(created.status == 403)
            #expect(!home.body.contains("href=\"/author\""), "the UI hides editing")
        }
    }

    @Test func authorsANewMatterFromTwoItemsAndSavesAValidFile() async throws {
        let workspace = try ScratchWorkspace()
        let store = try workspace.store()
        try await RunningWorkbench.with(store: store, allowsEditing: true) { client in
            #expect(try await get(client, "/").body.contains("href=\"/author\""))
            let created = try await post(
                client, "/author",
                [
                    ("code", "YX-KBSD"), ("name", "开办书店"), ("lead", "云溪区市场监督管理局"), ("limit", "20"),
                    ("audience", "法人"),
                ])
            #expect(created.status == 303)
            #expect(created.header("Location") == "/author/YX-KBSD")
            let path = "/author/YX-KBSD"
            #expect(try await post(client, path, [("action", "addMember"), ("code", Self.licence)]).status == 303)
            let found = try await get(client, path + "?find=" + encode("出版物零售"))
            #expect(found.body.contains("出版物零售业务经营许可"))
            #expect(
                try await post(
                    client, path, [("action", "addMember"), ("code", Self.publications), ("selection", "situational")]
                ).status == 303)
            // A situational member no answer selects: the same error `onego validate` reports, shown inline.
            let unreachable = try await get(client, path)
            #expect(unreachable.body.contains("matter.member.never-selected"))
            #expect(
                try await post(
                    client, path,
                    [
                        ("action", "addQuestion"), ("id", "books"), ("kind", "yesNo"), ("text", "是否零售出版物？"),
                        ("required", "on"),
                    ]
                ).status == 303)
            #expect(
                try await post(
                    client, path,
                    [("action", "addEffect"), ("target", "books/是"), ("effect", "includeMember"), ("member", "m2")]
                ).status == 303)
            let page = try await get(client, path + "?q.books=" + encode("是"))
            #expect(page.body.contains("检查通过"), "\(page.body)")
            #expect(page.body.contains("出版物零售业务经营许可"))
            #expect(page.body.contains("id=\"material-count\""), "the preview composes")

            let review = try await get(client, path + "/save")
            #expect(review.body.contains("<ins>+ &lt;matter xmlns="))
            let base = try #require(
                review.body.range(of: "name=\"base\" value=\"").map { range in
                    String(review.body[range.upperBound...].prefix { $0 != "\"" })
                })
            let saved = try await post(client, path + "/save", [("base", base)])
            #expect(saved.status == 303)
            #expect(saved.header("Location") == "/matters/YX-KBSD?saved=1")
            let shown = try await get(client, "/matters/YX-KBSD?saved=1").body
            #expect(shown.contains("<div class=\"alert ok\" id=\"saved\">已保存到 <span class=\"code\">"))
            #expect(shown.contains("yx-kbsd.xml</span>，工作区已重新载入。"))
            #expect(
                !(try await get(client, "/matters/YX-KBSD").body.contains("id=\"saved\"")), "only right after saving")
        }
        let file = workspace.mattersFolder + "/yx-kbsd.xml"
        #expect(FileManager.default.fileExists(atPath: file))
        // The saved workspace passes the loader and the bundle checks, and the store serves the new matter.
        let data = try workspace.load()
        let matter = try #require(data.matter(code: "YX-KBSD"))
        #expect(matter.members.map(\.code) == [Self.licence, Self.publications])
        #expect(MatterChecks.run(matters: data.matters, catalog: data.catalog).filter { $0.severity == .error }.isEmpty)
        #expect(store.data.matter(code: "YX-KBSD") != nil)
    }

    @Test func refusesToSaveADraftWithErrorsOrOverAChangedFile() async throws {
        let workspace = try ScratchWorkspace()
        try await RunningWorkbench.with(store: try workspace.store(), allowsEditing: true) { client in
            let path = "/author/YX-QYKB"
            let before = try String(contentsOfFile: workspace.mattersFolder + "/qykb.xml", encoding: .utf8)
            #expect(try await get(client, path).body.contains("检查通过"))
            let review = try await get(client, path + "/save")
            #expect(review.body.contains("id=\"diff\""))
            let stale = try await post(client, path + "/save", [("base", "0-0")])
            #expect(stale.status == 409)
            #expect(stale.body.contains("被改动过"))
            // Removing the licence leaves answers that name it: errors, and no save.
            #expect(try await post(client, path, [("action", "removeMember"), ("member", "licence")]).status == 303)
            let broken = try await get(client, path)
            #expect(broken.body.contains("matter.reference.member"))
            #expect(broken.body.contains("有错误，修正后才能保存"))
            let refused = try await post(client, path + "/save", [("base", "x")])
            #expect(refused.status == 409)
            let after = try String(contentsOfFile: workspace.mattersFolder + "/qykb.xml", encoding: .utf8)
            #expect(after == before, "nothing was written")
            let bad = try await post(client, path, [("action", "addQuestion"), ("id", "9x"), ("text", "?")])
            #expect(bad.status == 422)
            #expect(bad.body.contains("问题标识"))
        }
    }

    @Test func lineDiffKeepsCommonLinesAndMarksChanges() async throws {
        try await RunningWorkbench.with(allowsEditing: true) { client in
            let review = try await get(client, "/author/YX-TX/save")
            #expect(review.status == 200)
            // Unchanged: every line of the shipped file (its comment too) stays; nothing is added or removed.
            #expect(review.body.contains("<span class=\"same\">  &lt;!-- 退休一件事"))
            #expect(review.body.contains("<span class=\"same\">  &lt;?xml version="))
            #expect(!review.body.contains("<del>") && !review.body.contains("<ins>"))
            let fields = [
                ("action", "jointForm"), ("name", "退休“一件事”联办申请表（2026 版）"), ("replaces", "on"),
            ]
            #expect(try await post(client, "/author/YX-TX", fields).status == 303)
            let changed = try await get(client, "/author/YX-TX/save")
            #expect(changed.body.contains("变动 2 行"))
            #expect(changed.body.contains("<del>-   &lt;jointForm name=&quot;退休“一件事”联办申请表&quot;/&gt;</del>"))
            #expect(changed.body.contains("<span class=\"same\">    &lt;!-- 一表申请: one retirement form"))
        }
    }
}
