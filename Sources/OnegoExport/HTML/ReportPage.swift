/// The document shell of the report pages (`audit --format html`, `diff --format html`): one self-contained page
/// with its style sheet inline and a Content-Security-Policy that lets nothing load and no script run.
enum ReportPage {
    /// The policy: no network, no scripts, only the page's own `<style>` and `data:` images.
    static let contentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

    /// The page around `body` (already escaped by the caller); `title` is plain text.
    static func document(title: String, style: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta http-equiv="Content-Security-Policy" content="\(contentSecurityPolicy)">
        <title>\(HTMLText.escape(title))</title>
        <style>\(style)</style>
        </head>
        <body>
        \(body)
        </body>
        </html>

        """
    }
}
