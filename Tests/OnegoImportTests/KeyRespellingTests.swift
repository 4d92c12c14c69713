import Foundation
import OnegoBase
import OnegoCatalog
import OnegoImport
import OnegoTestSupport
import Testing

/// Portal records whose keys are written in another convention (camelCase or lower-case snake) import as the
/// profile's spelling does, each key reported once.
@Suite struct KeyRespellingTests {
    /// The Guangdong fixture with every upper-case key rewritten by `convert`.
    static func respelled(_ convert: (String) -> String) throws -> String {
        let data = try Data(contentsOf: URL(fileURLWithPath: Fixtures.fixture("import/gdzwfw-items.json")))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let records = try #require(object["data"] as? [[String: Any]])
        let rewritten = records.map { record in
            Dictionary(
                uniqueKeysWithValues: record.map { key, value in
                    (key.uppercased() == key ? convert(key) : key, value)
                })
        }
        let path = try Fixtures.temporaryDirectory() + "/records.json"
        try JSONSerialization.data(withJSONObject: ["data": rewritten]).write(to: URL(fileURLWithPath: path))
        return path
    }

    static func camel(_ key: String) -> String {
        let words = key.lowercased().split(separator: "_")
        return (words.first.map(String.init) ?? "")
            + words.dropFirst().map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    /// A portal record repeating an item's code is a duplicate, never a continuation (JSON has no merged cells).
    @Test func aRepeatedPortalRecordIsADuplicate() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: Fixtures.fixture("import/gdzwfw-items.json")))
        var object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        var records = try #require(object["data"] as? [[String: Any]])
        var copy = records[0]
        copy["service_object_name"] = ["自然人"]
        records.insert(copy, at: 1)
        object["data"] = records
        let path = try Fixtures.temporaryDirectory() + "/dup.json"
        try JSONSerialization.data(withJSONObject: object).write(to: URL(fileURLWithPath: path))
        let result = try ImportTestSupport.importer("gdzwfw").read(
            sources: [path], loader: try ImportTestSupport.loader())
        #expect(result.report.rows == 13 && result.report.rejected == 1 && result.report.continuationRows == 0)
        #expect(result.report.diagnostics.contains { $0.row == 2 && $0.message.contains("重复") })
    }

    @Test(arguments: [false, true])
    func keysInAnotherConventionAreRead(camelCase: Bool) throws {
        let path = try Self.respelled { camelCase ? Self.camel($0) : $0.lowercased() }
        let importer = try ImportTestSupport.importer("gdzwfw")
        let result = try importer.read(sources: [path], loader: try ImportTestSupport.loader())
        let original = try importer.read(
            sources: [Fixtures.fixture("import/gdzwfw-items.json")], loader: try ImportTestSupport.loader())
        #expect(
            result.report.imported == 12,
            "\(result.report.diagnostics.filter { $0.severity == .error }.map(\.description))")
        #expect(
            ImportTestSupport.difference(
                ImportTestSupport.comparable(result.items), ImportTestSupport.comparable(original.items)) == nil)
        let notes = result.report.diagnostics.filter { $0.rule == "import.source.header-spelling" }
        let taskCode = camelCase ? "taskCode" : "task_code"
        #expect(notes.contains { $0.column == taskCode && $0.message.contains("“TASK_CODE”") })
        #expect(notes.count == Set(notes.map(\.column)).count, "each key reported once")
    }
}
