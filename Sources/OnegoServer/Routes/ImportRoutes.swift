import Foundation
import Hummingbird
import OnegoCatalog
import OnegoExport
import OnegoImport

/// Import upload (`--edit`): `/import` takes an XLSX, CSV, JSON or record XML file and a profile and previews the mapped items
/// and the import report (the JSON of `onego import --format json`); `/import/save` writes the catalog folder into
/// the workspace (atomically, never over an existing folder) and reloads.
struct ImportRoutes {
    let store: WorkbenchStore
    let uploads: ImportUploads
    let isEditable: Bool
    let chrome: @Sendable () -> PageChrome

    func register(on router: Router<BasicRequestContext>) {
        router.get("/import") { _, _ in
            try refuseUnlessEditable()
            return PageLayout.response(title: "导入", body: ImportPage.form(refusal: nil), chrome: chrome())
        }
        router.post("/import") { request, _ in
            try refuseUnlessEditable()
            let buffer = try await request.body.collect(upTo: 64 << 20)
            let bytes = Array(buffer: buffer)
            guard let form = MultipartForm(contentType: request.headers[.contentType] ?? "", body: bytes),
                let file = form.file, let name = file.filename, !file.bytes.isEmpty
            else { return refused("请选择要上传的 .xlsx、.csv 或 .json 文件。") }
            let profile = form.field("profile") ?? "template"
            guard ImportUploads.profiles.contains(profile), let profilePath = ImportProfile.locate(profile) else {
                return refused("未知的导入配置：\(profile)")
            }
            if let refusal = SourceTypes.refusal(for: name) { return refused(refusal) }
            let id = try uploads.add(bytes: file.bytes, originalName: name, profile: profile)
            guard let upload = uploads.upload(id) else { throw HTTPError(.internalServerError) }
            do {
                var importer = CatalogImporter(profile: try ImportProfile.load(path: profilePath))
                importer.codeProfile = try workspaceCodeProfile()
                let result = try importer.read(sources: [upload.path], loader: try CatalogLoader.validating())
                let page = ImportPage(id: id, upload: upload, result: result, workspace: store.data.workspace)
                return PageLayout.response(title: "导入预览", body: try page.body, chrome: chrome())
            } catch {
                return refused("无法读取 \(name)：\(error)")
            }
        }
        router.post("/import/save") { request, _ in
            try refuseUnlessEditable()
            let fields = try await FormFields.read(request)
            guard let id = fields["id"], let upload = uploads.upload(id) else { return refused("上传已失效，请重新上传。") }
            let folder = fields["folder"] ?? ""
            guard MatterEdit.isLocalId(folder) else {
                return refused("目标文件夹名只能用字母、数字、下划线、连字符和点，且以字母开头。")
            }
            let target = store.data.workspace + "/" + folder
            guard !FileManager.default.fileExists(atPath: target) else {
                return refused("\(target) 已存在，不会覆盖。请换一个文件夹名。")
            }
            do {
                var importer = CatalogImporter(
                    profile: try ImportProfile.load(path: ImportProfile.locate(upload.profile) ?? upload.profile))
                importer.codeProfile = try workspaceCodeProfile()
                let report = try importer.run(sources: [upload.path], outputDirectory: target, replacing: false)
                store.reloadNow()
                let body: HTML = """
                    <main class="narrow"><h1>导入完成</h1><div class="alert ok" id="import-saved">已把 \(report.imported) 个事项\
                    写入 <span class="code">\(target)</span>（\(report.files.count) 个部门文件）。</div>
                    <p><a href="/">返回首页</a></p></main>
                    """
                return PageLayout.response(title: "导入完成", body: body, chrome: chrome())
            } catch {
                return refused("导入失败：\(error)")
            }
        }
    }

    /// The workspace's code profile (`code-profile.xml` in or above it), else the national layout: the workbench
    /// reads codes as `onego import` and `onego serve` do for this workspace.
    func workspaceCodeProfile() throws -> CodeProfile {
        guard let file = Workspace(catalogPaths: [store.data.workspace]).codeProfileFile else { return .national }
        return try CodeProfile.load(path: file)
    }

    func refused(_ message: String) -> Response {
        PageLayout.response(
            title: "导入", body: ImportPage.form(refusal: message), status: .unprocessableContent, chrome: chrome())
    }

    func refuseUnlessEditable() throws {
        guard isEditable else {
            throw HTTPError(.forbidden, message: "工作台以只读方式启动；需要导入时请用 onego serve --edit 启动。")
        }
    }
}
