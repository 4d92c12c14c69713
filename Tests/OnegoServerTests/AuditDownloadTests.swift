import Foundation
import OnegoAudit
import OnegoBase
import OnegoCatalog
import OnegoComposer
import OnegoExport
import OnegoServer
import OnegoTestSupport
import Testing

/// The audit page's downloads: the same files as `onego audit --format xlsx|csv|sarif|html|json`.
@Suite(.serialized) struct AuditDownloadTests {
    /// The sample workspace with its audit against the Guangdong-style policy, as `onego serve --policy` loads it.
    static func auditedData() throws -> WorkbenchData {
        let loader = try CatalogLoader.validating(schemaPath: Fixtures.schemas + "/catalog.xsd")
        let load = loader.load(paths: [Fixtures.sampleItems])
        let (policy, _) = Policy.load(
            path: Fixtures.path("Catalogs/policies/guangdong-style-2026.xml"),
            schemaPath: Fixtures.schemas + "/policy.xsd")
        let report = Auditor().audit(
            load, policy: policy, today: try #require(CalendarDay(iso: "2026-03-01")), paths: [Fixtures.sampleItems])
        let matters = MatterLoader.load(paths: [Fixtures.sampleMatters]).matters
        return WorkbenchData(
            workspace: "Catalogs/yunxi", catalog: load.catalog, matters: matters,
            composer: Composer(catalog: load.catalog), audit: report,
            issued: try #require(CalendarDay(iso: "2026-03-02")),
            search: IndexSearch(catalog: load.catalog, matters: matters))
    }

    func get(_ client: RawHTTPClient, _ path: String) async throws -> RawHTTPClient.Reply {
        try await client.send("GET", path, headers: [RunningWorkbench.bearer])
    }

    @Test func theAuditPageOffersEachFormatAndServesTheCommandLinesFiles() async throws {
        let data = try Self.auditedData()
        let report = try #require(data.audit)
        try await RunningWorkbench.with(data: data) { client in
            let page = try await get(client, "/audit")
            #expect(page.status == 200)
            for format in ["xlsx", "csv", "html", "sarif", "json"] {
                #expect(page.body.contains("href=\"/audit/download/\(format)\" download"), "\(format)")
            }
            let xlsx = try await get(client, "/audit/download/xlsx")
            #expect(xlsx.status == 200)
            #expect(xlsx.header("Content-Type") == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            #expect(xlsx.header("Content-Disposition")?.contains("filename*=UTF-8''%E5%AE%A1%E8%AE%A1") == true)
            #expect(xlsx.body.hasPrefix("PK"), "a zip package")
            #expect(xlsx.body.contains("xl/worksheets/sheet2.xml"), "targets, work lists and findings sheets")
            let csv = try await get(client, "/audit/download/csv")
            #expect(csv.header("Content-Type") == "text/csv; charset=utf-8")
            #expect(csv.body == AuditCSVReport.render(report))
            #expect(csv.body.contains("云溪区"), "findings name their departments")
            let html = try await get(client, "/audit/download/html")
            #expect(html.body == AuditHTMLReport.render(report))
            #expect(html.body.contains("Content-Security-Policy"))
            let sarif = try await get(client, "/audit/download/sarif")
            #expect(sarif.header("Content-Type") == "application/sarif+json")
            #expect(sarif.body.contains("sarif-schema-2.1.0"))
            #expect(try await get(client, "/audit/download/pdf").status == 404)
        }
    }

    @Test func withoutAPolicyThereIsNothingToDownload() async throws {
        try await RunningWorkbench.with { client in
            let reply = try await get(client, "/audit/download/xlsx")
            #expect(reply.status == 404)
        }
    }
}
