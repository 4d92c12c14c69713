import ArgumentParser
import Foundation
import OnegoCatalog
import OnegoComposer
import OnegoSearch

/// `onego-bench search --items N`: builds the search index over N generated items plus the shipped matters, then
/// times a fixed mix of queries (names, pinyin, initials, results, related words, departments, code prefixes).
struct SearchBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search", abstract: "Time building the search index and answering queries.")

    @Option(help: "Number of generated items.") var items = 20_000
    @Option(help: "Rounds over the query mix.") var rounds = 20
    @Option(help: "Catalog whose items serve as templates.") var templates = "Catalogs/yunxi/items"
    @Option(help: "The matters to index.") var matters = "Catalogs/yunxi/matters"
    @Option(help: "Time only these queries (repeatable; default: the built-in mix).") var query: [String] = []

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
        var checksum = 0
        var perQuery: [Double] = []
        for _ in 0..<rounds {
            for query in query.isEmpty ? Self.queries : query {
                let start = DispatchTime.now()
                checksum &+= index.search(query).count
                perQuery.append(Clock.seconds(start, DispatchTime.now()))
            }
        }
        perQuery.sort()
        print("search_items: \(catalog.items.count)")
        print("search_index_build_s: \(buildSeconds)")
        print("search_query_median_ms: \(perQuery[perQuery.count / 2] * 1000)")
        print("search_query_p95_ms: \(perQuery[perQuery.count * 95 / 100] * 1000)")
        print("search_query_max_ms: \(perQuery.last.map { $0 * 1000 } ?? 0)")
        print("search_checksum: \(checksum)")
    }
}
