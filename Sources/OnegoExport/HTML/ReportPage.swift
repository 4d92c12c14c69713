/// The report pages (`audit --format html`, `diff --format html`) in the shared ``PageShell``: one self-contained page
/// with its style sheet inline and a Content-Security-Policy that lets nothing load and no script run.
enum ReportPage {
    /// The policy: no network, no scripts, only the page's own `<style>` and `data:` images.
    static let contentSecurityPolicy = PageShell.contentSecurityPolicy(allowsInlineScript: false)

    /// The page around `body`; `title` is plain text.
    static func document(title: String, style: String, body: HTML) -> String {
        PageShell.document(title: title, style: style, body: body + "\n").text
    }
}
