import ArgumentParser
import Foundation
import OnegoCatalog
import OnegoComposer
import OnegoSearch

/// `onego-bench search --items N`: builds the search index over N generated items plus the shipped matters, then
/// times a fixed mix of queries (names, pinyin, initials, results, related words, departments, code prefixes), or the
/// mix of `--queries-file` (lines `QUERY` or `QUERY<TAB>FACET=VALUE`, as Benchmarks/search-queries prints them and
/// Benchmarks/serve-load sends them). `--json` also encodes each answer as `/api/search` does.
struct SearchBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search", abstract: "Time building the search index and answering queries.")

    @Option(help: "Number of generated items.") var items = 20_000
    @Option(help: "Rounds over the query mix.") var rounds = 20
    @Option(help: "Catalog whose items serve as templates.") var templates = "Catalogs/yunxi/items"
    @Option(help: "The matters to index.") var matters = "Catalogs/yunxi/matters"
    @Option(help: "Time only these queries (repeatable; default: the built-in mix).") var query: [String] = []
    @Option(help: "Read the queries from this file: `QUERY` or `QUERY<TAB>FACET=VALUE` per line.")
    var queriesFile: String?
    @Option(help: "Hits per query.") var limit = 50
    @Flag(help: "Encode each answer as JSON, as the workbench's /api/search does.") var json = false
    @Option(
        help: "Write each query's class, hits and least thread CPU time over the rounds to this file (tab-separated).")
    var perQuery: String?

    static let queries = [
        "企业设立登记", "qykb", "yingyezhizhao", "营业执照", "开饭店", "开公司", "身份证", "sfz", "市场监督管理局",
        "11440188MB2C", "食品经营许可", "退休", "新生儿 出生", "公积金",
    ]

    func run() throws {
        var pool = CatalogLoader(schema: nil).load(paths: [templates]).catalog.items
        if pool.isEmpty { throw ValidationError("no template items in \(templates)") }
        pool.sort { $0.id < $1.id }
        let generator = CatalogGenerator(templates: pool)
        let catalog = Catalog(items: (0..<items).map(generator.item))
        let found = MatterLoader.load(paths: [matters]).matters
        let buildStart = DispatchTime.now()
        let index = SearchIndex(catalog: catalog, matters: found)
        let buildSeconds = Clock.seconds(buildStart, DispatchTime.now())
        let mix = try queries()
        var checksum = 0
        var times: [Double] = []
        var entries = mix.map { SearchQueryReport.Entry(query: $0.0, facets: $0.1, hits: 0, seconds: .infinity) }
        for _ in 0..<rounds {
            for (position, (query, facets)) in mix.enumerated() {
                let start = DispatchTime.now()
                let cpuStart = Self.threadCPUSeconds()
                let hits = index.search(query, facets: facets, limit: limit)
                checksum &+= json ? try Self.encoded(hits).count : hits.count
                let cpu = Self.threadCPUSeconds() - cpuStart
                times.append(Clock.seconds(start, DispatchTime.now()))
                entries[position].hits = hits.count
                entries[position].seconds = min(entries[position].seconds, cpu)
            }
        }
        let perQuery = times.sorted()
        print("search_items: \(catalog.items.count)")
        print("search_queries: \(perQuery.count)")
        print("search_index_build_s: \(buildSeconds)")
        print("search_query_median_ms: \(perQuery[perQuery.count / 2] * 1000)")
        print("search_query_p95_ms: \(perQuery[perQuery.count * 95 / 100] * 1000)")
        print("search_query_max_ms: \(perQuery.last.map { $0 * 1000 } ?? 0)")
        print("search_checksum: \(checksum)")
        if let path = self.perQuery {
            let report = SearchQueryReport(templates: pool)
            for line in try report.write(entries, to: path) { print(line) }
        }
    }

    /// The queries with their facets: from `--queries-file`, `--query`, or the built-in mix.
    func queries() throws -> [(String, SearchFacets)] {
        guard let queriesFile else { return (query.isEmpty ? Self.queries : query).map { ($0, SearchFacets()) } }
        let text = try String(contentsOfFile: queriesFile, encoding: .utf8)
        return try text.split(separator: "\n").enumerated().map { number, line in
            let parts = line.split(separator: "\t", maxSplits: 1).map(String.init)
            var facets = SearchFacets()
            if parts.count == 2 {
                let facet = parts[1].split(separator: "=", maxSplits: 1).map(String.init)
                switch facet.first {
                case "department": facets.department = facet.last
                case "type": facets.type = facet.last
                case "level": facets.level = facet.last
                case "audience": facets.audience = facet.last
                default: throw ValidationError("\(queriesFile):\(number + 1): unknown facet \(parts[1])")
                }
            }
            return (parts[0], facets)
        }
    }

    /// The CPU time of the calling thread (what a query costs, whatever else the machine runs).
    static func threadCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// The hits as the workbench's `/api/search` encodes them (``SearchHit/jsonBytes(_:)``, the bytes `JSONEncoder`
    /// writes).
    static func encoded(_ hits: [SearchHit]) throws -> [UInt8] {
        SearchHit.jsonBytes(hits)
    }
}
