import OnegoCatalog
import OnegoComposer
import OnegoExport

/// The start page: the search box, the matters, and the way to the audit.
struct HomePage {
    let data: WorkbenchData

    var body: HTML {
        var tiles: HTML = ""
        for matter in data.matters {
            tiles += """
                <a class="tile" href="/matters/\(QueryText.encode(matter.code))"><strong>\(matter.name)</strong>\
                <span class="code">\(matter.code)</span><br><span class="muted">\(matter.leadDepartment)牵头 · \
                \(matter.members.count) 个成员事项</span></a>

                """
        }
        if data.matters.isEmpty {
            tiles = "<p class=\"muted\" id=\"no-matters\">工作区中还没有一件事（matters 文件夹中的一件事文件）。</p>"
        }
        let auditLink: HTML =
            data.audit == nil
            ? "<p class=\"muted\">未指定政策文件（--policy），审计页不可用。</p>"
            : "<p><a class=\"button secondary\" href=\"/audit\">查看目录审计：目标、覆盖率与问题清单</a></p>"
        var withheld: HTML = ""
        if !data.withheld.isEmpty {
            let rows = data.withheld.map { item -> HTML in
                "<li><strong>\(item.name)</strong> <span class=\"code\">\(item.code)</span><br><span class=\"muted\">\(item.problem)</span></li>"
            }
            withheld = """
                <div class="alert error" id="withheld" role="status">\(data.withheld.count) 个事项有错误，未收录到工作台\
                （其余事项照常可用；用 <span class="code">onego validate</span> 查看并修正）：<ul>\(HTML.joined(rows))</ul></div>

                """
        }
        return """
            <main>
            \(withheld)<section class="hero">
            <h1>政务服务事项目录工作台</h1>
            <p class="muted">\(data.workspace)：\(data.catalog.items.count) 个事项，\
            \(data.catalog.departments.count) 个部门，\(data.matters.count) 个“一件事”</p>
            <form action="/search" method="get" role="search"><input type="search" name="q" autofocus \
            placeholder="输入事项名称、俗称、材料、部门、编码或拼音首字母，如 qykb" aria-label="搜索"><button type="submit">搜索</button></form>
            </section>
            <h2>一件事</h2>
            <div class="tiles">
            \(tiles)</div>
            <h2>审计</h2>
            \(auditLink)
            </main>
            """
    }
}
