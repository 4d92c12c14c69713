import Foundation
import OnegoBase
import OnegoCatalog
import OnegoComposer
import OnegoServer
import OnegoTestSupport
import OnegoXML
import Testing

/// A copy of the sample workspace in a temporary folder, loaded as `onego serve` loads it (errors thrown with
/// their file:line:column).
struct ScratchWorkspace {
    let root: String

    init() throws {
        root = try Fixtures.temporaryDirectory() + "/yunxi"
        try FileManager.default.copyItem(atPath: Fixtures.path("Catalogs/yunxi"), toPath: root)
    }

    var mattersFolder: String { root + "/matters" }

    /// Loads the workspace; the first error diagnostic is thrown.
    func load() throws -> WorkbenchData {
        let loaded = try CatalogLoader.validating(schemaPath: Fixtures.schemas + "/catalog.xsd")
            .load(paths: [root + "/items"])
        if let error = loaded.diagnostics.first(where: { $0.severity == .error }) { throw error }
        let (matters, problems) = try MatterLoader.validating(schemaPath: Fixtures.schemas + "/matter.xsd")
            .load(paths: [mattersFolder])
        if let error = problems.first(where: { $0.severity == .error }) { throw error }
        var data = WorkbenchData(
            workspace: root, catalog: loaded.catalog, matters: matters,
            composer: Composer(catalog: loaded.catalog), audit: nil,
            issued: try #require(CalendarDay(iso: "2026-03-02")),
            search: IndexSearch(catalog: loaded.catalog, matters: matters))
        data.mattersFolder = mattersFolder
        return data
    }

    /// A store over this workspace that reloads it when its files change.
    func store() throws -> WorkbenchStore {
        let workspace = self
        return WorkbenchStore(data: try load(), watching: [root], loader: { try workspace.load() })
    }

    /// Replaces `old` by `new` in a file of the workspace.
    func edit(_ file: String, replacing old: String, with new: String) throws {
        let path = root + "/" + file
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try #require(text.contains(old))
        try text.replacingOccurrences(of: old, with: new).write(toFile: path, atomically: true, encoding: .utf8)
    }
}

@Suite(.serialized) struct WorkspaceReloadTests {
    @Test func picksUpAChangedMatterFile() async throws {
        let workspace = try ScratchWorkspace()
        let store = try workspace.store()
        try await RunningWorkbench.with(store: store) { client in
            #expect(
                try await client.send("GET", "/matters/YX-QYKB", headers: [RunningWorkbench.bearer]).body
                    .contains("<h1>企业开办</h1>"))
            try workspace.edit("matters/qykb.xml", replacing: "<name>企业开办</name>", with: "<name>企业开办（新版）</name>")
            #expect(store.reloadIfChanged())
            let page = try await client.send("GET", "/matters/YX-QYKB", headers: [RunningWorkbench.bearer])
            #expect(page.body.contains("<h1>企业开办（新版）</h1>"))
            #expect(!page.body.contains("reload-error"))
            #expect(!store.reloadIfChanged(), "nothing changed since the last look")
        }
    }

    @Test func aFailedReloadKeepsTheLastGoodStateAndNamesTheError() async throws {
        let workspace = try ScratchWorkspace()
        let store = try workspace.store()
        try await RunningWorkbench.with(store: store) { client in
            // A half-edited file: the name element is not closed.
            try workspace.edit("matters/qykb.xml", replacing: "<name>企业开办</name>", with: "<name>企业开办（半截")
            #expect(store.reloadIfChanged())
            let error = try #require(store.reloadError)
            #expect(error.contains("qykb.xml:5:"), "\(error)")
            let page = try await client.send("GET", "/matters/YX-QYKB", headers: [RunningWorkbench.bearer])
            #expect(page.status == 200)
            #expect(page.body.contains("<h1>企业开办</h1>"), "the last good state is still served")
            #expect(page.body.contains("id=\"reload-error\""))
            #expect(page.body.contains("qykb.xml:5:"))
            // Fixing the file clears the banner.
            try workspace.edit("matters/qykb.xml", replacing: "<name>企业开办（半截", with: "<name>企业开办（修好）</name>")
            #expect(store.reloadIfChanged())
            #expect(store.reloadError == nil)
            let fixed = try await client.send("GET", "/matters/YX-QYKB", headers: [RunningWorkbench.bearer])
            #expect(fixed.body.contains("<h1>企业开办（修好）</h1>"))
            #expect(!fixed.body.contains("reload-error"))
        }
    }

    @Test func theRunningServerPollsForChanges() async throws {
        let workspace = try ScratchWorkspace()
        let store = try workspace.store()
        try await RunningWorkbench.with(store: store, watchEvery: .milliseconds(100)) { client in
            try workspace.edit("matters/tx.xml", replacing: "<name>退休</name>", with: "<name>退休一件事</name>")
            var seen = false
            for _ in 0..<50 where !seen {
                try await Task.sleep(for: .milliseconds(100))
                seen = store.data.matters.contains { $0.name == "退休一件事" }
            }
            #expect(seen, "the watcher reloads within a few polls")
            let hits = try await client.send(
                "GET",
                "/api/search?q=" + (("退休一件事").addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""),
                headers: [RunningWorkbench.bearer])
            #expect(hits.body.contains("退休一件事"))
        }
    }
}
