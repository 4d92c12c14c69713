import Foundation
import OnegoServer
import OnegoTestSupport
import Testing

/// Import upload (`--edit`): a multipart upload is previewed with the import report and saved into the workspace.
@Suite(.serialized) struct ImportUploadTests {
    func upload(_ client: RawHTTPClient, file: String, name: String, profile: String) async throws
        -> RawHTTPClient.Reply
    {
        let boundary = "----onego-test-boundary"
        let content = try String(contentsOfFile: file, encoding: .utf8)
        let body = """
            --\(boundary)\r
            Content-Disposition: form-data; name="profile"\r
            \r
            \(profile)\r
            --\(boundary)\r
            Content-Disposition: form-data; name="file"; filename="\(name)"\r
            Content-Type: application/json\r
            \r
            \(content)\r
            --\(boundary)--\r

            """
        return try await client.send(
            "POST", "/import",
            headers: [
                RunningWorkbench.bearer, ("Origin", "http://127.0.0.1:\(client.port)"),
                ("Content-Type", "multipart/form-data; boundary=\(boundary)"),
            ], body: body)
    }

    @Test func theFormNamesEachProfileByItsTitle() async throws {
        let workspace = try ScratchWorkspace()
        try await RunningWorkbench.with(store: try workspace.store(), allowsEditing: true) { client in
            let form = try await client.send("GET", "/import", headers: [RunningWorkbench.bearer]).body
            #expect(form.contains("<option value=\"template\">onego 事项目录模板工作簿（template）</option>"))
            #expect(form.contains("<option value=\"gdzwfw\">广东政务服务网事项记录（JSON / JSON Lines）（gdzwfw）</option>"))
            #expect(form.contains("不写入任何文件"))
        }
    }

    @Test func previewsTheMappedItemsAndTheReportThenSavesANewFolder() async throws {
        let workspace = try ScratchWorkspace()
        try await RunningWorkbench.with(store: try workspace.store(), allowsEditing: true) { client in
            let preview = try await upload(
                client, file: Fixtures.fixture("import/gdzwfw-items.json"), name: "天河区事项.json", profile: "gdzwfw")
            #expect(preview.status == 200)
            #expect(preview.body.contains("id=\"import-count\">12<"))
            #expect(preview.body.contains("失业保险金申领"))
            #expect(preview.body.contains("import.value.not-published"), "the report names every fill")
            let problems = try #require(
                preview.body.range(of: "<ul class=\"problems\" id=\"import-problems\">").map { range in
                    preview.body[range.upperBound...].prefix { $0 != "\n" }
                })
            #expect(problems.contains("第 ") && problems.contains("[import.value.not-published]"), "listed in Chinese")
            #expect(preview.body.contains("&quot;imported&quot; : 12"))
            #expect(preview.body.contains("name=\"folder\" value=\"imported\""), "a Chinese file name: no dangling -")
            let id = try #require(
                preview.body.range(of: "name=\"id\" value=\"").map { range in
                    String(preview.body[range.upperBound...].prefix { $0 != "\"" })
                })
            func save(_ folder: String) async throws -> RawHTTPClient.Reply {
                try await client.send(
                    "POST", "/import/save",
                    headers: [
                        RunningWorkbench.bearer, ("Origin", "http://127.0.0.1:\(client.port)"),
                        ("Content-Type", "application/x-www-form-urlencoded"),
                    ], body: "id=\(id)&folder=\(folder)")
            }
            let saved = try await save("tianhe")
            #expect(saved.status == 200)
            #expect(saved.body.contains("id=\"import-saved\""))
            let written = try FileManager.default.contentsOfDirectory(atPath: workspace.root + "/tianhe")
            #expect(written.contains { $0.hasSuffix(".xml") })
            // Never over an existing folder of the workspace.
            let again = try await save("items")
            #expect(again.status == 422)
            #expect(again.body.contains("不会覆盖"))
        }
    }

    /// A workspace that follows the Sichuan code layout (its `code-profile.xml`) imports Sichuan codes in the
    /// workbench as `onego import --code-profile sichuan` does: the basic code, USCC and region read from them.
    @Test func importsReadCodesByTheWorkspacesCodeProfile() async throws {
        let workspace = try ScratchWorkspace()
        let record: [String: Any] = [
            "TASK_CODE": "511A0138000000-511602000000-000-11511602MB15327088-1-00", "TASK_NAME": "企业设立登记",
            "TASK_TYPE": "1", "DEPT_NAME": "广安市广安区行政审批局", "LIMIT_SCENE_NUM": 0, "ONLINECHECK": "1",
            "handle_time_limit": "1(工作日)", "matter_level": "区级", "service_object_name": ["企业法人"],
        ]
        let source = workspace.root + "/../sichuan-upload.json"
        try JSONSerialization.data(withJSONObject: [record]).write(to: URL(fileURLWithPath: source))
        try await RunningWorkbench.with(store: try workspace.store(), allowsEditing: true) { client in
            let national = try await upload(client, file: source, name: "广安区.json", profile: "gdzwfw")
            #expect(national.body.contains("id=\"import-count\">0<"))
            try FileManager.default.copyItem(
                atPath: Fixtures.path("Catalogs/code-profiles/sichuan.xml"),
                toPath: workspace.root + "/code-profile.xml")
            let sichuan = try await upload(client, file: source, name: "广安区.json", profile: "gdzwfw")
            #expect(sichuan.body.contains("id=\"import-count\">1<"), "\(sichuan.body.prefix(3000))")
            #expect(sichuan.body.contains("511602000000"))
        }
    }

    @Test func refusesWhenReadOnlyAndRejectsOtherFileTypes() async throws {
        try await RunningWorkbench.with { client in
            let reply = try await client.send("GET", "/import", headers: [RunningWorkbench.bearer])
            #expect(reply.status == 403)
        }
        try await RunningWorkbench.with(allowsEditing: true) { client in
            let reply = try await upload(
                client, file: Fixtures.fixture("import/gdzwfw-items.json"), name: "事项.exe", profile: "gdzwfw")
            #expect(reply.status == 422)
            #expect(reply.body.contains("不支持的文件类型"))
        }
    }
}
