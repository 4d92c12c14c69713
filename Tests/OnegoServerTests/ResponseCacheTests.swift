import Foundation
import Testing

@testable import OnegoServer

@Suite struct ResponseCacheTests {
    @Test func keepsTheMostRecentlyUsedAnswersUpToItsCapacity() {
        let cache = ResponseCache(capacity: 8)
        for index in 0..<8 { cache.store(.init(text: "[\(index)]"), for: "q\(index)", generation: 0) }
        #expect(cache.entry(for: "q0", generation: 0)?.text == "[0]")
        cache.store(.init(text: "[8]"), for: "q8", generation: 0)
        #expect(cache.count == 8)
        #expect(cache.entry(for: "q1", generation: 0) == nil, "the least recently used answer is dropped")
        #expect(cache.entry(for: "q0", generation: 0)?.text == "[0]", "a recently read answer stays")
        #expect(cache.entry(for: "q8", generation: 0)?.text == "[8]")
    }

    @Test func chineseKeysAreToldApartByEveryByte() {
        let cache = ResponseCache(capacity: 16)
        let keys = ["search 20 12:企业开办", "search 20 12:企业开班", "search 20 6:企业", "search 5 12:企业开办", "营业执照"]
        for (index, key) in keys.enumerated() { cache.store(.init(text: "[\(index)]"), for: key, generation: 0) }
        #expect(cache.count == keys.count)
        for (index, key) in keys.enumerated() {
            #expect(cache.entry(for: String(Substring(key)), generation: 0)?.text == "[\(index)]", "\(key)")
        }
        #expect(cache.entry(for: "search 20 12:企业开", generation: 0) == nil)
        // A decomposed spelling (e + combining acute) is another request's bytes: cached apart, never confused.
        cache.store(.init(text: "[nfc]"), for: "caf\u{E9}", generation: 0)
        #expect(cache.entry(for: "cafe\u{301}", generation: 0) == nil)
        #expect(cache.entry(for: "caf\u{E9}", generation: 0)?.text == "[nfc]")
    }

    @Test func aReloadEmptiesItAndRefusesAnswersFromOlderData() {
        let cache = ResponseCache()
        cache.store(.init(text: "{}", isError: true), for: "composition", generation: 0)
        #expect(cache.entry(for: "composition", generation: 0)?.isError == true)
        cache.reset(generation: 1)
        #expect(cache.count == 0)
        cache.store(.init(text: "{\"old\":true}"), for: "composition", generation: 0)
        #expect(cache.entry(for: "composition", generation: 1) == nil)
        #expect(cache.entry(for: "composition", generation: 0) == nil)
    }
}

@Suite(.serialized) struct CachedAPITests {
    @Test func searchAndCompositionAnswersFollowAReload() async throws {
        let workspace = try ScratchWorkspace()
        let store = try workspace.store()
        let search = "/api/search?q=%E4%BC%81%E4%B8%9A%E5%BC%80%E5%8A%9E&limit=5"
        let compose =
            "/api/matters/YX-QYKB/composition?answer=invoice=%E6%98%AF&answer=staff=%E5%90%A6"
            + "&answer=bank=%E5%90%A6&answer=agent=%E5%90%A6"
        try await RunningWorkbench.with(store: store) { client in
            let first = try await client.send("GET", search, headers: [RunningWorkbench.bearer])
            let again = try await client.send("GET", search, headers: [RunningWorkbench.bearer])
            #expect(first.body.contains("\"name\" : \"企业开办\""))
            #expect(again.body == first.body)
            let composed = try await client.send("GET", compose, headers: [RunningWorkbench.bearer])
            #expect(try Self.matterName(composed.body) == "企业开办")
            #expect(store.responses.count == 2)

            try workspace.edit("matters/qykb.xml", replacing: "<name>企业开办</name>", with: "<name>企业开办（新版）</name>")
            #expect(store.reloadIfChanged())
            #expect(store.responses.count == 0)
            let renamed = try await client.send("GET", search, headers: [RunningWorkbench.bearer])
            #expect(renamed.body.contains("\"name\" : \"企业开办（新版）\""))
            let recomposed = try await client.send("GET", compose, headers: [RunningWorkbench.bearer])
            #expect(try Self.matterName(recomposed.body) == "企业开办（新版）")
        }
    }

    /// The matter name of a composition's JSON.
    static func matterName(_ json: String) throws -> String? {
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        return (object?["matter"] as? [String: Any])?["name"] as? String
    }

    @Test func anIncompleteAnswerSetIsAnErrorEveryTime() async throws {
        try await RunningWorkbench.with { client in
            let target = "/api/matters/YX-QYKB/composition?answer=invoice=%E6%98%AF"
            for _ in 0..<2 {
                let reply = try await client.send("GET", target, headers: [RunningWorkbench.bearer])
                #expect(reply.status == 422)
                #expect(reply.body.contains("\"error\""))
            }
        }
    }
}
