/// The one document shell of every self-contained HTML output (guides, notices, checklists, audit and diff reports):
/// the viewport, the Content-Security-Policy that lets nothing load, the escaped title and the inline style sheet.
enum PageShell {
    /// The policy: no network, only the page's own `<style>` (and its own inline script when it has one), `data:`
    /// images.
    static func contentSecurityPolicy(allowsInlineScript: Bool) -> String {
        "default-src 'none'; style-src 'unsafe-inline';" + (allowsInlineScript ? " script-src 'unsafe-inline';" : "")
            + " img-src data:"
    }

    /// The page: `title` is plain text, `style` a trusted style sheet, `body` the markup of `<body>`.
    static func document(title: String, style: String, body: HTML, allowsInlineScript: Bool = false) -> HTML {
        let policy = contentSecurityPolicy(allowsInlineScript: allowsInlineScript)
        return """
            <!DOCTYPE html>
            <html lang="zh-CN">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta http-equiv="Content-Security-Policy" content="\(raw: policy)">
            <title>\(title)</title>
            <style>\(raw: style)</style>
            </head>
            <body>
            \(body)</body>
            </html>

            """
    }
}
