/// The site's one stylesheet (`site.css`): the guides' paper look and A4 print rules, plus the site's navigation,
/// browse lists, search and situation questions, and a narrow-screen layout (360–390 px phones) where documents
/// fill the width and wide tables scroll inside their own box (their headings stay on one line, so short columns
/// such as 材料形式 are not squeezed to one character a line).
enum SiteStylesheet {
    static let text = HTMLPage.css + site + narrow + print

    static let site = """
        body { overflow-wrap: break-word; }
        a { color: var(--accent); }
        .code { overflow-wrap: anywhere; }
        nav.site, .site-foot { width: 210mm; max-width: 100%; margin: 0 auto 12px; font-family: var(--sans); font-size: 10pt; }
        .site-foot { color: var(--muted); font-size: 9pt; text-align: center; }
        .doc-meta span { overflow-wrap: anywhere; }
        .browse { display: grid; grid-template-columns: repeat(auto-fill, minmax(46mm, 1fr)); gap: 1.5mm 4mm; list-style: none; padding: 0; margin: 1mm 0 3mm; }
        .browse li { padding: .6mm 0; border-bottom: 1px dotted var(--light); }
        .results li .meta, .entries li .meta { display: inline-block; }
        .search .hint { color: var(--muted); font-size: 9pt; margin: 1mm 0 0; }
        .ask { margin: 2mm 0 4mm; padding: 3mm; background: #f7f6f3; border: 1px solid var(--light); font-family: var(--sans); }
        .ask fieldset { border: 0; border-bottom: 1px dotted var(--light); margin: 0 0 2mm; padding: 0 0 2mm; min-width: 0; }
        .ask legend { font-weight: 600; padding: 0; margin-bottom: 1mm; }
        .ask label { display: inline-block; margin: .5mm 5mm .5mm 0; }
        .ask input[type=number], .ask input[type=date] { font-size: 11pt; padding: 1mm 2mm; border: 1px solid var(--rule); max-width: 100%; }
        .ask .hint { color: var(--muted); font-size: 9pt; margin: 0 0 1mm; }
        .ask .status { font-weight: 600; color: var(--accent); }
        .ask button { font: inherit; padding: 1.5mm 4mm; border: 1px solid var(--accent); background: var(--paper); color: var(--accent); }
        .variants, [hidden] { display: none !important; }
        table.answers th { width: 40%; }

        """

    static let narrow = """
        @media screen and (max-width: 820px) {
          body { padding: 0; font-size: 11pt; }
          .doc { width: auto; min-height: 0; margin: 0 0 10px; padding: 14px 12px; box-shadow: none; }
          nav.site, .site-foot { width: auto; margin: 0; padding: 8px 12px; }
          .doc-title { font-size: 16pt; letter-spacing: .12em; }
          .doc-subject { font-size: 12pt; }
          .doc-meta { gap: 1mm 4mm; }
          table.grid, table.fields, table.signatures { display: block; max-width: 100%; overflow-x: auto; }
          table.fields th { width: auto; min-width: 5.5em; white-space: normal; }
          th { white-space: normal; }
          table.grid thead th { white-space: nowrap; }
          td.c { white-space: normal; }
          .browse { grid-template-columns: 1fr 1fr; }
          .search input { font-size: 16px; }
        }

        """

    static let print = """
        @media print {
          nav.site, .ask, .search { display: none; }
          table.grid, table.fields, table.signatures { display: table; overflow: visible; }
        }

        """
}
