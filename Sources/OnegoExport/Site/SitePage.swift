import OnegoCatalog

/// A page of the handbook site: the shared stylesheet and script linked (never inlined), a Content-Security-Policy
/// that allows only the site's own files, the 更新日期 in the footer of every page.
struct SitePage: Sendable {
    /// The page title (plain text; escaped when rendered).
    var title: String
    /// The body's inner HTML, already escaped by the caller.
    var body: String
    /// How many folders below the site's root the page lies (`items/…` is 1).
    var depth: Int
    /// The date printed as 更新日期.
    var updated: CalendarDay
    /// Whether the page loads the site script.
    var hasScript = false

    /// The page as HTML text.
    var html: String {
        let root = String(repeating: "../", count: depth)
        var out = "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<meta http-equiv=\"Content-Security-Policy\" content=\"\(Self.policy)\">\n"
        out += "<title>\(HTMLText.escape(title))</title>\n"
        out += "<link rel=\"stylesheet\" href=\"\(root)\(SiteAssets.stylesheetPath)\">\n"
        if hasScript { out += "<script src=\"\(root)\(SiteAssets.scriptPath)\" defer></script>\n" }
        out += "</head>\n<body data-root=\"\(root)\">\n"
        out += body
        out += "<footer class=\"site-foot\">更新日期：\(updated.chinese)</footer>\n"
        out += "</body>\n</html>\n"
        return out
    }

    /// Only the site's own stylesheet and scripts; nothing inline, nothing from elsewhere.
    static let policy = "default-src 'none'; style-src 'self'; script-src 'self'; img-src data:"
}
