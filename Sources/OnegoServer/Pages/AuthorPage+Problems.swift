import OnegoBase
import OnegoExport

/// The problems of the draft: a summary at the top (each problem links to the field it concerns, and the script
/// focuses that field), and at each field `aria-invalid` with the messages beside it.
extension AuthorPage {
    /// The errors and warnings of the draft, as `onego validate` reports them for the saved file.
    var problems: HTML {
        guard !draft.diagnostics.isEmpty else {
            return "<div class=\"alert ok\" id=\"problems\">检查通过：没有错误（与 onego validate 相同的检查）。</div>"
        }
        let items = draft.located.map { located -> HTML in
            let diagnostic = located.diagnostic
            let place = diagnostic.location.map { "第 \($0.line) 行：" } ?? ""
            let link: HTML =
                located.field.map { field -> HTML in
                    " → <a href=\"#\(field.elementID)\" data-focus=\"\(field.elementID)\">\(field.label)</a>"
                } ?? " <span class=\"muted\">（不对应表单中的某一项）</span>"
            return "<li class=\"\(diagnostic.severity == .error ? "bad" : "")\">\(place + diagnostic.message)"
                + " <span class=\"code\">[\(diagnostic.rule.rawValue)]</span>\(link)</li>"
        }
        let label = draft.isSavable ? "有提示" : "有错误，修正后才能保存"
        return """
            <div class="alert error" id="problems"><strong>\(label)</strong>\
            <span class="muted">（点击问题所在的项可跳到该处）</span><ul>\(HTML.joined(items))</ul></div>
            """
    }

    /// The problems concerning the field at `path`.
    func problems(at path: String) -> [Diagnostic] {
        draft.located.filter { $0.field?.path == path }.map(\.diagnostic)
    }

    /// The attributes of the element that shows the field at `path`: its id, and when it has problems
    /// `aria-invalid` and `aria-describedby` naming the message beside it. `focusable` adds `tabindex="-1"`, for
    /// elements that are not form controls, so the summary's links can focus them.
    func fieldAttributes(_ path: String, focusable: Bool = false) -> HTML {
        let id = DraftField.elementID(path)
        var attributes: HTML = " id=\"\(id)\""
        if focusable { attributes += " tabindex=\"-1\"" }
        if !problems(at: path).isEmpty {
            attributes += " aria-invalid=\"true\" aria-describedby=\"\(id + "-error")\""
        }
        return attributes
    }

    /// The messages of the field at `path`, shown beside it; empty when it has none.
    func fieldMessage(_ path: String) -> HTML {
        let found = problems(at: path)
        guard !found.isEmpty else { return "" }
        let lines = found.map { diagnostic -> HTML in
            "<span>\(diagnostic.severity.label)：\(diagnostic.message) <span class=\"code\">[\(diagnostic.rule.rawValue)]</span></span>"
        }
        let id = DraftField.elementID(path) + "-error"
        let kind = found.contains { $0.severity == .error } ? "field-error" : "field-error warning"
        return "<p class=\"\(kind)\" id=\"\(id)\">\(HTML.joined(lines, separator: "<br>"))</p>"
    }
}
