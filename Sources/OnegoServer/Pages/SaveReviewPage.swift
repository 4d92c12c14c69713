import Foundation
import OnegoComposer
import OnegoExport

/// Before saving a matter: the line diff between the file on disk and what will be written, and the save button
/// (refused while the draft has errors, or when the file changed since this page was shown).
struct SaveReviewPage {
    let draft: MatterDraft
    let onDisk: String
    var refusal: String? = nil

    /// A short fingerprint of the file's text, sent back with the save so a file changed meanwhile is not overwritten.
    static func fingerprint(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return String(hash, radix: 16) + "-" + String(text.utf8.count)
    }

    var body: HTML {
        let lines = LineDiff.lines(from: onDisk, to: draft.document(over: onDisk))
        let changed = LineDiff.changes(lines)
        var rows: HTML = ""
        for line in lines {
            switch line {
            case .same(let text): rows += "<span class=\"same\">  \(text)</span>"
            case .removed(let text): rows += "<del>- \(text)</del>"
            case .added(let text): rows += "<ins>+ \(text)</ins>"
            }
        }
        let code = QueryText.encode(draft.matter.code)
        let state = draft.isNew ? "新建文件" : "替换现有文件（先写临时文件，再原子改名）"
        let button: HTML =
            draft.isSavable
            ? """
            <form method="post" action="/author/\(code)/save"><input type="hidden" name="base" value="\(Self.fingerprint(onDisk))">\
            <button class="primary" type="submit" id="confirm-save">确认保存</button></form>
            """
            : "<div class=\"alert error\">一件事定义仍有错误，不能保存。请返回修改。</div>"
        return """
            <main>
            <h1>保存前核对：\(draft.matter.name)</h1>
            <p class="muted"><span class="code">\(draft.path)</span> · \(state) · 变动 \(changed) 行</p>
            \(refusal.map { refusal -> HTML in "<div class=\"alert error\" id=\"refusal\">\(refusal)</div>" } ?? "")
            \(changed == 0 ? "<div class=\"alert ok\" id=\"unchanged\">与磁盘上的文件相同：保存不会改动文件。</div>" : HTML(""))
            <pre class="diff" id="diff">\(rows)</pre>
            <div class="actions">\(button)<a class="button secondary" href="/author/\(code)">返回修改</a></div>
            </main>
            """
    }
}
