import OnegoCatalog
import OnegoComposer
import OnegoExport

/// An item's 办事指南, from the same document model as `onego guide`, under its name, department and 俗称, with the
/// matters that use the item.
struct ItemPage {
    let data: WorkbenchData
    let item: ServiceItem

    var body: HTML {
        let guide = ItemGuide.make(item, options: GuideOptions(issued: data.issued))
        let using = data.matters(using: item)
        let links = using.map { matter -> HTML in
            "<li><a href=\"/matters/\(QueryText.encode(matter.code))\">\(matter.name)</a> <span class=\"code\">\(matter.code)</span></li>"
        }
        let matterLinks: HTML =
            using.isEmpty ? "<p class=\"muted\">没有“一件事”使用本事项。</p>" : "<ul>\(HTML.joined(links))</ul>"
        let code = QueryText.encode(item.id)
        let aliases = item.details.aliases
        let alias: HTML =
            aliases.isEmpty ? "" : " · 俗称 <span id=\"item-aliases\">\(aliases.joined(separator: "、"))</span>"
        return """
            <main>
            <h1>\(item.name)</h1>
            <p class="muted">\(item.department)\(alias) · <span class="code">\(item.id)</span></p>
            <div class="actions noprint"><a class="button secondary" href="/items/\(code)/notice">一次性告知单</a>\
            <a class="button secondary" href="/items/\(code)/checklist">收件清单</a>\
            <a class="button secondary" href="#" data-print>打印</a></div>
            <section class="panel noprint"><h2>使用本事项的一件事</h2>\(matterLinks)</section>
            \(HTMLGuideRenderer.articleMarkup(guide))
            </main>
            """
    }
}
