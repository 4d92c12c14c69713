import OnegoCatalog

/// A page of the handbook site in the shared ``PageShell``: the site's stylesheet and script linked (never inlined),
/// a Content-Security-Policy that allows only the site's own files, the 更新日期 in the footer of every page.
struct SitePage: Sendable {
    /// The page title (plain text; escaped when rendered).
    var title: String
    /// The body's inner markup.
    var body: HTML
    /// How many folders below the site's root the page lies (`items/…` is 1).
    var depth: Int
    /// The date printed as 更新日期.
    var updated: CalendarDay
    /// Whether the page loads the site script.
    var hasScript = false

    /// The page as HTML text.
    var html: String {
        let root = String(repeating: "../", count: depth)
        var head: HTML = "<link rel=\"stylesheet\" href=\"\(root)\(SiteAssets.stylesheetPath)\">\n"
        if hasScript { head += "<script src=\"\(root)\(SiteAssets.scriptPath)\" defer></script>\n" }
        let footer: HTML = "<footer class=\"site-foot\">更新日期：\(updated.chinese)</footer>\n"
        return PageShell.document(
            title: title, policy: Self.policy, head: head, bodyAttributes: " data-root=\"\(root)\"",
            body: body, trailer: footer
        ).text
    }

    /// Only the site's own stylesheet and scripts; nothing inline, nothing from elsewhere.
    static let policy = "default-src 'none'; style-src 'self'; script-src 'self'; img-src data:"
}
