import Foundation
import OnegoBase
import OnegoCatalog
import OnegoImport
import OnegoTestSupport
import Testing

/// An office's own Excel list through the shipped `excel-list` profile: Chinese headers in the spellings offices
/// use, a title above the header, one sheet per item type beside a 填表说明 sheet, numbered material lists, and
/// Sichuan codes that carry the region.
@Suite struct ExcelListImportTests {
    static let licences = [
        ["广安市广安区政务服务事项目录（2024年版）"],
        [
            "序号", "权力名称", "权力类型", "实施编码", "实施机构", "层级", "法定期限", "承诺期限", "跑动次数", "是否可网办",
            "受理地点", "受理时间", "咨询电话", "投诉电话", "办理对象", "申请材料", "设定依据",
        ],
        [
            "1", "食品经营许可（新办）", "行政许可", "511A0138000000-511602000000-000-11511602MB15327088-1-00",
            "广安市广安区行政审批局", "区级", "20个工作日", "5个工作日", "0", "是", "广安区政务服务中心二楼B区",
            "工作日9:00-12:00，14:00-17:30", "0826-2345678", "12345", "企业、个体工商户",
            "1.食品经营许可申请书；2.营业执照（副本、复印件）；3.法定代表人身份证明",
            "《中华人民共和国食品安全法》第三十五条",
        ],
        [
            "2", "户外广告设施设置审批", "许可", "511A0215000000-511602000000-000-11511602MB15327088-1-00",
            "广安市广安区行政审批局", "区级", "20(工作日)", "7(工作日)", "最多跑一次", "是", "广安区政务服务中心二楼B区",
            "工作日9:00-12:00，14:00-17:30", "0826-2345678", "12345", "企业", "户外广告设施设置申请表、设计效果图",
            "《城市市容和环境卫生管理条例》第十一条第一款：设置大型户外广告，应当经市容环境卫生行政主管部门同意。",
        ],
    ]
    static let services = [
        [
            "事项名称", "事项类型", "实施编码", "实施主体", "行使层级", "法定办结时限", "承诺办结时限", "到办事现场次数",
            "是否网办", "办理地点", "办理时间", "咨询电话", "监督投诉电话", "服务对象", "所需材料", "网办深度", "通办范围",
        ],
        [
            "城乡居民基本养老保险参保登记", "公共服务", "511G0101000000-511602000000-000-11511602MB15327088-1-00",
            "广安市广安区社会保险事业管理局", "区级", "无", "即办", "零跑动", "是", "广安区政务服务中心一楼",
            "周一至周五 9:00-17:00", "0826-2233445", "0826-2233446", "个人", "（1）居民身份证（2）户口簿", "Ⅳ级（全程网办）",
            "全市通办",
        ],
    ]

    static func sheet(_ rows: [[String]]) -> String {
        let columns = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        let body = rows.enumerated().map { index, row in
            let cells = row.enumerated().map { ImportTestSupport.cell("\(columns[$0.offset])\(index + 1)", $0.element) }
            return "<row r=\"\(index + 1)\">\(cells.joined())</row>"
        }
        return "<sheetData>\(body.joined())</sheetData>"
    }

    static func importer(codeProfile: String) throws -> CatalogImporter {
        var importer = try ImportTestSupport.importer("excel-list")
        importer.codeProfile = try CodeProfile.load(path: Fixtures.path("Catalogs/code-profiles/\(codeProfile).xml"))
        return importer
    }

    static func book() throws -> String {
        try ImportTestSupport.workbook(sheets: [
            ("行政许可", sheet(licences)), ("填表说明", sheet([["本表由各部门填报，时限单位为工作日。"]])),
            ("公共服务", sheet(services)),
        ])
    }

    @Test func everySheetWhoseHeaderFitsIsRead() throws {
        let result = try Self.importer(codeProfile: "sichuan").read(
            sources: [try Self.book()], loader: ImportTestSupport.loader())
        let report = result.report
        #expect(report.rows == 3 && report.imported == 3, "\(report.diagnostics.map(\.description))")
        #expect(
            report.diagnostics.contains {
                $0.sheet == "填表说明" && $0.rule == "import.source.sheet-skipped" && $0.row == nil
            })
        #expect(
            report.diagnostics.contains { $0.sheet == "行政许可" && $0.row == 1 && $0.rule == "import.source.title-row" })
        let items = Dictionary(uniqueKeysWithValues: result.items.map { ($0.name, $0) })
        let food = try #require(items["食品经营许可（新办）"])
        #expect(food.region.rawValue == "511602000000")
        #expect(food.codes.basic == "511A0138000000")
        #expect(food.type == ItemType(rawValue: "01"))
        #expect(food.level == .county)
        #expect(items["户外广告设施设置审批"]?.serviceObjects == [.enterprise])
        #expect(food.statutoryLimit == TimeLimit(20, .workingDays) && food.promisedLimit == TimeLimit(5, .workingDays))
        #expect(food.serviceObjects == [.enterprise, .individualBusiness])
        #expect(food.materials.map(\.name) == ["食品经营许可申请书", "营业执照（副本、复印件）", "法定代表人身份证明"])
        #expect(food.contact.address == "广安区政务服务中心二楼B区")
        #expect(food.legalBasis.map(\.law) == ["中华人民共和国食品安全法"])
        #expect(food.legalBasis.first?.text == "", "a citation alone has no text besides it")
        #expect(items["户外广告设施设置审批"]?.visits == 1)
        let sign = items["户外广告设施设置审批"]?.legalBasis.first
        #expect(sign?.article == "第十一条第一款" && sign?.text == "设置大型户外广告，应当经市容环境卫生行政主管部门同意。")
        #expect(items["户外广告设施设置审批"]?.type == ItemType(rawValue: "01"), "许可 as lists abbreviate 行政许可")
        let pension = try #require(items["城乡居民基本养老保险参保登记"])
        #expect(pension.handling == .immediate && pension.statutoryLimit == nil)
        #expect(pension.visits == 0, "零跑动")
        #expect(pension.materials.map(\.name) == ["居民身份证", "户口簿"])
        #expect(pension.online.depth == .fullyOnline && pension.crossRegion?.scope == .city)
        #expect(pension.contact.complaintPhoneNumbers.first?.number == "0826-2233446")
        #expect(
            report.diagnostics.contains {
                $0.sheet == "行政许可" && $0.row == 3 && $0.field == "region" && $0.rule == "import.value.derived"
            })
        #expect(
            report.diagnostics.contains {
                $0.row == 3 && $0.field == "body.nature" && $0.rule == "import.value.defaulted"
            })
    }

    /// Without a region column, a code that carries no region leaves the row rejected, saying what to add.
    @Test func aListWithoutRegionsNeedsACodeThatCarriesThem() throws {
        var rows = Self.services
        rows[1][2] = "11511602MB153270884000117004000"
        let book = try ImportTestSupport.workbook(sheets: [("Sheet1", Self.sheet(rows))])
        let result = try Self.importer(codeProfile: "national").read(
            sources: [book], loader: ImportTestSupport.loader())
        #expect(result.report.rejected == 1)
        #expect(
            result.report.diagnostics.contains {
                $0.field == "region" && $0.rule == "import.row.rejected" && $0.message.contains("加一列行政区划")
            })
        rows[0].append("行政区划")
        rows[1].append("511602")
        let withRegion = try ImportTestSupport.workbook(sheets: [("Sheet1", Self.sheet(rows))])
        let imported = try Self.importer(codeProfile: "national").read(
            sources: [withRegion], loader: ImportTestSupport.loader())
        #expect(imported.report.imported == 1, "\(imported.report.diagnostics.map(\.description))")
        #expect(imported.items.first?.region.rawValue == "511602")
    }

    /// A group header merged over two columns with the parts beneath ("办理时限" over "法定", "承诺"): the parts
    /// name the columns, read with the group where only that is a known header, and the second row is no record.
    @Test func aTwoRowHeaderNamesItsColumnsByTheirParts() throws {
        let top = [
            "事项名称", "事项类型", "实施编码", "实施主体", "办理时限", "", "到现场次数", "是否网办", "咨询电话", "服务对象", "行政区划",
            "材料", "",
        ]
        let parts = ["", "", "", "", "法定", "承诺", "", "", "", "", "", "名称", "份数"]
        let item = [
            "食品经营许可（新办）", "行政许可", "11511602MB153270884000117004000", "广安区行政审批局", "20个工作日",
            "5个工作日", "0", "是", "0826-2345678", "企业", "511602", "食品经营许可申请书", "1",
        ]
        let merges = [
            "A1:A2", "B1:B2", "C1:C2", "D1:D2", "E1:F1", "G1:G2", "H1:H2", "I1:I2", "J1:J2", "K1:K2", "L1:M1",
        ]
        let body =
            Self.sheet([top, parts, item]).replacingOccurrences(of: "<is><t></t></is>", with: "<is><t/></is>")
            + "<mergeCells>\(merges.map { "<mergeCell ref=\"\($0)\"/>" }.joined())</mergeCells>"
        let book = try ImportTestSupport.workbook(sheets: [("Sheet1", body)])
        let result = try Self.importer(codeProfile: "national").read(
            sources: [book], loader: ImportTestSupport.loader())
        #expect(
            result.report.rows == 1 && result.report.imported == 1, "\(result.report.diagnostics.map(\.description))")
        let food = try #require(result.items.first)
        #expect(food.statutoryLimit == TimeLimit(20, .workingDays))
        #expect(food.promisedLimit == TimeLimit(5, .workingDays))
        let renamed = result.report.diagnostics.filter { $0.row == 2 && $0.rule == "import.xlsx.header" }
        #expect(renamed.map(\.column) == ["E", "F", "L", "M"])
        #expect(renamed.first?.message.contains("读作列“法定办理时限”") == true)
        // "名称" and "份数" under "材料" are no columns the profile knows: reported as unknown, not read as data.
        #expect(!result.report.diagnostics.contains { $0.row == 2 && $0.rule == "import.row.rejected" })
    }

    /// One material per row beneath item cells merged down (or left blank): the rows join the item above.
    @Test(arguments: [true, false])
    func rowsOfOneMaterialEachJoinTheirItem(merged: Bool) throws {
        let header = ["事项名称", "事项类型", "实施编码", "实施主体", "承诺时限", "到现场次数", "是否网办", "服务对象", "行政区划", "申请材料", "序号"]
        let food = [
            "食品经营许可（新办）", "行政许可", "11511602MB153270884000117004000", "广安区行政审批局", "5个工作日", "0", "是",
            "企业", "511602", "食品经营许可申请书", "1",
        ]
        let sign = [
            "户外招牌设置", "行政许可", "11511602MB153270884000117005000", "广安区行政审批局", "3个工作日", "1", "是",
            "企业", "511602", "户外招牌设置申请表", "1",
        ]
        func below(_ material: String, _ number: String) -> [String] {
            merged ? [] : ["", "", "", "", "", "", "", "", "", material, number]
        }
        var rows = [header, food, below("营业执照", "2"), below("法定代表人身份证明（原件、复印件）", "3"), sign, below("设计效果图", "2")]
        var merges: [String] = []
        if merged {
            let columns = Array("ABCDEFGHI")
            rows[2] = Array(repeating: "", count: 9) + ["营业执照", "2"]
            rows[3] = Array(repeating: "", count: 9) + ["法定代表人身份证明（原件、复印件）", "3"]
            rows[5] = Array(repeating: "", count: 9) + ["设计效果图", "2"]
            merges = columns.map { "\($0)2:\($0)4" } + columns.map { "\($0)5:\($0)6" }
        }
        let body =
            Self.sheet(rows).replacingOccurrences(of: "<is><t></t></is>", with: "<is><t/></is>")
            + (merges.isEmpty ? "" : "<mergeCells>\(merges.map { "<mergeCell ref=\"\($0)\"/>" }.joined())</mergeCells>")
        let book = try ImportTestSupport.workbook(sheets: [("办事指南", body)])
        let result = try Self.importer(codeProfile: "national").read(
            sources: [book], loader: ImportTestSupport.loader())
        let report = result.report
        #expect(
            report.rows == 2 && report.imported == 2 && report.rejected == 0, "\(report.diagnostics.map(\.description))"
        )
        let items = Dictionary(uniqueKeysWithValues: result.items.map { ($0.name, $0) })
        #expect(items["食品经营许可（新办）"]?.materials.map(\.name) == ["食品经营许可申请书", "营业执照", "法定代表人身份证明（原件、复印件）"])
        #expect(items["户外招牌设置"]?.materials.map(\.name) == ["户外招牌设置申请表", "设计效果图"])
        let continued = report.diagnostics.filter { $0.rule == "import.source.continuation" }
        #expect(continued.map(\.row) == [3, 4, 6])
        #expect(continued.allSatisfy { $0.severity == (merged ? .note : .warning) }, "blank item cells are a warning")
        #expect(report.continuationRows == 3)
    }

    /// A later row repeating an item's code with another value under the item's fields is a duplicate, not a
    /// continuation.
    @Test func aRowWithOtherItemValuesIsNoContinuation() throws {
        let header = ["事项名称", "事项类型", "实施编码", "实施主体", "承诺时限", "到现场次数", "是否网办", "服务对象", "行政区划", "申请材料"]
        let item = [
            "食品经营许可（新办）", "行政许可", "11511602MB153270884000117004000", "广安区行政审批局", "5个工作日", "0", "是",
            "企业", "511602", "食品经营许可申请书",
        ]
        var again = item
        again[4] = "3个工作日"
        again[9] = "营业执照"
        // The same code written again (not merged down) with only another material is a duplicate too.
        var repeated = item
        repeated[9] = "营业执照"
        for second in [again, repeated] {
            let book = try ImportTestSupport.workbook(sheets: [("Sheet1", Self.sheet([header, item, second]))])
            let result = try Self.importer(codeProfile: "national").read(
                sources: [book], loader: ImportTestSupport.loader())
            #expect(result.report.rows == 2 && result.report.imported == 1 && result.report.rejected == 1)
            #expect(result.report.diagnostics.contains { $0.row == 3 && $0.message.contains("重复") })
            #expect(result.items.first?.materials.map(\.name) == ["食品经营许可申请书"])
        }
    }

    /// A group header written once over a blank header cell (not merged) spans the parts beneath it; a column of
    /// values under no header is reported with its rows, not dropped silently.
    @Test func anUnmergedGroupSpansItsPartsAndAHeaderlessColumnIsReported() throws {
        let top = ["事项名称", "事项类型", "实施编码", "实施主体", "办理时限", "", "到现场次数", "是否网办", "服务对象", "行政区划", ""]
        let parts = ["", "", "", "", "法定", "承诺", "", "", "", "", ""]
        let item = [
            "食品经营许可（新办）", "行政许可", "11511602MB153270884000117004000", "广安区行政审批局", "20个工作日",
            "5个工作日", "0", "是", "企业", "511602", "已核验",
        ]
        let body = Self.sheet([
            top, parts, item, item.enumerated().map { $0.offset == 2 ? "11511602MB153270884000117005000" : $0.element },
        ])
        .replacingOccurrences(of: "<is><t></t></is>", with: "<is><t/></is>")
        let book = try ImportTestSupport.workbook(sheets: [("Sheet1", body)])
        let result = try Self.importer(codeProfile: "national").read(
            sources: [book], loader: ImportTestSupport.loader())
        #expect(
            result.report.rows == 2 && result.report.imported == 2, "\(result.report.diagnostics.map(\.description))")
        #expect(result.items.allSatisfy { $0.promisedLimit == TimeLimit(5, .workingDays) })
        #expect(result.items.allSatisfy { $0.statutoryLimit == TimeLimit(20, .workingDays) })
        let unread = result.report.diagnostics.filter { $0.rule == "import.source.headerless-column" }
        #expect(unread.map(\.column) == ["K"])
        #expect(unread.first?.message.contains("其中 2 行的值未导入（首见第 3 行）") == true)
    }

    /// A pattern reads only the sheets meant as data: not a hidden older version, not an example sheet with the same
    /// header, not a note sheet that names only 序号 and 备注; each sheet read or skipped is said.
    @Test func hiddenExampleAndNoteSheetsAreNotRead() throws {
        var old = Self.licences
        old[2][7] = "10个工作日"
        let example = [Self.licences[1], ["1", "XX许可（示例）"] + Array(Self.licences[2].dropFirst(2))]
        let book = try ImportTestSupport.workbook(
            sheets: [
                ("2019版", Self.sheet(old)), ("行政许可", Self.sheet(Self.licences)), ("填报示例", Self.sheet(example)),
                ("修订记录", Self.sheet([["序号", "修订内容", "备注"], ["1", "新增户外广告事项", "无"]])),
            ], hidden: ["2019版"])
        let result = try Self.importer(codeProfile: "sichuan").read(
            sources: [book], loader: ImportTestSupport.loader())
        #expect(
            result.report.rows == 2 && result.report.imported == 2, "\(result.report.diagnostics.map(\.description))")
        #expect(result.items.first { $0.name == "食品经营许可（新办）" }?.promisedLimit == TimeLimit(5, .workingDays))
        let read = result.report.diagnostics.filter { $0.rule == "import.source.sheet-read" }
        #expect(read.map(\.sheet) == ["行政许可"])
        let sheets = result.report.diagnostics.filter { $0.rule == "import.source.sheet-skipped" }
        #expect(sheets.map(\.sheet) == ["2019版", "填报示例", "修订记录"])
        #expect(sheets[0].message.contains("隐藏") && sheets[1].message.contains("示例"))
    }

    @Test func aWorkbookWithoutAFittingSheetIsRefusedNamingItsSheets() throws {
        let book = try ImportTestSupport.workbook(sheets: [
            ("说明", Self.sheet([["填表说明"]])), ("统计", Self.sheet([["部门", "数量"], ["市场监管局", "12"]])),
        ])
        #expect {
            _ = try Self.importer(codeProfile: "national").read(sources: [book], loader: ImportTestSupport.loader())
        } throws: { error in
            let message = (error as? ImportError)?.message ?? ""
            return message.contains("excel-list") && message.contains("说明、统计")
        }
    }
}
