import Hummingbird
import OnegoCatalog
import OnegoComposer
import OnegoExport

/// The HTML pages: home, search, item, matter (with notice and checklist) and audit.
struct PageRoutes {
    let store: WorkbenchStore
    let isEditable: Bool

    /// The header of every page, with the banner when the last reload failed.
    var chrome: PageChrome {
        PageChrome(workspace: store.data.workspace, isEditable: isEditable, reloadError: store.reloadError)
    }

    func register(on router: Router<BasicRequestContext>) {
        router.get("/") { _, _ in
            let data = store.data
            return PageLayout.response(title: "首页", body: HomePage(data: data).body, chrome: chrome)
        }
        router.get("/search") { request, _ in
            let data = store.data
            let query = request.uri.queryParameters.get("q") ?? ""
            let page = SearchPage(data: data, query: query, filter: SearchFilter.from(request))
            return PageLayout.response(title: "搜索 \(query)", body: page.body, chrome: chrome, query: query)
        }
        router.get("/items/:code") { _, context in
            let data = store.data
            let item = try item(context, data)
            return PageLayout.response(title: item.name, body: ItemPage(data: data, item: item).body, chrome: chrome)
        }
        router.get("/items/:code/:kind") { _, context in
            let data = store.data
            let item = try item(context, data)
            let options = GuideOptions(issued: data.issued)
            let document: GuideDocument
            switch context.parameters.get("kind") {
            case "notice": document = ItemIntake.makeNotice(item, options: options)
            case "checklist": document = ItemIntake.makeChecklist(item, options: options)
            case "guide": document = ItemGuide.make(item, options: options)
            default: throw HTTPError(.notFound)
            }
            let back = "/items/\(QueryText.encode(item.id))"
            return PageLayout.response(
                title: document.title, body: DocumentPage.body([document], back: back), chrome: chrome)
        }
        router.get("/matters/:code") { request, context in
            let data = store.data
            let matter = try matter(context, data)
            let given = RequestAnswers(request.uri.queryParameters, matter: matter, composer: data.composer)
            let result = Result { () throws(CompositionError) in
                try data.composer.compose(
                    matter: matter, answers: given.answers, accepted: given.accepted, acceptedAt: given.acceptedAt)
            }
            var page = MatterPage(data: data, matter: matter, given: given, result: result)
            page.isJustSaved = request.uri.queryParameters.get("saved") == "1"
            return PageLayout.response(title: matter.name, body: page.body, chrome: chrome)
        }
        router.get("/matters/:code/:kind") { request, context in
            let data = store.data
            let matter = try matter(context, data)
            let given = RequestAnswers(request.uri.queryParameters, matter: matter, composer: data.composer)
            var options = GuideOptions(issued: data.issued, accepted: given.accepted, calendar: data.composer.calendar)
            options.acceptedAt = given.acceptedAt
            let back = "/matters/\(QueryText.encode(matter.code))?" + QueryText.query(given.query)
            let result = Result { () throws(CompositionError) in
                try data.composer.compose(
                    matter: matter, answers: given.answers, accepted: given.accepted, acceptedAt: given.acceptedAt)
            }
            guard case .success(let composition) = result else {
                let message = Self.message(result)
                let body: HTML = """
                    <main><div class="alert error">\(message)</div><p><a href="\(back)">返回填写情形</a></p></main>
                    """
                return PageLayout.response(
                    title: matter.name, body: body, status: .unprocessableContent, chrome: chrome)
            }
            let document: GuideDocument
            switch context.parameters.get("kind") {
            case "notice":
                document = MatterIntake.makeNotice(composition, matter: matter, catalog: data.catalog, options: options)
            case "checklist":
                document = MatterIntake.makeChecklist(
                    composition, matter: matter, catalog: data.catalog, options: options)
            default: throw HTTPError(.notFound)
            }
            return PageLayout.response(
                title: document.title, body: DocumentPage.body([document], back: back), chrome: chrome)
        }
        registerAudit(on: router)
    }

    /// `GET /audit`: the audit report, its findings filtered by `?rule=&department=&severity=` (``AuditPage``).
    func registerAudit(on router: Router<BasicRequestContext>) {
        router.get("/audit") { request, _ in
            guard let report = store.data.audit else {
                let body: HTML = "<main class=\"narrow\"><div class=\"alert\">启动时未指定政策文件（--policy），没有审计结果。</div></main>"
                return PageLayout.response(title: "审计", body: body, status: .notFound, chrome: chrome)
            }
            let query = request.uri.queryParameters
            let page = AuditPage(
                report: report, rule: query.get("rule") ?? "", department: query.get("department") ?? "",
                severity: query.get("severity") ?? "")
            return PageLayout.response(title: "审计", body: page.body, chrome: chrome)
        }
    }

    /// The composer's message for a failed composition.
    static func message(_ result: Result<Composition, CompositionError>) -> String {
        if case .failure(let error) = result { return error.description }
        return ""
    }

    func item(_ context: BasicRequestContext, _ data: WorkbenchData) throws -> ServiceItem {
        guard let code = context.parameters.get("code"), let item = data.catalog.item(code: code) else {
            throw HTTPError(.notFound)
        }
        return item
    }

    func matter(_ context: BasicRequestContext, _ data: WorkbenchData) throws -> Matter {
        guard let code = context.parameters.get("code"), let matter = data.matter(code: code) else {
            throw HTTPError(.notFound)
        }
        return matter
    }
}
