import Foundation
import OnegoTestSupport
import Testing

@testable import OnegoSearch

/// ``SearchHit/jsonText(_:)`` writes what `JSONEncoder` writes, byte for byte.
@Suite struct SearchHitJSONTests {
    static func encoded(_ hits: [SearchHit]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(hits), as: UTF8.self)
    }

    @Test(arguments: ["营业执照", "qykb", "开饭店", "身份证 申请", "yyzz", "11440188", "退休", "不存在的事项"])
    func realHitsEncodeAsTheEncoder(query: String) throws {
        let hits = SampleIndex.index.search(query, limit: 50)
        #expect(SearchHit.jsonText(hits) == (try Self.encoded(hits)))
    }

    @Test func emptyListsAndMissingDepartmentsEncodeAsTheEncoder() throws {
        let hit = SearchHit(kind: .matter, code: "YX-QYKB", name: "企业开办", department: nil, score: 100, matched: [])
        #expect(SearchHit.jsonText([]) == (try Self.encoded([])))
        #expect(SearchHit.jsonText([hit]) == (try Self.encoded([hit])))
    }

    @Test func everyControlCharacterAndQuoteIsEscapedAsTheEncoderEscapesIt() throws {
        let awkward =
            String(String.UnicodeScalarView((0..<0x20).compactMap(Unicode.Scalar.init)))
            + "\"\\/\u{7F}\u{2028}é（第1号）"
        let hit = SearchHit(
            kind: .item, code: awkward, name: "食品经营许可 \"新办\"", department: "云溪区\\市场监督管理局", score: 0.5,
            matched: ["名称", awkward])
        #expect(SearchHit.jsonText([hit, hit]) == (try Self.encoded([hit, hit])))
    }

    @Test(arguments: [0, 0.01, 0.1, 1, 12.5, 99.99, 100, 123.45, 187.2, 1_000_000, 1e-7, 1e15, 1e17, -0.0, -3.5])
    func scoresAreWrittenAsTheEncoderWritesThem(score: Double) throws {
        let hit = SearchHit(
            kind: .item, code: "11440188MB2C90231K4010100100100001", name: "企业设立登记", department: "云溪区市场监督管理局",
            score: score, matched: ["名称"])
        #expect(SearchHit.jsonText([hit]) == (try Self.encoded([hit])))
    }

    /// Whole hundredths (search scores are rounded to them) are written as `JSONEncoder` writes them: every value up
    /// to 2,000.00, random ones up to 2^43, and values on both sides of 2^43 and up to 1e15, where the writer leaves
    /// its hundredths path.
    @Test func hundredthsAreWrittenAsTheEncoderWritesThem() throws {
        var random = SplitMix64(seed: 5)
        var values = (0...200_000).map { Double($0) / 100 }
        values += (0..<100_000).map { _ in Double(random.next() % (1 << 49)) / 100 }
        let edge = 0x1p43
        values += [
            edge - 0.01, edge.nextDown, edge, edge.nextUp, edge + 0.5, edge + 1.25, 5e14 + 0.25, 999_999_999_999_999,
        ]
        values += (0..<2_000).map { _ in Double(random.next() % 1_000_000_000_000_000) / 100 }
        let encoder = JSONEncoder()
        var mismatches: [Double] = []
        for value in values {
            var writer = HitJSONWriter()
            let expected = Array(try encoder.encode(value))
            if writer.number(value) ? writer.bytes != expected : value < 1e15 { mismatches.append(value) }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
        #expect(SearchHit.jsonBytes([]) == Array(try Self.encoded([]).utf8))
    }
}
