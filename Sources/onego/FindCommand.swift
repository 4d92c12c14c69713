import ArgumentParser
import OnegoCatalog
import OnegoComposer
import OnegoExport
import OnegoSearch

/// `onego find TEXT [PATH]`: ranked items and matters by name, pinyin, 俗称, materials, results, department or code.
struct FindCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "find",
        abstract: "按名称、拼音或首字母、材料、结果、部门或编码查找事项和一件事 (find items and matters by name).",
        discussion: """
            TEXT may be a name or part of one (企业设立登记), pinyin or its initials (yingyezhizhao, qykb), a \
            material or result (营业执照), an everyday word (开饭店), a department, or the start of a code. Words \
            separated by spaces must all match. Matters are read from matters/ beside the catalog's items/ folder, \
            or from --matters.
            Exit status: 0 found, 1 nothing found or catalog errors, 64 usage error.
            """
    )

    @Argument(help: "What to look for.")
    var text: String

    @Argument(help: "Catalog file or folder (default: the current folder).")
    var path: String?

    @Option(help: "Further catalog files or folders.")
    var catalog: [String] = []

    @Option(help: "Matter files or folders (default: matters/ beside the catalog's items/).")
    var matters: [String] = []

    @Option(help: "Output format: text or json (an array of hits).")
    var format: OutputFormat = .text

    @Option(help: "Most hits shown.")
    var limit: Int = 20

    @Option(help: "Only hits of this department (repeatable).")
    var department: [String] = []

    @Option(help: "Only items of this type (label such as 行政许可, or code such as 01; 一件事 for matters).")
    var type: String?

    @Option(help: "Only items of this level (e.g. 县级).")
    var level: String?

    @Option(help: "Only hits for this service object (e.g. 自然人, 法人).")
    var audience: String?

    @OptionGroup var options: CatalogOptions

    func validate() throws {
        if text.allSatisfy(\.isWhitespace) { throw ValidationError("请给出要查找的内容 (missing TEXT)") }
        if limit < 1 { throw ValidationError("--limit 须为正数") }
    }

    /// The catalog paths: PATH and --catalog, else the current folder.
    var catalogPaths: [String] {
        let paths = (path.map { [$0] } ?? []) + catalog
        return paths.isEmpty ? ["."] : paths
    }

    func run() throws {
        let index = try SearchIndexLoading.load(catalogPaths: catalogPaths, matterPaths: matters, options: options)
        let facets = SearchFacets(type: type, level: level, audience: audience)
        var hits = index.search(text, facets: facets, limit: department.isEmpty ? limit : Int.max)
        if !department.isEmpty {
            hits = Array(hits.filter { $0.department.map(department.contains) ?? false }.prefix(limit))
        }
        switch format {
        case .json: Terminal.out(try Terminal.versionedJSON(hits, key: "hits"))
        case .text: if !hits.isEmpty { Terminal.out(FindText.render(hits)) }
        }
        if hits.isEmpty { throw CommandFailure("没有找到与“\(text)”相关的事项或一件事", code: .cliNothingFound) }
    }
}

/// Builds the search index for commands: the catalog and the matters that go with it.
enum SearchIndexLoading {
    static func load(catalogPaths: [String], matterPaths: [String], options: CatalogOptions) throws -> SearchIndex {
        let catalog = try options.loadUsableCatalog(catalogPaths)
        let workspace = Workspace(catalogPaths: catalogPaths, matterPaths: matterPaths)
        let matters = try Workspace.reported(workspace.loadMatters)
        return SearchIndex(catalog: catalog, matters: matters)
    }
}

/// Text output of `find` and of ambiguous names in `show` and `guide`.
enum FindText {
    /// One line per hit: rank, kind, code, name, department and what matched.
    static func render(_ hits: [SearchHit]) -> String {
        hits.enumerated().map { offset, hit in
            let kind = hit.kind == .item ? "事项" : "一件事"
            let department = hit.department.map { "  \($0)" } ?? ""
            let matched = hit.matched.isEmpty ? "" : "  （匹配：\(hit.matched.joined(separator: "、"))）"
            return "\(offset + 1). [\(kind)] \(hit.code)  \(hit.name)\(department)\(matched)"
        }.joined(separator: "\n")
    }

    /// The message for a name that matches several items or matters, listing them with their codes.
    static func ambiguity(_ name: String, _ candidates: [SearchHit]) -> String {
        "“\(name)”对应多个结果，请改用编码或更完整的名称：\n" + render(candidates)
    }
}
