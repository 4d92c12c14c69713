import Foundation
import OnegoTestSupport
import Testing

/// Issue 11's CDATA reproducer through the command line: `show` printed an empty title and a matter an empty lead
/// department when names were written as CDATA sections and the catalog was validated; `--trusted` kept the text.
/// Every mode must print the text.
@Suite struct CDATACommandTests {
    static let licence = "11440188MB2C9023XA4000101001001001"

    /// `base/{items,matters}` from the exported 企业开办 fixture with the item's name and department and the
    /// matter's name and lead department written as CDATA sections.
    func district() throws -> String {
        let base = try Fixtures.temporaryDirectory()
        let files = FileManager.default
        try files.createDirectory(atPath: base + "/items", withIntermediateDirectories: true)
        try files.createDirectory(atPath: base + "/matters", withIntermediateDirectories: true)
        let items = try Fixtures.text("export/qykb/items/items.xml")
            .replacingOccurrences(of: "<name>企业设立登记</name>", with: "<name><![CDATA[烟草专卖零售许可证核发（新办）]]></name>")
            .replacingOccurrences(
                of: "<department>云溪区市场监督管理局</department>",
                with: "<department>云溪区<![CDATA[市场监督]]>管理局</department>")
        let matter = try Fixtures.text("export/qykb/matters/qykb.xml")
            .replacingOccurrences(of: "<name>企业开办（导出测试）</name>", with: "<name><![CDATA[企业开办 & 刻章]]></name>")
            .replacingOccurrences(
                of: "<leadDepartment>云溪区市场监督管理局</leadDepartment>",
                with: "<leadDepartment><![CDATA[云溪区市场监督管理局]]></leadDepartment>")
        _ = try Fixtures.write(items, to: "items.xml", in: base + "/items")
        _ = try Fixtures.write(matter, to: "qykb.xml", in: base + "/matters")
        return base
    }

    @Test(arguments: [[], ["--trusted"]])
    func showPrintsTheCDATANameAndDepartment(mode: [String]) throws {
        let base = try district()
        let run = try Fixtures.runOnego(["show", Self.licence, "--catalog", base + "/items"] + mode)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("烟草专卖零售许可证核发（新办）"))
        #expect(run.stdout.contains("云溪区市场监督管理局"))
    }

    @Test func validateAcceptsTheCDATADistrict() throws {
        let run = try Fixtures.runOnego(["validate", try district()])
        #expect(run.status == 0, "\(run.stderr)")
    }

    @Test(arguments: [[], ["--trusted"]])
    func composePrintsTheCDATAMatterNameAndLeadDepartment(mode: [String]) throws {
        let answers = ["--answer", "invoice=是", "--answer", "staff=否", "--answer", "bank=否"]
        let run = try Fixtures.runOnego(
            ["compose", "T-QYKB", "--catalog", try district(), "--accepted", "2026-11-23"] + answers + mode)
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.first == "一件事：企业开办 & 刻章（T-QYKB）")
        #expect(lines.dropFirst().first?.contains("牵头部门：云溪区市场监督管理局；") == true)
        #expect(run.stdout.contains("烟草专卖零售许可证核发（新办）"))
    }
}
