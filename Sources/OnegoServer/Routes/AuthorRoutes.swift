import Foundation
import Hummingbird
import OnegoBase
import OnegoComposer
import OnegoExport
import OnegoXML

/// The matter author (`--edit`): `/author` lists matters and starts a new one; `/author/CODE` edits a draft (each
/// form posts one change); `/author/CODE/save` shows the line diff against the file on disk, then writes the file
/// atomically and reloads the workspace; `/api/author/CODE/check` gives the draft's problems as JSON. Without
/// `--edit` every author page answers 403.
struct AuthorRoutes {
    let store: WorkbenchStore
    let drafts: DraftStore
    let isEditable: Bool
    let chrome: @Sendable () -> PageChrome

    func register(on router: Router<BasicRequestContext>) {
        registerIndex(on: router)
        registerDraft(on: router)
        registerSave(on: router)
        registerCheck(on: router)
    }

    /// `GET /api/author/CODE/check`: the draft's problems with the form field each concerns (``DraftCheckReport``).
    func registerCheck(on router: Router<BasicRequestContext>) {
        router.get("/api/author/:code/check") { _, context in
            try refuseUnlessEditable()
            return try APIRoutes.json(DraftCheckReport(try openDraft(context)))
        }
    }

    /// `GET /author` lists the matters; `POST /author` starts a new one.
    func registerIndex(on router: Router<BasicRequestContext>) {
        router.get("/author") { _, _ in
            try refuseUnlessEditable()
            return PageLayout.response(title: "编写一件事", body: AuthorIndexPage(data: store.data).body, chrome: chrome())
        }
        router.post("/author") { request, _ in
            try refuseUnlessEditable()
            let data = store.data
            let fields = try await FormFields.read(request)
            do throws(AuthorError) {
                let matter = try MatterEdit.newMatter(fields)
                let path = data.newMatterFolder + "/" + matter.code.lowercased() + ".xml"
                guard data.matter(code: matter.code) == nil, drafts.draft(matter.code) == nil else {
                    throw AuthorError("一件事编码 \(matter.code) 已存在；请在列表中打开它")
                }
                guard !FileManager.default.fileExists(atPath: path) else {
                    throw AuthorError("文件 \(path) 已存在，不会覆盖")
                }
                var draft = MatterDraft(matter: matter, path: path, isNew: true)
                draft.check(against: data)
                drafts.put(draft)
                return Self.redirect("/author/" + QueryText.encode(matter.code))
            } catch {
                let page = AuthorIndexPage(data: data, refusal: error.description)
                return PageLayout.response(
                    title: "编写一件事", body: page.body, status: .unprocessableContent, chrome: chrome())
            }
        }
    }

    /// `GET /author/CODE` shows the draft; `POST /author/CODE` applies one change (``MatterEdit``).
    func registerDraft(on router: Router<BasicRequestContext>) {
        router.get("/author/:code") { request, context in
            try refuseUnlessEditable()
            let draft = try openDraft(context)
            return authorPage(draft, request: request, refusal: nil)
        }
        router.post("/author/:code") { request, context in
            try refuseUnlessEditable()
            var draft = try openDraft(context)
            let fields = try await FormFields.read(request)
            do throws(AuthorError) {
                try draft.checkRevision(of: fields)
                try MatterEdit.apply(fields, to: &draft.matter, catalog: store.data.catalog)
                draft.revision += 1
            } catch {
                return authorPage(
                    draft, request: request, refusal: error.description, posted: fields, status: .unprocessableContent)
            }
            draft.check(against: store.data)
            drafts.put(draft)
            let section = MatterEdit.section(after: fields["action"])
            return Self.redirect("/author/" + QueryText.encode(draft.matter.code) + section)
        }
    }

    /// `GET /author/CODE/save` shows the difference from the file on disk; `POST` writes it.
    func registerSave(on router: Router<BasicRequestContext>) {
        router.get("/author/:code/save") { _, context in
            try refuseUnlessEditable()
            let draft = try openDraft(context)
            let page = SaveReviewPage(draft: draft, onDisk: draft.onDisk)
            return PageLayout.response(title: "保存前核对", body: page.body, chrome: chrome())
        }
        router.post("/author/:code/save") { request, context in
            try refuseUnlessEditable()
            let draft = try openDraft(context)
            let fields = try await FormFields.read(request)
            let onDisk = draft.onDisk
            var refusal: String?
            if fields["base"] != SaveReviewPage.fingerprint(onDisk) {
                refusal = "磁盘上的文件在核对之后被改动过；请重新核对差异。"
            } else if !draft.isSavable {
                refusal = "一件事定义仍有错误，不能保存。"
            } else {
                let text = draft.document(over: onDisk)
                do {
                    var writer = AtomicWriter()
                    writer.replacesDocuments = true  // confirmed after the diff against this very file
                    if text != onDisk { try writer.write(text, to: draft.path) }
                } catch {
                    refusal = "保存失败：\(error)"
                }
            }
            if let refusal {
                let page = SaveReviewPage(draft: draft, onDisk: onDisk, refusal: refusal)
                return PageLayout.response(
                    title: "保存前核对", body: page.body, status: .conflict, chrome: chrome())
            }
            drafts.remove(draft.matter.code)
            store.reloadNow()
            return Self.redirect("/matters/" + QueryText.encode(draft.matter.code) + "?saved=1")
        }
    }

    func refuseUnlessEditable() throws {
        guard isEditable else {
            throw HTTPError(.forbidden, message: "工作台以只读方式启动；需要编写一件事时请用 onego serve --edit 启动。")
        }
    }

    /// The open draft of the code in the path, or a new draft of the workspace's matter with that code.
    func openDraft(_ context: BasicRequestContext) throws -> MatterDraft {
        let code = try context.parameters.require("code")
        if let draft = drafts.draft(code) { return draft }
        let data = store.data
        guard let matter = data.matter(code: code) else { throw HTTPError(.notFound) }
        var draft = MatterDraft(matter: matter, path: matter.location.file, isNew: false)
        draft.check(against: data)
        drafts.put(draft)
        return draft
    }

    func authorPage(
        _ draft: MatterDraft, request: Request, refusal: String?, posted: FormFields? = nil,
        status: HTTPResponse.Status = .ok
    ) -> Response {
        let data = store.data
        let given = RequestAnswers(request.uri.queryParameters, matter: draft.matter, composer: data.composer)
        let find = request.uri.queryParameters.get("find") ?? ""
        let page = AuthorPage(data: data, draft: draft, find: find, given: given, refusal: refusal, posted: posted)
        return PageLayout.response(title: "编写 \(draft.matter.code)", body: page.body, status: status, chrome: chrome())
    }

    static func redirect(_ location: String) -> Response {
        var headers = HTTPFields()
        headers[.location] = location
        return Response(status: .seeOther, headers: headers)
    }
}
