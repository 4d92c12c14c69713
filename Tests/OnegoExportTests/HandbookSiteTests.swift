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
        let synonyms = SynonymTable.load(path: Fixtures.path("Catalogs/reference/material-synonyms.xml")).0
        let composer = Composer(catalog: catalog, synonyms: synonyms, calendar: nil)
        return HandbookSite(
            title: "云溪区政务服务事项", catalog: catalog,
            matters: [HandbookSite.MatterEntry.make(fixture.matter, composer: composer)],
            options: try TestCatalog.plain())
    }

    func page(_ pages: [HandbookSite.Page], _ path: String) throws -> String {
        try #require(pages.first { $0.path == path }).text
    }

    @Test func hasAnIndexSharedAssetsAPagePerItemAndPerMatterAndBrowsePages() throws {
        let pages = try site().pages()
        let paths = Set(pages.map(\.path))
        for path in [
            ".onego-site", "index.html", "site.css", "site.js", "search/words.js", "search/shard-0.js",
            "items/1144018800748257514000101001002001.html", "items/11440188MB2C9031XX4000101001003001.html",
            "matters/T-QYKB.html",
        ] {
            #expect(paths.contains(path), "\(path)")
        }
        #expect(paths.count { $0.hasPrefix("items/") && !$0.hasSuffix(".notice.html") } == 5)
        #expect(paths.count { $0.hasPrefix("items/") && $0.hasSuffix(".notice.html") } == 5)
        #expect(paths.contains { $0.hasPrefix("departments/d-") })
        #expect(paths.contains { $0.hasPrefix("audiences/a-") })
        let index = try page(pages, "index.html")
        #expect(index.contains("按一件事"))
        #expect(index.contains("按服务对象"))
        #expect(index.contains("按部门"))
        #expect(index.contains("<a href=\"matters/T-QYKB.html\">企业开办（导出测试）</a>"))
        #expect(index.contains("更新日期：2026年11月20日"))
        let tax = try page(
            pages,
            try #require(
                paths.first { path in
                    path.hasPrefix("departments/") && (try? page(pages, path).contains("云溪区税务局")) == true
                }))
        #expect(tax.contains("<a href=\"../items/11440188MB2C9031XX4000101001003001.html\">发票申领</a>"))
    }

    @Test func itemPagesHoldTheGuideAndLinkTheirNoticeAndChecklist() throws {
        let pages = try site().pages()
        let text = try page(pages, "items/11440188MB2C9031XX4000101001003001.html")
        #expect(text.contains("<a href=\"../index.html\">"))
        #expect(text.contains("<article class=\"doc doc-guide\">"))
        #expect(text.contains("<a href=\"11440188MB2C9031XX4000101001003001.notice.html\">"))
        let notice = try page(pages, "items/11440188MB2C9031XX4000101001003001.notice.html")
        #expect(notice.contains("<article class=\"doc doc-notice\">"))
        #expect(notice.contains("<article class=\"doc doc-checklist\">"))
        #expect(text.contains("<link rel=\"stylesheet\" href=\"../site.css\">"))
        #expect(text.contains("更新日期：2026年11月20日"))
    }

    @Test func matterPageAsksTheQuestionsAndCarriesNoFixedAnswers() throws {
        let text = try page(try site().pages(), "matters/T-QYKB.html")
        #expect(text.contains("<a href=\"../items/11440188MB2C9023XA4000101001001001.html\">企业设立登记</a>"))
        #expect(text.contains("<script type=\"application/json\" id=\"situation-sheet\">"))
        #expect(text.contains("是否需要申领发票？"))
        #expect(text.contains("<script src=\"../site.js\" defer></script>"))
        // Notices are in the matter's notices file, shown only for the visitor's answers; none is on the page.
        #expect(!text.contains("<article class=\"doc doc-notice\">"))
        #expect(text.contains("<div id=\"notices\" data-src=\"matters/T-QYKB.notices.js\" hidden></div>"))
        let notices = try page(try site().pages(), "matters/T-QYKB.notices.js")
        #expect(notices.hasPrefix("onegoSite.notices({\"lines\":[") && notices.hasSuffix("});\n"))
        #expect(notices.contains("doc doc-notice") && notices.contains("营业执照"))
        #expect(!text.contains("情形选择"))
    }

    @Test func searchDataCannotBreakOutOfItsScriptAndNamesAreEscaped() throws {
        var items = try ComposedFixture(accepted: nil).catalog.items
        items[0].name = "</script><script>alert(1)</script> & <!-- \u{2028}"
        let pages = try site(items: items).pages()
        let shard = try page(pages, "search/shard-0.js")
        #expect(shard.hasPrefix("onegoSite.shard(") && shard.hasSuffix(");\n"))
        let json = String(shard.dropFirst("onegoSite.shard(".count).dropLast(3))
        #expect(!json.contains("<") && !json.contains(">") && !json.contains("&") && !json.contains("\u{2028}"))
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        #expect(entries.contains { $0["n"] as? String == "</script><script>alert(1)</script> & <!-- \u{2028}" })
        #expect(entries.contains { $0["k"] as? String == "matter" && $0["u"] as? String == "matters/T-QYKB.html" })
        for page in pages where page.path.hasSuffix(".html") {
            #expect(!page.text.contains("<script>alert"), "\(page.path)")
        }
        let list = try #require(pages.first { $0.path.hasPrefix("departments/") && $0.text.contains("alert(1)") })
        #expect(list.text.contains("&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;!--"))
    }

    @Test func pagesUseOnlyTheSharedAssetsUnderAStrictPolicy() throws {
        for page in try site().pages() where page.path.hasSuffix(".html") {
            let text = page.text
            #expect(text.contains("content=\"default-src 'none'; style-src 'self'; script-src 'self'; img-src data:\""))
            #expect(!text.contains("unsafe-inline"), "\(page.path)")
            #expect(!text.contains("<style"), "\(page.path) has an inline style sheet")
            #expect(!text.contains(" style="), "\(page.path) has an inline style")
            #expect(!text.contains("href=\"/") && !text.contains("src=\"/"), "\(page.path) has an absolute link")
            #expect(!text.contains("http://") || text.contains("<a href=\"http"), "\(page.path)")
            for script in text.components(separatedBy: "<script").dropFirst() {
                #expect(
                    script.hasPrefix(" src=\"") || script.hasPrefix(" type=\"application/json\""),
                    "\(page.path) has an inline script")
            }
        }
    }

    @Test func onlineAddressesAndBlankFormsAreLinks() throws {
        var items = try ComposedFixture(accepted: nil).catalog.items
        items[0].online.url = "https://www.gdzwfw.gov.cn/portal/v2/guide/11440188?a=1&b=2"
        let text = try page(try site(items: items).pages(), HandbookSiteTests.itemPath(items[0]))
        #expect(
            text.contains(
                "<a href=\"https://www.gdzwfw.gov.cn/portal/v2/guide/11440188?a=1&amp;b=2\" rel=\"noopener noreferrer\">"
            ))
    }

    static func itemPath(_ item: ServiceItem) -> String { "items/" + item.id + ".html" }
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

    @Test func unchangedFilesAreKeptAndOnlyChangedOnesRewritten() throws {
        let out = try Fixtures.temporaryDirectory() + "/site"
        let writer = AtomicDirectory(marker: marker)
        let first = try writer.write(
            [(marker, "x"), ("index.html", "一"), ("items/a.html", "甲"), ("items/b.html", "乙")], to: out)
        #expect(first == FolderWriteSummary(written: 4, unchanged: 0))
        let before = try FileManager.default.attributesOfItem(atPath: out + "/items/a.html")
        let second = try writer.write(
            [(marker, "x"), ("index.html", "二"), ("items/a.html", "甲"), ("items/c.html", "丙")], to: out)
        #expect(second == FolderWriteSummary(written: 2, unchanged: 2))
        let after = try FileManager.default.attributesOfItem(atPath: out + "/items/a.html")
        #expect(before[.systemFileNumber] as? Int == after[.systemFileNumber] as? Int)
        #expect(try String(contentsOfFile: out + "/index.html", encoding: .utf8) == "二")
        #expect(try String(contentsOfFile: out + "/items/c.html", encoding: .utf8) == "丙")
        #expect(!FileManager.default.fileExists(atPath: out + "/items/b.html"))
        // A file of the same size but different bytes is written, not linked.
        let third = try writer.write([(marker, "x"), ("index.html", "三"), ("items/a.html", "丁")], to: out)
        #expect(third == FolderWriteSummary(written: 2, unchanged: 1))
        #expect(try String(contentsOfFile: out + "/items/a.html", encoding: .utf8) == "丁")
    }
}

/// Page sizes on the sample catalog and on a catalog grown from it to thousands of items.
@Suite struct SitePageSizeTests {
    @Test func itemPagesStayUnderTenKilobytesAndTheIndexUnder300() throws {
        let loader = try CatalogLoader.validating(schemaPath: Fixtures.path("Schemas/catalog.xsd"))
        let sample = loader.load(paths: [Fixtures.sampleItems]).catalog.items
        var items: [ServiceItem] = []
        for copy in 0..<30 {
            for var item in sample {
                item.codes.implementation += String(format: "%03d", copy)
                if let handling = item.codes.handling { item.codes.handling = handling + String(format: "%03d", copy) }
                items.append(item)
            }
        }
        #expect(items.count >= 4800)
        let site = HandbookSite(
            title: "云溪区政务服务事项", catalog: Catalog(items: items), matters: [], options: try TestCatalog.plain())
        let pages = site.pages()
        let itemPages = pages.filter { $0.path.hasPrefix("items/") && !$0.path.hasSuffix(".notice.html") }
        #expect(itemPages.count == items.count)
        let largest = try #require(itemPages.max { $0.text.utf8.count < $1.text.utf8.count })
        #expect(largest.text.utf8.count <= 10_240, "\(largest.path): \(largest.text.utf8.count) bytes")
        let index = try #require(pages.first { $0.path == "index.html" })
        #expect(index.text.utf8.count <= 300_000, "index.html: \(index.text.utf8.count) bytes")
        #expect(index.text.contains("\(items.count) 个事项"))
    }
}
