import Dispatch
import Foundation
public import OnegoBase
public import OnegoXML

/// Loads a catalog from files and folders: streams each file through libxml2, validates it against
/// `Schemas/catalog.xsd` in the same pass (unless trusted), merges the files, and runs the code checks.
///
/// ```swift
/// let loader = try CatalogLoader.validating()
/// let result = loader.load(paths: ["Catalogs/yunxi/items"])
/// if result.diagnostics.containsErrors { … }
/// print(result.catalog.items.count)
/// ```
public struct CatalogLoader: Sendable {
    /// The compiled catalog schema, or `nil` for a trusted (well-formedness only) load.
    public var schema: XMLSchema?
    /// Accepted basic-code layouts.
    public var profile: CodeProfile
    /// Parser resource limits.
    public var limits: XMLLimits
    /// The most items accepted from one file.
    public var maxItemsPerFile: Int
    /// The most threads the load uses (at least one): up to this many files are parsed at once, and with two or
    /// more a single file of at least ``minimumSplitBytes`` is parsed on two threads. The result is the same for
    /// every count. The default is every core; the command line's `--threads auto` counts the idle ones.
    ///
    /// A single file on two threads: validated, one thread validates while another builds the model from its own
    /// well-formedness-only parse of the same bytes; trusted, the file is cut in two at an `<item>` line near the
    /// middle (``XMLSplitPlan``) and each half builds its items. A trusted file that cannot be cut cleanly, or where
    /// a half finds an error, is parsed whole instead.
    public var threads: Int
    /// The smallest single file parsed on two threads when ``threads`` allows it (default 4 MB: for smaller files a
    /// second thread costs more than it saves).
    public var minimumSplitBytes = 4 << 20
    /// Called now and then during a load (from the parsing threads, at most every 0.2 s) and once at the end of
    /// parsing, for a progress display.
    public var progress: (@Sendable (LoadProgress) -> Void)?
    /// Told whether a trusted two-thread parse kept its halves (`true`) or parsed the file whole (tests).
    var halvesObserver: (@Sendable (_ keptHalves: Bool) -> Void)?
    /// Told the path of each file of a folder parsed on two threads, its model built by another worker (tests).
    var splitObserver: (@Sendable (_ path: String) -> Void)?
    /// Whether files named directly may be other onego documents (matters, calendars …), skipped like those found
    /// in folders; `onego validate` uses this to hand them to their own loaders.
    public var skipsOtherDocumentsNamedDirectly = false
    /// Where parsed files are kept between runs (see ``CatalogCache``); `nil` parses every file.
    public var cache: CatalogCache?
    /// Whether a cached load re-parses only the changed items of an edited file whose entry recorded where its items
    /// lay, taking the others from the entry (default); when `false` an edited file is parsed whole.
    public var reusesItems = true
    /// With a cache, whether a file whose entry is current and whose ``FileHead`` is stored is handed over as that
    /// head (``CatalogLoadResult/summarizedFiles``) instead of being decoded: the result's catalog then lacks those
    /// files' items. For a stage that can work from heads and loads again without this when it cannot. Heads are
    /// stored for the files decoded or parsed.
    public var summarizesUnchangedFiles = false
    /// How each file's parser hands libxml2's events to the model builder (see ``XMLEventDispatch``; by default
    /// replayed when validating): the result is the same either way; tests compare the dispatches.
    public var eventDispatch: XMLEventDispatch = .automatic

    /// A parser of this loader's limits and dispatch, validating against `schema` when given.
    func makeParser(schema: XMLSchema?) -> XMLStreamParser {
        var parser = XMLStreamParser(schema: schema, limits: limits)
        parser.dispatch = eventDispatch
        return parser
    }

    /// Creates a loader; `threads` defaults to every core.
    public init(
        schema: XMLSchema?, profile: CodeProfile = .national, limits: XMLLimits = .default,
        maxItemsPerFile: Int = 10_000_000, threads: Int? = nil
    ) {
        self.schema = schema
        self.profile = profile
        self.limits = limits
        self.maxItemsPerFile = maxItemsPerFile
        self.threads = max(1, threads ?? ProcessInfo.processInfo.activeProcessorCount)
    }

    /// A loader that validates against `catalog.xsd`: the file at `schemaPath`, else as ``SchemaLocator`` finds it
    /// (`ONEGO_SCHEMAS`, else the copy built into the binary).
    ///
    /// - Throws: a ``Diagnostic`` when the schema cannot be read or compiled.
    public static func validating(schemaPath: String? = nil) throws(Diagnostic) -> CatalogLoader {
        CatalogLoader(schema: try SchemaLocator.schema(for: .catalog, at: schemaPath))
    }

    /// Loads every catalog file named by `paths` (files, or folders searched recursively for `*.xml`).
    public func load(paths: [String]) -> CatalogLoadResult {
        var diagnostics: [Diagnostic] = []
        let inputs = InputFiles.expand(paths, diagnostics: &diagnostics)
        var parsed = parse(inputs)
        var items: [ServiceItem] = []
        items.reserveCapacity(parsed.reduce(0) { $0 + $1.items.count })
        var files: [CatalogFile] = []
        var skipped: [SkippedDocument] = []
        var itemChecks: [Diagnostic] = []
        var summarized: [SummarizedFile] = []
        // Per decoded file when heads are kept: its index among the catalog's files, its diagnostics and checks, and
        // where its items start.
        var decodedParts: [(file: Int, diagnostics: [Diagnostic], checks: [Diagnostic], start: Int)] = []
        for (index, input) in inputs.enumerated() {
            let outcome = parsed[index]
            if let namespace = outcome.skippedNamespace {
                skipped.append(SkippedDocument(path: input.path, namespace: namespace))
                continue
            }
            diagnostics += outcome.diagnostics
            itemChecks += outcome.checks
            if let head = outcome.head {
                summarized.append(SummarizedFile(position: files.count + summarized.count, head: head))
                continue
            }
            if summarizesUnchangedFiles {
                decodedParts.append((files.count, outcome.diagnostics, outcome.checks, items.count))
            }
            // Drop the outcome's reference so a single file's items are moved, not copied and released.
            parsed[index].items = []
            if items.isEmpty {
                items = outcome.items
            } else {
                items += outcome.items
            }
            files.append(
                CatalogFile(
                    path: input.path, title: outcome.title, region: outcome.region, itemCount: outcome.items.count))
        }
        if files.isEmpty && summarized.isEmpty && !diagnostics.containsErrors {
            let place = paths.joined(separator: "、")
            diagnostics.append(
                Diagnostic(
                    .error, rule: .ioNoCatalog,
                    message: "\(place) 中没有事项目录文件（根元素为 <catalog xmlns=\"\(OnegoNamespace.catalog)\"> 的 .xml 文件）"))
        }
        let catalog = Catalog(items: items, files: files)
        // Each file's items were checked beside its parse (or came checked from the cache); only codes defined
        // twice need the whole catalog. Placed before the item checks, the sort gives CatalogChecks.run's order.
        diagnostics += CatalogChecks(profile: profile).duplicates(in: catalog) + itemChecks
        cache?.waitForWrites()
        if let cache, summarizesUnchangedFiles {
            storeHeads(of: catalog, decodedParts, in: cache)
        }
        // Entries of removed or renamed catalog files would otherwise stay in the folder for good.
        cache?.sweep(keeping: inputs.map(\.path))
        var result = CatalogLoadResult(
            catalog: catalog, diagnostics: diagnostics.sortedByLocation(), skippedDocuments: skipped)
        result.summarizedFiles = summarized
        return result
    }

    /// Stores the head of each decoded or parsed file of `catalog` (`parts`) whose outcome is known and has none.
    private func storeHeads(
        of catalog: Catalog, _ parts: [(file: Int, diagnostics: [Diagnostic], checks: [Diagnostic], start: Int)],
        in cache: CatalogCache
    ) {
        for part in parts {
            let file = catalog.files[part.file]
            guard let outcome = cache.outcomeDigest(for: file.path), !cache.hasHead(for: file.path, outcome: outcome)
            else { continue }
            let head = FileHead(
                path: file.path, title: file.title, region: file.region, diagnostics: part.diagnostics,
                checks: part.checks, items: catalog.items[part.start..<part.start + file.itemCount])
            cache.storeHead(head, outcome: outcome)
        }
    }

    /// Loads one catalog document held in memory (standard input, tests, fuzzing), named `name` in diagnostics.
    public func load(bytes: [UInt8], name: String) -> CatalogLoadResult {
        // Not cached: an earlier load's outcome digest for the same name must not stand for these bytes.
        cache?.forgetOutcome(name)
        let reader = CatalogFileReader(
            interner: StringInterner(), skipsOtherOnegoDocuments: false, maxItems: maxItemsPerFile,
            isValidated: schema != nil)
        var diagnostics = makeParser(schema: schema).parse(bytes: bytes, name: name, into: reader)
        let file = CatalogFile(path: name, title: reader.title, region: reader.region, itemCount: reader.items.count)
        let catalog = Catalog(items: reader.items, files: reader.root == .catalog ? [file] : [])
        diagnostics += CatalogChecks(profile: profile).run(on: catalog)
        return CatalogLoadResult(catalog: catalog, diagnostics: diagnostics.sortedByLocation(), skippedDocuments: [])
    }

    /// Whether the only file is parsed on two threads: two or more allowed, a regular file (a pipe or device can
    /// be read only once, never by two passes) of at least ``minimumSplitBytes``.
    func splitsSingleFile(_ input: InputFile) -> Bool {
        var info = stat()
        guard threads > 1, stat(input.path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return false }
        return Int(info.st_size) >= minimumSplitBytes
    }

    /// Validates `input` on one thread (a pass that only checks the root and the schema) while another builds
    /// the model from a trusted pass, then takes schema and parser problems from the first and the loader's own
    /// from the second: the same diagnostics as one validating pass.
    func parseSplit(_ input: InputFile, schema: XMLSchema, meter: ProgressMeter?) -> FileOutcome {
        let validation = WorkerSlots<[Diagnostic]>(count: 1)
        let model = WorkerSlots<FileOutcome>(count: 1)
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            if index == 0 {
                validation.store(validationPass(input, schema: schema), at: 0)
            } else {
                model.store(modelPass(input, meter: meter), at: 0)
            }
        }
        return joinSplit(model: model.values[0] ?? FileOutcome.empty, validation: validation.values[0] ?? [])
    }

    /// The validating half of a split parse: only the root is looked at, the schema checks everything.
    func validationPass(_ input: InputFile, schema: XMLSchema) -> [Diagnostic] {
        // Always direct: the gate ignores the events, so recording and replaying them only adds work (cachegrind,
        // 5k catalog on two threads: 90 M more instructions and 1.1 M more mispredictions when replayed).
        var parser = makeParser(schema: schema)
        parser.dispatch = .direct
        return parser.parse(contentsOf: input.path, into: RootGate())
    }

    /// The model half of a split parse: a well-formedness-only pass that builds the items as a validated load does.
    func modelPass(_ input: InputFile, meter: ProgressMeter?) -> FileOutcome {
        parseOne(input, schema: nil, isValidated: true, meter: meter)
    }

    /// One outcome from the two halves of a split parse: schema and parser problems from the validating pass, the
    /// loader's own (`catalog.*`) from the model pass, as one validating pass reports them.
    func joinSplit(model: FileOutcome, validation: [Diagnostic]) -> FileOutcome {
        var outcome = model
        if outcome.skippedNamespace != nil { return outcome }
        var checked = validation.filter { !$0.rule.hasPrefix("catalog.") }
        // Where the loader stopped reading (too many items), one pass would have stopped validating too.
        if let stop = outcome.diagnostics.first(where: { $0.rule == .catalogLimitItems })?.location {
            checked = checked.filter { ($0.location ?? stop) <= stop }
        }
        outcome.diagnostics = checked + outcome.diagnostics.filter { $0.rule.hasPrefix("catalog.") }
        return outcome
    }

    /// Parses the two halves of a trusted file on two threads (``XMLSplitPlan``) and joins their items, or parses
    /// the file whole when it cannot be cut, a half finds an error (the cut may not have fallen between two items,
    /// and one pass words errors best), or the halves together pass the item limit.
    func parseHalves(_ input: InputFile, meter: ProgressMeter?) -> FileOutcome {
        guard let plan = XMLSplitPlan.make(path: input.path, child: "item") else {
            halvesObserver?(false)
            return parseOne(input, schema: nil, meter: meter)
        }
        let halves = WorkerSlots<Half>(count: 2)
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            guard let part = index == 0 ? plan.first : plan.second() else { return }
            let reader = CatalogFileReader(
                interner: StringInterner(), skipsOtherOnegoDocuments: true, maxItems: maxItemsPerFile,
                isValidated: false)
            var counted = (bytes: 0, items: 0)
            let diagnostics = makeParser(schema: nil).parse(part: part, of: input.path, into: reader) {
                bytes in
                guard let meter else { return }
                let items = reader.items.count
                meter.add(bytes: bytes - counted.bytes, items: items - counted.items)
                counted = (bytes, items)
            }
            meter?.add(bytes: 0, items: reader.items.count - counted.items)
            let clean =
                reader.root == .catalog && !diagnostics.containsErrors
                && diagnostics.allSatisfy { ($0.location?.line ?? 0) >= part.firstFileLine }
            halves.store(
                Half(
                    outcome: FileOutcome(
                        items: reader.items, diagnostics: diagnostics, title: reader.title, region: reader.region,
                        skippedNamespace: nil),
                    isClean: clean, bytes: counted.bytes, items: reader.items.count),
                at: index)
        }
        let (first, second) = (halves.values[0], halves.values[1])
        guard let first, let second, first.isClean, second.isClean,
            first.items + second.items <= maxItemsPerFile
        else {
            // Take back what the halves counted, then count the whole parse.
            let (a, b) = (first ?? Half.none, second ?? Half.none)
            meter?.add(bytes: -(a.bytes + b.bytes), items: -(a.items + b.items))
            halvesObserver?(false)
            return parseOne(input, schema: nil, meter: meter)
        }
        halvesObserver?(true)
        var outcome = first.outcome
        outcome.items += second.outcome.items
        outcome.diagnostics += second.outcome.diagnostics
        return outcome
    }

    func parseOne(
        _ input: InputFile, schema: XMLSchema?, isValidated: Bool? = nil, meter: ProgressMeter?
    ) -> FileOutcome {
        let reader = CatalogFileReader(
            interner: StringInterner(), skipsOtherOnegoDocuments: input.fromFolder || skipsOtherDocumentsNamedDirectly,
            maxItems: maxItemsPerFile,
            isValidated: isValidated ?? (schema != nil))
        var parser = makeParser(schema: schema)
        parser.acceptsStreams = !input.fromFolder
        var counted = (bytes: 0, items: 0)
        let diagnostics = parser.parse(contentsOf: input.path, into: reader) { bytes in
            guard let meter else { return }
            let items = reader.items.count
            meter.add(bytes: bytes - counted.bytes, items: items - counted.items)
            counted = (bytes, items)
        }
        meter?.add(bytes: 0, items: reader.items.count - counted.items)
        if case .otherOnego(let namespace, _) = reader.root, input.fromFolder || skipsOtherDocumentsNamedDirectly {
            return FileOutcome(items: [], diagnostics: [], title: nil, region: nil, skippedNamespace: namespace)
        }
        return FileOutcome(
            items: reader.items, diagnostics: diagnostics, title: reader.title, region: reader.region,
            skippedNamespace: nil)
    }
}

/// One half of a file parsed by ``CatalogLoader``'s trusted two-thread path.
private struct Half: Sendable {
    var outcome: FileOutcome
    /// A catalog, no errors, nothing reported about the bytes the split added.
    var isClean: Bool
    /// What the half counted for the progress display.
    var bytes: Int
    var items: Int

    static let none = Half(outcome: .empty, isClean: false, bytes: 0, items: 0)
}

/// What loading produced: the catalog (possibly partial when there were errors) and every diagnostic.
public struct CatalogLoadResult: Sendable {
    /// The merged catalog.
    public var catalog: Catalog
    /// Every problem, sorted by file, line and column.
    public var diagnostics: [Diagnostic]
    /// Files in the folders that are other onego documents (matters, calendars …), not catalogs.
    public var skippedDocuments: [SkippedDocument]

    /// The paths of the skipped documents.
    public var skippedFiles: [String] { skippedDocuments.map(\.path) }

    /// With ``CatalogLoader/summarizesUnchangedFiles``: the files handed over as their heads, whose items the
    /// catalog lacks, with their places among the catalog's files; empty otherwise.
    public var summarizedFiles: [SummarizedFile] = []

    /// The number of error diagnostics.
    public var errorCount: Int { diagnostics.count { $0.severity == .error } }
    /// The number of warning diagnostics.
    public var warningCount: Int { diagnostics.count { $0.severity == .warning } }
}

struct FileOutcome: Sendable {
    var items: [ServiceItem]
    var diagnostics: [Diagnostic]
    var title: String?
    var region: String?
    /// Set when the file is another onego document, which the catalog loader skips.
    var skippedNamespace: String?
    /// The findings of ``CatalogChecks`` on the file's items on their own (all but codes defined twice), made
    /// beside the parse and cached with it.
    var checks: [Diagnostic] = []
    /// Set when the file was unchanged and handed over as its stored head, its items not decoded
    /// (``CatalogLoader/summarizesUnchangedFiles``).
    var head: FileHead?

    /// Nothing read (a worker that stored no result).
    static let empty = FileOutcome(items: [], diagnostics: [], title: nil, region: nil, skippedNamespace: nil)
}

/// A catalog file a load handed over as its stored head (``CatalogLoadResult/summarizedFiles``).
public struct SummarizedFile: Sendable, Hashable {
    /// Its index among all the catalog files loaded, in order (the decoded files of ``Catalog/files`` fill the
    /// other places).
    public var position: Int
    /// Its head.
    public var head: FileHead
}

/// A file the catalog loader skipped because it is another onego document.
public struct SkippedDocument: Sendable, Hashable {
    /// The file.
    public var path: String
    /// Its root element's namespace, e.g. ``OnegoNamespace/matter``.
    public var namespace: String
}

/// The validating pass's handler: it stops where the loader's reader would (a root that is not a catalog) and
/// otherwise ignores the events.
private final class RootGate: XMLNameIDContentHandler {
    func startElement(nameID: Int, attributes: XMLAttributeList, depth: Int, context: XMLParseContext) {
        guard depth == 1 else { return }
        let name = context.name(id: nameID)
        if name.namespaceURI != OnegoNamespace.catalog || name.localName != "catalog" {
            context.abort(Diagnostic(.note, rule: .catalogRootGate, message: "", at: context.tagLocation))
        }
    }

    func characters(_ text: UnsafeBufferPointer<UInt8>, context: XMLParseContext) {}
    func endElement(nameID: Int, depth: Int, context: XMLParseContext) {}
}

/// Result slots written by one worker each; read only after all workers finished.
