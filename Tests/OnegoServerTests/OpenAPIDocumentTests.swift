import Foundation
import Hummingbird
import OnegoTestSupport
import Testing

@testable import OnegoServer

/// `Docs/openapi.json` describes exactly the routes under `/api/`, is what `/api/openapi.json` serves, and the
/// responses of the endpoints match its schemas.
@Suite(.serialized) struct OpenAPIDocumentTests {
    func document() throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: Fixtures.path("Docs/openapi.json")))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func theServedCopyIsTheRepositoryDocument() throws {
        let text = try String(contentsOfFile: Fixtures.path("Docs/openapi.json"), encoding: .utf8)
        #expect(OpenAPIDocument.text == text, "run python3 Scripts/embed-openapi")
    }

    @Test func everyAPIRouteIsDocumentedAndEveryDocumentedRouteExists() throws {
        let router = WorkbenchRouter.make(
            store: WorkbenchStore(data: try RunningWorkbench.sampleData()),
            configuration: WorkbenchConfiguration(token: RunningWorkbench.token),
            address: ListeningAddress(host: "127.0.0.1", port: 0))
        let registered = Set(
            router.routes.compactMap { route -> String? in
                let path = route.path.components.map { component -> String in
                    let text = component.description
                    return text.hasPrefix(":") ? "{" + text.dropFirst() + "}" : text
                }
                let joined = "/" + path.joined(separator: "/")
                return joined.hasPrefix("/api/") ? "\(route.method.rawValue.lowercased()) \(joined)" : nil
            })
        let paths = try #require(try document()["paths"] as? [String: [String: Any]])
        let documented = Set(paths.flatMap { path, operations in operations.keys.map { "\($0) \(path)" } })
        #expect(registered.count >= 4)
        #expect(registered == documented)
    }

    @Test func responsesMatchTheDocumentedSchemas() async throws {
        let document = try document()
        let schemas = try #require((document["components"] as? [String: Any])?["schemas"] as? [String: Any])
        try await RunningWorkbench.with { client in
            let search = try await client.send("GET", "/api/search?q=qykb", headers: [RunningWorkbench.bearer])
            let hits = try JSONSerialization.jsonObject(with: Data(search.body.utf8))
            #expect((hits as? [Any])?.isEmpty == false)
            #expect(
                problems(hits, ["type": "array", "items": ["$ref": "#/components/schemas/SearchHit"]], schemas) == [])
            let composed = try await client.send(
                "GET",
                "/api/matters/YX-QYKB/composition?answer=invoice=%E6%98%AF&answer=staff=%E5%90%A6"
                    + "&answer=bank=%E5%90%A6&answer=agent=%E5%90%A6", headers: [RunningWorkbench.bearer])
            #expect(composed.status == 200)
            let composition = try JSONSerialization.jsonObject(with: Data(composed.body.utf8))
            #expect(problems(composition, ["$ref": "#/components/schemas/Composition"], schemas) == [])
            let missing = try await client.send(
                "GET", "/api/matters/YX-QYKB/composition", headers: [RunningWorkbench.bearer])
            #expect(missing.status == 422)
            let error = try JSONSerialization.jsonObject(with: Data(missing.body.utf8))
            #expect(problems(error, ["$ref": "#/components/schemas/Error"], schemas) == [])
            let served = try await client.send("GET", "/api/openapi.json", headers: [RunningWorkbench.bearer])
            #expect(served.body == OpenAPIDocument.text)
        }
    }

    /// A small JSON Schema check (type, required, properties, items, enum, $ref): the paths of the violations.
    func problems(_ value: Any, _ schema: [String: Any], _ schemas: [String: Any], at path: String = "$") -> [String] {
        if let reference = schema["$ref"] as? String {
            let name = String(reference.split(separator: "/").last ?? "")
            guard let target = schemas[name] as? [String: Any] else { return ["\(path): unknown \(reference)"] }
            return problems(value, target, schemas, at: path)
        }
        var found: [String] = []
        switch schema["type"] as? String {
        case "object":
            guard let object = value as? [String: Any] else { return ["\(path): not an object"] }
            for key in schema["required"] as? [String] ?? [] where object[key] == nil {
                found.append("\(path).\(key): missing")
            }
            for (key, sub) in schema["properties"] as? [String: [String: Any]] ?? [:] {
                if let member = object[key] { found += problems(member, sub, schemas, at: "\(path).\(key)") }
            }
        case "array":
            guard let array = value as? [Any] else { return ["\(path): not an array"] }
            if let items = schema["items"] as? [String: Any] {
                for (index, element) in array.enumerated() {
                    found += problems(element, items, schemas, at: "\(path)[\(index)]")
                }
            }
        case "string": if !(value is String) { found.append("\(path): not a string") }
        case "integer", "number", "boolean":
            if !(value is NSNumber || value is Bool || value is Int || value is Double) {
                found.append("\(path): not a \(schema["type"] ?? "")")
            }
        default: break
        }
        if let allowed = schema["enum"] as? [String], let text = value as? String, !allowed.contains(text) {
            found.append("\(path): \(text) not in \(allowed)")
        }
        return found
    }
}
