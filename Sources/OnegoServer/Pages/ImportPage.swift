import Foundation
import OnegoCatalog
import OnegoExport
import OnegoImport

/// The import upload form, and the preview of an upload: the mapped items, the report as `onego import --format
/// json` prints it, and the form that saves it into the workspace.
struct ImportPage {
    let id: String
    let upload: ImportUploads.Upload
    let result: ImportResult
    let workspace: String

    /// The upload form: a file and the profile to read it with (named by its title), previewed before anything is
    /// written.
    static func form(refusal: String?) -> HTML {
        let options = ImportUploads.profiles.map { profile -> HTML in
            let title = ImportProfile.locate(profile).flatMap { try? ImportProfile.load(path: $0).title }
            return "<option value=\"\(profile)\">\(title.map { "\($0)（\(profile)）" } ?? profile)</option>"
        }
        return """
            <main class="narrow"><h1>导入事项</h1>
            <p class="muted">先预览转换后的事项和导入报告，不写入任何文件；确认后才保存到工作区中的一个新文件夹。\
            空白模板可用 <span class="code">onego template xlsx</span> 生成。</p>
            \(refusal.map { refusal -> HTML in "<div class=\"alert error\" id=\"refusal\">\(refusal)</div>" } ?? "")
            <form method="post" action="/import" enctype="multipart/form-data" class="edit" id="import-form">
            <label>文件（.xlsx、.csv、.json、.xml） <input type="file" name="file" accept=".xlsx,.csv,.json,.jsonl,.xml" required></label>
            <label>导入配置 <select name="profile">\(HTML.joined(options))</select></label>
            <button class="primary" type="submit">预览</button>
            </form></main>
            """
    }

    var body: HTML {
        get throws {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let json = String(decoding: try encoder.encode(result.report), as: UTF8.self)
            let rows = result.items.prefix(200).map { item -> HTML in
                """
                <tr><td data-label="事项">\(item.name)</td><td data-label="部门">\(item.department)</td>\
                <td class="code" data-label="编码">\(item.id)</td><td class="c" data-label="材料">\(item.materials.count)</td></tr>
                """
            }
            let stem = ((upload.originalName as NSString).deletingPathExtension as NSString).lastPathComponent
            let ascii = String(
                stem.unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) })
            // A Chinese file name (事项.csv) has no ASCII letters: "imported", not "imported-".
            let folder = ascii.isEmpty ? "imported" : "imported-" + ascii
            let report = result.report
            return """
                <main><h1>导入预览：\(upload.originalName)</h1>
                <p class="muted">导入配置 \(upload.profile) · 读取 \(report.rows) 行，可导入 <strong id="import-count">\(report.imported)</strong> 个事项，拒绝 \(report.rejected) 行</p>
                <form method="post" action="/import/save" class="edit"><input type="hidden" name="id" value="\(id)">\
                <label>保存到工作区中的新文件夹 <span class="code">\(workspace)/</span><input type="text" name="folder" value="\(folder)"></label>\
                <button class="primary" type="submit" id="import-save">保存到工作区</button></form>
                \(problems)
                <h2>映射后的事项</h2><table id="import-items" class="reflow"><thead><tr><th>事项</th><th>部门</th><th>编码</th><th>材料</th></tr></thead>\
                <tbody>\(HTML.joined(rows))</tbody></table>
                <h2>导入报告（与 onego import --format json 相同）</h2><pre class="command" id="import-report">\(json)</pre>
                </main>
                """
        }
    }
}
