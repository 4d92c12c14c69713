import OnegoCatalog
import OnegoComposer
import OnegoExport

/// The start of the matter author: a form for a new matter and the workspace's matters to open.
struct AuthorIndexPage {
    let data: WorkbenchData
    var refusal: String? = nil

    var body: HTML {
        let matters = data.matters.map { matter -> HTML in
            """
            <li><a href="/author/\(QueryText.encode(matter.code))">\(matter.name)</a> \
            <span class="muted">\(matter.code) · \(matter.members.count) 个成员事项</span></li>
            """
        }
        let audiences = ["自然人", "法人", "非法人组织", "个体工商户"].map { audience -> HTML in "<option>\(audience)</option>" }
        return """
            <main class="narrow">
            <h1>编写一件事</h1>
            \(refusal.map { refusal -> HTML in "<div class=\"alert error\" id=\"refusal\">\(refusal)</div>" } ?? "")
            <h2>新建</h2>
            <form method="post" action="/author" class="edit" id="new-matter"><input type="hidden" name="action" value="basics">
            <label>编码 <input type="text" name="code" placeholder="如 YX-KBXSD" required></label>
            <label>名称 <input type="text" name="name" placeholder="如 开办小商店" required></label>
            <label>牵头部门 <input type="text" name="lead" required></label>
            <label>承诺时限（工作日）<input type="number" name="limit" min="0" step="0.5" value="5"></label>
            <label>服务对象 <select name="audience">\(HTML.joined(audiences))</select></label>
            <button class="primary" type="submit">新建</button>
            </form>
            <p class="muted">新文件保存到 <span class="code">\(data.newMatterFolder)</span>。</p>
            <h2>修改现有的一件事</h2>
            <ul>\(HTML.joined(matters))</ul>
            </main>
            """
    }
}
