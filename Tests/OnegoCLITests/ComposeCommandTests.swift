import Foundation
import OnegoTestSupport
import Testing

/// `onego compose`, run as the built binary over the composer fixtures.
@Suite struct ComposeCommandTests {
    static let matter = "Tests/Fixtures/matters/qykb.xml"
    static let catalog = "Tests/Fixtures/matters/items.xml"
    static let all = [
        "--answer", "invoice=是", "--answer", "staff=yes", "--answer", "bank=是", "--answer", "account=basic",
    ]

    /// A district folder with `items/` and `matters/`, as the sample catalog is laid out.
    static func district() throws -> String {
        let root = try Fixtures.temporaryDirectory()
        let files = FileManager.default
        try files.createDirectory(atPath: root + "/items", withIntermediateDirectories: true)
        try files.createDirectory(atPath: root + "/matters", withIntermediateDirectories: true)
        try files.copyItem(atPath: Fixtures.path(catalog), toPath: root + "/items/items.xml")
        try files.copyItem(atPath: Fixtures.path(matter), toPath: root + "/matters/qykb.xml")
        return root
    }

    @Test func textAndJSONSayWhichAudienceTheAnswersChoseAndPrintNumbersWithTheirUnit() throws {
        let arguments = [
            "compose", "YX-KBCYD", "--catalog", "Catalogs/yunxi", "--answer", "licence=individual", "--answer",
            "area=80", "--answer", "sign=否", "--answer", "tobacco=否",
        ]
        let text = try Fixtures.runOnego(arguments)
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("服务对象：个体工商户（按所选情形；本一件事服务对象：法人、个体工商户）"))
        #expect(text.stdout.contains("经营场所建筑面积（平方米）？ 80 平方米"))
        let json = try Fixtures.runOnego(arguments + ["--format", "json"])
        #expect(json.status == 0, "\(json.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let audience = try #require(object["audience"] as? [String: Any])
        #expect(audience["chosen"] as? String == "个体工商户")
        #expect(audience["served"] as? [String] == ["法人", "个体工商户"])
    }

    @Test func jsonHasTheDocumentedShape() throws {
        let run = try Fixtures.runOnego(
            ["compose", Self.matter, "--catalog", Self.catalog, "--format", "json", "--accepted", "2026-02-13"]
                + Self.all)
        #expect(run.status == 0, "\(run.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect((object["members"] as? [Any])?.count == 5)
        let materials = try #require(object["materials"] as? [[String: Any]])
        // The shareholder's and the agent's IDs stay two lines; every line names its holder and disposition.
        #expect(materials.count == 12)
        #expect(materials.allSatisfy { $0["holder"] is String && $0["disposition"] is String })
        let licence = try #require(materials.first { $0["name"] as? String == "营业执照" })
        #expect(licence["providedBy"] as? String == "11440188MB2C9023XA4000101001001001")
        #expect(licence["disposition"] as? String == "produced")
        #expect(licence["necessity"] as? String == "必要")
        #expect((licence["usedBy"] as? [String])?.count == 4)
        #expect(licence["originals"] as? Int == 1 && licence["copies"] as? Int == 1)
        #expect((object["stages"] as? [Any])?.count == 2)
        #expect((object["criticalPath"] as? [String])?.count == 2)
        let days = try #require(object["workingDays"] as? [String: Any])
        #expect(days["unit"] as? String == "工作日")
        #expect(days["critical"] as? Double == 1.5 && days["serialPromised"] as? Double == 4)
        #expect(days["serialStatutory"] as? Double == 15)
        let visits = try #require(object["visits"] as? [String: Double])
        #expect(visits["before"] == 2 && visits["after"] == 1)
        let reductions = try #require(object["reductions"] as? [String: [String: Double]])
        #expect(Set(reductions.keys) == ["materials", "copies", "visits", "steps", "workingDays", "formFields"])
        #expect(reductions["materials"] == ["before": 16, "after": 11, "rate": 0.3125])
        // `after` is the number of lines to bring.
        #expect(
            Double(materials.count { $0["disposition"] as? String == "bring" }) == reductions["materials"]?["after"])
        let steps = try #require(object["steps"] as? [String: Any])
        #expect(steps["definition"] is String && steps["names"] is [String])
        let trips = try #require(object["trips"] as? [String: Any])
        #expect(trips["before"] as? Int == 2 && trips["after"] as? Int == 1)
        #expect((trips["definition"] as? String)?.contains("到办事现场次数之和") == true)
        let due = try #require(object["due"] as? [String: Any])
        #expect(due["overall"] as? String == "2026-02-24")
        let answers = try #require(object["answers"] as? [String: String])
        #expect(answers == ["invoice": "是", "staff": "是", "bank": "是", "account": "basic"])
    }

    @Test func textIsAReadablePlan() throws {
        let run = try Fixtures.runOnego(["compose", Self.matter, "--catalog", Self.catalog] + Self.all)
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("一件事：企业开办（测试）（T-QYKB）"))
        #expect(run.stdout.contains("  - 营业执照：由 企业设立登记 办理结果自动获取；"))
        #expect(run.stdout.contains("  申请材料：16 → 11（减少 31.3%）"))
        #expect(run.stdout.contains("  办理环节："))
        #expect(run.stdout.contains("  跑动次数：2 → 1（减少 50%）"))
    }

    @Test func missingAnswersInAPipeExitOne() throws {
        let run = try Fixtures.runOnego(["compose", Self.matter, "--catalog", Self.catalog])
        #expect(run.status == 1)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.hasPrefix("\(Self.matter):16:5: 缺少以下情形的回答：invoice（是否需要申领发票？"))
    }

    @Test func anUnknownQuestionIsAUsageError() throws {
        let run = try Fixtures.runOnego(
            ["compose", Self.matter, "--catalog", Self.catalog] + Self.all + ["--answer", "invoise=是"])
        #expect(run.status == 64)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("没有编号为 invoise 的情形问题"), "\(run.stderr)")
    }

    @Test func contradictionNamesTheQuestion() throws {
        let run = try Fixtures.runOnego(
            [
                "compose", Self.matter, "--catalog", Self.catalog, "--answer", "invoice=是", "--answer", "staff=否",
                "--answer", "bank=否", "--answer", "account=basic",
            ])
        #expect(run.status == 1)
        #expect(run.stderr.contains("情形问题 account（开立哪类账户？）只在 bank=是 时提问"))
    }

    @Test(arguments: [
        ["--answer", "invoice"], ["--accepted", "2026-13-01"], ["--enumerate", "--answer", "colour=red"],
    ])
    func usageErrorsExit64(arguments: [String]) throws {
        let run = try Fixtures.runOnego(["compose", Self.matter, "--catalog", Self.catalog] + arguments)
        #expect(run.status == 64)
    }

    @Test func enumerateListsEveryAnswerSet() throws {
        let run = try Fixtures.runOnego([
            "compose", Self.matter, "--catalog", Self.catalog, "--enumerate", "--format", "json",
        ])
        #expect(run.status == 0)
        let document = try #require(
            try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let array = try #require(document["compositions"] as? [[String: Any]])
        #expect(array.count == 12)
        #expect(array.allSatisfy { $0["answers"] is [String: String] && $0["reductions"] != nil })
    }

    @Test(arguments: ["", "/items"])
    func matterCodeIsFoundBesideTheItems(suffix: String) throws {
        let root = try Self.district()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let run = try Fixtures.runOnego(
            ["compose", "T-QYKB", "--catalog", root + suffix, "--format", "json"] + Self.all)
        #expect(run.status == 0, "\(run.stderr)")
        let unknown = try Fixtures.runOnego(["compose", "T-NONE", "--catalog", root + suffix])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("没有编码为 T-NONE 的一件事；可选：T-QYKB（企业开办（测试））"))
    }

    @Test func anHourMatterPrintsOfficeHoursInTextJSONAndEnumeration() throws {
        let answers = ["--answer", "fund=是", "--answer", "premises=是", "--answer", "articles=否"]
        let arguments = ["compose", "YX-QYBG", "--catalog", "Catalogs/yunxi", "--accepted", "2026-09-29T16:30"]
        let text = try Fixtures.runOnego(arguments + answers)
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("关键路径（★）：企业变更登记 → 变更税务登记，共 2 小时"))
        #expect(text.stdout.contains("全部事项 2026-09-30 10:00 前办结"))
        let json = try Fixtures.runOnego(arguments + answers + ["--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let days = try #require(object["workingDays"] as? [String: Any])
        #expect(days["unit"] as? String == "工作日" && days["planUnit"] as? String == "小时")
        #expect((days["hours"] as? [String: Any])?["critical"] as? Double == 2)
        let enumeration = try Fixtures.runOnego(["compose", "YX-QYBG", "--catalog", "Catalogs/yunxi", "--enumerate"])
        #expect(enumeration.status == 0, "\(enumeration.stderr)")
        #expect(enumeration.stdout.contains("fund=是 premises=是 articles=是 | 3 | 11→7 | 0→0 | 2→2 小时"))
        // A day matter keeps its working days.
        let days2 = try Fixtures.runOnego(["compose", "YX-QYKB", "--catalog", "Catalogs/yunxi", "--enumerate"])
        #expect(!days2.stdout.contains("小时\n"))
    }

    @Test func aMembersSpecialProcedureIsNamedByTextJSONAndNotice() throws {
        let root = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let files = FileManager.default
        try files.createDirectory(atPath: root + "/items", withIntermediateDirectories: true)
        try files.createDirectory(atPath: root + "/matters", withIntermediateDirectories: true)
        let published = "Tests/Fixtures/published/"
        try files.copyItem(
            atPath: Fixtures.path(published + "items-company-deregistration.xml"), toPath: root + "/items/items.xml")
        try files.copyItem(
            atPath: Fixtures.path(published + "matters/company-deregistration.xml"), toPath: root + "/matters/zx.xml")
        let arguments = [
            "GZ-QYZX", "--catalog", root, "--answer", "procedure=simple", "--answer", "customs=否",
        ]
        let procedure = "公示，20个自然日（不计入办结时限；简易注销公示期）"
        let text = try Fixtures.runOnego(["compose"] + arguments)
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("特别程序：\(procedure)"), "\(text.stdout)")
        let json = try Fixtures.runOnego(["compose"] + arguments + ["--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let members = try #require(object["members"] as? [[String: Any]])
        let deregistration = members.first { $0["name"] as? String == "有限责任公司注销登记" }
        #expect(deregistration?["specialProcedures"] as? [String] == [procedure])
        #expect(members.filter { $0["specialProcedures"] != nil }.count == 1)
        let notice = try Fixtures.runOnego(["guide"] + arguments + ["--kind", "notice", "--format", "md"])
        #expect(notice.status == 0, "\(notice.stderr)")
        #expect(notice.stdout.contains("有限责任公司注销登记：\(procedure)"), "\(notice.stdout)")
    }

    @Test func anImpossibleAcceptanceTimeIsAUsageError() throws {
        let run = try Fixtures.runOnego(
            ["compose", Self.matter, "--catalog", Self.catalog, "--accepted", "2026-09-29T25:00"] + Self.all)
        #expect(run.status == 64)
        #expect(run.stderr.contains("受理时间“2026-09-29T25:00”无效：时间不存在（时应为 00–23，分应为 00–59）"))
    }

    @Test func acceptsADateAndTime() throws {
        let run = try Fixtures.runOnego(
            ["compose", Self.matter, "--catalog", Self.catalog, "--accepted", "2026-02-13T16:00"] + Self.all)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("办结日期：2026-02-13 受理"))
        #expect(!run.stdout.contains("0 个工作日"))
    }
}
