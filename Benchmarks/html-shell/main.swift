// A site-shaped workload over the HTML type: 1,000 pages, each a guide-like article of fields, a materials table
// and lists (escaped catalog text interpolated into literals, pieces appended), then the page shell with a footer.
let names = ["营业执照", "法定代表人身份证明", "公司章程", "住所使用证明", "股东会决议 <副本>", "银行开户许可证"]
var total = 0
for page in 0..<1_000 {
    var body: HTML = "<article class=\"doc doc-guide\">\n<header class=\"doc-head\">\n"
    body += "<h1 class=\"doc-title\">办事指南</h1>\n<p class=\"doc-subject\">\("企业设立登记" + String(page))</p>\n"
    body += "</header>\n"
    for section in 0..<8 {
        body += "<section>\n<h2>\(section)、\("申请材料")</h2>\n<table class=\"fields\"><tbody>\n"
        for row in 0..<12 {
            let label = names[row % names.count]
            let value = names[(row + section) % names.count] + "（原件 1 份，复印件 \(row) 份）"
            body += "<tr><th scope=\"row\">\(label)</th><td>\(value)</td></tr>\n"
        }
        body += "</tbody></table>\n<ul>\n"
        for item in 0..<4 { body += "<li>\(names[item])</li>\n" }
        body += "</ul>\n</section>\n"
    }
    body += "</article>\n"
    let footer: HTML = "<footer class=\"site-foot\">更新日期：\("2026年11月30日")</footer>\n"
    let head: HTML = "<link rel=\"stylesheet\" href=\"\("../")assets/site.css\">\n"
    #if TRAILER
        let html = PageShell.document(
            title: "企业设立登记：办事指南", policy: "default-src 'none'", head: head, bodyAttributes: " data-root=\"../\"",
            body: body, trailer: footer)
    #else
        let html = PageShell.document(
            title: "企业设立登记：办事指南", policy: "default-src 'none'", head: head, bodyAttributes: " data-root=\"../\"",
            body: body + footer)
    #endif
    total &+= html.text.utf8.count
}
print(total)
