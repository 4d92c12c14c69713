/// Tables of the report pages (audit, diff) that reflow on a phone: below 600 px each row becomes a card and each
/// cell a line that starts with its column's header, taken from the cell's `data-label` (the style sheet shows it
/// with `attr()`, so no script runs and the page keeps its Content-Security-Policy). A row of one `<th>` in the body
/// heads a group of rows (it becomes a line of its own). Tables whose cells span rows keep their grid and scroll
/// inside their own box instead.
enum ReportTable {
    /// The class a reflowing table carries.
    static let reflowClass = "reflow"

    /// A table of one header row and the rendered `rows`, each `<td>` labelled with its column's header.
    /// `headers` are plain text; `rows` holds one cell per header in each row (no spans).
    static func reflowing(headers: [String], rows: HTML, class extra: String? = nil, prefix: HTML = "") -> HTML {
        let classes = [reflowClass] + (extra.map { [$0] } ?? [])
        let head = HTML.joined(headers.map { header -> HTML in "<th>\(header)</th>" })
        return """
            <table class="\(classes.joined(separator: " "))">\(prefix)<thead><tr>\(head)</tr></thead>
            <tbody>
            \(labelled(rows, headers: headers))</tbody></table>
            """
    }

    /// `rows` with ` data-label="HEADER"` added to the n-th `<td` of every row. Catalog text in `rows` is escaped,
    /// so every `<td` and `<tr` in it is markup.
    static func labelled(_ markup: HTML, headers: [String]) -> HTML {
        let rows = markup.text
        let labels = headers.map { header -> HTML in " data-label=\"\(header)\"" }
        var out: HTML = ""
        for (rowIndex, row) in rows.split(separator: "<tr", omittingEmptySubsequences: false).enumerated() {
            if rowIndex > 0 { out += "<tr" }
            for (cellIndex, cell) in row.split(separator: "<td", omittingEmptySubsequences: false).enumerated() {
                if cellIndex > 0 {
                    out += "<td"
                    if cellIndex <= labels.count { out += labels[cellIndex - 1] }
                }
                out += HTML(raw: String(cell))
            }
        }
        return out
    }

    /// The phone style: reflowing tables as cards of labelled lines; every other table scrolls in its own box.
    static let phoneStyle = """
        @media screen and (max-width:600px){body{padding:12px}table{font-size:12px;display:block;overflow-x:auto;max-width:100%}\
        td,th{min-width:4.5em}.card{min-width:0}\
        table.reflow,table.reflow tbody,table.reflow tr{display:block;width:auto;overflow:visible}table.reflow thead{display:none}\
        table.reflow tr{background:#fff;border:1px solid #d9dee5;margin:0 0 8px}\
        table.reflow td{display:block;position:relative;padding-left:calc(5.5em + 16px);border:none;border-top:1px solid #eef1f5;\
        min-width:0;text-align:left;white-space:normal;overflow-wrap:anywhere}\
        table.reflow td:first-child{border-top:none;background:#eef1f5;font-weight:bold}table.reflow td:empty{display:none}\
        table.reflow tbody th{display:block;text-align:left;white-space:normal;overflow-wrap:anywhere;border:none}\
        table.reflow td::before{content:attr(data-label);position:absolute;left:8px;width:5.5em;color:#52606d;font-weight:normal}}
        """
}
