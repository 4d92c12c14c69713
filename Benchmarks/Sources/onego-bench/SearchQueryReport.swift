import Foundation
import OnegoCatalog
import OnegoSearch

/// What kind of search a query of the mix is, for `onego-bench search --per-query` (the classes of
/// Benchmarks/search-queries, told apart from the query text and the template catalog's texts).
enum SearchQueryClass: String, CaseIterable {
    case facet, twoWord = "two-word", pinyin, initials, fullName = "full-name", nameFragment = "name-fragment"
    case material, result, department, everyday = "everyday-word", noHit = "no-hit"
}

/// Sorts the queries of a mix into ``SearchQueryClass``es and writes the per-query and per-class report.
struct SearchQueryReport {
    /// One query's figures: the fastest of its rounds.
    struct Entry {
        var query: String
        var facets: SearchFacets
        var hits: Int
        var seconds: Double
    }

    let names: Set<String>
    let nameList: [String]
    let materials: [String]
    let results: [String]
    let departments: [String]

    init(templates: [ServiceItem]) {
        nameList = templates.map(\.name)
        names = Set(nameList)
        materials = Array(Set(templates.flatMap { $0.materials.map(\.name) })).sorted()
        results = Array(Set(templates.flatMap { $0.results.map(\.name) })).sorted()
        departments = Array(Set(templates.map(\.department))).sorted()
    }

    /// The class of one query: facets and several words first, then letters (pinyin when a vowel follows the first
    /// letter, else initials), then where the Hanzi text occurs in the templates (names before materials, results
    /// and departments); the rest are everyday words.
    func classify(_ entry: Entry) -> SearchQueryClass {
        let query = entry.query
        if entry.hits == 0 { return .noHit }
        if !entry.facets.isEmpty { return .facet }
        if query.contains(" ") { return .twoWord }
        if query.unicodeScalars.allSatisfy({ $0.isASCII && $0.properties.isAlphabetic }) {
            return query.dropFirst().contains { "aeiouv".contains($0) } ? .pinyin : .initials
        }
        if names.contains(query) { return .fullName }
        if nameList.contains(where: { $0.contains(query) }) { return .nameFragment }
        if materials.contains(where: { $0.contains(query) }) { return .material }
        if results.contains(where: { $0.contains(query) }) { return .result }
        if departments.contains(where: { $0.contains(query) }) { return .department }
        return .everyday
    }

    /// Writes one tab-separated line per query (class, query, facet, hits, µs) to `path` and returns the per-class
    /// summary lines (`search_class_NAME: …`), classes by their share of the total time.
    func write(_ entries: [Entry], to path: String) throws -> [String] {
        var lines = ["class\tquery\tfacet\thits\tmicroseconds"]
        var byClass: [SearchQueryClass: [Double]] = [:]
        for entry in entries {
            let kind = classify(entry)
            byClass[kind, default: []].append(entry.seconds)
            let facet = [
                entry.facets.department.map { "department=\($0)" }, entry.facets.type.map { "type=\($0)" },
                entry.facets.level.map { "level=\($0)" }, entry.facets.audience.map { "audience=\($0)" },
            ].compactMap { $0 }.joined(separator: ",")
            lines.append("\(kind.rawValue)\t\(entry.query)\t\(facet)\t\(entry.hits)\t\(Self.micro(entry.seconds))")
        }
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        let total = entries.reduce(0) { $0 + $1.seconds }
        return byClass.sorted { $0.value.reduce(0, +) > $1.value.reduce(0, +) }.map { kind, times in
            let sorted = times.sorted()
            let sum = sorted.reduce(0, +)
            return
                "search_class_\(kind.rawValue): queries=\(sorted.count) mean_us=\(Self.micro(sum / Double(sorted.count)))"
                + " p95_us=\(Self.micro(sorted[sorted.count * 95 / 100])) max_us=\(Self.micro(sorted.last ?? 0))"
                + " share=\(String(format: "%.3f", total > 0 ? sum / total : 0))"
        }
    }

    private static func micro(_ seconds: Double) -> String { String(format: "%.1f", seconds * 1_000_000) }
}
