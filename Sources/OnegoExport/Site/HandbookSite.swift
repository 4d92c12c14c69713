import Foundation
public import OnegoCatalog
public import OnegoComposer

/// The offline handbook for window staff: an index by department and by matter with client-side search, one page
/// per item (guide, notice and checklist) and one per matter (overview, and the notice and checklist of an example
/// situation). Plain files with relative links: it opens from disk, no server, nothing loaded from outside.
public struct HandbookSite: Sendable {
    /// A matter and the example composition its page shows.
    public struct MatterEntry: Sendable {
        /// The matter.
        public var matter: Matter
        /// The composition for the example situation, when one could be composed.
        public var example: Composition?
        /// Why there is no example (printed on the page), when `example` is `nil`.
        public var problem: String?

        /// Creates an entry.
        public init(matter: Matter, example: Composition?, problem: String? = nil) {
            self.matter = matter
            self.example = example
            self.problem = problem
        }
    }

    /// One file of the site.
    public struct Page: Sendable, Hashable {
        /// The path relative to the site folder, e.g. `items/CODE.html`.
        public var path: String
        /// The file's text.
        public var text: String
    }

    /// The handbook's title, e.g. the catalog's title.
    public var title: String
    /// The catalog.
    public var catalog: Catalog
    /// The matters.
    public var matters: [MatterEntry]
    /// Issue date and calendar (no acceptance date on a handbook).
    public var options: GuideOptions
    /// Items left out of the handbook because they carry errors; the index lists them, marked.
    public var withheld: [WithheldItem]

    /// An item the catalog holds but the handbook leaves out, with the errors that keep it out.
    public struct WithheldItem: Sendable, Hashable {
        /// The item's name.
        public var name: String
        /// Its handling-item or implementation code.
        public var code: String
        /// Its department.
        public var department: String
        /// The error messages, in Chinese.
        public var problems: [String]

        /// Creates an entry.
        public init(name: String, code: String, department: String, problems: [String]) {
            self.name = name
            self.code = code
            self.department = department
            self.problems = problems
        }
    }

    /// Creates a site.
    public init(
        title: String, catalog: Catalog, matters: [MatterEntry], options: GuideOptions, withheld: [WithheldItem] = []
    ) {
        self.title = title
        self.catalog = catalog
        self.matters = matters
        self.options = options
        self.withheld = withheld
    }

    /// The file name of a marker written into every site folder, so a later run knows it may replace the folder.
    public static let marker = ".onego-site"

    /// Every file of the site, index first.
    public func pages() -> [Page] {
        var pages = [
            Page(path: "index.html", text: indexPage()), Page(path: Self.marker, text: "onego handbook site\n"),
        ]
        for item in uniqueItems {
            pages.append(Page(path: Self.itemPath(item), text: itemPage(item)))
        }
        for entry in matters {
            pages.append(Page(path: Self.matterPath(entry.matter), text: matterPage(entry)))
        }
        return pages
    }

    /// Items with distinct codes, in catalog order (the catalog's first item with a code wins, as in lookups).
    var uniqueItems: [ServiceItem] {
        var seen = Set<String>()
        return catalog.items.filter { seen.insert($0.id).inserted }
    }

    /// `items/CODE.html`.
    static func itemPath(_ item: ServiceItem) -> String { "items/" + fileName(item.id) + ".html" }

    /// `matters/CODE.html`.
    static func matterPath(_ matter: Matter) -> String { "matters/" + fileName(matter.code) + ".html" }

    /// A code reduced to characters safe in a file name and a URL.
    static func fileName(_ code: String) -> String {
        String(
            code.unicodeScalars.map { scalar -> Character in
                switch scalar {
                case "0"..."9", "A"..."Z", "a"..."z", "-", "_", ".": Character(scalar)
                default: "_"
                }
            })
    }

    // MARK: - Index

    func indexPage() -> String {
        let items = uniqueItems
        var body = "<div class=\"doc site-index\">\n<header class=\"doc-head\">\n"
        body += "<h1 class=\"doc-title\">办事指南手册</h1>\n"
        body += "<p class=\"doc-subject\">\(HTMLText.escape(title))</p>\n"
        let departments = catalog.departments
        body += "<p class=\"doc-meta\"><span>\(items.count) 个事项</span><span>\(departments.count) 个部门</span>"
        body += "<span>\(matters.count) 件一件事</span>"
        if !withheld.isEmpty { body += "<span class=\"withheld\">\(withheld.count) 个事项有错误未收录</span>" }
        body += "<span>生成日期：\(options.issued.chinese)</span></p>\n"
        body += "</header>\n"
        body += """
            <section class="search noprint">
            <label for="q">搜索事项名称或编码</label>
            <input id="q" type="search" autocomplete="off" placeholder="例如：营业执照、出生登记、11440188…">
            <p id="count" class="count"></p>
            <ul id="results" class="results"></ul>
            </section>

            """
        if !matters.isEmpty {
            body += "<section>\n<h2>一、按一件事</h2>\n<ul class=\"entries\">\n"
            for entry in matters {
                let matter = entry.matter
                body += "<li><a href=\"\(Self.matterPath(matter))\">\(HTMLText.escape(matter.name))</a>"
                body += " <span class=\"code\">\(HTMLText.escape(matter.code))</span>"
                body +=
                    " <span class=\"meta\">\(HTMLText.escape(matter.leadDepartment)) 牵头，\(matter.members.count) 个事项</span></li>\n"
            }
            body += "</ul>\n</section>\n"
        }
        body += "<section>\n<h2>\(matters.isEmpty ? "一" : "二")、按部门</h2>\n"
        for department in departments {
            let members = items.filter { $0.department == department }
            body += "<h3>\(HTMLText.escape(department))（\(members.count)）</h3>\n<ul class=\"entries\">\n"
            for item in members {
                body += "<li><a href=\"\(Self.itemPath(item))\">\(HTMLText.escape(item.name))</a>"
                body += " <span class=\"code\">\(HTMLText.escape(item.id))</span>"
                let badges = ItemText.badges(for: item)
                if !badges.isEmpty {
                    body += " " + badges.map { "<span class=\"badge small\">\(HTMLText.escape($0))</span>" }.joined()
                }
                body += "</li>\n"
            }
            body += "</ul>\n"
        }
        body += "</section>\n"
        if !withheld.isEmpty {
            body += "<section class=\"withheld\">\n<h2>未收录的事项（目录有错误，修正后重新生成）</h2>\n<ul class=\"entries\">\n"
            for item in withheld {
                body += "<li>\(HTMLText.escape(item.name)) <span class=\"code\">\(HTMLText.escape(item.code))</span>"
                body += " <span class=\"badge small\">有错误</span>"
                body +=
                    " <span class=\"meta\">\(HTMLText.escape(item.department))：\(HTMLText.escape(item.problems.joined(separator: "；")))</span></li>\n"
            }
            body += "</ul>\n</section>\n"
        }
        body += "</div>\n"
        body += "<script type=\"application/json\" id=\"search-index\">\(searchIndexJSON())</script>\n"
        return HTMLPage(title: "办事指南手册：\(title)", body: body, script: Self.searchScript).html
    }

    /// One search entry: kind (item or matter), code, name, department, page.
    struct SearchEntry: Encodable {
        var k: String
        var c: String
        var n: String
        var d: String
        var u: String
    }

    /// The search index as JSON that is safe inside `<script>`.
    func searchIndexJSON() -> String {
        var entries = matters.map {
            SearchEntry(
                k: "matter", c: $0.matter.code, n: $0.matter.name, d: $0.matter.leadDepartment,
                u: Self.matterPath($0.matter))
        }
        entries += uniqueItems.map {
            SearchEntry(k: "item", c: $0.id, n: $0.name, d: $0.department, u: Self.itemPath($0))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = (try? encoder.encode(entries)).map { String(decoding: $0, as: UTF8.self) } ?? "[]"
        return HTMLText.scriptJSON(json)
    }

    /// The search script: reads the query from `#q=` or `?q=`, filters by name or code, and lists the hits with
    /// DOM text nodes (never as HTML).
    static let searchScript = """
        (function () {
          "use strict";
          var data = JSON.parse(document.getElementById("search-index").textContent);
          var input = document.getElementById("q");
          var list = document.getElementById("results");
          var count = document.getElementById("count");
          function norm(text) { return String(text).toLowerCase().replace(/\\s+/g, ""); }
          function initial() {
            var match = /(?:^#|&)q=([^&]*)/.exec(location.hash) || /(?:^\\?|&)q=([^&#]*)/.exec(location.search);
            if (!match) { return ""; }
            try { return decodeURIComponent(match[1].replace(/\\+/g, " ")); } catch (error) { return ""; }
          }
          function render(query) {
            var wanted = norm(query);
            while (list.firstChild) { list.removeChild(list.firstChild); }
            if (!wanted) { count.textContent = ""; return; }
            var hits = data.filter(function (entry) {
              return norm(entry.n).indexOf(wanted) >= 0 || norm(entry.c).indexOf(wanted) >= 0;
            });
            count.textContent = hits.length === 0 ? "没有找到名称或编码含“" + query + "”的事项" : "找到 " + hits.length + " 项";
            hits.slice(0, 200).forEach(function (entry) {
              var item = document.createElement("li");
              item.className = "hit hit-" + entry.k;
              var link = document.createElement("a");
              link.href = entry.u;
              link.textContent = entry.n;
              item.appendChild(link);
              var meta = document.createElement("span");
              meta.className = "meta";
              meta.textContent = (entry.k === "matter" ? "一件事 · " : "") + entry.c + " · " + entry.d;
              item.appendChild(document.createTextNode(" "));
              item.appendChild(meta);
              list.appendChild(item);
            });
          }
          input.addEventListener("input", function () {
            render(input.value);
            try { history.replaceState(null, "", "#q=" + encodeURIComponent(input.value)); } catch (error) {}
          });
          var query = initial();
          input.value = query;
          render(query);
        })();
        """

    // MARK: - Item and matter pages

    func itemPage(_ item: ServiceItem) -> String {
        var body = "<nav class=\"site\"><a href=\"../index.html\">← 返回手册目录</a>　"
        body += HTMLText.escape(item.department) + "</nav>\n"
        body += HTMLGuideRenderer.article(ItemGuide.make(item, options: options))
        body += HTMLGuideRenderer.article(ItemIntake.makeNotice(item, options: options))
        body += HTMLGuideRenderer.article(ItemIntake.makeChecklist(item, options: options))
        return HTMLPage(title: "\(item.name)：办事指南", body: body).html
    }

    func matterPage(_ entry: MatterEntry) -> String {
        let matter = entry.matter
        var body = "<nav class=\"site\"><a href=\"../index.html\">← 返回手册目录</a>　包含事项："
        body += matter.members.compactMap { member -> String? in
            guard let item = catalog.item(code: member.code) else { return nil }
            return "<a href=\"../\(Self.itemPath(item))\">\(HTMLText.escape(item.name))</a>"
        }.joined(separator: "、")
        body += "</nav>\n"
        body += HTMLGuideRenderer.article(MatterGuide.make(matter, catalog: catalog, options: options))
        if let example = entry.example {
            body += HTMLGuideRenderer.article(
                MatterIntake.makeNotice(example, matter: matter, catalog: catalog, options: options))
            body += HTMLGuideRenderer.article(
                MatterIntake.makeChecklist(example, matter: matter, catalog: catalog, options: options))
        } else if let problem = entry.problem {
            body += "<p class=\"note noprint\">无法生成示例告知单：\(HTMLText.escape(problem))</p>\n"
        }
        return HTMLPage(title: "\(matter.name)：一件事办事指南", body: body).html
    }
}
