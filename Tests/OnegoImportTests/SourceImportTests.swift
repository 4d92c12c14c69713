import Foundation
import OnegoBase
import OnegoCatalog
import OnegoImport
import OnegoTestSupport
import Testing

@Suite struct SourceImportTests {
    @Test func guangdongPortalRecordsImportWithEveryFillReported() throws {
        let folder = try Fixtures.temporaryDirectory() + "/gd"
        let report = try ImportTestSupport.importer("gdzwfw").run(
            sources: [Fixtures.fixture("import/gdzwfw-items.json")], outputDirectory: folder)
        #expect(report.rows == 12)
        #expect(report.imported == 12)
        #expect(report.rejected == 0)
        // 承诺时限 "无" is imported as 未公布 and reported on its row.
        let unpublished = report.diagnostics.filter {
            $0.rule == "import.value.not-published" && $0.field == "promisedLimit"
        }
        #expect(unpublished.map(\.row) == [4])
        #expect(unpublished.first?.field == "promisedLimit")
        // Guangdong type 20 is 其他行政权力 (national 10), 21 is 公共服务 (national 20).
        let loaded = try ImportTestSupport.loader().load(paths: [folder])
        #expect(!loaded.diagnostics.contains { $0.severity == .error && $0.rule != "catalog.uscc" })
        let items = loaded.catalog.items
        #expect(items.first { $0.name == "慈善组织公开募捐资格审核" }?.type.rawValue == "10")
        #expect(items.first { $0.name == "失业保险金申领" }?.type.rawValue == "20")
        #expect(items.first { $0.name == "失业保险金申领" }?.handling == .immediate)
        let renewal = try #require(items.first { $0.name == "建筑业企业资质核准（延续）" })
        #expect(renewal.promisedLimit == nil)
        #expect(renewal.promisedLimitState == .notPublished)
        #expect(renewal.statutoryLimit == TimeLimit(20, .workingDays))
        // A 33-character code is 实施编码 + 业务办理项 suffix.
        let food = try #require(items.first { $0.name == "食品经营许可（新办）" })
        #expect(food.codes.implementation == "11440106MB2D0332254000117004000")
        #expect(food.codes.handling == "11440106MB2D033225400011700400001")
        #expect(food.contact.phone == "020-38356454转1")
        #expect(food.contact.phoneNumbers == [PhoneNumber(number: "020-38356454", extensionNumber: "1")])
        #expect(food.statutoryLimit == TimeLimit(20, .workingDays))
        #expect(food.promisedLimit == TimeLimit(7, .workingDays))
        #expect(food.serviceObjects == [.enterprise, .unincorporatedEnterprise, .individualBusiness])
        #expect(food.details.aliases == ["办餐饮许可证"])
        #expect(food.details.appointmentURL == "https://www.gdzwfw.gov.cn/portal/booking")
        #expect(food.handlingForms == [.window, .online, .post])
        #expect(food.materials.count == 5)
        // Full-width brackets and country codes are normalised, and the change is reported with its key.
        let charity = try #require(items.first { $0.name == "慈善组织公开募捐资格审核" })
        #expect(charity.contact.phone == "（0663）8228123")
        #expect(charity.contact.phoneNumbers.map(\.number) == ["0663-8228123"])
        let pharmacy = try #require(items.first { $0.name == "药品零售企业许可（新办）" })
        #expect(pharmacy.contact.complaintPhoneNumbers.map(\.number) == ["020-81218888"])
        #expect(pharmacy.contact.phoneNumbers == [PhoneNumber(number: "020-83563800", extensionNumber: "825")])
        // Online-only items get the explicit state 无线下窗口 (no address is invented), reported on their row; an
        // item with a counter but no published hours gets 未公布.
        let builder = try #require(items.first { $0.name == "二级建造师执业资格注册" })
        #expect(builder.contact.addressState == .noWindow)
        #expect(builder.contact.hoursState == .noWindow)
        #expect(builder.contact.address.isEmpty)
        #expect(!builder.handlingForms.contains(.window))
        #expect(
            report.diagnostics.contains {
                $0.row == 3 && $0.field == "contact.address" && $0.rule == "import.value.not-published"
                    && $0.message.contains("无线下窗口")
            })
        #expect(food.contact.addressState == nil)
        #expect(food.contact.hoursState == .notPublished)
        // A wrong USCC check character is reported, and the item kept.
        #expect(report.diagnostics.contains { $0.row == 9 && $0.rule == "import.check.catalog.uscc" })
        #expect(items.contains { $0.name == "小餐饮登记" })
        // Values the catalog cannot hold are reported as dropped, not silently lost.
        #expect(
            report.diagnostics.contains {
                $0.row == 1 && $0.column == "theme_category" && $0.rule == "import.value.dropped"
            })
        let joint = try #require(items.first { $0.name == "慈善组织公开募捐资格审核" }?.details.jointDepartments.first)
        #expect(joint == JointDepartment(name: "市级民政", role: "审核,决定"))
    }

    /// Limits and counts printed in Chinese numerals are read exactly and reported; a count that only starts like
    /// one rejects its row instead of being read as its first digit.
    @Test func chineseNumeralsAreReadAndReported() throws {
        let result = try importPortalRecords([
            [
                "handle_time": "二十个工作日", "handle_time_limit": "十个工作日（不含公示时间）", "LIMIT_SCENE_NUM": "零次",
            ],
            ["LIMIT_SCENE_NUM": "一般不超过2次", "visit_number": "一般不超过2次"],
        ])
        #expect(result.report.imported == 1)
        #expect(result.report.rejected == 1)
        let item = try #require(result.items.first)
        #expect(item.statutoryLimit == TimeLimit(20, .workingDays))
        #expect(item.promisedLimit == TimeLimit(10, .workingDays, note: "不含公示时间"))
        #expect(item.visits == 0)
        #expect(
            result.report.diagnostics.contains {
                $0.row == 1 && $0.column == "LIMIT_SCENE_NUM" && $0.rule == "import.value.transformed"
                    && $0.message.contains("按整数 0 读取")
            })
        #expect(
            result.report.diagnostics.contains {
                $0.row == 2 && $0.column == "LIMIT_SCENE_NUM" && $0.severity == .error
                    && $0.message.contains("一般不超过2次")
            })
    }

    /// Numbers and codes typed with a Chinese input method's full-width digits read as their ASCII forms, and
    /// each such value is reported.
    @Test func fullWidthDigitsInNumbersAndCodesAreReadAsASCII() throws {
        let result = try importPortalRecords([
            ["LIMIT_SCENE_NUM": "１", "AREACODE": "４４０１０６", "ONLINECHECK": "１", "TASK_NAME": "食品经营许可（新办）"]
        ])
        #expect(result.report.imported == 1)
        let item = try #require(result.items.first)
        #expect(item.visits == 1)
        #expect(item.region.rawValue == "440106")
        #expect(item.online.isAvailable)
        // Names keep their own full-width brackets.
        #expect(item.name == "食品经营许可（新办）")
        let notes = result.report.diagnostics.filter {
            $0.rule == "import.value.transformed" && $0.message.contains("按半角")
        }
        #expect(Set(notes.compactMap(\.column)) == ["LIMIT_SCENE_NUM", "AREACODE", "ONLINECHECK"])
    }

    /// Values as portals print them around what the catalog needs: several levels in the level field, a yes/no with
    /// its explanation, a phone with its hours, a type by its national name. Each is read exactly and reported.
    @Test func valuesWithTheirExplanationsAreReadAndReported() throws {
        let result = try importPortalRecords([
            ["matter_level": "市级、区级"],
            ["ONLINECHECK": "是（全程网办）"],
            ["consult_phone": "020-12345678（工作日9:00-17:00）"],
            ["TASK_TYPE": "行政许可"],
            ["matter_level": "市级（含区、县）"],
        ])
        #expect(result.report.imported == 4)
        // One text that is not a level is not split into levels at its 、.
        #expect(result.report.rejected == 1)
        #expect(
            result.report.diagnostics.contains {
                $0.row == 5 && $0.field == "level" && $0.message.contains("“市级（含区、县）”不是 1–6 的行使层级")
            })
        let items = result.items
        try #require(items.count == 4)
        #expect(items[0].details.levels == [.municipal, .county])
        #expect(items[0].level.rawValue == 4)  // the implementation code's 19th character
        #expect(items[1].online.isAvailable)
        #expect(items[2].contact.phoneNumbers == [PhoneNumber(number: "020-12345678")])
        #expect(items[3].type.rawValue == "01")
        let rows = Dictionary(grouping: result.report.diagnostics.filter { $0.rule == "import.value.transformed" }) {
            $0.row ?? 0
        }
        #expect(rows[1]?.contains { $0.field == "level" && $0.message.contains("记为实施层级") } == true)
        #expect(rows[2]?.contains { $0.field == "online.available" && $0.message.contains("说明“(全程网办)”未导入") } == true)
        #expect(rows[4]?.contains { $0.field == "type" && $0.message.contains("读作“01”") } == true)
        #expect(
            result.report.diagnostics.contains {
                $0.row == 3 && $0.field == "contact.phone" && $0.message.contains("工作日9:00-17:00")
            })
    }

    /// Imports the national-tables fixtures with the basic table's text edited.
    private func importNationalTables(editingBasic edit: (String) -> String) throws -> ImportResult {
        let folder = try Fixtures.temporaryDirectory()
        var sources: [String] = []
        for table in ["basic", "extend", "material", "fee_project"] {
            let text = try String(
                contentsOfFile: Fixtures.fixture("import/up_task_general_\(table).csv"), encoding: .utf8)
            let path = folder + "/up_task_general_\(table).csv"
            try (table == "basic" ? edit(text) : text).write(toFile: path, atomically: true, encoding: .utf8)
            sources.append(path)
        }
        return try ImportTestSupport.importer("national-tables").read(
            sources: sources, loader: try ImportTestSupport.loader())
    }

    /// Imports the Guangdong-portal fixture's first records with `edits` applied, one record per edit.
    private func importPortalRecords(_ edits: [[String: String]]) throws -> ImportResult {
        let fixture = try JSONSerialization.jsonObject(
            with: Data(contentsOf: URL(fileURLWithPath: Fixtures.fixture("import/gdzwfw-items.json"))))
        let records = try #require((fixture as? [String: Any])?["data"] as? [[String: Any]])
        let edited = edits.enumerated().map { index, edit in
            records[index].merging(edit) { _, new in new }
        }
        let source = try Fixtures.temporaryDirectory() + "/records.json"
        try JSONSerialization.data(withJSONObject: ["total": edited.count, "data": edited]).write(
            to: URL(fileURLWithPath: source))
        return try ImportTestSupport.importer("gdzwfw").read(sources: [source], loader: try ImportTestSupport.loader())
    }

    /// A CSV export that opens with a title line and a blank line reads the same items; the title is reported and
    /// the rows keep their own line numbers.
    @Test func csvTitleLineAboveTheHeaderIsSkipped() throws {
        let result = try importNationalTables { "国家政务服务事项基本目录交换表（导出时间：2026-11-30）,,,\n,,,\n" + $0 }
        #expect(result.report.imported == 2)
        #expect(result.report.rejected == 1)
        let title = result.report.diagnostics.filter { $0.rule == "import.source.title-row" }
        #expect(title.map(\.row) == [1])
        #expect(title.first?.message.contains("国家政务服务事项基本目录交换表") == true)
        #expect(!result.report.diagnostics.contains { $0.rule == "import.source.unknown-header" && $0.row == 1 })
        // The third record is on the file's sixth line.
        #expect(result.report.diagnostics.contains { $0.rule == "import.row.rejected" && $0.row == 6 })
    }

    /// A quoted cell holding line breaks (a 受理条件 typed over several lines) makes its record span lines; the
    /// records after it are named by the line they start on.
    @Test func csvRecordsAreNamedByTheLineTheyStartOn() throws {
        // The first record's 受理条件 gains two line breaks inside quotes.
        let result = try importNationalTables {
            $0.replacingOccurrences(of: "已取得营业执照等合法主体资格", with: "\"已取得\n营业执照\n等合法主体资格\"")
        }
        #expect(result.report.imported == 2)
        // Without the breaks the rejected third record is on line 4; now it starts on line 6.
        #expect(result.report.diagnostics.contains { $0.rule == "import.row.rejected" && $0.row == 6 })
        let food = try #require(result.items.first { $0.name == "食品经营许可（新办）" })
        #expect(food.conditions?.contains("已取得\n营业执照\n等合法主体资格") == true)
    }

    @Test func jsonLinesReadTheSameRecords() throws {
        let result = try ImportTestSupport.importer("gdzwfw").read(
            sources: [Fixtures.fixture("import/gdzwfw-items.jsonl")], loader: try ImportTestSupport.loader())
        #expect(result.report.rows == 4)
        #expect(result.report.imported == 4)
        #expect(result.report.rejected == 0)
    }

    @Test func nationalTablesJoinOnTheItemID() throws {
        let sources = ["basic", "extend", "material", "fee_project"].map {
            Fixtures.fixture("import/up_task_general_\($0).csv")
        }
        let result = try ImportTestSupport.importer("national-tables").read(
            sources: sources, loader: try ImportTestSupport.loader())
        #expect(result.report.rows == 3)
        #expect(result.report.imported == 2)
        #expect(result.report.rejected == 1)
        let food = try #require(result.items.first { $0.name == "食品经营许可（新办）" })
        #expect(food.materials.map(\.name) == ["食品经营许可申请书", "营业执照", "食品安全管理制度文本"])
        #expect(food.materials[2].necessity == .supplyLater)
        #expect(food.handlingForms == [.window, .online, .post])
        #expect(food.online.depth == .onlineApplication)
        #expect(food.crossRegion?.scope == .city)
        #expect(food.level == .county)
        #expect(food.legalBasis.first?.law == "中华人民共和国食品安全法")
        #expect(food.legalBasis.first?.article == "第三十五条")
        #expect(food.legalBasis.first?.text == "国家对食品生产经营实行许可制度。", "the text without the citation before it")
        #expect(food.details.levels == [.provincial, .municipal, .county])
        #expect(food.details.keywords == ["餐饮", "食品"])
        #expect(food.serviceObjects == [.enterprise, .unincorporatedEnterprise])
        #expect(result.report.diagnostics.contains { $0.rule == "import.join.orphan" })
        #expect(
            result.report.diagnostics.contains {
                $0.rule == "import.material.unspecified" && $0.message.contains("卫生检测报告")
            })
    }

    @Test func gb18030CSVWithoutDeclarationIsDetectedAndReported() throws {
        let result = try ImportTestSupport.importer("national-tables").read(
            sources: [
                Fixtures.fixture("import/gb18030/up_task_general_basic.csv"),
                Fixtures.fixture("import/up_task_general_extend.csv"),
            ],
            loader: try ImportTestSupport.loader())
        #expect(
            result.report.diagnostics.contains { $0.rule == "import.source.encoding" && $0.message.contains("GB18030") }
        )
        #expect(result.items.first?.name == "食品经营许可（新办）")
    }

    @Test func jsonRecordThatIsNotAnObjectIsAnErrorWithItsIndex() throws {
        let folder = try Fixtures.temporaryDirectory() + "/out"
        #expect {
            _ = try ImportTestSupport.importer("gdzwfw").run(
                sources: [Fixtures.fixture("import/gdzwfw-non-object.json")], outputDirectory: folder)
        } throws: { error in
            "\(error)".contains("第 2 条记录（下标 1）不是 JSON 对象，而是 字符串")
        }
        #expect(!FileManager.default.fileExists(atPath: folder))
    }

    @Test(arguments: [
        ("30(工作日)", TimeLimitText.limit(TimeLimit(30, .workingDays))),
        ("7个工作日", .limit(TimeLimit(7, .workingDays))),
        ("1(工作日)", .limit(TimeLimit(1, .workingDays))),
        ("2小时", .limit(TimeLimit(2, .hours))),
        ("即办", .onTheSpot),
        ("当场办结", .onTheSpot),
        ("10个工作日（不含专家评审时间）", .limit(TimeLimit(10, .workingDays, note: "不含专家评审时间"))),
        ("30(工作日，不含公示时间)", .limit(TimeLimit(30, .workingDays, note: "不含公示时间"))),
        (
            "2小时 材料齐全、符合法定形式的，受理后2小时内办结（企业信息变更“一件事”）",
            .limit(TimeLimit(2, .hours, note: "材料齐全、符合法定形式的，受理后2小时内办结（企业信息变更“一件事”）"))
        ),
        ("　5 个工作日", .limit(TimeLimit(5, .workingDays))),
        ("十五个工作日", .limit(TimeLimit(15, .workingDays))),
        ("二十日", .limit(TimeLimit(20, .naturalDays))),
        ("三十(工作日)", .limit(TimeLimit(30, .workingDays))),
        ("两小时", .limit(TimeLimit(2, .hours))),
        ("半个工作日", .limit(TimeLimit(0.5, .workingDays))),
        ("一个半小时", .limit(TimeLimit(1.5, .hours))),
        ("一百零五日（不含公告期）", .limit(TimeLimit(105, .naturalDays, note: "不含公告期"))),
    ])
    func timeLimitsAsPrinted(text: String, expected: TimeLimitText) {
        #expect(TimeLimitText.parse(text) == expected)
    }

    /// Texts that start like a numeral but are not a limit are refused, never read as the numeral's first digit.
    @Test(arguments: ["一般5个工作日", "一五个工作日", "三个月", "百日", "二十五万日", "法定办结时限的一半"])
    func textsThatAreNotLimitsAreRefused(text: String) {
        #expect(TimeLimitText.parse(text) == nil)
    }
}
