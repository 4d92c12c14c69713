import Foundation
import OnegoSearch

/// The files every site shares: one stylesheet, one script, and the search data (the words file and the record
/// shards the script loads when the visitor first searches, so the index page stays small).
enum SiteAssets {
    static let stylesheetPath = "site.css"
    static let scriptPath = "site.js"
    static let wordsPath = "search/words.js"
    /// Records per search shard.
    static let shardSize = 2000

    static func shardPath(_ number: Int) -> String { "search/shard-\(number).js" }

    /// One search record as the script reads it: kind, code, name, department, page, further codes, texts.
    struct Record: Encodable {
        var k: String
        var c: String
        var n: String
        var d: String
        var u: String
        var o: [String]?
        var t: [[String]]
    }

    /// `onegoSite.words({...})`: the searchable fields with their weights, the pinyin table and related words.
    static func wordsFile() -> String {
        struct Words: Encodable {
            var fields: [SearchExport.Field]
            var pinyin: String
            var related: [[String]]
        }
        let words = Words(
            fields: SearchExport.fields, pinyin: SearchExport.pinyinText, related: SearchExport.relatedWordGroups)
        return "onegoSite.words(" + json(words) + ");\n"
    }

    /// One shard file's text: `onegoSite.shard([...])`.
    static func shardText(_ records: [Record]) -> String { "onegoSite.shard(" + json(records) + ");\n" }

    /// JSON that is safe inside a script (see ``HTMLText/scriptJSON(_:)``), keys sorted for stable output.
    static func json(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let text = (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "null"
        return HTMLText.scriptJSON(text)
    }
}
