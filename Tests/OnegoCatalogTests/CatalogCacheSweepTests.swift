import Foundation
import OnegoTestSupport
import Testing

@testable import OnegoCatalog

/// The cache folder keeps no entry for a catalog file that is gone, and nothing else of the folder is touched.
@Suite struct CatalogCacheSweepTests {
    private func cachedWorkspace() throws -> (folder: String, cache: CatalogCache) {
        try CachedSampleWorkspace.make()
    }

    private func loader(cache: CatalogCache?) throws -> CatalogLoader {
        try CachedSampleWorkspace.loader(cache: cache)
    }

    private func names(in cache: CatalogCache) throws -> Set<String> {
        Set(try FileManager.default.contentsOfDirectory(atPath: cache.directory))
    }

    private func name(of path: String, in cache: CatalogCache) -> String {
        (cache.entryPath(for: path) as NSString).lastPathComponent
    }

    @Test func aRemovedAndARenamedFileLoseTheirEntriesAndDerivedEntries() throws {
        let (folder, cache) = try cachedWorkspace()
        let (taxation, health) = (folder + "/taxation.xml", folder + "/health.xml")
        for path in [taxation, health, folder + "/education.xml"] {
            cache.storeDerived("findings", for: path, key: 7, payload: Array("发现".utf8))
            cache.storeDerived("compression.json", for: path, key: 7, payload: Array("[]".utf8))
        }
        let (taxName, healthName) = (name(of: taxation, in: cache), name(of: health, in: cache))
        let before = try names(in: cache)
        #expect(before.isSuperset(of: [taxName, taxName + ".findings", taxName + ".compression.json", healthName]))

        try FileManager.default.removeItem(atPath: taxation)
        try FileManager.default.moveItem(atPath: health, toPath: folder + "/health-2026.xml")
        let again = CatalogCache(directory: cache.directory)
        let warm = try loader(cache: again).load(paths: [folder])
        #expect(warm.diagnostics == (try loader(cache: nil).load(paths: [folder])).diagnostics)

        let after = try names(in: cache)
        let gone =
            [taxName, taxName + ".findings", taxName + ".compression.json", healthName]
            + [healthName + ".findings", healthName + ".compression.json"]
        #expect(after.isDisjoint(with: gone))
        let renamed = name(of: folder + "/health-2026.xml", in: cache)
        #expect(after.contains(renamed))
        // The other files' entries and derived entries, the clock and the .gitignore stay.
        #expect(after == before.subtracting(gone).union([renamed]))
        #expect(after.contains(".gitignore"))
        let entries = after.filter { CatalogCache.entryBase(of: $0) != nil && !$0.contains(".") }
        #expect(entries.count == 20)
    }

    @Test func entriesOfFilesThatExistButWereNotLoadedStay() throws {
        let (folder, cache) = try cachedWorkspace()
        let before = try names(in: cache)
        let one = CatalogCache(directory: cache.directory)
        _ = try loader(cache: one).load(paths: [folder + "/education.xml"])
        #expect(one.sweep(keeping: [folder + "/education.xml"]) == CatalogCache.SweepResult())
        #expect(try names(in: cache) == before)
    }

    @Test func orphanDerivedEntriesAndDeadWritersTemporariesGoOtherFilesStay() throws {
        let (folder, cache) = try cachedWorkspace()
        let directory = cache.directory
        let orphan = "0123456789abcdef"
        var dead = Int32(4_000_000)  // Above Linux's largest process id.
        while kill(dead, 0) == 0 || errno == EPERM { dead += 1 }
        let planted = [
            orphan + ".findings": "x", orphan + ".coverage": "yz",
            name(of: folder + "/education.xml", in: cache) + ".findings.\(dead).77.tmp": "partial",
            name(of: folder + "/taxation.xml", in: cache) + ".\(getpid()).78.tmp": "being written",
            "notes.txt": "an officer's note", "0123456789ABCDEF": "not a name the cache gives",
            "0123456789abcdefg": "nor this",
        ]
        for (file, text) in planted {
            try text.write(toFile: directory + "/" + file, atomically: false, encoding: .utf8)
        }
        // A link named like an entry is never followed or removed, nor is what it points at.
        let target = folder + "/education.xml"
        try FileManager.default.createSymbolicLink(atPath: directory + "/fedcba9876543210", withDestinationPath: target)

        let result = cache.sweep(keeping: [folder])
        #expect(result.orphans == 2)
        #expect(result.temporaries == 1)
        #expect(result.entries == 0)
        #expect(result.bytes == 3 + Int64("partial".utf8.count))
        let after = try names(in: cache)
        #expect(!after.contains(orphan + ".findings") && !after.contains(orphan + ".coverage"))
        #expect(!after.contains { $0.hasSuffix(".\(dead).77.tmp") })
        #expect(after.contains { $0.hasSuffix(".\(getpid()).78.tmp") })
        #expect(after.isSuperset(of: ["notes.txt", "0123456789ABCDEF", "0123456789abcdefg", "fedcba9876543210"]))
        #expect(FileManager.default.fileExists(atPath: target))
    }

    @Test func anEntryWhosePathDoesNotHashToItsNameIsKept() throws {
        let (folder, cache) = try cachedWorkspace()
        let taxation = folder + "/taxation.xml"
        // An entry copied under another name (as a run from another working directory could leave it): its
        // recorded path does not lead back to its name, so the sweep cannot tell whose it is and keeps it.
        let copy = cache.directory + "/00000000000000aa"
        try FileManager.default.copyItem(atPath: cache.entryPath(for: taxation), toPath: copy)
        try FileManager.default.removeItem(atPath: taxation)
        let result = cache.sweep(keeping: [])
        #expect(result.entries == 1)
        #expect(FileManager.default.fileExists(atPath: copy))
        #expect(!FileManager.default.fileExists(atPath: cache.entryPath(for: taxation)))
    }
}
