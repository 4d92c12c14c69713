import Foundation
import OnegoBase
import OnegoCatalog
import OnegoImport
import OnegoTestSupport
import Testing

/// Provincial exchange XML: records of `<key label="…">` fields, read through the `provincial-exchange` profile.
@Suite struct XMLRecordImportTests {
    private func read(_ path: String) throws -> ImportResult {
        try ImportTestSupport.importer("provincial-exchange").read(
            sources: [path], loader: try ImportTestSupport.loader())
    }

    @Test func exchangeRecordsImportWithCodeListsUnitsAndStates() throws {
        let result = try read(Fixtures.fixture("import/provincial-exchange.xml"))
        #expect(result.report.rows == 3)
        #expect(result.report.imported == 3)
        let food = try #require(result.items.first { $0.name == "食品经营许可（新办）" })
        #expect(food.codes.implementation == "11440106MB2D0332254000117004000")
        #expect(food.codes.handling == "11440106MB2D033225400011700400001")
        #expect(food.statutoryLimit == TimeLimit(20, .workingDays))
        #expect(food.promisedLimit == TimeLimit(7, .workingDays))
        #expect(food.serviceObjects == [.enterprise, .unincorporatedEnterprise])
        #expect(food.handlingForms == [.window, .online, .post])
        #expect(food.materials.map(\.name) == ["食品经营许可申请书", "营业执照", "法定代表人身份证明"])
        #expect(food.contact.address == "广州市天河区天河北路906号天河区政务服务中心一楼")
        let renewal = try #require(result.items.first { $0.name == "建筑业企业资质核准（延续）" })
        #expect(renewal.promisedLimit == nil)
        #expect(renewal.promisedLimitState == .notPublished)
        let benefit = try #require(result.items.first { $0.name == "失业保险金申领" })
        #expect(benefit.type.rawValue == "20")
        #expect(benefit.visits == 0)
        #expect(benefit.handling == .immediate)
        // The header section is a flat element too: the records are the more numerous, and the choice is said.
        let place = try #require(result.report.diagnostics.first { $0.rule == "import.source.records" })
        #expect(place.message.contains("<record> 元素（3 条）"))
        #expect(place.message.contains("<head>（1 个）"))
        // A field the profile does not know is reported with the record's place in the text.
        let unknown = try #require(result.report.diagnostics.first { $0.rule == "import.source.unknown-header" })
        #expect(unknown.message.contains("WINDOW_NO（首见于第 2 条记录，第 31 行第 5 列）"))
    }

    private func read(text: String) throws -> ImportResult {
        let path = try Fixtures.temporaryDirectory() + "/records.xml"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return try read(path)
    }

    private static let food = """
        <key label="TASKCODE">11440106MB2D033225400011700400001</key><key label="TASKNAME">食品经营许可（新办）</key>
        <key label="TASKTYPE">1</key><key label="DEPTNAME">广州市天河区市场监督管理局</key>
        <key label="AREACODE">440106</key><key label="SERVETYPE">2</key><key label="AGREE_TIME">7</key>
        <key label="APPLY_TIMES">0</key><key label="IS_ONLINE">1</key>
        """

    /// Records holding nested lists (their materials), a field of mixed content, and a larger code table beside
    /// them: the records are the elements using the profile's keys, their nested lists are not fields, the mixed
    /// field reads all its text, and a field given twice with different values is reported.
    @Test func recordsAreTheElementsUsingTheProfilesKeys() throws {
        let material = "<material><key label=\"MATERIALNAME\">营业执照</key><key label=\"COPIES\">1</key></material>"
        let codes = (1...9).map { "<code><key label=\"CODE\">\($0)</key><key label=\"TEXT\">类型\($0)</key></code>" }
        let text = """
            <exchange><dict>\(codes.joined())</dict><records>
            <record>\(Self.food)<materials>\(material)\(material)\(material)</materials>
              <key label="ACCEPTCONDITION">申请人<b>已取得</b>营业执照</key></record>
            <record>\(Self.food.replacingOccurrences(of: "400001<", with: "400002<"))<key label="TASKTYPE">2</key></record>
            </records></exchange>
            """
        let result = try read(text: text)
        #expect(result.report.rows == 2)
        #expect(result.items.first?.conditions == "申请人已取得营业执照")
        #expect(result.items.first?.materials.isEmpty == true)
        let place = try #require(result.report.diagnostics.first { $0.rule == "import.source.records" })
        #expect(place.message.hasPrefix("记录取自 <record> 元素（2 条）"))
        #expect(
            result.report.diagnostics.contains {
                $0.row == 2 && $0.column == "TASKTYPE" && $0.message.contains("出现 2 次")
            })
    }

    /// Records written as empty elements with attributes only, and a one-record export beside a header holding one
    /// of the profile's keys: the record is read, not the header.
    @Test func attributeRecordsAndASingleRecordBesideAHeader() throws {
        let attributes = """
            <tasks><task TASKCODE="11440106MB2D033225400011700400001" TASKNAME="食品经营许可（新办）" TASKTYPE="1" \
            DEPTNAME="广州市天河区市场监督管理局" AREACODE="440106" SERVETYPE="2" AGREE_TIME="7" APPLY_TIMES="0" \
            IS_ONLINE="1"/></tasks>
            """
        #expect(try read(text: attributes).report.imported == 1)
        let single =
            "<x><head><key label=\"AREACODE\">440106</key><key label=\"COUNT\">1</key></head>"
            + "<record>\(Self.food)</record></x>"
        let result = try read(text: single)
        #expect(result.report.imported == 1)
        #expect(result.items.first?.name == "食品经营许可（新办）")
    }

    /// Fields written as child elements or as attributes read the same.
    @Test func fieldsAsElementNamesAndAttributesReadTheSame() throws {
        let text = """
            <?xml version="1.0" encoding="UTF-8"?>
            <tasks>
              <task TASKCODE="11440106MB2D033225400011700400001" TASKNAME="食品经营许可（新办）">
                <CATALOGCODE>000117004000</CATALOGCODE><TASKTYPE>1</TASKTYPE>
                <DEPTNAME>广州市天河区市场监督管理局</DEPTNAME><AREACODE>440106</AREACODE>
                <SERVETYPE>2</SERVETYPE><AGREE_TIME>7</AGREE_TIME><AGREE_TIME_UNIT>1</AGREE_TIME_UNIT>
                <APPLY_TIMES>0</APPLY_TIMES><IS_ONLINE value="1"/>
              </task>
            </tasks>
            """
        let path = try Fixtures.temporaryDirectory() + "/tasks.xml"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let result = try read(path)
        #expect(result.report.imported == 1)
        let item = try #require(result.items.first)
        #expect(item.name == "食品经营许可（新办）")
        #expect(item.online.isAvailable)
        #expect(item.promisedLimit == TimeLimit(7, .workingDays))
    }

    @Test(arguments: [
        ("<exchange><record><key label=\"TASKCODE\">1</key>\n<key label=\"TASKNAME\">x</record></exchange>", ":2:"),
        ("<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>\n<x>&e;</x>", "DOCTYPE"),
        ("<exchange><note>导出说明</note></exchange>", "XML 中没有记录"),
    ])
    func badXMLIsRefusedWithItsPlace(text: String, expected: String) throws {
        let path = try Fixtures.temporaryDirectory() + "/bad.xml"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        #expect {
            _ = try read(path)
        } throws: { error in
            "\(error)".contains(expected)
        }
    }
}
