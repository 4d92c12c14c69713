import OnegoExport
import OnegoSearch

/// Search results with facets, over the same search as `/api/search`.
struct SearchPage {
    let data: WorkbenchData
    let query: String
    let filter: [String: String]

    var body: HTML {
        guard let search = data.search else {
            return "<main><div class=\"alert error\">搜索功能尚未接入。</div></main>"
        }
        let hits = query.isEmpty ? [] : search.hits(for: query, filter: filter, limit: 100)
        let facets = query.isEmpty ? [] : search.facets(for: query)
        var facetHTML: HTML = ""
        for facet in facets where !facet.values.isEmpty {
            facetHTML += "<h3>\(facet.label)</h3><ul>"
            for entry in facet.values.prefix(12) {
                let (value, count) = (entry.value, entry.count)
                let isOn = filter[facet.name] == value
                var next = filter
                next[facet.name] = isOn ? nil : value
                facetHTML += """
                    <li class="\(isOn ? "on" : "")"><a href="\(link(next))">\(value)</a><span class="count">\(count)</span></li>
                    """
            }
            facetHTML += "</ul>\n"
        }
        var list: HTML = ""
        for hit in hits {
            let href =
                hit.kind == .matter ? "/matters/\(QueryText.encode(hit.code))" : "/items/\(QueryText.encode(hit.code))"
            let kind: HTML =
                hit.kind == .matter ? "<span class=\"kind matter\">一件事</span>" : "<span class=\"kind\">事项</span>"
            let matched = hit.matched.isEmpty ? "" : " · 匹配：" + hit.matched.prefix(3).joined(separator: "、")
            list += """
                <li>\(kind)<a class="name" href="\(href)">\(hit.name)</a><br>\
                <span class="muted">\(hit.department ?? "")\(matched)</span> <span class="code">\(hit.code)</span></li>

                """
        }
        let summary =
            query.isEmpty
            ? "请输入搜索词。" : hits.isEmpty ? "没有找到与“\(query)”相关的事项或一件事。" : "“\(query)”：\(hits.count) 条结果"
        return """
            <main>
            <h1>搜索</h1>
            <p class="muted" id="result-summary">\(summary)</p>
            <div class="layout">
            <aside class="facets panel">\(facetHTML.text.isEmpty ? "<span class=\"muted\">无筛选项</span>" : facetHTML)</aside>
            <ol class="hits">
            \(list)</ol>
            </div>
            </main>
            """
    }

    func link(_ filter: [String: String]) -> String {
        var pairs = [("q", query)]
        for name in SearchFilter.names { if let value = filter[name] { pairs.append((name, value)) } }
        return "/search?" + QueryText.query(pairs)
    }
}
