import OnegoBase
import OnegoExport
import OnegoImport

/// The problems of an import preview in the officer's words, above the mapped items: where each is (sheet, row,
/// column, field) and what, as `onego import` prints them; the JSON report stays below for scripts.
extension ImportPage {
    /// The most problems listed (the JSON report holds them all).
    static let problemLimit = 200

    var problems: HTML {
        let found = result.report.diagnostics
        guard !found.isEmpty else {
            return "<div class=\"alert ok\" id=\"import-problems\">没有问题：读取的行全部可以导入。</div>"
        }
        let items = found.prefix(Self.problemLimit).map { diagnostic -> HTML in
            var place: [String] = []
            if let sheet = diagnostic.sheet { place.append("工作表“\(sheet)”") }
            if let row = diagnostic.row { place.append("第 \(row) 行") }
            if let column = diagnostic.column { place.append("\(column) 列") }
            if let field = diagnostic.field { place.append("（\(field)）") }
            let at = place.isEmpty ? "" : place.joined(separator: " ") + "："
            return "<li class=\"\(diagnostic.severity == .error ? "bad" : "")\">\(diagnostic.severity.label)：\(at)"
                + "\(diagnostic.message) <span class=\"code\">[\(diagnostic.rule.rawValue)]</span></li>"
        }
        let more: HTML =
            found.count > Self.problemLimit
            ? "<p class=\"muted\">只列出前 \(Self.problemLimit) 条；全部问题见下方的导入报告。</p>" : ""
        return "<h2>导入问题（\(found.count) 条）</h2><ul class=\"problems\" id=\"import-problems\">"
            + "\(HTML.joined(items))</ul>\(more)"
    }
}
