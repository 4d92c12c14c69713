import Foundation
import OnegoBase
import OnegoTestSupport
import OnegoXML
import Testing

@testable import OnegoCatalog

/// A cached load of an edited file parses only the items whose lines changed and takes the others from the file's
/// entry, moved to their new lines: the result must be exactly a cold load's (items, files, every diagnostic with
/// file, line and column, in order), and anything the reuse cannot vouch for is parsed whole.
@Suite struct ItemReuseTests {
    private func cachedWorkspace() throws -> (folder: String, cache: CatalogCache) {
        try CachedSampleWorkspace.make()
    }

    private func loader(cache: CatalogCache?, threads: Int = 2) throws -> CatalogLoader {
        try CachedSampleWorkspace.loader(cache: cache, threads: threads)
    }

    /// Loads `folder` with a fresh view of the cache, and a cold one-thread load without a cache, and checks that
    /// they agree; returns the warm result and its cache view.
    private func warmEqualsCold(_ folder: String, _ cache: CatalogCache) throws -> (CatalogLoadResult, CatalogCache) {
        let view = CatalogCache(directory: cache.directory)
        let warm = try loader(cache: view).load(paths: [folder])
        let cold = try loader(cache: nil, threads: 1).load(paths: [folder])
        #expect(warm.catalog.items == cold.catalog.items)
        #expect(warm.catalog.files == cold.catalog.files)
        #expect(warm.diagnostics == cold.diagnostics)
        #expect(warm.skippedDocuments == cold.skippedDocuments)
        // The entry written from the reuse decodes to the same result again.
        let again = CatalogCache(directory: cache.directory)
        let decoded = try loader(cache: again).load(paths: [folder])
        #expect(again.parsedPaths.isEmpty)
        #expect(decoded.diagnostics == cold.diagnostics)
        #expect(decoded.catalog.items == cold.catalog.items)
        return (warm, view)
    }

    private func text(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    private func write(_ text: String, _ path: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    /// The `index`-th item of `text` with its indentation and line end.
    private func itemBlock(_ text: String, _ index: Int) throws -> Range<String.Index> {
        var from = text.startIndex
        var found: Range<String.Index>?
        for _ in 0...index {
            let start = try #require(text.range(of: "  <item ", range: from..<text.endIndex))
            let end = try #require(text.range(of: "</item>\n", range: start.upperBound..<text.endIndex))
            found = start.lowerBound..<end.upperBound
            from = end.upperBound
        }
        return try #require(found)
    }

    /// Replaces the first `old` inside the `index`-th item.
    private func editItem(_ path: String, _ index: Int, _ old: String, _ new: String) throws {
        var content = try text(path)
        let block = try itemBlock(content, index)
        let range = try #require(content.range(of: old, range: block))
        content.replaceSubrange(range, with: new)
        try write(content, path)
    }

    private func reuse(_ view: CatalogCache, _ path: String) -> ItemReuse? { view.reuses.first { $0.path == path } }

    @Test func anEditedItemIsTheOnlyOneParsed() throws {
        let (folder, cache) = try cachedWorkspace()
        let path = folder + "/civil-affairs.xml"
        try editItem(path, 2, "<name>", "<name>（已改）")
        let (warm, view) = try warmEqualsCold(folder, cache)
        #expect(view.parsedPaths == [path])
        #expect(reuse(view, path) == ItemReuse(path: path, reusedItems: 11, parsedItems: 1))
        #expect(warm.catalog.items.contains { $0.name.hasPrefix("（已改）") && $0.location.file == path })
    }

    @Test func insertedDeletedAndMovedItemsAreMatchedByTheirBytes() throws {
        let (folder, cache) = try cachedWorkspace()
        let path = folder + "/civil-affairs.xml"
        var content = try text(path)
        // Move the first item to the end, delete the third, insert a renamed copy of the fifth after the sixth.
        let first = try itemBlock(content, 0)
        let moved = String(content[first])
        content.removeSubrange(first)
        content.removeSubrange(try itemBlock(content, 1))
        let copy = String(content[try itemBlock(content, 3)]).replacingOccurrences(of: "<name>", with: "<name>（新增）")
        content.insert(contentsOf: copy, at: try itemBlock(content, 4).upperBound)
        let end = try #require(content.range(of: "</catalog>"))
        content.insert(contentsOf: moved, at: end.lowerBound)
        try write(content, path)

        let (warm, view) = try warmEqualsCold(folder, cache)
        #expect(reuse(view, path) == ItemReuse(path: path, reusedItems: 11, parsedItems: 1))
        let names = warm.catalog.items.filter { $0.location.file == path }.map(\.name)
        #expect(names.count == 12)
        #expect(names.last == "内地居民结婚登记")
        // The copy keeps its codes: the duplicate is reported, across reused and parsed items.
        #expect(warm.diagnostics.contains { $0.rule == .catalogDuplicateCode && $0.location?.file == path })
    }

    @Test func aSchemaErrorInAnEditedItemIsReportedWhereItIs() throws {
        let (folder, cache) = try cachedWorkspace()
        let path = folder + "/civil-affairs.xml"
        try editItem(path, 5, "<visits count=\"1\"", "<visits count=\"-1\"")
        let (warm, view) = try warmEqualsCold(folder, cache)
        #expect(reuse(view, path)?.parsedItems == 1)
        let schema = try #require(warm.diagnostics.first { $0.rule == .xmlSchema })
        #expect(schema.location?.file == path)
        #expect(schema.location?.line == 216)
    }

    @Test func anItemCheckErrorInAnEditedItemIsReported() throws {
        let (folder, cache) = try cachedWorkspace()
        let path = folder + "/civil-affairs.xml"
        // A region code of 8 digits, reported at the item's start tag.
        try editItem(path, 3, "region=\"440188\"", "region=\"44018800\"")
        let (warm, view) = try warmEqualsCold(folder, cache)
        #expect(reuse(view, path)?.parsedItems == 1)
        #expect(warm.diagnostics.contains { $0.location?.file == path && $0.location?.line == 120 })
    }

    @Test func reusedDiagnosticsMoveWithTheirItem() throws {
        let (folder, cache) = try cachedWorkspace()
        let path = folder + "/civil-affairs.xml"
        // A schema error in the last item, recorded in the entry by a first warm load.
        try editItem(path, 11, "<visits count=\"", "<visits count=\"-")
        let (first, _) = try warmEqualsCold(folder, cache)
        let before = try #require(first.diagnostics.first { $0.rule == .xmlSchema }?.location)
        // Three lines of comment between the first two items: every later item moves down three lines.
        var content = try text(path)
        content.insert(contentsOf: "  <!-- 三行\n       说明\n  -->\n", at: try itemBlock(content, 0).upperBound)
        try write(content, path)
        let (warm, view) = try warmEqualsCold(folder, cache)
        #expect(reuse(view, path) == ItemReuse(path: path, reusedItems: 12, parsedItems: 0))
        let after = try #require(warm.diagnostics.first { $0.rule == .xmlSchema }?.location)
        #expect(after.line == before.line + 3)
        #expect(after.column == before.column)
        let moved = try #require(warm.catalog.items.first { $0.location.file == path && $0.location.line > 100 })
        #expect(moved.materials.allSatisfy { $0.location.line > moved.location.line })
    }

    @Test func aChangedRootStartTagParsesTheFileWhole() throws {
        let (folder, cache) = try cachedWorkspace()
        let path = folder + "/civil-affairs.xml"
        var content = try text(path)
        content = content.replacingOccurrences(of: "title=\"广州市云溪区民政局", with: "title=\"云溪区民政局")
        content = content.replacingOccurrences(of: "<name>内地居民结婚登记</name>", with: "<name>内地居民结婚登记（补）</name>")
        try write(content, path)
        let (warm, view) = try warmEqualsCold(folder, cache)
        #expect(view.reuses.isEmpty)
        #expect(view.wholeParsePaths == [path])
        #expect(warm.catalog.files.contains { $0.path == path && $0.title?.hasPrefix("云溪区民政局") == true })
    }

    @Test func anItemThatIsNoLongerWellFormedParsesTheFileWhole() throws {
        let (folder, cache) = try cachedWorkspace()
        let path = folder + "/civil-affairs.xml"
        try editItem(path, 4, "</name>", "</nam>")
        let (warm, view) = try warmEqualsCold(folder, cache)
        #expect(view.reuses.isEmpty)
        #expect(view.wholeParsePaths == [path])
        #expect(warm.diagnostics.contains { $0.severity == .error && $0.location?.file == path })
    }

    @Test func anEntryWithAFlippedByteInItsItemRecordsIsRebuilt() throws {
        let (folder, cache) = try cachedWorkspace()
        let path = folder + "/civil-affairs.xml"
        let entry = cache.entryPath(for: path)
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: entry)))
        #expect(CatalogCacheEntry.hasLayout(bytes))
        // The first item's digest, just after the layout's flag, head digest and count.
        let flag = 44 + CatalogCacheEntry.stampBytes + path.utf8.count
        bytes[flag + 13] ^= 0x40
        try Data(bytes).write(to: URL(fileURLWithPath: entry))
        try editItem(path, 2, "<name>", "<name>（已改）")
        let (_, view) = try warmEqualsCold(folder, cache)
        #expect(view.reuses.isEmpty)
        #expect(view.parsedPaths == [path])
    }

    @Test func aFileWithCRLFLineEndsReusesItsItems() throws {
        let folder = try Fixtures.temporaryDirectory() + "/items"
        try FileManager.default.copyItem(atPath: Fixtures.sampleItems, toPath: folder)
        try? FileManager.default.removeItem(atPath: folder + "/" + CatalogCache.folderName)
        let path = folder + "/civil-affairs.xml"
        try write(try text(path).replacingOccurrences(of: "\n", with: "\r\n"), path)
        let cache = try #require(CatalogCache.beside([folder]))
        _ = try loader(cache: cache).load(paths: [folder])
        var content = try text(path)
        let visits = try #require(content.range(of: "<visits count=\"2\""))
        content.replaceSubrange(visits, with: "<visits count=\"-2\"")
        // Two lines after the first item: the second (edited) item and all later ones move down two lines.
        content.insert(
            contentsOf: "  <!-- 新增两行\r\n  -->\r\n", at: try #require(content.range(of: "</item>\r\n")).upperBound)
        try write(content, path)
        let (warm, view) = try warmEqualsCold(folder, cache)
        #expect(reuse(view, path) == ItemReuse(path: path, reusedItems: 11, parsedItems: 1))
        #expect(warm.diagnostics.contains { $0.rule == .xmlSchema && $0.location?.line == 57 })
    }

    @Test func aTrustedLoadReusesItemsToo() throws {
        let folder = try Fixtures.temporaryDirectory() + "/items"
        try FileManager.default.copyItem(atPath: Fixtures.sampleItems, toPath: folder)
        try? FileManager.default.removeItem(atPath: folder + "/" + CatalogCache.folderName)
        func trusted(_ cache: CatalogCache?) -> CatalogLoader {
            var loader = CatalogLoader(schema: nil, threads: 2)
            loader.cache = cache
            return loader
        }
        let cache = try #require(CatalogCache.beside([folder]))
        _ = trusted(cache).load(paths: [folder])
        let path = folder + "/civil-affairs.xml"
        // A value the trusted reader reports itself (no schema), in the ninth item.
        try editItem(path, 8, "handling=\"", "handling=\"不明")
        let view = CatalogCache(directory: cache.directory)
        let warm = trusted(view).load(paths: [folder])
        let cold = trusted(nil).load(paths: [folder])
        #expect(reuse(view, path) == ItemReuse(path: path, reusedItems: 11, parsedItems: 1))
        #expect(warm.diagnostics == cold.diagnostics)
        #expect(warm.catalog.items == cold.catalog.items)
    }

    @Test func aSchemaOtherThanTheShippedOneParsesEditedFilesWhole() throws {
        // The shipped schema with one more comment: it might relate items to each other, so nothing is reused.
        let folder = try Fixtures.temporaryDirectory() + "/items"
        try FileManager.default.copyItem(atPath: Fixtures.sampleItems, toPath: folder)
        try? FileManager.default.removeItem(atPath: folder + "/" + CatalogCache.folderName)
        let schema = folder + "/../catalog-local.xsd"
        let text = try text(Fixtures.schemas + "/catalog.xsd")
        try write(text.replacingOccurrences(of: "</xs:schema>", with: "<!-- 本地副本 -->\n</xs:schema>"), schema)
        func local(_ cache: CatalogCache?) throws -> CatalogLoader {
            var loader = try CatalogLoader.validating(schemaPath: schema)
            loader.cache = cache
            return loader
        }
        let cache = try #require(CatalogCache.beside([folder]))
        _ = try local(cache).load(paths: [folder])
        let path = folder + "/civil-affairs.xml"
        try editItem(path, 2, "<name>", "<name>（已改）")
        let view = CatalogCache(directory: cache.directory)
        let warm = try local(view).load(paths: [folder])
        #expect(view.parsedPaths == [path])
        #expect(view.reuses.isEmpty)
        let cold = try local(nil).load(paths: [folder])
        #expect(warm.diagnostics == cold.diagnostics)
        #expect(warm.catalog.items == cold.catalog.items)
    }

    @Test func theScanFollowsMarkupAndRefusesWhatItCannotVouchFor() {
        func scan(_ text: String) -> XMLChildLines? {
            Array(text.utf8).withUnsafeBufferPointer { XMLChildLines.scan($0, child: "item") }
        }
        let document = """
            <?xml version="1.0" encoding="UTF-8"?>
            <catalog xmlns="urn:onego:catalog:1">
              <!-- <item> in a comment -->
              <item a="x>y"><name><![CDATA[</item>]]></name></item>
              <item/>
            </catalog>

            """
        let found = scan(document)
        #expect(found?.children.map(\.line) == [4, 5])
        #expect(found?.children.map(\.column) == [3, 3])
        #expect(found?.children.map(\.lineCount) == [1, 1])
        #expect(scan(document.replacingOccurrences(of: "</item>\n", with: "</item> <x/>\n")) == nil)
        #expect(scan(document.replacingOccurrences(of: "\n  <item/>", with: "\r  <item/>")) == nil)
        #expect(scan(document.replacingOccurrences(of: "UTF-8", with: "GBK")) == nil)
        #expect(scan("<!DOCTYPE catalog>\n" + document) == nil)
    }

    @Test func theLineMapNamesTheFilesLines() {
        var map = XMLLineMap()
        map.remove(lines: 3, atFileLine: 5)
        map.remove(lines: 2, atFileLine: 8)
        map.remove(lines: 1, atFileLine: 20)
        // Document lines 1–4 are the file's own; file lines 5–9 are left out, so document line 5 is file line 10.
        #expect((1...8).map(map.fileLine) == [1, 2, 3, 4, 10, 11, 12, 13])
        #expect(map.fileLine(14) == 19)
        #expect(map.fileLine(15) == 21)
        #expect(map.documentLine(10) == 5)
        #expect(map.documentLine(6) == nil)
        #expect(map.documentLine(9) == nil)
        #expect(map.documentLine(21) == 15)
        #expect(map.documentLine(4) == 4)
    }
}
