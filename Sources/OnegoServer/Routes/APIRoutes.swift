import Foundation
import Hummingbird
import HummingbirdCore
import NIOCore
import OnegoCatalog
import OnegoComposer
import OnegoExport
import OnegoSearch

/// The JSON API under `/api/`, in the shapes of the command line's JSON.
struct APIRoutes {
    let store: WorkbenchStore

    func register(on router: Router<BasicRequestContext>) {
        router.get("/api/search") { request, _ in
            let (data, generation) = store.snapshot
            let parameters = request.uri.queryParameters
            let query = parameters.get("q") ?? ""
            let limit = min(max(parameters.get("limit", as: Int.self) ?? 50, 1), 500)
            let filter = SearchFilter.from(parameters)
            // Each text led by its length, so no query or filter value can pass for another's.
            let key = ([query] + SearchFilter.names.map { filter[$0] ?? "" })
                .reduce("search \(limit)") { $0 + " \($1.utf8.count):" + $1 }
            return try cached(key, generation: generation) {
                .init(bytes: SearchHit.jsonBytes(data.search?.hits(for: query, filter: filter, limit: limit) ?? []))
            }
        }
        router.get("/api/matters/:code/composition") { request, context in
            let (data, generation) = store.snapshot
            let code = try context.parameters.require("code")
            guard let matter = data.matter(code: code) else { throw HTTPError(.notFound) }
            let given = RequestAnswers(request.uri.queryParameters, matter: matter, composer: data.composer)
            // Date questions count from today when no acceptance date is given, so the day is part of the key.
            let key =
                [
                    "composition", matter.code, given.accepted?.description ?? "", given.acceptedAt?.clock ?? "",
                    CalendarDay.today().description,
                ]
                + given.answers.values.map { id, values in
                    let kind =
                        given.answers.multipleChoice.contains(id) ? "+" : given.answers.numbers.contains(id) ? "#" : ""
                    return id + kind + "=" + values.map { "\($0.utf8.count):\($0)" }.joined()
                }
            return try cached(key.map { "\($0.utf8.count):\($0)" }.joined(), generation: generation) {
                let result = Result { () throws(CompositionError) in
                    try data.composer.compose(
                        matter: matter, answers: given.answers, accepted: given.accepted, acceptedAt: given.acceptedAt)
                }
                switch result {
                case .success(let composition):
                    return try .init(bytes: CompositionJSON.bytes(composition))
                case .failure(let error):
                    return try .init(text: Self.jsonString(["error": error.description]), isError: true)
                }
            }
        }
        router.get("/api/openapi.json") { _, _ in Self.jsonText(OpenAPIDocument.text) }
        router.get("/api/audit") { _, _ in
            guard let report = store.data.audit else { throw HTTPError(.notFound) }
            return Self.jsonText(try AuditJSONReport.render(report))
        }
    }

    /// The cached answer for `key` from this generation of the workspace, or `make`'s, then cached.
    private func cached(_ key: String, generation: UInt64, make: () throws -> ResponseCache.Entry) throws -> Response {
        let entry: ResponseCache.Entry
        if let found = store.responses.entry(for: key, generation: generation) {
            entry = found
        } else {
            entry = try make()
            store.responses.store(entry, for: key, generation: generation)
        }
        return Self.json(body: entry.body, status: entry.isError ? .unprocessableContent : .ok)
    }

    /// JSON encoded as the command line encodes it (sorted keys, pretty, slashes unescaped).
    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        jsonText(try jsonString(value), status: status)
    }

    /// The JSON text of `value`, as the command line encodes it.
    static func jsonString(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func jsonText(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        json(body: ByteBuffer(string: text), status: status)
    }

    /// A JSON response of UTF-8 bytes already in a buffer (shared with the answer cache, not copied).
    static func json(body: ByteBuffer, status: HTTPResponse.Status = .ok) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: body))
    }
}

/// The facet restrictions of a search request (`department`, `type`, `level`, `audience`).
enum SearchFilter {
    static let names = ["department", "type", "level", "audience"]

    /// The non-empty facet values of a request's query, parsed once by the caller.
    static func from(_ parameters: FlatDictionary<Substring, Substring>) -> [String: String] {
        var filter: [String: String] = [:]
        for name in names {
            if let value = parameters.get(name), !value.isEmpty { filter[name] = value }
        }
        return filter
    }

    /// The facet values of a request.
    static func from(_ request: Request) -> [String: String] { from(request.uri.queryParameters) }
}
