import OnegoCatalog
import OnegoComposer

/// The site's index and browse pages: the index (search, life events, audiences, departments) stays small however
/// large the catalog; each department and each audience-and-department pair gets its own list page.
struct SiteBrowse {
    let site: HandbookSite
    let items: [ServiceItem]

    /// `departments/d-HASH.html`: a stable name from the department's name (FNV-1a, 64 bits).
    static func departmentPath(_ department: String) -> String { "departments/d-" + hash(department) + ".html" }

    /// `audiences/a-HASH.html`, or `audiences/a-HASH-HASH.html` for the items of one department.
    static func audiencePath(_ audience: String, department: String? = nil) -> String {
        "audiences/a-" + hash(audience) + (department.map { "-" + hash($0) } ?? "") + ".html"
    }

    static func hash(_ text: String) -> String {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            value ^= UInt64(byte)
            value = value &* 0x100_0000_01b3
        }
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    var departments: [(name: String, items: [ServiceItem])] {
        var grouped: [String: [ServiceItem]] = [:]
        for item in items { grouped[item.department, default: []].append(item) }
        return site.catalog.departments.compactMap { name in grouped[name].map { (name, $0) } }
    }

    /// Audiences in the code list's order, with their items.
    var audiences: [(name: String, items: [ServiceItem])] {
        var grouped: [String: [ServiceItem]] = [:]
        for item in items {
            for audience in Set(item.serviceObjects.map(\.rawValue)) { grouped[audience, default: []].append(item) }
        }
        return ServiceObject.allCases.compactMap { audience in
            grouped[audience.rawValue].map { (audience.rawValue, $0) }
        }
    }

    func page(_ title: String, _ body: HTML, depth: Int, script: Bool = false) -> String {
        SitePage(title: title, body: body, depth: depth, updated: site.options.issued, hasScript: script).html
    }

    // MARK: - Index

    func indexPage() -> String {
        let departments = self.departments
        var body: HTML =
            "<div class=\"doc site-index\">\n<header class=\"doc-head\">\n<h1 class=\"doc-title\">办事指南手册</h1>\n"
        body += "<p class=\"doc-subject\">\(site.title)</p>\n"
        body += "<p class=\"doc-meta\"><span>\(items.count) 个事项</span><span>\(departments.count) 个部门</span>"
        body += "<span>\(site.matters.count) 件一件事</span>"
        if !site.withheld.isEmpty { body += "<span class=\"withheld\">\(site.withheld.count) 个事项有错误未收录</span>" }
        body += "<span>更新日期：\(site.options.issued.chinese)</span></p>\n</header>\n"
        body += """
            <section class="search noprint">
            <label for="q">搜索事项或一件事</label>
            <input id="q" type="search" autocomplete="off" placeholder="例如：开饭店、qykb、营业执照、出生登记">
            <p class="hint">可输入名称、俗称、关键词、拼音或拼音首字母、材料或证照名称、编码。</p>
            <p id="count" class="count"></p>
            <ul id="results" class="results"></ul>
            </section>
            <span id="search-shards" data-count="\((site.matters.count + items.count + SiteAssets.shardSize - 1) / SiteAssets.shardSize)" hidden></span>

            """
        var number = 0
        func heading(_ text: String) -> HTML {
            number += 1
            return "<h2>\(ChineseNumber.ordinal(number))、\(text)</h2>\n"
        }
        if !site.matters.isEmpty {
            body += "<section>\n" + heading("按一件事（人生事件与企业经营）") + "<ul class=\"entries\">\n"
            for entry in site.matters {
                let matter = entry.matter
                body += "<li><a href=\"\(HandbookSite.matterPath(matter))\">\(matter.name)</a>"
                let audiences = matter.servedAudiences.map(\.rawValue).joined(separator: "、")
                body += " <span class=\"meta\">\(audiences) · \(matter.leadDepartment) 牵头 · "
                body += "\(matter.members.count) 个事项</span></li>\n"
            }
            body += "</ul>\n</section>\n"
        }
        body += "<section>\n" + heading("按服务对象") + "<ul class=\"browse\">\n"
        for audience in audiences {
            body += "<li><a href=\"\(Self.audiencePath(audience.name))\">\(audience.name)</a>"
            body += " <span class=\"meta\">\(audience.items.count)</span></li>\n"
        }
        body += "</ul>\n</section>\n<section>\n" + heading("按部门") + "<ul class=\"browse\">\n"
        for department in departments {
            body += "<li><a href=\"\(Self.departmentPath(department.name))\">\(department.name)</a>"
            body += " <span class=\"meta\">\(department.items.count)</span></li>\n"
        }
        body += "</ul>\n</section>\n"
        if !site.withheld.isEmpty { body += withheldSection(heading("未收录的事项（目录有错误，修正后重新生成）")) }
        body += "</div>\n"
        return page("办事指南手册：\(site.title)", body, depth: 0, script: true)
    }

    /// The items left out for their errors (the first 200), under `heading`.
    func withheldSection(_ heading: HTML) -> HTML {
        var body: HTML = "<section class=\"withheld\">\n" + heading + "<ul class=\"entries\">\n"
        for item in site.withheld.prefix(200) {
            body += "<li>\(item.name) <span class=\"code\">\(item.code)</span>"
            body += " <span class=\"badge small\">有错误</span> <span class=\"meta\">\(item.department)："
            body += "\(item.problems.joined(separator: "；"))</span></li>\n"
        }
        if site.withheld.count > 200 {
            body += "<li class=\"meta\">另有 \(site.withheld.count - 200) 个，见 onego validate 的报告</li>\n"
        }
        return body + "</ul>\n</section>\n"
    }

    // MARK: - Lists

    /// The department pages, the audience pages and their per-department pages; those whose inputs are unchanged
    /// since the existing site (`manifest`) are kept without rendering.
    func listPages(reusing manifest: SiteManifest, inputs: SiteInputs) -> [HandbookSite.Page] {
        var pages: [HandbookSite.Page] = []
        for department in departments {
            let path = Self.departmentPath(department.name)
            let digest = inputs.page(path, parts: [department.name], members: department.items)
            pages.append(
                manifest.page(path, inputs: digest) { listPage(department.name, subject: "按部门", department.items) })
        }
        for audience in audiences {
            var grouped: [String: [ServiceItem]] = [:]
            for item in audience.items { grouped[item.department, default: []].append(item) }
            for department in site.catalog.departments {
                guard let members = grouped[department] else { continue }
                let path = Self.audiencePath(audience.name, department: department)
                let digest = inputs.page(path, parts: [audience.name, department], members: members)
                pages.append(
                    manifest.page(path, inputs: digest) {
                        listPage(department, subject: "服务对象：\(audience.name)", members)
                    })
            }
            let path = Self.audiencePath(audience.name)
            let digest = inputs.page(
                path, parts: [audience.name, String(inputs.heads, radix: 16)], members: audience.items)
            pages.append(manifest.page(path, inputs: digest) { audiencePage(audience, grouped: grouped) })
        }
        return pages
    }

    /// An audience's page: the matters serving it and its departments, each linking to its list.
    func audiencePage(_ audience: (name: String, items: [ServiceItem]), grouped: [String: [ServiceItem]]) -> String {
        let matters = site.matters.filter { $0.matter.servedAudiences.map(\.rawValue).contains(audience.name) }
        var body: HTML =
            nav(depth: 1) + "<div class=\"doc\">\n<header class=\"doc-head\"><h1 class=\"doc-title\">按服务对象</h1>"
        body +=
            "<p class=\"doc-subject\">\(audience.name)（\(audience.items.count) 个事项）</p></header>\n"
        if !matters.isEmpty {
            body += "<h2>一件事</h2>\n<ul class=\"entries\">\n"
            for entry in matters {
                body +=
                    "<li><a href=\"../\(HandbookSite.matterPath(entry.matter))\">\(entry.matter.name)</a></li>\n"
            }
            body += "</ul>\n"
        }
        body += "<h2>按部门</h2>\n<ul class=\"browse\">\n"
        for department in site.catalog.departments {
            guard let members = grouped[department] else { continue }
            let path = Self.audiencePath(audience.name, department: department)
            body +=
                "<li><a href=\"../\(path)\">\(department)</a> <span class=\"meta\">\(members.count)</span></li>\n"
        }
        body += "</ul>\n</div>\n"
        return page("服务对象：\(audience.name)", body, depth: 1)
    }

    func nav(depth: Int) -> HTML {
        "<nav class=\"site\"><a href=\"\(String(repeating: "../", count: depth))index.html\">← 返回手册目录</a></nav>\n"
    }

    /// A list of items with their badges, linking to the item pages.
    func listPage(_ title: String, subject: String, _ members: [ServiceItem]) -> String {
        var body =
            nav(depth: 1) + "<div class=\"doc\">\n<header class=\"doc-head\"><h1 class=\"doc-title\">\(subject)</h1>"
        body += "<p class=\"doc-subject\">\(title)（\(members.count) 个事项）</p></header>\n<ul class=\"entries\">\n"
        for item in members {
            body += "<li><a href=\"../\(HandbookSite.itemPath(item))\">\(item.name)</a>"
            body += " <span class=\"code\">\(item.id)</span>"
            let badges = ItemText.badges(for: item)
            if !badges.isEmpty {
                body += " " + HTML.joined(badges.map { badge -> HTML in "<span class=\"badge small\">\(badge)</span>" })
            }
            body += "</li>\n"
        }
        body += "</ul>\n</div>\n"
        return page("\(subject)：\(title)", body, depth: 1)
    }
}
