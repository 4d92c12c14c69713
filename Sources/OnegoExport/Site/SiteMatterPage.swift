import OnegoCatalog
import OnegoComposer

extension HandbookSite {
    /// A matter's page: its guide, the situation questions (asked by the site script, which loads the matter's
    /// notices file and shows the visitor's notice and checklist by the outcome of their answers), and no fixed
    /// answers.
    func matterPage(_ entry: MatterEntry) -> String {
        let matter = entry.matter
        var body: HTML = "<nav class=\"site\"><a href=\"../index.html\">← 返回手册目录</a>　包含事项："
        let links = matter.members.compactMap { member -> HTML? in
            guard let item = catalog.item(code: member.code) else { return nil }
            return "<a href=\"../\(Self.itemPath(item))\">\(item.name)</a>"
        }
        body += HTML.joined(links, separator: "、")
        body += "</nav>\n"
        body += SiteLinks.linkify(
            HTMLGuideRenderer.articleHTML(MatterGuide.make(matter, catalog: catalog, options: options)))
        body += "<div class=\"doc ask-doc noprint\">\n<h2>按您的情形生成一次性告知单</h2>\n"
        body += "<p id=\"ask-off\" class=\"note\">请在浏览器中允许本页脚本，回答情形问题后即显示您需要准备的材料；也可到窗口由工作人员代为生成。</p>\n"
        body +=
            "<form id=\"ask\" class=\"ask\" hidden>\n<p id=\"ask-status\" class=\"status\" aria-live=\"polite\"></p>\n"
        body += "<p><button type=\"button\" id=\"ask-print\">打印告知单</button></p>\n</form>\n"
        if let problem = entry.problem {
            body += "<p class=\"note\">部分情形无法生成告知单：\(problem)</p>\n"
        }
        body += "</div>\n<div id=\"notice\"></div>\n"
        if let sheet = entry.sheet {
            // JSON made safe for a <script> element by SiteAssets.json (no `<`, `>` or `&` left).
            body += "<script type=\"application/json\" id=\"situation-sheet\">\(raw: SiteAssets.json(sheet))</script>\n"
        }
        body += "<div id=\"notices\" data-src=\"\(Self.noticesPath(matter))\" hidden></div>\n"
        return SitePage(
            title: "\(matter.name)：一件事办事指南", body: body, depth: 1, updated: options.issued, hasScript: true
        ).html
    }

    /// `matters/CODE.notices.js`: the matter's notices for the page's script, kept out of the page so it stays
    /// small however many situations the matter has.
    static func noticesPath(_ matter: Matter) -> String { "matters/" + fileName(matter.code) + ".notices.js" }

    /// The notices file: `onegoSite.notices({lines, variants})`, every distinct line of the renderings once and
    /// each rendering as its signatures and line numbers (the renderings of one matter share most lines).
    func noticesFile(_ entry: MatterEntry) -> String {
        struct Variant: Encodable {
            var keys: [String]
            var lines: [Int]
        }
        struct Notices: Encodable {
            var lines: [String]
            var variants: [Variant]
        }
        var notices = Notices(lines: [], variants: [])
        var numbers: [Substring: Int] = [:]
        for (keys, html) in variants(entry) {
            let lines = html.split(separator: "\n", omittingEmptySubsequences: false).map { line -> Int in
                if let number = numbers[line] { return number }
                numbers[line] = notices.lines.count
                notices.lines.append(String(line))
                return notices.lines.count - 1
            }
            notices.variants.append(Variant(keys: keys, lines: lines))
        }
        return "onegoSite.notices(" + SiteAssets.json(notices) + ");\n"
    }

    /// The distinct notice-and-checklist renderings of the entry's situations, each with every signature showing it.
    func variants(_ entry: MatterEntry) -> [(keys: [String], html: String)] {
        var result: [(keys: [String], html: String)] = []
        var byHTML: [String: Int] = [:]
        for situation in entry.situations {
            let html = Self.noticeHTML(situation.composition, matter: entry.matter, catalog: catalog, options: options)
            if let index = byHTML[html] {
                result[index].keys += situation.signatures
            } else {
                byHTML[html] = result.count
                result.append((situation.signatures, html))
            }
        }
        return result
    }

    /// The notice and checklist of one composition, as the page shows them.
    static func noticeHTML(
        _ composition: Composition, matter: Matter, catalog: Catalog, options: GuideOptions
    ) -> String {
        HTMLGuideRenderer.article(
            MatterIntake.makeNotice(composition, matter: matter, catalog: catalog, options: options))
            + HTMLGuideRenderer.article(
                MatterIntake.makeChecklist(composition, matter: matter, catalog: catalog, options: options))
    }
}
