import Foundation
import OnegoTestSupport

@testable import OnegoCatalog

/// A copy of the sample catalog's item files in a fresh folder, and the loaders the cache suites use on it.
enum CachedSampleWorkspace {
    /// The copy, with an entry in its cache for every file (a validated load with the cache has run).
    static func make() throws -> (folder: String, cache: CatalogCache) {
        let folder = try Fixtures.temporaryDirectory() + "/items"
        try FileManager.default.copyItem(atPath: Fixtures.sampleItems, toPath: folder)
        try? FileManager.default.removeItem(atPath: folder + "/" + CatalogCache.folderName)
        guard let cache = CatalogCache.beside([folder]) else { throw CocoaError(.fileNoSuchFile) }
        _ = try loader(cache: cache).load(paths: [folder])
        return (folder, cache)
    }

    /// A validating loader against the shipped schema, with `cache` and `threads`.
    static func loader(cache: CatalogCache?, threads: Int = 2) throws -> CatalogLoader {
        var loader = try CatalogLoader.validating(schemaPath: Fixtures.schemas + "/catalog.xsd")
        loader.cache = cache
        loader.threads = threads
        return loader
    }
}
