import Foundation
import OnegoTestSupport
import Testing

/// `onego site` over an existing site: pages whose item did not change are kept without rendering (same file), a
/// changed item's pages and the lists naming it are written again, and an edited or deleted page is restored.
@Suite struct SiteRebuildTests {
    /// The inode of every file of the site, by relative path.
    static func inodes(_ folder: String) throws -> [String: UInt64] {
        var result: [String: UInt64] = [:]
        let enumerator = try #require(FileManager.default.enumerator(atPath: folder))
        while let path = enumerator.nextObject() as? String {
            let attributes = try FileManager.default.attributesOfItem(atPath: folder + "/" + path)
            guard attributes[.type] as? FileAttributeType == .typeRegular else { continue }
            result[path] = (attributes[.systemFileNumber] as? NSNumber)?.uint64Value
        }
        return result
    }

    static func text(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    /// The input digest of every page the site's manifest records, by relative path.
    static func digests(_ folder: String) throws -> [String: String] {
        var result: [String: String] = [:]
        for line in try text(folder + "/.onego-manifest").split(separator: "\n").dropFirst() {
            let fields = line.split(separator: " ", maxSplits: 4)
            result[String(fields[4])] = String(fields[0])
        }
        return result
    }

    @Test func unchangedPagesAreKeptChangedOnesRewrittenAndDamagedOnesRestored() throws {
        let folder = try Fixtures.temporaryDirectory()
        try FileManager.default.copyItem(atPath: Fixtures.fixture("export/qykb"), toPath: folder + "/qykb")
        let out = folder + "/site"
        let arguments = ["site", folder + "/qykb/items", "--out", out, "--date", "2026-11-20"]
        let first = try Fixtures.runOnego(arguments)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stderr.contains("0 个页面未变未重新生成"))
        let before = try Self.inodes(out)
        #expect(before.keys.contains(".onego-manifest"))

        // Every page but the folder's marker is kept unrendered: item pages, lists, search shards, the index, the
        // shared files and the matter's page and notices (not even composed).
        let recorded = try Self.digests(out)
        #expect(recorded.count == 28)
        #expect(recorded.keys.contains("matters/T-QYKB.html") && recorded.keys.contains("matters/T-QYKB.notices.js"))
        #expect(recorded.keys.contains("index.html") && recorded.keys.contains("search/shard-0.js"))
        let again = try Fixtures.runOnego(arguments)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stderr.contains("28 个页面未变未重新生成；0 个文件新写入"), "\(again.stderr)")
        let unchanged = try Self.inodes(out)
        for (path, inode) in before where path != ".onego-manifest" {
            #expect(unchanged[path] == inode, "\(path) was written again")
        }

        // Rename one item (a line more, so every item below moves): its two pages are rendered again, the other
        // items' pages are kept.
        let items = folder + "/qykb/items/items.xml"
        try Data(
            try Self.text(items).replacingOccurrences(
                of: "<name>企业设立登记</name>", with: "<!-- 更名 -->\n    <name>企业设立登记（含名称申报）</name>"
            )
            .utf8
        )
        .write(to: URL(fileURLWithPath: items))
        let changed = try Fixtures.runOnego(arguments)
        #expect(changed.status == 0, "\(changed.stderr)")
        let after = try Self.inodes(out)
        let renamed = "items/11440188MB2C9023XA4000101001001001"
        for (path, inode) in before where path.hasPrefix("items/") {
            #expect((after[path] == inode) == !path.hasPrefix(renamed), "\(path)")
        }
        // Rendered again: the item's two pages, the lists and the search shard naming it, the index (counts) and
        // the matter it belongs to.
        let rerendered = try Self.digests(out).filter { recorded[$0.key] != $0.value }.keys.sorted()
        let naming = try rerendered.filter { try Self.text(out + "/" + $0).contains("企业设立登记（含名称申报）") }
        #expect(
            rerendered == [
                "audiences/a-33468caebbbbba6f-7a9a5baccadc25ac.html", "audiences/a-33468caebbbbba6f.html",
                "departments/d-7a9a5baccadc25ac.html", "index.html", renamed + ".html", renamed + ".notice.html",
                "matters/T-QYKB.html", "matters/T-QYKB.notices.js", "search/shard-0.js",
            ], "\(rerendered)")
        #expect(Set(naming) == Set(rerendered).subtracting(["audiences/a-33468caebbbbba6f.html", "index.html"]))
        #expect(changed.stderr.contains("\(28 - rerendered.count) 个页面未变未重新生成"), "\(changed.stderr)")
        #expect(try Self.text(out + "/" + renamed + ".html").contains("企业设立登记（含名称申报）"))
        let departments = try FileManager.default.contentsOfDirectory(atPath: out + "/departments")
        #expect(try departments.contains { try Self.text(out + "/departments/" + $0).contains("企业设立登记（含名称申报）") })
        #expect(try Self.text(out + "/matters/T-QYKB.html").contains("企业设立登记（含名称申报）"))

        // An edited page and a deleted page are rendered again; the rest are kept.
        let edited = out + "/items/1144018800748257514000101001002001.html"
        let deleted = out + "/items/11440188MB2C9031XX4000101001003001.notice.html"
        let editedText = try Self.text(edited)
        let deletedText = try Self.text(deleted)
        try Data("<p>改坏了</p>".utf8).write(to: URL(fileURLWithPath: edited))
        try FileManager.default.removeItem(atPath: deleted)
        let repaired = try Fixtures.runOnego(arguments)
        #expect(repaired.status == 0, "\(repaired.stderr)")
        #expect(repaired.stderr.contains("26 个页面未变未重新生成"), "\(repaired.stderr)")
        #expect(try Self.text(edited) == editedText)
        #expect(try Self.text(deleted) == deletedText)
    }

    @Test func aDamagedManifestRendersEveryPage() throws {
        let out = try Fixtures.temporaryDirectory() + "/site"
        let arguments = ["site", "Tests/Fixtures/export/qykb/items", "--out", out, "--date", "2026-11-20"]
        #expect(try Fixtures.runOnego(arguments).status == 0)
        let page = out + "/items/11440188MB2C9023XA4000101001001001.html"
        let text = try Self.text(page)
        try Data("onego-site-manifest 1\n0000 x y z items/\n\u{0}\u{1}".utf8)
            .write(to: URL(fileURLWithPath: out + "/.onego-manifest"))
        let run = try Fixtures.runOnego(arguments)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("0 个页面未变未重新生成"), "\(run.stderr)")
        #expect(try Self.text(page) == text)
        #expect(try Self.text(out + "/.onego-manifest").hasPrefix("onego-site-manifest 1\n"))
    }

    @Test func anotherDateRendersEveryPage() throws {
        let out = try Fixtures.temporaryDirectory() + "/site"
        let arguments = ["site", "Tests/Fixtures/export/qykb/items", "--out", out]
        #expect(try Fixtures.runOnego(arguments + ["--date", "2026-11-20"]).status == 0)
        let run = try Fixtures.runOnego(arguments + ["--date", "2026-12-01"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("0 个页面未变未重新生成"), "\(run.stderr)")
        #expect(try Self.text(out + "/items/11440188MB2C9023XA4000101001001001.html").contains("2026年12月1日"))
    }

    /// The sample workspace's six matters: an unchanged rebuild writes no file; after one member item of one matter
    /// (企业变更登记, a member of YX-QYBG only) is renamed, exactly that matter's page and notices are rendered
    /// again and the other five matters' files are kept; editing the matter file itself re-renders only it.
    @Test func aChangedMemberItemRerendersExactlyTheMattersUsingIt() throws {
        let folder = try Fixtures.temporaryDirectory()
        try FileManager.default.copyItem(atPath: "Catalogs/yunxi", toPath: folder + "/yunxi")
        let out = folder + "/site"
        let arguments = ["site", folder + "/yunxi", "--out", out, "--date", "2026-11-20"]
        let first = try Fixtures.runOnego(arguments)
        #expect(first.status == 0, "\(first.stderr)")
        let recorded = try Self.digests(out)
        let matterFiles = recorded.keys.filter { $0.hasPrefix("matters/") }.sorted()
        #expect(matterFiles.count == 12, "\(matterFiles)")
        let before = try Self.inodes(out)

        let again = try Fixtures.runOnego(arguments)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stderr.contains("\(recorded.count) 个页面未变未重新生成；0 个文件新写入"), "\(again.stderr)")
        #expect(try Self.digests(out) == recorded)

        let items = folder + "/yunxi/items/market-regulation.xml"
        try Data(
            try Self.text(items).replacingOccurrences(of: "<name>企业变更登记</name>", with: "<name>企业变更（备案）登记</name>")
                .utf8
        )
        .write(to: URL(fileURLWithPath: items))
        let changed = try Fixtures.runOnego(arguments)
        #expect(changed.status == 0, "\(changed.stderr)")
        let afterItem = try Self.digests(out)
        let rerendered = matterFiles.filter { afterItem[$0] != recorded[$0] }
        #expect(rerendered == ["matters/YX-QYBG.html", "matters/YX-QYBG.notices.js"], "\(rerendered)")
        #expect(try Self.text(out + "/matters/YX-QYBG.html").contains("企业变更（备案）登记"))
        let inodes = try Self.inodes(out)
        for path in matterFiles where !path.hasPrefix("matters/YX-QYBG.") {
            #expect(inodes[path] == before[path], "\(path) was written again")
        }

        let matter = folder + "/yunxi/matters/tx.xml"
        try Data((try Self.text(matter) + "<!-- 已复核 -->\n").utf8).write(to: URL(fileURLWithPath: matter))
        let edited = try Fixtures.runOnego(arguments)
        #expect(edited.status == 0, "\(edited.stderr)")
        let afterMatter = try Self.digests(out)
        #expect(
            matterFiles.filter { afterMatter[$0] != afterItem[$0] } == [
                "matters/YX-TX.html", "matters/YX-TX.notices.js",
            ])
    }
}
