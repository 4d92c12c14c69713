import Foundation
import OnegoResources
import OnegoXML

/// What decides a file's outcome besides its content, reduced to one number per input kind (named directly, or
/// found in a folder, which decides whether other onego documents are skipped).
struct CacheSettings: Sendable {
    /// For files named directly, and for files found in folders.
    let named: UInt64
    let inFolder: UInt64

    /// The format's version: raise it whenever the entry layout or the meaning of a cached outcome changes.
    static let formatVersion = 1

    /// The settings of `loader`, or `nil` when the running build cannot be identified (then nothing is cached).
    init?(loader: CatalogLoader) {
        guard let build = Self.buildIdentity() else { return nil }
        let schema = loader.schema.map { Self.schemaHash($0) } ?? "trusted"
        let text = [
            "format \(Self.formatVersion)", build, "schema \(schema)", "limits \(loader.limits)",
            "items \(loader.maxItemsPerFile)", "named \(loader.skipsOtherDocumentsNamedDirectly)",
        ].joined(separator: "\n")
        named = XXHash64.hash(Array((text + "\nfolder false").utf8))
        inFolder = XXHash64.hash(Array((text + "\nfolder true").utf8))
    }

    func fingerprint(for input: InputFile) -> UInt64 { input.fromFolder ? inFolder : named }

    /// The running executable's path, size, modification time and inode: a rebuilt or reinstalled onego (a changed
    /// model or parser) never reads entries an earlier build wrote, even with the same version number.
    static func buildIdentity() -> String? {
        guard let path = Bundle.main.executablePath else { return nil }
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return "build \(path) \(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec) \(info.st_ino)"
    }

    /// The XXH64 of the schema's text: the built-in copy's bytes, or the file it was compiled from.
    static func schemaHash(_ schema: XMLSchema) -> String {
        if schema.path.hasPrefix("内置/"), let bytes = SchemaLocator.Kind.catalog.builtIn?.bytes {
            return String(XXHash64.hash(bytes), radix: 16) + " built in"
        }
        guard let data = FileManager.default.contents(atPath: schema.path) else { return "unreadable \(schema.path)" }
        return String(XXHash64.hash([UInt8](data)), radix: 16) + " " + schema.path
    }
}

extension CatalogLoader {
    /// The outcome of `input`: decoded from the cache when its entry is current, else from `parse`, whose result is
    /// then stored (unless the cache cannot be written or the outcome cannot be encoded).
    func cachedOutcome(
        _ input: InputFile, settings: CacheSettings?, meter: ProgressMeter?, parse: () -> FileOutcome
    ) -> FileOutcome {
        guard let cache, let settings, let content = ContentKey.of(path: input.path) else { return parse() }
        let fingerprint = settings.fingerprint(for: input)
        let entryFile = cache.entryPath(for: input.path)
        if let bytes = CatalogCacheEntry.load(from: entryFile),
            let cached = CatalogCacheEntry.read(bytes, settings: fingerprint, content: content, path: input.path)
        {
            cache.recordHit(input.path)
            meter?.add(bytes: Int(content.size), items: cached.items.count)
            return FileOutcome(
                items: cached.items, diagnostics: cached.diagnostics, title: cached.title, region: cached.region,
                skippedNamespace: cached.skippedNamespace)
        }
        let outcome = parse()
        cache.recordParse(input.path)
        // The file may have changed while it was parsed: store only what belongs to the content hashed before.
        guard ContentKey.Stamp(path: input.path) == content.stamp, cache.prepareForWriting() else { return outcome }
        let cached = CachedOutcome(
            items: outcome.items, diagnostics: outcome.diagnostics, title: outcome.title, region: outcome.region,
            skippedNamespace: outcome.skippedNamespace)
        if let bytes = try? CatalogCacheEntry.make(
            settings: fingerprint, content: content, path: input.path, outcome: cached)
        {
            CatalogCacheEntry.store(bytes, to: entryFile)
        }
        return outcome
    }
}
