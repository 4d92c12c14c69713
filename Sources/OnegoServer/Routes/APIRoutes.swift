import Foundation
import Hummingbird
import OnegoComposer
import OnegoExport

/// The JSON API under `/api/`, in the shapes of the command line's JSON.
struct APIRoutes {
    let store: WorkbenchStore

    func register(on router: Router<BasicRequestContext>) {
        router.get("/api/search") { request, _ in
            let data = store.data
            let query = request.uri.queryParameters.get("q") ?? ""
            let limit = min(max(request.uri.queryParameters.get("limit", as: Int.self) ?? 50, 1), 500)
            let hits = data.search?.hits(for: query, filter: SearchFilter.from(request), limit: limit) ?? []
            return try Self.json(hits)
        }
        router.get("/api/matters/:code/composition") { request, context in
            let data = store.data
            let code = try context.parameters.require("code")
            guard let matter = data.matter(code: code) else { throw HTTPError(.notFound) }
            let given = RequestAnswers(request.uri.queryParameters, matter: matter, composer: data.composer)
            let result = Result { () throws(CompositionError) in
                try data.composer.compose(matter: matter, answers: given.answers, accepted: given.accepted)
            }
            switch result {
            case .success(let composition): return try Self.json(composition)
            case .failure(let error): return try Self.json(["error": error.description], status: .unprocessableContent)
            }
        }
        router.get("/api/openapi.json") { _, _ in Self.jsonText(OpenAPIDocument.text) }
        router.get("/api/audit") { _, _ in
            guard let report = store.data.audit else { throw HTTPError(.notFound) }
            return Self.jsonText(try AuditJSONReport.render(report))
        }
    }

    /// JSON encoded as the command line encodes it (sorted keys, pretty, slashes unescaped).
    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return jsonText(String(decoding: try encoder.encode(value), as: UTF8.self), status: status)
    }

    static func jsonText(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }
}

/// The facet restrictions of a search request (`department`, `type`, `level`, `audience`).
enum SearchFilter {
    static let names = ["department", "type", "level", "audience"]

    static func from(_ request: Request) -> [String: String] {
        var filter: [String: String] = [:]
        for name in names {
            if let value = request.uri.queryParameters.get(name), !value.isEmpty { filter[name] = value }
        }
        return filter
    }
}
