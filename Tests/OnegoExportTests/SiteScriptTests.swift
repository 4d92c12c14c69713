import Foundation
import OnegoBase
import OnegoCatalog
import OnegoComposer
import OnegoExport
import OnegoSearch
import OnegoTestSupport
import OnegoXML
import Testing

/// The site script run under node against the Swift code it mirrors, on the sample district catalog: the situation
/// resolver on every answer set of every shipped matter, and the search on everyday queries.
@Suite struct SiteScriptTests {
    let catalog: Catalog
    let matters: [Matter]
    let composer: Composer
    let options: GuideOptions

    init() throws {
        let loader = try CatalogLoader.validating(schemaPath: Fixtures.path("Schemas/catalog.xsd"))
        let loaded = loader.load(paths: [Fixtures.sampleItems])
        catalog = loaded.catalog
        let (matters, diagnostics) = MatterLoader.load(paths: [Fixtures.sampleMatters])
        #expect(!diagnostics.containsErrors)
        self.matters = matters
        let (synonyms, _) = SynonymTable.load(path: Fixtures.path("Catalogs/reference/material-synonyms.xml"))
        composer = Composer(catalog: catalog, synonyms: synonyms, calendar: try TestCatalog.calendar())
        options = try TestCatalog.plain()
    }

    /// The site written to a temporary folder, with the pages by path.
    func writeSite() throws -> (folder: String, pages: [String: String]) {
        let entries = matters.map { HandbookSite.MatterEntry.make($0, composer: composer) }
        let site = HandbookSite(title: "云溪区政务服务事项", catalog: catalog, matters: entries, options: options)
        let folder = try Fixtures.temporaryDirectory()
        var pages: [String: String] = [:]
        for page in site.pages() {
            pages[page.path] = page.text
            let path = folder + "/" + page.path
            try FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try page.text.write(toFile: path, atomically: false, encoding: .utf8)
        }
        return (folder, pages)
    }

    /// Runs `runner` (JavaScript) under node with the site folder as its argument; returns its JSON output.
    func node(_ runner: String, folder: String) throws -> Any {
        let node = try #require(
            ["/usr/bin/node", "/usr/local/bin/node", "/usr/bin/nodejs"].first {
                FileManager.default.isExecutableFile(atPath: $0)
            },
            "node is needed for the site script tests (apt-get install nodejs; .ci/setup installs it)")
        let script = try Fixtures.write(runner, to: "runner.js", in: folder)
        let result = try Fixtures.run(node, [script, folder], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
    }

    /// The text between `start` and the next `end` after it.
    static func between(_ text: String, _ start: String, _ end: String) throws -> String {
        let from = try #require(text.range(of: start))
        let to = try #require(text[from.upperBound...].range(of: end))
        return String(text[from.upperBound..<to.lowerBound])
    }

    @Test func resolverAgreesWithTheComposerOnEveryAnswerSetOfEveryShippedMatter() throws {
        #expect(matters.count >= 5)
        let (folder, pages) = try writeSite()
        var input: [[String: Any]] = []
        var expected: [[String]] = []
        let today = CalendarDay.today().description
        for matter in matters {
            let page = try #require(pages["matters/\(matter.code).html"])
            let sheet = try Self.between(page, "<script type=\"application/json\" id=\"situation-sheet\">", "</script>")
            #expect(page.contains("<div id=\"notices\" data-src=\"matters/\(matter.code).notices.js\" hidden>"))
            #expect(!page.contains("<template"), "\(matter.code): the notices are in the notices file, not the page")
            let answerSets = composer.enumerateAnswerSets(for: matter)
            #expect(!answerSets.isEmpty, "\(matter.code) has no answer sets")
            var cases: [[String: [String]]] = []
            var notices: [String] = []
            for answers in answerSets {
                cases.append(Dictionary(uniqueKeysWithValues: answers.values.map { ($0.key, $0.value) }))
                var composition = try composer.compose(matter: matter, answers: answers)
                composition.answers = AnswerSet()
                notices.append(
                    HTMLGuideRenderer.article(
                        MatterIntake.makeNotice(composition, matter: matter, catalog: catalog, options: options))
                        + HTMLGuideRenderer.article(
                            MatterIntake.makeChecklist(composition, matter: matter, catalog: catalog, options: options))
                )
            }
            input.append([
                "sheet": try JSONSerialization.jsonObject(with: Data(sheet.utf8)), "cases": cases,
                "notices": "matters/\(matter.code).notices.js",
            ])
            expected.append(notices)
        }
        let data = try JSONSerialization.data(withJSONObject: ["asOf": today, "matters": input])
        try data.write(to: URL(fileURLWithPath: folder + "/input.json"))
        // The notice each answer set shows: the script's outcome looked up in the matter's notices file.
        let output = try #require(
            try node(
                """
                const fs = require("fs"), vm = require("vm"), dir = process.argv[2], site = require(dir + "/site.js");
                const input = JSON.parse(fs.readFileSync(dir + "/input.json", "utf8"));
                let notices = null;
                global.onegoSite = { notices: d => { notices = d; } };
                console.log(JSON.stringify(input.matters.map(m => {
                  vm.runInThisContext(fs.readFileSync(dir + "/" + m.notices, "utf8"));
                  return m.cases.map(c => {
                    const r = site.resolve(m.sheet, c, input.asOf, false);
                    if (r.key === undefined) { return "ERROR " + JSON.stringify(r); }
                    const html = site.noticeHTML(notices, r.key);
                    return html === null ? "NO NOTICE for " + r.key : html;
                  });
                })));
                """, folder: folder) as? [[String]])
        var checked = 0
        for (index, matter) in matters.enumerated() {
            for (number, shown) in output[index].enumerated() {
                #expect(
                    shown == expected[index][number], "\(matter.code) answer set \(number) shows \(shown.prefix(80))")
                checked += 1
            }
        }
        #expect(checked >= 100)
    }

    @Test func searchFindsWhatTheSwiftSearchFinds() throws {
        let (folder, _) = try writeSite()
        let queries = ["qykb", "开饭店", "营业执照", "开公司", "出生", "yyzz", "食品经营"]
        let output = try #require(
            try node(
                """
                const fs = require("fs"), vm = require("vm"), dir = process.argv[2];
                const site = require(dir + "/site.js");
                let words = null, records = [];
                global.onegoSite = { words: d => { words = d; }, shard: d => { records = records.concat(d); } };
                for (const name of ["words.js"].concat(fs.readdirSync(dir + "/search").filter(n => n.startsWith("shard-"))))
                  vm.runInThisContext(fs.readFileSync(dir + "/search/" + name, "utf8"));
                const search = site.makeSearch(words, records);
                console.log(JSON.stringify(\(queries).map(q => search(q, 5).map(h => h.record.c))));
                """, folder: folder) as? [[String]])
        let index = SearchIndex(catalog: catalog, matters: matters)
        for (number, query) in queries.enumerated() {
            let swift = index.search(query, limit: 5).map(\.code)
            #expect(!swift.isEmpty, "\(query)")
            #expect(output[number] == swift, "\(query): script \(output[number]), Swift \(swift)")
        }
        #expect(output[0].first == "YX-QYKB")
        #expect(output[1].first == "YX-KBCYD")
    }
}
