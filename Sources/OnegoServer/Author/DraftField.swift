import OnegoBase
import OnegoCatalog
import OnegoComposer

/// The part of the author's form a problem concerns: a stable path (see ``DraftFieldLocator``) and its name in
/// the officer's words.
struct DraftField: Sendable, Hashable {
    /// The stable path, such as `members/books` or `questions/area/thresholds/1`.
    var path: String
    /// The field's name, such as `成员事项 books（出版物零售业务经营许可）`.
    var label: String

    /// The HTML id of the field on the author page.
    var elementID: String { Self.elementID(path) }

    /// The HTML id of the field with this path (`field-` and the path, spaces as `_`).
    static func elementID(_ path: String) -> String {
        "field-" + String(path.map { $0.isWhitespace ? "_" : $0 })
    }

    /// Names the field at `path` of `matter`, with its members' catalog names from `catalog`.
    init(path: String, matter: Matter, catalog: Catalog) {
        self.path = path
        let parts = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        let question = { (id: String) -> String in
            let text = matter.question(id: id)?.text ?? ""
            return "问题 \(id)" + (text.isEmpty ? "" : "（\(text)）")
        }
        switch (parts.first ?? "", parts.count) {
        case ("basics", 2):
            let names = ["name": "名称", "summary": "说明", "lead": "牵头部门", "cooperating": "协同部门", "limit": "承诺时限"]
            label = "基本信息·" + (names[parts[1]] ?? parts[1])
        case ("members", 2):
            let name = matter.member(id: parts[1]).flatMap { catalog.item(code: $0.code)?.name }
            label = "成员事项 \(parts[1])" + (name.map { "（\($0)）" } ?? "")
        case ("members", _): label = "成员事项"
        case ("questions", 2): label = question(parts[1])
        case ("questions", 4), ("questions", 6):
            let owner = parts[2] == "answers" ? "回答“\(parts[3])”" : "阈值 \((Int(parts[3]) ?? 0) + 1)"
            let effect = parts.count == 6 ? "的效果 \((Int(parts[5]) ?? 0) + 1)" : ""
            label = question(parts[1]) + "的" + owner + effect
        case ("questions", _): label = "情形问题"
        case ("stages", 2): label = "第 \((Int(parts[1]) ?? 0) + 1) 阶段"
        case ("sharedForm", 2): label = "共享字段 \(parts[1])"
        case ("jointForm", 3): label = "一表申请替代的材料 \((Int(parts[2]) ?? 0) + 1)"
        case ("jointForm", _): label = "一表申请"
        case ("intake", _): label = "受理与送达"
        case ("stages", _): label = "办理阶段"
        case ("sharedForm", _): label = "共享字段"
        default: label = "基本信息"
        }
    }
}

/// A problem of a draft with the field it concerns; nil when it has no place in the form (then it is listed only
/// in the summary).
struct LocatedDiagnostic: Sendable, Hashable {
    var diagnostic: Diagnostic
    var field: DraftField?

    /// Each of `diagnostics` with its field of `matter`'s form, when it is located in `file`, whose text is `text`
    /// (the draft as saved).
    static func locate(
        _ diagnostics: [Diagnostic], in text: String, file: String, matter: Matter, catalog: Catalog
    ) -> [LocatedDiagnostic] {
        guard !diagnostics.isEmpty else { return [] }
        let locator = DraftFieldLocator(text: text)
        return diagnostics.map { diagnostic in
            guard let place = diagnostic.location, place.file == file, place.line > 0,
                let path = locator.path(line: place.line, column: place.column)
            else { return LocatedDiagnostic(diagnostic: diagnostic, field: nil) }
            return LocatedDiagnostic(
                diagnostic: diagnostic, field: DraftField(path: path, matter: matter, catalog: catalog))
        }
    }
}
