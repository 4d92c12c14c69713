import Foundation
import OnegoBase
import OnegoImport
import OnegoTestSupport
import Testing

/// Keys the profile does not map, and records that are not objects, are reported at the record's place in the
/// JSON text: its ordinal, and its line and column.
@Suite struct JSONPositionTests {
    private static let food = """
        "TASK_CODE": "11440106MB2D033225400011700400001", "TASK_NAME": "食品经营许可（新办）", \
        "DEPT_NAME": "广州市天河区市场监督管理局"
        """
    private static let pharmacy = """
        "TASK_CODE": "11440106MB2D033225400011700500001", "TASK_NAME": "药品零售企业经营许可", \
        "DEPT_NAME": "广州市天河区市场监督管理局"
        """

    private func read(_ text: String, named name: String) throws -> ImportResult {
        let path = try Fixtures.temporaryDirectory() + "/" + name
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return try ImportTestSupport.importer("gdzwfw").read(sources: [path], loader: try ImportTestSupport.loader())
    }

    @Test func unknownKeyInAnArrayNamesTheRecordItsLineAndColumn() throws {
        // The second record, indented by four spaces on line 4, is the first to carry 备注 and 受理窗口编号.
        let text = """
            {"total": 2, "data": [
              {\(Self.food)},

                {\(Self.pharmacy),
                 "备注": "窗口受理", "WINDOW_NO": "A12"}
            ]}
            """
        let result = try read(text, named: "portal.json")
        let unknown = try #require(result.report.diagnostics.first { $0.rule == "import.source.unknown-header" })
        #expect(unknown.row == 2)
        #expect(unknown.column == "WINDOW_NO")
        #expect(unknown.message.contains("WINDOW_NO（首见于第 2 条记录，第 4 行第 5 列）"))
        #expect(unknown.message.contains("备注（首见于第 2 条记录，第 4 行第 5 列）"))
        #expect(unknown.description.hasPrefix(unknown.source + ":2:WINDOW_NO: 警告:"))
    }

    /// A portal API's answer nests the records (`data.list`) beside other arrays: the array with the most objects is
    /// read, the choice is reported, and record places still point into the text.
    @Test func recordsNestedInAnAPIAnswerAreFoundAndTheChoiceReported() throws {
        let text = """
            {"code": 200, "msg": "成功", "data": {"total": 2,
              "columns": [{"name": "TASK_CODE"}],
              "list": [
                {\(Self.food)},
                {\(Self.pharmacy), "备注": "窗口受理"}
              ]}}
            """
        let result = try read(text, named: "api.json")
        #expect(result.report.rows == 2)
        let unknown = try #require(result.report.diagnostics.first { $0.rule == "import.source.unknown-header" })
        #expect(unknown.message.contains("备注（首见于第 2 条记录，第 5 行第 5 列）"))
        let place = try #require(result.report.diagnostics.first { $0.rule == "import.source.records" })
        #expect(place.message == "记录取自 data.list（2 条）；另有对象数组 data.columns（1 条）未作为记录读取")
    }

    /// A code table larger than the records beside them: the array whose objects use the profile's keys is read.
    @Test func theRecordArrayIsTheOneUsingTheProfilesKeys() throws {
        let codes = (1...12).map { "{\"code\": \"\($0)\", \"text\": \"类型\($0)\"}" }.joined(separator: ", ")
        let text = """
            {"dict": {"types": [\(codes)]}, "data": {"list": [{\(Self.food)}, {\(Self.pharmacy)}]}}
            """
        let result = try read(text, named: "api.json")
        #expect(result.report.rows == 2)
        let place = try #require(result.report.diagnostics.first { $0.rule == "import.source.records" })
        #expect(place.message.hasPrefix("记录取自 data.list（2 条）"))
        #expect(place.message.contains("dict.types（12 条）"))
    }

    /// A plain `{"total": …, "data": […]}` document reads as before, with nothing to report about where.
    @Test func aTopLevelRecordArrayNeedsNoNote() throws {
        let result = try read("{\"total\": 1, \"data\": [{\(Self.food)}]}", named: "portal.json")
        #expect(result.report.rows == 1)
        #expect(!result.report.diagnostics.contains { $0.rule == "import.source.records" })
    }

    @Test func unknownKeyInJSONLinesNamesItsLine() throws {
        // Line 2 is blank: the record on line 3 is the second record.
        let text = "{\(Self.food)}\n\n  {\(Self.pharmacy), \"备注\": \"窗口受理\"}\n"
        let result = try read(text, named: "portal.jsonl")
        let unknown = try #require(result.report.diagnostics.first { $0.rule == "import.source.unknown-header" })
        #expect(unknown.row == 3)
        #expect(unknown.column == "备注")
        #expect(unknown.message.contains("备注（首见于第 2 条记录，第 3 行第 3 列）"))
    }

    @Test func keysAfterEscapedTextAndNestedListsDoNotMoveTheRecords() throws {
        // A string holding brackets, quotes and a newline escape, and a nested list, before the second record.
        let text = """
            [{\(Self.food), "accept_standard": "须提交 [原件] 与 {复印件} \\"各一份\\"\\n", "theme_category": [["开办企业"]]},
            {\(Self.pharmacy), "备注": "窗口受理"}]
            """
        let result = try read(text, named: "portal.json")
        let unknown = try #require(result.report.diagnostics.first { $0.rule == "import.source.unknown-header" })
        #expect(unknown.message.contains("备注（首见于第 2 条记录，第 2 行第 1 列）"))
    }

    @Test func recordThatIsNotAnObjectNamesItsLineAndColumn() throws {
        let text = "[\n  {\(Self.food)},\n  \"药品零售企业经营许可\"\n]\n"
        #expect {
            _ = try read(text, named: "portal.json")
        } throws: { error in
            "\(error)".contains("portal.json:3:3: 第 2 条记录（下标 1）不是 JSON 对象，而是 字符串")
        }
    }
}
