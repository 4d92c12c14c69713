/// A complete, self-contained HTML page: inline CSS for screen and A4 print, a Chinese font stack, no external
/// resources (a Content-Security-Policy forbids loading any), and optionally one inline script.
public struct HTMLPage: Sendable {
    /// The page title (plain text; escaped when rendered).
    public var title: String
    /// The body's inner markup.
    public var body: HTML
    /// An inline script's source, trusted (built by onego, with any data embedded through `HTMLText.scriptJSON`).
    public var script: String?

    /// Creates a page.
    public init(title: String, body: HTML, script: String? = nil) {
        self.title = title
        self.body = body
        self.script = script
    }

    /// The page as HTML text.
    public var html: String {
        var inner = body
        if let script { inner += "<script>\n\(raw: script)\n</script>\n" }
        return PageShell.document(
            title: title, style: "\n" + Self.css, body: inner, allowsInlineScript: script != nil
        ).text
    }

    /// The shared style sheet: paper-like on screen, A4 with page breaks between documents in print.
    static let css = """
        :root {
          --ink: #1a1a1a; --muted: #555; --rule: #333; --light: #d9d9d9; --accent: #a4161a; --paper: #fff;
          --serif: "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", "SimSun", "STSong", serif;
          --sans: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", "Heiti SC", sans-serif;
        }
        * { box-sizing: border-box; }
        html { background: #eceae6; }
        body { margin: 0; padding: 24px 0; color: var(--ink); font-family: var(--serif); font-size: 10.5pt; line-height: 1.55; }
        .doc { background: var(--paper); width: 210mm; min-height: 297mm; margin: 0 auto 24px; padding: 16mm 15mm 15mm;
          box-shadow: 0 1px 4px rgba(0,0,0,.25); }
        .doc-head { text-align: center; border-bottom: 2px solid var(--accent); padding-bottom: 2.5mm; margin-bottom: 3mm; }
        .doc-title { font-family: var(--sans); font-size: 20pt; letter-spacing: .3em; margin: 0; color: var(--accent); }
        .doc-head p { text-align: center; }
        .doc-subject { font-family: var(--sans); font-size: 14pt; margin: 1.5mm 0 0; }
        .doc-meta { display: flex; flex-wrap: wrap; justify-content: center; gap: 1mm 8mm; margin: 1.5mm 0 0; font-size: 9pt; color: var(--muted); }
        .doc-meta .blank { display: inline-block; min-width: 30mm; border-bottom: 1px solid var(--rule); }
        h2 { font-family: var(--sans); font-size: 12pt; margin: 4mm 0 1.5mm; padding-left: 2mm; border-left: 4px solid var(--accent); break-after: avoid; page-break-after: avoid; }
        p { margin: 1.2mm 0; text-align: justify; }
        table { width: 100%; border-collapse: collapse; margin: 1.2mm 0; font-size: 9.5pt; }
        th, td { border: 1px solid var(--rule); padding: 1mm 1.5mm; vertical-align: top; text-align: left; overflow-wrap: break-word; }
        th { font-family: var(--sans); font-weight: 600; background: #f2f0ec; text-align: center; white-space: nowrap; }
        td.c { text-align: center; white-space: nowrap; }
        td.box { font-size: 13pt; line-height: 1; }
        thead { display: table-header-group; }
        tr { break-inside: avoid; page-break-inside: avoid; }
        table.fields th { width: 28mm; text-align: left; }
        table.fields td.blank { height: 8mm; }
        .badges { margin: 1.2mm 0 1.5mm; }
        .badge { display: inline-block; margin: 0 1.5mm 1.2mm 0; padding: 0 2.5mm; border: 1.5px solid var(--accent);
          border-radius: 3mm; color: var(--accent); font-family: var(--sans); font-weight: 600; font-size: 9.5pt; }
        .note { margin: 1.2mm 0; padding: 1.2mm 2.5mm; border-left: 3px solid var(--muted); background: #f7f6f3; font-size: 9pt; }
        ul { margin: 1mm 0; padding-left: 6mm; }
        section.keep { break-inside: avoid; page-break-inside: avoid; }
        table.signatures { table-layout: fixed; margin-top: 2mm; break-inside: avoid; page-break-inside: avoid; }
        table.signatures td { height: 17mm; font-family: var(--sans); font-size: 9.5pt; }
        table.signatures td.stamp { width: 50%; }
        .doc-foot { margin-top: 4mm; padding-top: 1.5mm; border-top: 1px solid var(--light); font-size: 8.5pt; color: var(--muted); }
        .site-index h3 { font-family: var(--sans); font-size: 11pt; margin: 3mm 0 1mm; }
        .entries, .results { list-style: none; padding: 0; margin: 1mm 0; }
        .entries li, .results li { padding: .6mm 0; border-bottom: 1px dotted var(--light); }
        .code { font-family: "DejaVu Sans Mono", "Menlo", "Consolas", monospace; font-size: 8.5pt; color: var(--muted); }
        .meta { font-size: 9pt; color: var(--muted); }
        .badge.small { font-size: 8pt; padding: 0 1.5mm; margin: 0 1mm 0 0; border-width: 1px; }
        .search { margin: 2mm 0 4mm; padding: 3mm; background: #f7f6f3; border: 1px solid var(--light); font-family: var(--sans); }
        .search input { width: 100%; font-size: 12pt; padding: 1.5mm 2mm; margin-top: 1mm; border: 1px solid var(--rule); }
        .count { color: var(--muted); font-size: 9pt; }
        nav.site { width: 210mm; margin: 0 auto 12px; font-family: var(--sans); font-size: 10pt; }
        nav.site a { color: var(--accent); }
        @page { size: A4; margin: 14mm 13mm 14mm; @bottom-center { content: "第 " counter(page) " 页 共 " counter(pages) " 页"; font-size: 8.5pt; color: #666; } }
        @media print {
          html, body { background: none; padding: 0; }
          .doc { width: auto; min-height: 0; margin: 0; padding: 0; box-shadow: none; }
          .doc + .doc { break-before: page; page-break-before: always; }
          nav.site, .noprint { display: none; }
          th, .badge, .note { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
          a { color: inherit; text-decoration: none; }
        }
        @media screen and (max-width: 820px) {
          body { padding: 0; font-size: 10pt; }
          .doc { width: auto; min-height: 0; margin: 0 0 10px; padding: 16px 12px; box-shadow: none; }
          nav.site { width: auto; padding: 8px 12px 0; }
          .doc-title { font-size: 16pt; letter-spacing: .12em; }
          .doc-subject { font-size: 12pt; }
          .doc-meta { gap: 2px 12px; }
          th, td { overflow-wrap: anywhere; padding: 4px 5px; }
          th { white-space: normal; }
          td.c { white-space: normal; }
          table.fields th { width: 7.5em; }
          table:has(tr > :nth-child(5)) { display: block; overflow-x: auto; }
          table.signatures td { height: 48px; }
        }

        """
}
