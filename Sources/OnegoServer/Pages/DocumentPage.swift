import OnegoExport

/// Printed documents (guide, 一次性告知单, 收件清单) inside the workbench, with a print button.
enum DocumentPage {
    static func body(_ documents: [GuideDocument], back: String) -> HTML {
        """
        <main>
        <div class="actions noprint"><a class="button secondary" href="\(back)">返回</a>\
        <a class="button" href="#" data-print>打印</a></div>
        \(HTML.joined(documents.map(HTMLGuideRenderer.articleMarkup), separator: "\n"))
        </main>
        """
    }
}
