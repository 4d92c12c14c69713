import OnegoExport
import Testing

/// `HTML` escapes what is interpolated unless it is markup already or marked raw.
@Suite struct HTMLValueTests {
    @Test func interpolatedTextIsEscapedAndMarkupIsKept() {
        let name = "<script>alert('营业执照')</script> & “章程”"
        let cell: HTML = "<td>\(name)</td>"
        #expect(cell.text == "<td>&lt;script&gt;alert(&#39;营业执照&#39;)&lt;/script&gt; &amp; “章程”</td>")
        let row: HTML = "<tr>\(cell)<td>\(3)</td></tr>"
        #expect(row.text == "<tr>" + cell.text + "<td>3</td></tr>")
        let style: HTML = "<style>\(raw: "a > b { color: red }")</style>"
        #expect(style.text == "<style>a > b { color: red }</style>")
    }

    @Test func joiningKeepsEachPieceAsItIs() {
        let items: [HTML] = ["<li>\("食品经营许可证")</li>", "<li>\("A&B")</li>"]
        #expect(HTML.joined(items, separator: "\n").text == "<li>食品经营许可证</li>\n<li>A&amp;B</li>")
    }

    @Test func everyGuidePageCarriesThePolicyAndAnEscapedTitle() {
        let page = HTMLPage(title: "办事指南 <企业开办>", body: "<p>x</p>\n").html
        #expect(page.contains("content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\""))
        #expect(page.contains("<title>办事指南 &lt;企业开办&gt;</title>"))
        #expect(page.hasSuffix("<body>\n<p>x</p>\n</body>\n</html>\n"))
        let scripted = HTMLPage(title: "检索", body: "", script: "run()").html
        #expect(scripted.contains("style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:"))
        #expect(scripted.hasSuffix("<body>\n<script>\nrun()\n</script>\n</body>\n</html>\n"))
    }
}
