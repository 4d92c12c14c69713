import ArgumentParser
import Foundation
import OnegoCatalog
import OnegoXML

/// Benchmark driver: generates large catalogs and measures onego's phases in-process. `Benchmarks/run` drives it
/// together with the C and xmllint baselines and prints the ratios.
@main
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "onego-bench",
        abstract: "Generate large catalogs and time onego's loader, audit and composer.",
        subcommands: [
            Generate.self, Load.self, AuditBench.self, ComposeBench.self, ComposeRequestsBench.self, LayoutBench.self,
            SearchBench.self,
        ]
    )
}

/// `onego-bench generate --items N --out FILE`: a deterministic large catalog built from the sample catalog's items.
/// With `--files K`, `--out` is a folder that receives the same items split over K files (for parallel loading).
struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "generate", abstract: "Generate a large catalog.")
    @Option(help: "Number of items.") var items: Int = 100_000
    @Option(help: "Output file (or folder with --files).") var out: String
    @Option(help: "Split the items over this many files in the folder --out.") var files: Int?
    @Option(help: "Catalog whose items serve as templates.") var templates: String = "Catalogs/yunxi/items"

    func run() throws {
        let loaded = CatalogLoader(schema: nil).load(paths: [templates])
        var pool = loaded.catalog.items
        if pool.isEmpty { throw ValidationError("no template items in \(templates)") }
        pool.sort { $0.id < $1.id }
        let generator = CatalogGenerator(templates: pool)
        guard let files else {
            try write(generator, range: 0..<items, to: out)
            return
        }
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        let per = (items + files - 1) / max(files, 1)
        for part in 0..<files {
            let range = min(items, part * per)..<min(items, (part + 1) * per)
            try write(generator, range: range, to: out + "/" + String(format: "part-%03d.xml", part))
        }
    }

    private func write(_ generator: CatalogGenerator, range: Range<Int>, to path: String) throws {
        let writer = CatalogWriter(title: "基准测试目录（\(range.count) 项）", region: "440000", published: "2026-10-15")
        let handle = try FileHandle.create(path: path)
        var buffer = writer.header()
        buffer.reserveCapacity(1 << 21)
        for index in range {
            writer.write(generator.item(index), to: &buffer)
            if buffer.utf8.count > 1 << 20 {
                handle.write(Data(buffer.utf8))
                buffer.removeAll(keepingCapacity: true)
            }
        }
        buffer += writer.footer()
        handle.write(Data(buffer.utf8))
        try handle.close()
    }
}

/// Deterministic variations of template items: unique codes, many departments and regions, valid credit codes.
struct CatalogGenerator {
    let templates: [ServiceItem]
    let bodies: [(name: String, code: CreditCode, region: String)]

    init(templates: [ServiceItem]) {
        self.templates = templates
        // 2,000 implementing bodies across 400 counties, each with a valid GB 32100 code.
        var bodies: [(String, CreditCode, String)] = []
        for index in 0..<2_000 {
            let province = [11, 31, 32, 33, 35, 37, 42, 44, 50, 51][index % 10]
            let region = String(format: "%02d%02d%02d", province, 1 + (index / 10) % 20, 1 + index % 40)
            let serial = String(format: "%08d", 1_000 + index)
            let prefix = "11" + region + serial.prefix(8) + "X"
            let bytes = Array(prefix.utf8)
            let check = CreditCode.checkCharacter(for: bytes).map(String.init) ?? "0"
            bodies.append(("第\(index + 1)号实施机关", CreditCode(prefix + check), region))
        }
        self.bodies = bodies
    }

    func item(_ index: Int) -> ServiceItem {
        var item = templates[index % templates.count]
        let body = bodies[(index / 97) % bodies.count]
        let basic = String(format: "%012d", index)
        item.codes = ItemCodes(
            basic: basic,
            implementation: ItemCodes.expectedImplementationCode(
                creditCode: body.code, level: item.level, basic: basic),
            handling: nil)
        item.codes.handling = item.codes.implementation + "001"
        item.region = RegionCode(body.region)
        item.implementingBody.creditCode = body.code
        item.implementingBody.name = item.department + "（" + body.name + "）"
        return item
    }
}

/// `onego-bench load FILE [--trusted]`: loads once and prints seconds, items, MB/s and resident memory.
struct Load: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "load", abstract: "Time loading a catalog once.")
    @Argument(help: "A catalog file, or a folder of them.") var file: String
    @Flag var trusted = false
    @Flag(help: "Parse the files of a folder one after another instead of in parallel.") var serial = false
    @Option(help: "Threads (a single file on two: validated, schema beside model; trusted, halves): one, two or all.")
    var threads = "all"
    @Option(help: "Keep parsed files in this cache folder (see CatalogCache).") var cache: String?
    @Option(help: "How libxml2's events reach the model builder: automatic, replayed (after each chunk) or direct.")
    var dispatch = "automatic"

    static let dispatches: [String: XMLEventDispatch] = [
        "automatic": .automatic, "replayed": .replayed, "direct": .direct,
    ]

    func validate() throws {
        guard Self.dispatches[dispatch] != nil else {
            throw ValidationError("--dispatch is automatic, replayed or direct")
        }
    }

    func run() throws {
        var loader = trusted ? CatalogLoader(schema: nil) : try CatalogLoader.validating()
        loader.eventDispatch = Self.dispatches[dispatch] ?? .automatic
        loader.threads = serial ? 1 : ["one": 1, "two": 2][threads] ?? ProcessInfo.processInfo.activeProcessorCount
        loader.cache = cache.map { CatalogCache(directory: $0) }
        let bytes = Self.size(of: file)
        let start = DispatchTime.now()
        let result = loader.load(paths: [file])
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        let errors = result.errorCount
        print("seconds: \(seconds)")
        print("items: \(result.catalog.items.count)")
        print("errors: \(errors)")
        print("mb_per_s: \(Double(bytes) / 1e6 / seconds)")
        print("cpu_seconds: \(Memory.cpuSeconds())")
        print("rss_bytes: \(Memory.residentBytes())")
        print("peak_rss_bytes: \(Memory.peakResidentBytes())")
        if let used = loader.cache {
            print("cache_hits: \(used.hitPaths.count)")
            print("cache_parsed: \(used.parsedPaths.count)")
            print("cache_reused_items: \(used.reuses.reduce(0) { $0 + $1.reusedItems })")
            print("cache_reparsed_items: \(used.reuses.reduce(0) { $0 + $1.parsedItems })")
            print("cache_whole_parses: \(used.wholeParsePaths.count)")
        }
        // As `onego validate` does: the loaded catalog goes with the process instead of being freed item by item
        // (the process's CPU time, which `Benchmarks/percore` compares, then counts the load, not its teardown).
        _ = Unmanaged.passRetained(LoadedResult(result))
    }

    /// The box that keeps a load's result until the process exits.
    private final class LoadedResult {
        let result: CatalogLoadResult
        init(_ result: CatalogLoadResult) { self.result = result }
    }

    /// The size of a file, or of the `.xml` files in a folder.
    static func size(of path: String) -> Int {
        let files = FileManager.default
        var isFolder: ObjCBool = false
        guard files.fileExists(atPath: path, isDirectory: &isFolder) else { return 0 }
        guard isFolder.boolValue else { return (try? files.attributesOfItem(atPath: path)[.size] as? Int) ?? 0 }
        let names = (try? files.contentsOfDirectory(atPath: path)) ?? []
        return names.filter { $0.hasSuffix(".xml") }.reduce(0) { $0 + size(of: path + "/" + $1) }
    }
}

/// Reads the process's memory figures from /proc.
enum Memory {
    static func residentBytes() -> Int { field("VmRSS:") }
    static func peakResidentBytes() -> Int { field("VmHWM:") }

    /// User plus system CPU seconds of the process so far (more than the wall time when threads ran in parallel).
    static func cpuSeconds() -> Double {
        var usage = rusage()
        #if os(Linux)
            getrusage(RUSAGE_SELF.rawValue, &usage)
        #else
            getrusage(RUSAGE_SELF, &usage)
        #endif
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    private static func field(_ name: String) -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in text.split(separator: "\n") where line.hasPrefix(name) {
            let digits = line.split(separator: " ").dropFirst().first ?? "0"
            return (Int(digits) ?? 0) * 1024
        }
        return 0
    }
}

extension FileHandle {
    static func create(path: String) throws -> FileHandle {
        guard FileManager.default.createFile(atPath: path, contents: nil) else {
            throw ValidationError("cannot create \(path)")
        }
        return try FileHandle(forWritingTo: URL(fileURLWithPath: path))
    }
}
