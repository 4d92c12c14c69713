import Foundation
import OnegoResources
import OnegoXML

/// What decides a file's outcome besides its content, reduced to one number per input kind (named directly, or
/// found in a folder, which decides whether other onego documents are skipped).
struct CacheSettings: Sendable {
    /// For files named directly, and for files found in folders.
    let named: UInt64
    let inFolder: UInt64
    /// Whether an edited file's unchanged items may be taken from its entry: a trusted load, or one validated by the
    /// catalog schema onego ships (its root holds a sequence of items, and nothing in it relates two items: no
    /// `xs:ID`, `xs:key` or `xs:unique`). Another schema might, so its loads parse edited files whole.
    let allowsItemReuse: Bool

    /// The format's version: raise it whenever the entry layout or the meaning of a cached outcome changes.
    static let formatVersion = 7

    /// The settings of `loader`, or `nil` when the running build cannot be identified (then nothing is cached).
    init?(loader: CatalogLoader) {
        guard let build = Self.buildIdentity() else { return nil }
        let schema = loader.schema.map { Self.schemaHash($0) } ?? "trusted"
        let shipped = SchemaLocator.Kind.catalog.builtIn.map { String(XXHash64.hash($0.bytes), radix: 16) + " " }
        allowsItemReuse = loader.schema == nil || shipped.map { schema.hasPrefix($0) } == true
        // The code profile decides the item checks an entry carries. The layout is named by its parts' debug text:
        // its description is ambiguous (a text part "+" reads like the separator between parts).
        let profile = loader.profile
        let layout = String(reflecting: profile.implementationLayout.parts)
        let codes = "\(profile.name) \(profile.basicCodeLengths.sorted()) \(layout)"
        let text = [
            "format \(Self.formatVersion)", build, "schema \(schema)", "profile \(codes)", "limits \(loader.limits)",
            "items \(loader.maxItemsPerFile)",
        ].joined(separator: "\n")
        // Whether other onego documents named directly are skipped decides only the outcome of files named
        // directly (a folder's are always skipped), so `validate` and `audit` of a folder share their entries.
        let direct = "\nnamed \(loader.skipsOtherDocumentsNamedDirectly)\nfolder false"
        named = XXHash64.hash(Array((text + direct).utf8))
        inFolder = XXHash64.hash(Array((text + "\nfolder true").utf8))
    }

    func fingerprint(for input: InputFile) -> UInt64 { input.fromFolder ? inFolder : named }

    /// The running executable's path, size, modification time and inode: a rebuilt or reinstalled onego (a changed
    /// model or parser) never reads entries an earlier build wrote, even with the same version number. Computed once
    /// per process.
    static func buildIdentity() -> String? { runningBuild }

    /// The executable is found through `/proc/self/exe` (else the first argument): Foundation's `Bundle.main` scans
    /// the executable's whole folder and cost more than decoding the cache's entries (Benchmarks/RESULTS.md,
    /// session 7).
    private static let runningBuild: String? = {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        let path: String
        if count > 0 {
            path = String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        } else if let first = CommandLine.arguments.first, first.hasPrefix("/") {
            path = first
        } else {
            return nil
        }
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return "build \(path) \(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec) \(info.st_ino)"
    }()

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
    /// then stored by the cache's writer beside the load (unless the cache cannot be written).
    ///
    /// A file whose stamp (size, modification and change times, inode) equals the one its entry recorded, and is
    /// older than the clock tick read before its hash, is not read: the entry's hash stands for its content (git's
    /// rule; a file changed in the tick of its hash is hashed again). A file without an entry is parsed at once and hashed afterwards, off the load's path: its
    /// stamp must be the same before the parse, after it and when it is hashed, so the entry holds the outcome of
    /// exactly the content it names. Decoded strings are shared through `pool` (one per worker).
    func cachedOutcome(
        _ input: InputFile, settings: CacheSettings?, meter: ProgressMeter?, pool: CompactStringPool? = nil,
        parse: () -> FileOutcome
    ) -> FileOutcome {
        cache?.forgetOutcome(input.path)
        guard let cache, let settings, let before = ContentKey.Stamp(regularFile: input.path) else { return parse() }
        let fingerprint = settings.fingerprint(for: input)
        let entryFile = cache.entryPath(for: input.path)
        if let bytes = CatalogCacheEntry.load(from: entryFile) {
            var isHashed = false
            if reusesItems, settings.allowsItemReuse, CatalogCacheEntry.hasLayout(bytes),
                !isSettledHit(input.path, stamp: before, entry: bytes)
            {
                let found = reusingItems(
                    input, stamp: before, entry: bytes, fingerprint: fingerprint, entryFile: entryFile, meter: meter,
                    pool: pool)
                if let outcome = found.outcome { return outcome }
                isHashed = found.isHashed
            }
            if !isHashed, let content = currentContent(input.path, stamp: before, entry: bytes, cache: cache) {
                let digest = CatalogCache.outcomeDigest(path: input.path, settings: fingerprint, content: content)
                if summarizesUnchangedFiles, let head = cache.head(for: input.path, outcome: digest) {
                    // Unchanged, and its head is stored: handed over without decoding its items.
                    cache.recordHit(input.path)
                    cache.recordOutcome(input.path, settings: fingerprint, content: content)
                    meter?.add(bytes: Int(content.size), items: head.itemCount)
                    var outcome = FileOutcome(
                        items: [], diagnostics: head.diagnostics, title: head.title, region: head.region,
                        skippedNamespace: nil, checks: head.checks)
                    outcome.head = head
                    return outcome
                }
                if let cached = CatalogCacheEntry.read(
                    bytes, settings: fingerprint, content: content, path: input.path, pool: pool)
                {
                    cache.recordHit(input.path)
                    cache.recordOutcome(input.path, settings: fingerprint, content: content)
                    meter?.add(bytes: Int(content.size), items: cached.items.count)
                    return cached
                }
            }
        }
        let outcome = parse()
        cache.recordParse(input.path)
        // The file may have changed while it was parsed: store only what belongs to one content.
        guard ContentKey.Stamp(path: input.path) == before, cache.prepareForWriting() else { return outcome }
        let path = input.path
        cache.write {
            // The filesystem's time before the hash: a later load trusts the hash only for a file last changed
            // before it (0 when it cannot be read: the file is then hashed on every load).
            let tick = cache.clockTick() ?? 0
            guard let snapshot = FileSnapshot(path: path, stamp: before) else { return }
            let layout = snapshot.bytes.withUnsafeBufferPointer { ItemLayout.of($0) }
            let bytes = CatalogCacheEntry.make(
                settings: fingerprint, content: snapshot.content, tick: tick, path: path, outcome: outcome,
                layout: layout)
            CatalogCacheEntry.store(bytes, to: entryFile)
            cache.recordOutcome(path, settings: fingerprint, content: snapshot.content)
        }
        return outcome
    }

    /// Whether `entry` recorded the stamp `stamp` of a file that settled before the entry's hash (the entry's hash
    /// then stands for the file's content without reading it).
    private func isSettledHit(_ path: String, stamp: ContentKey.Stamp, entry: [UInt8]) -> Bool {
        guard let recorded = CatalogCacheEntry.recordedContent(entry) else { return false }
        return recorded.content.stamp == stamp && stamp.isSettled(before: recorded.tick)
    }

    /// The outcome of a file whose stamp differs from its entry's, read whole and hashed once: the entry's when the
    /// content is the same, else (when the entry recorded its items) the earlier items that are unchanged with only
    /// the others parsed (``reusedOutcome(_:snapshot:earlier:earlierLayout:)``), stored as a new entry; `nil` when
    /// the file must be parsed whole.
    private func reusingItems(
        _ input: InputFile, stamp: ContentKey.Stamp, entry: [UInt8], fingerprint: UInt64, entryFile: String,
        meter: ProgressMeter?, pool: CompactStringPool?
    ) -> (outcome: FileOutcome?, isHashed: Bool) {
        guard let cache else { return (nil, false) }
        // The filesystem's time before the hash (see cachedOutcome's writer).
        let tick = cache.clockTick() ?? 0
        guard let snapshot = FileSnapshot(path: input.path, stamp: stamp) else { return (nil, false) }
        cache.recordHash(input.path)
        let size = snapshot.bytes.count
        if let cached = CatalogCacheEntry.read(
            entry, settings: fingerprint, content: snapshot.content, path: input.path, pool: pool)
        {
            cache.recordHit(input.path)
            cache.recordOutcome(input.path, settings: fingerprint, content: snapshot.content)
            meter?.add(bytes: size, items: cached.items.count)
            return (cached, true)
        }
        guard let earlier = CatalogCacheEntry.readEarlier(entry, settings: fingerprint, path: input.path, pool: pool),
            let reused = reusedOutcome(
                input, snapshot: snapshot, earlier: earlier.outcome, earlierLayout: earlier.layout)
        else {
            cache.recordWholeParse(input.path)
            return (nil, true)
        }
        let outcome = reused.outcome
        cache.recordParse(input.path)
        if let earlierContent = CatalogCacheEntry.recordedContent(entry)?.content {
            // The items taken at their earlier lines equal the earlier items, locations included.
            let earlierItems = zip(reused.layout.items, reused.sources).map { item, source in
                source.flatMap { earlier.layout.items[$0].line == item.line ? $0 : nil }
            }
            if earlierItems.contains(where: { $0 != nil }) {
                cache.recordCarryOver(
                    ItemCarryOver(
                        earlierOutcome: CatalogCache.outcomeDigest(
                            path: input.path, settings: fingerprint, content: earlierContent),
                        earlierItems: earlierItems, earlierLines: earlier.layout.items.map(\.lines)),
                    for: input.path)
            }
        }
        cache.recordReuse(
            ItemReuse(path: input.path, reusedItems: reused.reused, parsedItems: outcome.items.count - reused.reused))
        meter?.add(bytes: size, items: outcome.items.count)
        guard ContentKey.Stamp(path: input.path) == stamp, cache.prepareForWriting() else { return (outcome, true) }
        let (content, layout, path) = (snapshot.content, reused.layout, input.path)
        cache.write {
            let bytes = CatalogCacheEntry.make(
                settings: fingerprint, content: content, tick: tick, path: path, outcome: outcome, layout: layout)
            CatalogCacheEntry.store(bytes, to: entryFile)
            cache.recordOutcome(path, settings: fingerprint, content: content)
        }
        return (outcome, true)
    }

    /// The content key of the file at `path` whose stamp is `stamp`: the one `entry` recorded when the stamps are
    /// equal and the file settled before the clock tick read just before its hash, else the file's hash (recorded
    /// in `cache`).
    private func currentContent(
        _ path: String, stamp: ContentKey.Stamp, entry: [UInt8], cache: CatalogCache
    ) -> ContentKey? {
        if let recorded = CatalogCacheEntry.recordedContent(entry), recorded.content.stamp == stamp,
            stamp.isSettled(before: recorded.tick)
        {
            return recorded.content
        }
        cache.recordHash(path)
        return ContentKey.of(path: path)
    }

    /// The order in which to take `inputs`: the indices of the files whose entry is missing or older than the
    /// file first (largest first), then the rest in order; a guess from two `stat` calls per file, used only to
    /// schedule the work. Also the guessed stale indices and every file's size.
    func likelyParsedFirst(_ inputs: [InputFile], cache: CatalogCache) -> LoadPlan {
        var stale: [(index: Int, size: Int64)] = []
        var current: [Int] = []
        var sizes: [Int64] = []
        for (index, input) in inputs.enumerated() {
            guard let file = ContentKey.Stamp(path: input.path) else {
                current.append(index)
                sizes.append(0)
                continue
            }
            sizes.append(file.size)
            let entry = ContentKey.Stamp(path: cache.entryPath(for: input.path))
            if let entry, entry.modified >= max(file.modified, file.changed) {
                current.append(index)
            } else {
                stale.append((index, file.size))
            }
        }
        let likelyStale = stale.sorted { $0.size > $1.size }.map(\.index)
        return LoadPlan(order: likelyStale + current, stale: likelyStale, sizes: sizes)
    }
}

/// How a cached folder load schedules its files (``CatalogLoader/likelyParsedFirst(_:cache:)``).
struct LoadPlan {
    /// Input indices in the order the workers take them.
    var order: [Int]
    /// The inputs guessed to need a parse, largest first.
    var stale: [Int]
    /// Each input's size in bytes (0 when it could not be read).
    var sizes: [Int64]
}
