import Foundation
import OnegoCatalog
import OnegoExport
import OnegoTestSupport
import Testing

@Suite struct EscapingTests {
    /// The minimal item with markup in every kind of text the documents print.
    func hostileItem() throws -> ServiceItem {
        var item = try TestCatalog.minimalItem()
        item.name = "<script>alert(1)</script> & Co 登记"
        item.department = "市场监管局 & <b>窗口</b>"
        item.conditions = "# 标题\n- 列表\n1. 序号 [链接](http://evil.example) *强调* `代码` | 竖线 &amp;"
        item.materials[0].name = "申请书<img src=x onerror=alert(1)>"
        item.materials[1].note = "</td></tr></table><script>x()</script>"
        item.contact.address = "\"引号\" 'apostrophe' 一楼"
        item.legalBasis[0].law = "条例 & <i>法</i>"
        return item
    }

    func allDocuments(_ item: ServiceItem) throws -> [GuideDocument] {
        let options = try TestCatalog.accepted()
        return [
            ItemGuide.make(item, options: options), ItemIntake.makeNotice(item, options: options),
            ItemIntake.makeChecklist(item, options: options),
        ]
    }

    @Test func htmlEscapesEveryCatalogString() throws {
        let html = HTMLGuideRenderer.page(try allDocuments(try hostileItem()))
        #expect(!html.contains("<script>"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("<b>") && !html.contains("<i>"))
        #expect(!html.contains("</td></tr></table><script>"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co 登记"))
        #expect(html.contains("申请书&lt;img src=x onerror=alert(1)&gt;"))
        #expect(html.contains("市场监管局 &amp; &lt;b&gt;窗口&lt;/b&gt;"))
        #expect(html.contains("&amp;amp;"))
        #expect(html.contains("&quot;引号&quot; &#39;apostrophe&#39; 一楼"))
        #expect(html.contains("<title>办事指南：&lt;script&gt;"))
    }

    @Test func markdownNeutralisesEveryCatalogString() throws {
        let markdown = MarkdownGuideRenderer.text(try allDocuments(try hostileItem()))
        #expect(!markdown.contains("<script>"))
        #expect(markdown.contains("\\<script\\>alert(1)\\</script\\> \\& Co 登记"))
        #expect(markdown.contains("申请书\\<img src=x onerror=alert(1)\\>"))
        // Block markers at line starts, links, emphasis, code and table pipes are all escaped.
        #expect(
            markdown.contains(
                "\\# 标题  \n\\- 列表  \n1\\. 序号 \\[链接\\](http://evil.example) \\*强调\\* \\`代码\\` \\| 竖线 \\&amp;"))
        #expect(markdown.contains("\\</td\\>\\</tr\\>\\</table\\>\\<script\\>x()\\</script\\>"))
    }

    @Test func everyRawAngleBracketInMarkdownIsEscaped() throws {
        let markdown = MarkdownGuideRenderer.text(try allDocuments(try hostileItem()))
        var previous: Character = " "
        for character in markdown {
            if character == "<" || character == "&" { #expect(previous == "\\", "unescaped \(character)") }
            previous = character
        }
    }
}

@Suite struct MarkdownTextTests {
    @Test(arguments: [
        ("# 标题", "\\# 标题"),
        ("- 项", "\\- 项"),
        ("+ 项", "\\+ 项"),
        ("> 引用", "\\> 引用"),
        ("1. 第一", "1\\. 第一"),
        ("12) 第十二", "12\\) 第十二"),
        ("=== ", "\\=== "),
        ("0.5个工作日", "0\\.5个工作日"),
        ("a_b*c", "a\\_b\\*c"),
        ("[x](y)", "\\[x\\](y)"),
        ("![i](y)", "\\!\\[i\\](y)"),
        ("A & B", "A \\& B"),
        ("    缩进", "&#32;&#32;&#32;&#32;缩进"),
        ("第二行\n# 标题", "第二行  \n\\# 标题"),
    ])
    func escapesBlockStartersAndInlineMarkup(input: String, expected: String) {
        #expect(MarkdownText.escape(input) == expected)
    }

    @Test func inlineTextDoesNotEscapeWhatCannotStartABlock() {
        #expect(MarkdownText.inline("0.5个工作日") == "0.5个工作日")
        #expect(MarkdownText.inline("020-12345") == "020-12345")
        #expect(MarkdownText.inline("a\n- b") == "a  \n\\- b")
    }

    @Test func cellsStayOnOneLineAndEscapePipes() {
        #expect(MarkdownText.cell("a | b\nc") == "a \\| b c")
    }
}

@Suite struct HTMLTextTests {
    @Test func escapesTheFiveSpecialCharacters() {
        #expect(HTMLText.escape("<a href=\"x\">'&'</a>") == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;")
    }

    @Test func scriptJSONCannotCloseTheScriptElement() throws {
        let encoded = try JSONEncoder().encode(["name": "</script><script>alert(1)</script> & <!-- \u{2028}\u{2029}"])
        let safe = HTMLText.scriptJSON(String(decoding: encoded, as: UTF8.self))
        #expect(!safe.contains("<") && !safe.contains(">") && !safe.contains("&"))
        #expect(!safe.contains("\u{2028}") && !safe.contains("\u{2029}"))
        // Still the same JSON value.
        let decoded = try JSONDecoder().decode([String: String].self, from: Data(safe.utf8))
        #expect(decoded["name"] == "</script><script>alert(1)</script> & <!-- \u{2028}\u{2029}")
    }

    @Test func pagesLoadNothingFromOutside() throws {
        let html = HTMLGuideRenderer.page([
            ItemGuide.make(try TestCatalog.minimalItem(), options: try TestCatalog.plain())
        ])
        #expect(!html.contains("<link"))
        #expect(!html.contains("src="))
        #expect(!html.contains("@import"))
        #expect(!html.contains("url("))
        #expect(html.contains("default-src 'none'"))
        #expect(html.contains("@page { size: A4;"))
        #expect(html.contains("Noto Serif CJK SC"))
    }

    @Test func documentsAfterTheFirstStartANewPrintedPage() throws {
        let options = try TestCatalog.plain()
        let item = try TestCatalog.minimalItem()
        let html = HTMLGuideRenderer.page([
            ItemGuide.make(item, options: options), ItemIntake.makeNotice(item, options: options),
        ])
        #expect(html.contains(".doc + .doc { break-before: page; page-break-before: always; }"))
        #expect(html.components(separatedBy: "<article class=\"doc ").count == 3)
    }
}
