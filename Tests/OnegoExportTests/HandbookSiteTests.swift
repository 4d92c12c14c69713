import Foundation
import OnegoCatalog
import OnegoComposer
import OnegoExport
import OnegoTestSupport
import Testing

@Suite struct HandbookSiteTests {
    func site(items: [ServiceItem]? = nil) throws -> HandbookSite {
        let fixture = try ComposedFixture(accepted: nil)
        let catalog = items.map { Catalog(items: $0) } ?? fixture.catalog
        return HandbookSite(
            title: "云溪区政务服务事项", catalog: catalog,
            matters: [HandbookSite.MatterEntry(matter: fixture.matter, example: fixture.composition)],
            options: try TestCatalog.plain())
    }

    func page(_ pages: [HandbookSite.Page], _ path: String) throws -> String {
        try #require(pages.first { $0.path == path }).text
    }

    @Test func hasAnIndexAPagePerItemAndPerMatter() throws {
        let site = try site()
        let pages = site.pages()
        #expect(
            pages.map(\.path).sorted() == [
                ".onego-site", "index.html",
                "items/1144018800748257514000101001002001.html", "items/11440188007482591N4000101001004001.html",
                "items/11440188MB2C9023XA4000101001001001.html", "items/11440188MB2C9031XX4000101001003001.html",
                "items/91440188MA5D00001A4000101001005001.html", "matters/T-QYKB.html",
            ])
        let index = try page(pages, "index.html")
        #expect(index.contains("<h2>一、按一件事</h2>"))
        #expect(index.contains("<h2>二、按部门</h2>"))
        #expect(index.contains("<h3>云溪区税务局（1）</h3>"))
        #expect(index.contains("<a href=\"matters/T-QYKB.html\">企业开办（导出测试）</a>"))
        #expect(index.contains("<a href=\"items/11440188MB2C9031XX4000101001003001.html\">发票申领</a>"))
    }

    @Test func itemPagesHoldGuideNoticeAndChecklistAndLinkBack() throws {
        let text = try page(try site().pages(), "items/11440188MB2C9031XX4000101001003001.html")
        #expect(text.contains("<a href=\"../index.html\">"))
        #expect(text.contains("<article class=\"doc doc-guide\">"))
        #expect(text.contains("<article class=\"doc doc-notice\">"))
        #expect(text.contains("<article class=\"doc doc-checklist\">"))
    }

    @Test func matterPageLinksItsMembersAndShowsTheExampleNotice() throws {
        let text = try page(try site().pages(), "matters/T-QYKB.html")
        #expect(text.contains("<a href=\"../items/11440188MB2C9023XA4000101001001001.html\">企业设立登记</a>"))
        #expect(text.contains("一件事办事指南"))
        #expect(text.contains("<article class=\"doc doc-notice\">"))
        #expect(text.contains("是否需要申领发票？"))
    }

    @Test func searchIndexCannotBreakOutOfItsScriptElement() throws {
        var items = try ComposedFixture(accepted: nil).catalog.items
        items[0].name = "</script><script>alert(1)</script> & <!-- \u{2028}"
        let index = try page(try site(items: items).pages(), "index.html")
        let start = try #require(index.range(of: "<script type=\"application/json\" id=\"search-index\">"))
        let rest = index[start.upperBound...]
        let end = try #require(rest.range(of: "</script>"))
        let json = String(rest[..<end.lowerBound])
        #expect(!json.contains("<") && !json.contains(">") && !json.contains("&") && !json.contains("\u{2028}"))
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: String]])
        #expect(entries.contains { $0["n"] == "</script><script>alert(1)</script> & <!-- \u{2028}" })
        #expect(entries.contains { $0["k"] == "matter" && $0["c"] == "T-QYKB" && $0["u"] == "matters/T-QYKB.html" })
        // The name is escaped in the visible list too.
        #expect(index.contains("&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;!--"))
        #expect(index.components(separatedBy: "<script").count == 3)  // the JSON block and the search script only
    }

    @Test func pagesUseRelativeLinksAndNoOutsideResources() throws {
        for page in try site().pages() where page.path.hasSuffix(".html") {
            #expect(!page.text.contains("href=\"/"), "\(page.path) has an absolute link")
            #expect(!page.text.contains("src="), "\(page.path) loads something")
            #expect(!page.text.contains("<link"), "\(page.path) links a resource")
        }
    }
}

@Suite struct AtomicDirectoryTests {
    let marker = HandbookSite.marker

    @Test func writesAndReplacesAnEarlierSite() throws {
        let parent = try Fixtures.temporaryDirectory()
        let out = parent + "/site"
        let writer = AtomicDirectory(marker: marker)
        try writer.write([(marker, "x"), ("index.html", "一"), ("items/a.html", "a")], to: out)
        try writer.write([(marker, "x"), ("index.html", "二")], to: out)
        #expect(try String(contentsOfFile: out + "/index.html", encoding: .utf8) == "二")
        #expect(!FileManager.default.fileExists(atPath: out + "/items/a.html"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent) == ["site"])
    }

    @Test func refusesAForeignFolderAndLeavesItAlone() throws {
        let parent = try Fixtures.temporaryDirectory()
        let out = parent + "/mine"
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        try Fixtures.write("重要", to: "notes.txt", in: out)
        #expect {
            try AtomicDirectory(marker: marker).write([("index.html", "x")], to: out)
        } throws: { error in
            (error as? OutputError)?.reason == .foreignFolder
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: out) == ["notes.txt"])
    }

    @Test func refusesInputsAndFoldersAroundThem() throws {
        let parent = try Fixtures.temporaryDirectory()
        let catalog = parent + "/catalog"
        try FileManager.default.createDirectory(atPath: catalog + "/items", withIntermediateDirectories: true)
        let writer = AtomicDirectory(protecting: [catalog + "/items"], marker: marker)
        #expect(throws: OutputError.self) { try writer.check(catalog + "/items") }
        #expect(throws: OutputError.self) { try writer.check(catalog) }
        #expect(throws: OutputError.self) { try writer.check(catalog + "/items/site") }
        try writer.check(parent + "/site")
    }

    @Test func aFailedWriteKeepsTheOldSiteAndLeavesNoTemporaryFolder() throws {
        let parent = try Fixtures.temporaryDirectory()
        let out = parent + "/site"
        let writer = AtomicDirectory(marker: marker)
        try writer.write([(marker, "x"), ("index.html", "旧")], to: out)
        #expect(throws: OutputError.self) {
            try writer.write([(marker, "x"), ("index.html", "新"), ("../escape.html", "x")], to: out)
        }
        #expect(try String(contentsOfFile: out + "/index.html", encoding: .utf8) == "旧")
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent) == ["site"])
    }

    @Test func removesAHalfWrittenFolderOfAKilledRun() throws {
        let parent = try Fixtures.temporaryDirectory()
        try FileManager.default.createDirectory(
            atPath: parent + "/.site.onego-77.tmp/items", withIntermediateDirectories: true)
        try AtomicDirectory(marker: marker).write([(marker, "x"), ("index.html", "新")], to: parent + "/site")
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent) == ["site"])
    }
}
