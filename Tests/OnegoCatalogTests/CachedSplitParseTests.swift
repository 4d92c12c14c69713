import Foundation
import OnegoBase
import OnegoTestSupport
import Testing

@testable import OnegoCatalog

/// A cached folder load that parses one stale file while it decodes the others validates that file on one thread
/// and builds its model on another worker (as a lone large file is parsed): the result must be exactly a cold
/// one-pass load's, errors in the stale file included, at the same file, line and column.
@Suite struct CachedSplitParseTests {
    /// A copy of the sample catalog's item files in a fresh folder.
    private func workspace() throws -> String {
        let folder = try Fixtures.temporaryDirectory() + "/items"
        try FileManager.default.copyItem(atPath: Fixtures.sampleItems, toPath: folder)
        try? FileManager.default.removeItem(atPath: folder + "/" + CatalogCache.folderName)
        return folder
    }

    /// A validating loader with two threads whose stale files are split whatever their size; `split` collects the
    /// files parsed that way.
    private func loader(cache: CatalogCache?, split: Locked<[String]>? = nil) throws -> CatalogLoader {
        var loader = try CatalogLoader.validating(schemaPath: Fixtures.schemas + "/catalog.xsd")
        loader.cache = cache
        loader.threads = 2
        loader.minimumSplitBytes = 1
        // What is tested here is the whole parse of a stale file, as when its items cannot be reused.
        loader.reusesItems = false
        if let split { loader.splitObserver = { path in split.withLock { $0.append(path) } } }
        return loader
    }

    /// One-pass reference: one thread, no cache.
    private func coldOnePass(_ folder: String) throws -> CatalogLoadResult {
        var loader = try CatalogLoader.validating(schemaPath: Fixtures.schemas + "/catalog.xsd")
        loader.threads = 1
        return loader.load(paths: [folder])
    }

    private func edit(_ path: String, _ replacements: [(String, String)]) throws {
        var text = try String(contentsOfFile: path, encoding: .utf8)
        for (old, new) in replacements {
            let range = try #require(text.range(of: old), "\(old) in \(path)")
            text.replaceSubrange(range, with: new)
        }
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    @Test func aStaleFileWithASchemaErrorIsSplitAndReportsWhatOnePassReports() throws {
        let folder = try workspace()
        let cache = try #require(CatalogCache.beside([folder]))
        _ = try loader(cache: cache).load(paths: [folder])
        let taxation = folder + "/taxation.xml"
        // A negative visit count (schema error) and a renamed item.
        try edit(
            taxation,
            [
                ("<visits count=\"0\"/>", "<visits count=\"-1\"/>"), ("<name>", "<name>（已改）"),
            ])

        let split = Locked<[String]>([])
        let after = CatalogCache(directory: cache.directory)
        let warm = try loader(cache: after, split: split).load(paths: [folder])
        #expect(after.parsedPaths == [taxation])
        #expect(after.hitPaths.count == 20)
        #expect(split.current == [taxation])
        let cold = try coldOnePass(folder)
        #expect(warm.catalog.items == cold.catalog.items)
        #expect(warm.catalog.files == cold.catalog.files)
        #expect(warm.diagnostics == cold.diagnostics)
        let schema = try #require(warm.diagnostics.first { $0.rule == "xml.schema" })
        #expect(schema.location?.file == taxation)
        #expect((schema.location?.line ?? 0) > 1 && (schema.location?.column ?? 0) > 1)
        #expect(warm.catalog.items.contains { $0.name.hasPrefix("（已改）") })

        // The next load decodes the split parse's entry: the same result again, nothing parsed.
        let again = CatalogCache(directory: cache.directory)
        let decoded = try loader(cache: again, split: split).load(paths: [folder])
        #expect(again.parsedPaths.isEmpty)
        #expect(decoded.diagnostics == cold.diagnostics)
        #expect(decoded.catalog.items == cold.catalog.items)
    }

    @Test func aStaleFileCutShortIsSplitAndReportsWhereOnePassStops() throws {
        let folder = try workspace()
        let cache = try #require(CatalogCache.beside([folder]))
        _ = try loader(cache: cache).load(paths: [folder])
        let education = folder + "/education.xml"
        let text = try String(contentsOfFile: education, encoding: .utf8)
        let cut = try #require(text.range(of: "</item>", options: .backwards))
        try Data(text[..<cut.lowerBound].utf8).write(to: URL(fileURLWithPath: education))

        let split = Locked<[String]>([])
        let warm = try loader(cache: CatalogCache(directory: cache.directory), split: split).load(paths: [folder])
        #expect(split.current == [education])
        let cold = try coldOnePass(folder)
        #expect(warm.diagnostics == cold.diagnostics)
        #expect(warm.catalog.items == cold.catalog.items)
        #expect(warm.diagnostics.contains { $0.severity == .error && $0.location?.file == education })
    }

    @Test func severalStaleFilesAreNotSplitWhenTheyKeepEveryThreadBusy() throws {
        let folder = try workspace()
        let cache = try #require(CatalogCache.beside([folder]))
        _ = try loader(cache: cache).load(paths: [folder])
        for name in ["taxation.xml", "education.xml"] {
            try edit(folder + "/" + name, [("<name>", "<name>（已改）")])
        }
        let split = Locked<[String]>([])
        let after = CatalogCache(directory: cache.directory)
        let warm = try loader(cache: after, split: split).load(paths: [folder])
        #expect(after.parsedPaths.count == 2)
        #expect(split.current.isEmpty)
        #expect(warm.diagnostics == (try coldOnePass(folder)).diagnostics)
    }
}
