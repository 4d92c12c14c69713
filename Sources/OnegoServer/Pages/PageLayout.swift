import Hummingbird
import OnegoExport

/// What every page's header shows: the workspace and whether editing is on.
struct PageChrome: Sendable {
    var workspace: String
    var isEditable: Bool
    /// Why the last reload of the workspace failed (the pages then show the last good state).
    var reloadError: String? = nil
}

/// The HTML shell shared by all pages: the built-in style sheet and script, the header with the search box.
enum PageLayout {
    /// A whole page: `title` and `query` are plain text; `body` is markup, its catalog text escaped by ``HTML``
    /// interpolation. The Content-Security-Policy comes with every response (``SecurityHeadersMiddleware``).
    static func html(title: String, body: HTML, chrome: PageChrome?, query: String = "") -> String {
        var header: HTML = ""
        if let chrome {
            let links: HTML = chrome.isEditable ? "<a href=\"/author\">编写一件事</a><a href=\"/import\">导入</a>" : ""
            header = """
                <header class="bar"><div class="inner">
                <a class="brand" href="/">onego 工作台</a>
                <form action="/search" method="get" role="search"><input type="search" name="q" value="\(query)" \
                placeholder="搜索事项、一件事、材料、部门、编码或拼音" aria-label="搜索"><button type="submit">搜索</button></form>
                <nav>\(links)<a href="/audit">审计</a><span class="mode">\(chrome.isEditable ? "可编辑" : "只读")</span></nav>
                </div></header>

                """
            if let problem = chrome.reloadError {
                header += """
                    <div class="alert error reload" id="reload-error" role="alert">工作区重新加载失败，仍显示上次成功加载的内容。\
                    错误：\(problem)</div>

                    """
            }
        }
        let page: HTML = """
            <!DOCTYPE html>
            <html lang="zh-CN">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(title) · onego 工作台</title>
            <link rel="icon" href="data:,">
            <link rel="stylesheet" href="\(Asset.stylesheet.path)">
            <script src="\(Asset.script.path)" defer></script>
            </head>
            <body>
            \(header)\(body)
            </body>
            </html>

            """
        return page.text
    }

    /// The page as a response.
    static func response(
        title: String, body: HTML, status: HTTPResponse.Status = .ok, chrome: PageChrome? = nil, query: String = ""
    ) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        let text = html(title: title, body: body, chrome: chrome, query: query)
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }
}
