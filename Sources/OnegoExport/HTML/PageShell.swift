/// The one document shell of every HTML output (guides, notices, checklists, audit and diff reports, the handbook
/// site's pages): the viewport, the Content-Security-Policy, the escaped title, then what the page links or inlines.
enum PageShell {
    /// The policy of a self-contained page: no network, only the page's own `<style>` (and its own inline script when
    /// it has one), `data:` images.
    static func contentSecurityPolicy(allowsInlineScript: Bool) -> String {
        "default-src 'none'; style-src 'unsafe-inline';" + (allowsInlineScript ? " script-src 'unsafe-inline';" : "")
            + " img-src data:"
    }

    /// A self-contained page: `title` is plain text, `style` a trusted style sheet, `body` the markup of `<body>`.
    static func document(title: String, style: String, body: HTML, allowsInlineScript: Bool = false) -> HTML {
        document(
            title: title, policy: contentSecurityPolicy(allowsInlineScript: allowsInlineScript),
            head: "<style>\(raw: style)</style>\n", body: body)
    }

    /// Any page: `title` is plain text, `policy` the trusted Content-Security-Policy, `head` the markup after the
    /// title (style sheets, scripts), `bodyAttributes` the markup inside `<body …>` (starting with a space).
    static func document(title: String, policy: String, head: HTML, bodyAttributes: HTML = "", body: HTML) -> HTML {
        """
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta http-equiv="Content-Security-Policy" content="\(raw: policy)">
        <title>\(title)</title>
        \(head)</head>
        <body\(bodyAttributes)>
        \(body)</body>
        </html>

        """
    }
}
