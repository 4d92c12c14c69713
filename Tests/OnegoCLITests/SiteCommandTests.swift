import Foundation
import OnegoTestSupport
import Testing

@Suite struct SiteCommandTests {
    @Test func writesTheSiteWithItemAndMatterPages() throws {
        let out = try Fixtures.temporaryDirectory() + "/site"
        let run = try Fixtures.runOnego([
            "site", "Tests/Fixtures/export/qykb/items", "--matters", "Tests/Fixtures/export/qykb/matters", "--out", out,
            "--date", "2026-11-20", "--title", "云溪区测试手册",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("5 个事项页，1 个一件事页"))
        let index = try String(contentsOfFile: out + "/index.html", encoding: .utf8)
        #expect(index.contains("<p class=\"doc-subject\">云溪区测试手册</p>"))
        #expect(FileManager.default.fileExists(atPath: out + "/matters/T-QYKB.html"))
        let items = try FileManager.default.contentsOfDirectory(atPath: out + "/items")
        #expect(items.count { !$0.hasSuffix(".notice.html") } == 5)
        #expect(items.count { $0.hasSuffix(".notice.html") } == 5)
    }

    @Test func findsMattersBesideTheItemsFolder() throws {
        let out = try Fixtures.temporaryDirectory() + "/site"
        let run = try Fixtures.runOnego([
            "site", "Tests/Fixtures/export/qykb/items", "--out", out, "--date", "2026-11-20",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(FileManager.default.fileExists(atPath: out + "/matters/T-QYKB.html"))
    }

    @Test func rerunReplacesTheSiteButNotAForeignFolder() throws {
        let parent = try Fixtures.temporaryDirectory()
        let arguments = ["site", "Tests/Fixtures/minimal.xml", "--date", "2026-11-20", "--out"]
        #expect(try Fixtures.runOnego(arguments + [parent + "/site"]).status == 0)
        #expect(try Fixtures.runOnego(arguments + [parent + "/site"]).status == 0)
        try Fixtures.write("别删我", to: "keep.txt", in: parent)
        let foreign = try Fixtures.runOnego(arguments + [parent])
        #expect(foreign.status == 1)
        #expect(foreign.stderr.contains("不是 onego 生成的"))
        #expect(FileManager.default.fileExists(atPath: parent + "/keep.txt"))
    }

    @Test func refusesToWriteOverTheCatalogFolder() throws {
        let run = try Fixtures.runOnego([
            "site", "Tests/Fixtures/export/qykb/items", "--out", "Tests/Fixtures/export/qykb",
        ])
        #expect(run.status == 1)
        #expect(run.stderr.contains("拒绝覆盖"))
    }

    @Test func missingOutIsAUsageError() throws {
        #expect(try Fixtures.runOnego(["site", "Tests/Fixtures/minimal.xml"]).status == 64)
    }
}
