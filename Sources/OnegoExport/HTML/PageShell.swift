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
    /// title (style sheets, scripts), `bodyAttributes` the markup inside `<body …>` (starting with a space), `body`
    /// then `trailer` the markup of `<body>` (a page's footer, kept apart so the body is never copied to add it).
    ///
    /// The page is written into one buffer reserved at its final size: the body, which is most of a page, is
    /// copied once.
    static func document(
        title: String, policy: String, head: HTML, bodyAttributes: HTML = "", body: HTML, trailer: HTML = ""
    ) -> HTML {
        let escapedTitle = HTMLText.escape(title)
        let parts = [
            opening, policy, titleStart, escapedTitle, titleEnd, head.text, bodyStart, bodyAttributes.text, ">\n",
            body.text, trailer.text, closing,
        ]
        var text = ""
        text.reserveCapacity(parts.reduce(0) { $0 + $1.utf8.count })
        for part in parts { text += part }
        return HTML(raw: text)
    }

    private static let opening = """
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta http-equiv="Content-Security-Policy" content="
        """
    private static let titleStart = "\">\n<title>"
    private static let titleEnd = "</title>\n"
    private static let bodyStart = "</head>\n<body"
    private static let closing = "</body>\n</html>\n"
}
