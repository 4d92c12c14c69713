import Foundation
import OnegoCatalog
import OnegoComposer
import OnegoExport
import OnegoServer
import OnegoTestSupport
import Testing

/// A workbench running in-process on a free port for one test.
struct RunningWorkbench {
    static let token = AccessToken(value: "0123456789abcdef0123456789abcdef")

    /// Starts the server on port 0, runs `body` with a client, then stops the server.
    static func with(
        data: WorkbenchData? = nil, store: WorkbenchStore? = nil, allowsEditing: Bool = false,
        watchEvery interval: Duration = .seconds(3600), isPassword: Bool = false,
        _ body: (RawHTTPClient) async throws -> Void
    ) async throws {
        var configuration = WorkbenchConfiguration(port: 0, token: token, allowsEditing: allowsEditing)
        configuration.isPassword = isPassword
        let workbench = Workbench(
            configuration: configuration,
            store: try store ?? WorkbenchStore(data: try data ?? sampleData()))
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let server = Task {
            try await workbench.runUntilCancelled(watchEvery: interval) { port in continuation.yield(port) }
        }
        defer { server.cancel() }
        var iterator = ports.makeAsyncIterator()
        let port = try #require(await iterator.next())
        try await body(RawHTTPClient(port: port))
    }

    /// The sample workspace (Catalogs/yunxi), loaded as `onego serve` loads it; `rename` changes the first item's
    /// name (for escaping tests).
    static func sampleData(rename: String? = nil) throws -> WorkbenchData {
        let loader = try CatalogLoader.validating(schemaPath: Fixtures.schemas + "/catalog.xsd")
        var items = loader.load(paths: [Fixtures.sampleItems]).catalog.items
        if let rename { items[0].name = rename }
        let catalog = Catalog(items: items)
        let matters = MatterLoader.load(paths: [Fixtures.sampleMatters]).matters
        return WorkbenchData(
            workspace: "Catalogs/yunxi", catalog: catalog, matters: matters, composer: Composer(catalog: catalog),
            audit: nil, issued: try #require(CalendarDay(iso: "2026-03-02")),
            search: IndexSearch(catalog: catalog, matters: matters))
    }

    static var bearer: (String, String) { ("Authorization", "Bearer \(token.value)") }
}

@Suite(.serialized) struct WorkbenchAccessTests {
    @Test func refusesRequestsWithoutTheToken() async throws {
        try await RunningWorkbench.with { client in
            let reply = try await client.send("GET", "/")
            #expect(reply.status == 401)
            #expect(try await client.send("GET", "/api/search?q=x").status == 401)
            #expect(try await client.send("GET", "/", headers: [("Authorization", "Bearer wrong")]).status == 401)
        }
    }

    @Test func storesTheQueryTokenInAStrictCookieAndStripsItFromTheURL() async throws {
        try await RunningWorkbench.with { client in
            let first = try await client.send("GET", "/?token=\(RunningWorkbench.token.value)")
            #expect(first.status == 303)
            #expect(first.header("Location") == "/")
            let cookie = try #require(first.header("Set-Cookie"))
            #expect(cookie.contains("HttpOnly"))
            #expect(cookie.contains("SameSite=Strict"))
            let pair = try #require(cookie.split(separator: ";").first).description
            let second = try await client.send("GET", "/", headers: [("Cookie", pair)])
            #expect(second.status == 200)
            #expect(second.body.contains("政务服务事项目录工作台"))
        }
    }

    @Test func acceptsABearerToken() async throws {
        try await RunningWorkbench.with { client in
            let reply = try await client.send("GET", "/", headers: [RunningWorkbench.bearer])
            #expect(reply.status == 200)
        }
    }

    @Test(arguments: ["evil.example", "evil.example:80", "127.0.0.1", "127.0.0.2:1"])
    func refusesAForeignHost(host: String) async throws {
        try await RunningWorkbench.with { client in
            let reply = try await client.send("GET", "/", headers: [("Host", host), RunningWorkbench.bearer])
            #expect(reply.status == 403)
        }
    }

    @Test func acceptsLocalhostAsHost() async throws {
        try await RunningWorkbench.with { client in
            let reply = try await client.send(
                "GET", "/", headers: [("Host", "localhost:\(client.port)"), RunningWorkbench.bearer])
            #expect(reply.status == 200)
        }
    }

    @Test func refusesChangesWithoutAMatchingOrigin() async throws {
        try await RunningWorkbench.with(allowsEditing: true) { client in
            let none = try await client.send("POST", "/api/matters", headers: [RunningWorkbench.bearer], body: "{}")
            #expect(none.status == 403)
            let foreign = try await client.send(
                "POST", "/api/matters", headers: [RunningWorkbench.bearer, ("Origin", "http://evil.example")],
                body: "{}")
            #expect(foreign.status == 403)
            let ownPortOther = try await client.send(
                "DELETE", "/api/matters/x", headers: [RunningWorkbench.bearer, ("Origin", "http://127.0.0.1:1")])
            #expect(ownPortOther.status == 403)
            let own = try await client.send(
                "POST", "/api/matters",
                headers: [RunningWorkbench.bearer, ("Origin", "http://127.0.0.1:\(client.port)")],
                body: "{}")
            #expect(own.status != 403)
        }
    }

    @Test func refusesChangesWhenReadOnly() async throws {
        try await RunningWorkbench.with { client in
            let reply = try await client.send(
                "POST", "/api/matters",
                headers: [RunningWorkbench.bearer, ("Origin", "http://127.0.0.1:\(client.port)")],
                body: "{}")
            #expect(reply.status == 403)
            #expect(reply.body.contains("只读"))
        }
    }

    @Test func everyResponseCarriesTheSecurityHeaders() async throws {
        try await RunningWorkbench.with { client in
            let first = try await client.send("GET", "/?token=\(RunningWorkbench.token.value)")
            let bearer = [RunningWorkbench.bearer]
            let replies = [
                try await client.send("GET", "/"), first,
                try await client.send("GET", "/", headers: [("Host", "evil.example")]),
                try await client.send("GET", "/", headers: bearer),
                try await client.send("GET", "/nowhere", headers: bearer),
                try await client.send("GET", "/api/search?q=%E4%BC%81%E4%B8%9A", headers: bearer),
                try await client.send("GET", "/matters/YX-QYKB", headers: bearer),
                try await client.send("POST", "/", headers: bearer),
            ]
            for reply in replies {
                #expect(
                    reply.header("Content-Security-Policy")
                        == "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                        + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
                #expect(reply.header("X-Content-Type-Options") == "nosniff")
                #expect(reply.header("Referrer-Policy") == "same-origin")
            }
        }
    }
}

@Suite(.serialized) struct WorkbenchPageTests {
    @Test func servesTheBuiltInAssetsWithLongCaching() async throws {
        try await RunningWorkbench.with { client in
            let home = try await client.send("GET", "/", headers: [RunningWorkbench.bearer])
            let css = try #require(home.body.firstMatch(of: /href="(\/assets\/app\.[0-9a-f]{12}\.css)"/)?.1)
            let js = try #require(home.body.firstMatch(of: /src="(\/assets\/app\.[0-9a-f]{12}\.js)"/)?.1)
            for path in [css, js] {
                let reply = try await client.send("GET", String(path), headers: [RunningWorkbench.bearer])
                #expect(reply.status == 200)
                #expect(reply.header("Cache-Control")?.contains("immutable") == true)
            }
            #expect(!home.body.contains("http://") && !home.body.contains("https://"))
            #expect(!home.body.contains("<style") && !home.body.contains("<script>"))
        }
    }

    @Test func escapesAHostileItemName() async throws {
        let hostile = "<script>alert('x')</script>&\"名\""
        let data = try RunningWorkbench.sampleData(rename: hostile)
        let code = data.catalog.items[0].id
        try await RunningWorkbench.with(data: data) { client in
            let page = try await client.send("GET", "/items/\(code)", headers: [RunningWorkbench.bearer])
            #expect(page.status == 200)
            #expect(!page.body.contains("<script>alert"))
            #expect(page.body.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;&quot;名&quot;"))
        }
    }

    @Test func composesAMatterWithTheSameFiguresAsTheLibrary() async throws {
        let data = try RunningWorkbench.sampleData()
        let matter = try #require(data.matter(code: "YX-QYKB"))
        let answers: AnswerSet = ["invoice": "是", "staff": "是", "fund": "否", "bank": "否", "agent": "否"]
        let expected = try data.composer.compose(matter: matter, answers: answers)
        try await RunningWorkbench.with(data: data) { client in
            let query = "q.invoice=%E6%98%AF&q.staff=%E6%98%AF&q.fund=%E5%90%A6&q.bank=%E5%90%A6&q.agent=%E5%90%A6"
            let page = try await client.send("GET", "/matters/YX-QYKB?\(query)", headers: [RunningWorkbench.bearer])
            #expect(page.status == 200)
            #expect(page.body.contains("data-total=\"\(expected.materials.count)\""))
            let api = try await client.send(
                "GET", "/api/matters/YX-QYKB/composition?\(query)", headers: [RunningWorkbench.bearer])
            let json = try #require(try JSONSerialization.jsonObject(with: Data(api.body.utf8)) as? [String: Any])
            #expect((json["materials"] as? [Any])?.count == expected.materials.count)
        }
    }

    /// The API's composition is the command line's `compose --format json` byte for byte, less `schemaVersion`.
    @Test func compositionAPIPrintsTheCommandLinesJSON() async throws {
        var data = try RunningWorkbench.sampleData()
        let workspace = Workspace(catalogPaths: [Fixtures.path("Catalogs/yunxi")])
        data.composer = try workspace.composer(catalog: data.catalog, loadingCalendar: true)
        let answers = ["invoice=是", "staff=是", "fund=否", "bank=否", "agent=否"]
        let cli = try Fixtures.runOnego(
            ["compose", "YX-QYKB", "--catalog", Fixtures.path("Catalogs/yunxi"), "--format", "json"]
                + ["--accepted", "2026-09-30"] + answers.flatMap { ["--answer", $0] })
        #expect(cli.status == 0, "\(cli.stderr)")
        let version = "\n  \"schemaVersion\" : 1,"
        #expect(cli.stdout.contains(version + "\n  \"stages\" : ["))
        try await RunningWorkbench.with(data: data) { client in
            let query =
                (answers.map { "answer=" + $0 } + ["accepted=2026-09-30"]).joined(separator: "&")
                .addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed) ?? ""
            let api = try await client.send(
                "GET", "/api/matters/YX-QYKB/composition?\(query)", headers: [RunningWorkbench.bearer])
            #expect(api.status == 200, "\(api.body)")
            #expect(api.body.contains("\"due\" : {"))
            #expect(api.body + "\n" == cli.stdout.replacingOccurrences(of: version, with: ""))
        }
    }

    @Test func anHourMatterPageStatesItsTimeInOfficeHours() async throws {
        try await RunningWorkbench.with { client in
            // fund=是, premises=是, articles=否
            let query = "q.fund=%E6%98%AF&q.premises=%E6%98%AF&q.articles=%E5%90%A6"
            let page = try await client.send("GET", "/matters/YX-QYBG?\(query)", headers: [RunningWorkbench.bearer])
            #expect(page.status == 200)
            #expect(page.body.contains("共 2 小时（逐项串联承诺 2 小时，法定 21 小时）"), "\(page.body)")
            #expect(page.body.contains("第 1 阶段 · 受理后 2 小时内完成"))
            #expect(page.body.contains("云溪区市场监督管理局 · 2 小时</span>"))
            #expect(page.body.contains("云溪区税务局 · 即办</span>"))
        }
    }

    @Test func searchReturnsItemsAndMattersAsJSON() async throws {
        try await RunningWorkbench.with { client in
            let reply = try await client.send(
                "GET", "/api/search?q=%E4%BC%81%E4%B8%9A%E5%BC%80%E5%8A%9E", headers: [RunningWorkbench.bearer])
            #expect(reply.status == 200)
            #expect(reply.header("Content-Type")?.hasPrefix("application/json") == true)
            let hits = try #require(try JSONSerialization.jsonObject(with: Data(reply.body.utf8)) as? [[String: Any]])
            #expect(!hits.isEmpty)
            for hit in hits {
                #expect(["item", "matter"].contains(hit["kind"] as? String))
                #expect(hit["code"] is String)
                #expect(hit["name"] is String)
            }
            #expect(hits.contains { $0["kind"] as? String == "matter" && $0["code"] as? String == "YX-QYKB" })
            let page = try await client.send(
                "GET", "/search?q=%E4%BC%81%E4%B8%9A%E5%BC%80%E5%8A%9E", headers: [RunningWorkbench.bearer])
            #expect(page.body.contains("/matters/YX-QYKB"))
        }
    }

    @Test func asksForMissingAnswers() async throws {
        try await RunningWorkbench.with { client in
            let page = try await client.send("GET", "/matters/YX-QYKB", headers: [RunningWorkbench.bearer])
            #expect(page.status == 200)
            #expect(page.body.contains("id=\"missing\""))
        }
    }
}
