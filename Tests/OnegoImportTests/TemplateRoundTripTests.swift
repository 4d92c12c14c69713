import Foundation
import OnegoAudit
import OnegoBase
import OnegoCatalog
import OnegoImport
import OnegoTestSupport
import Testing

@Suite struct TemplateRoundTripTests {
    @Test func sampleCatalogComesBackEqualThroughTheWorkbook() throws {
        let loaded = try ImportTestSupport.loader().load(paths: [Fixtures.sampleItems])
        #expect(!loaded.diagnostics.containsErrors)
        let folder = try Fixtures.temporaryDirectory()
        let workbook = folder + "/yunxi.xlsx"
        try TemplateWorkbook.write(loaded.catalog.items, to: workbook)
        let report = try ImportTestSupport.importer("template").run(
            sources: [workbook], outputDirectory: folder + "/catalog")
        #expect(report.rows == 176)
        #expect(report.imported == 176)
        #expect(report.rejected == 0)
        #expect(report.diagnostics.filter { $0.severity != .note }.isEmpty)
        let back = try ImportTestSupport.loader().load(paths: [folder + "/catalog"])
        #expect(!back.diagnostics.containsErrors)
        let before = ImportTestSupport.comparable(loaded.catalog.items)
        let after = ImportTestSupport.comparable(back.catalog.items)
        #expect(ImportTestSupport.difference(before, after) == nil)
        #expect(back.catalog.departments.count == loaded.catalog.departments.count)
    }

    @Test func sampleAuditFiguresAreTheSameAfterTheRoundTrip() throws {
        let loaded = try ImportTestSupport.loader().load(paths: [Fixtures.sampleItems])
        let folder = try Fixtures.temporaryDirectory()
        try TemplateWorkbook.write(loaded.catalog.items, to: folder + "/yunxi.xlsx")
        _ = try ImportTestSupport.importer("template").run(
            sources: [folder + "/yunxi.xlsx"], outputDirectory: folder + "/catalog")
        let back = try ImportTestSupport.loader().load(paths: [folder + "/catalog"])
        let today = try #require(CalendarDay(iso: "2026-11-21"))
        let before = Auditor().audit(loaded, today: today)
        let after = Auditor().audit(back, today: today)
        // Files are per department after the import, so items come in another order: compare figures, not order.
        let ratios = { (r: AuditReport) -> [String] in r.rates.map { "\($0.id) \($0.ratio) \($0.excluded.count)" } }
        #expect(ratios(before) == ratios(after))
        #expect(before.crossRegion == after.crossRegion)
        #expect(before.regionalVariation == after.regionalVariation)
        let blank = { (c: CompressionFigures) -> [String] in
            c.items.map { "\($0.item) \($0.rate ?? -1) \($0.exclusion ?? "")" }
        }
        #expect(blank(before.compression).sorted() == blank(after.compression).sorted())
        let findings = { (r: AuditReport) -> [String] in
            r.findings.map { "\($0.rule) \($0.item ?? "") \($0.message)" }.sorted()
        }
        #expect(findings(before) == findings(after))
        #expect(before.findings.count > 0)
    }

    @Test(arguments: [1, 7, 42, 2026, 4_400_106, 511_602])
    func generatedCatalogsComeBackEqual(seed: UInt64) throws {
        var generator = SplitMix64(seed: seed)
        let items = (0..<25).map { GeneratedItems.item($0, using: &generator) }
        let folder = try Fixtures.temporaryDirectory()
        try TemplateWorkbook.write(items, to: folder + "/generated.xlsx")
        let importer = try ImportTestSupport.importer("template")
        let result = try importer.read(sources: [folder + "/generated.xlsx"], loader: try ImportTestSupport.loader())
        #expect(
            result.report.rejected == 0,
            "\(result.report.diagnostics.filter { $0.severity == .error }.map(\.description))")
        #expect(
            ImportTestSupport.difference(
                ImportTestSupport.comparable(items), ImportTestSupport.comparable(result.items)) == nil)
    }

    @Test func templateHasTheExampleRowAndImportsIt() throws {
        let folder = try Fixtures.temporaryDirectory()
        try TemplateWorkbook.write([TemplateExample.item], to: folder + "/template.xlsx")
        let names = try XLSXReader().sheetNames(path: folder + "/template.xlsx", source: "template.xlsx")
        #expect(names == ["事项", "材料", "结果", "收费", "代码表"])
        let result = try ImportTestSupport.importer("template").read(
            sources: [folder + "/template.xlsx"], loader: try ImportTestSupport.loader())
        #expect(result.report.imported == 1)
        #expect(
            ImportTestSupport.difference(
                ImportTestSupport.comparable([TemplateExample.item]), ImportTestSupport.comparable(result.items)) == nil
        )
    }

    @Test func openpyxlReadsTheTemplateWithItsDropDowns() throws {
        let check = Process()
        check.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        check.arguments = ["python3", "-c", "import openpyxl"]
        check.standardError = FileHandle.nullDevice
        try check.run()
        check.waitUntilExit()
        guard check.terminationStatus == 0 else {
            print("openpyxl 未安装（.ci/setup 会安装），跳过")
            return
        }
        let folder = try Fixtures.temporaryDirectory()
        let path = folder + "/template.xlsx"
        try TemplateWorkbook.write([TemplateExample.item], to: path)
        let script = """
            import openpyxl, sys
            wb = openpyxl.load_workbook(sys.argv[1])
            ws = wb["事项"]
            headers = [c.value for c in ws[1]]
            row = {h: c.value for h, c in zip(headers, ws[2])}
            lists = [dv.formula1 for dv in ws.data_validations.dataValidation]
            print(wb.sheetnames)
            print(row["事项名称"], row["承诺办结时限"], row["事项类型"])
            print(len(lists), lists[0])
            print(wb["材料"].max_row - 1)
            """
        let run = Process()
        let pipe = Pipe()
        run.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        run.arguments = ["python3", "-c", script, path]
        run.standardOutput = pipe
        try run.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        run.waitUntilExit()
        #expect(run.terminationStatus == 0)
        let lines = output.split(separator: "\n").map(String.init)
        #expect(lines.first == "['事项', '材料', '结果', '收费', '代码表']")
        #expect(lines.dropFirst().first == "食品经营许可（新办） 5个工作日 01")
        #expect(lines.dropFirst(2).first?.hasSuffix("'代码表'!$A$2:$A$13") == true)
        #expect(lines.last == "3")
    }
}

/// Random but schema-valid items: every optional field sometimes present, text with XML-special characters.
enum GeneratedItems {
    static let names = ["食品经营许可（新办）", "二级建造师执业资格注册", "失业保险金申领", "社会团体成立登记", "A&B <测试> \"引号\""]
    static let departments = ["广州市天河区市场监督管理局", "广东省住房和城乡建设厅", "广州市人力资源和社会保障局"]
    static let bodies = ["11440106MB2D033225", "11440000006939795C", "11440100007502210F"]

    static func item(_ index: Int, using g: inout SplitMix64) -> ServiceItem {
        let body = Int.random(in: 0..<3, using: &g)
        let basic = String(format: "%012d", 117_000_000 + index)
        let level = Level.allCases.randomElement(using: &g) ?? .county
        let implementation = bodies[body] + String(level.rawValue) + basic
        let limitUnits = TimeUnit.allCases
        func limit() -> TimeLimit {
            TimeLimit(
                Double(Int.random(in: 0...400, using: &g)) / 2, limitUnits.randomElement(using: &g) ?? .workingDays,
                note: Bool.random(using: &g) ? "不含专家评审时间" : nil)
        }
        let materials = (0..<Int.random(in: 0...3, using: &g)).map { n in
            Material(
                name: "材料\(n)：\(names.randomElement(using: &g) ?? "")",
                type: MaterialType.allCases.randomElement(using: &g) ?? .other,
                form: MaterialForm.allCases.randomElement(using: &g) ?? .paper,
                necessity: Necessity.allCases.randomElement(using: &g) ?? .required,
                source: MaterialSource.allCases.randomElement(using: &g) ?? .applicant,
                originals: Int.random(in: 0...3, using: &g),
                copies: Int.random(in: 0...3, using: &g), isKey: Bool.random(using: &g),
                issuer: Bool.random(using: &g) ? "公安机关" : nil, eLicence: Bool.random(using: &g) ? "居民身份证" : nil,
                supplyDays: Bool.random(using: &g) ? 5 : nil, note: Bool.random(using: &g) ? "第一行\n第二行" : nil)
        }
        // Valid catalogs only: the promise never exceeds the statutory limit (same unit). One in five promises is
        // 未公布; 办理地点 and 办理时间 are each given, 无线下窗口 or 未公布.
        let promised = limit()
        let isPromisePublished = Int.random(in: 0..<5, using: &g) != 0
        let venues: [VenueState?] = [nil, .noWindow, .notPublished]
        let addressState = venues.randomElement(using: &g) ?? nil
        let hoursState = venues.randomElement(using: &g) ?? nil
        let statutory =
            Bool.random(using: &g)
            ? TimeLimit(promised.value + Double(Int.random(in: 0...20, using: &g)), promised.unit, note: "依据行政许可法")
            : nil
        return ServiceItem(
            codes: ItemCodes(
                basic: basic, implementation: implementation,
                handling: Bool.random(using: &g) ? implementation + String(format: "%02d", index % 100) : nil),
            name: names[index % names.count] + "\(index)",
            type: ItemType(rawValue: ["01", "07", "10", "20"].randomElement(using: &g) ?? "01"),
            level: level, region: RegionCode(Bool.random(using: &g) ? "440106" : "440106001002"),
            handling: HandlingKind.allCases.randomElement(using: &g) ?? .promised, department: departments[body],
            implementingBody: ImplementingBody(
                name: departments[body], creditCode: CreditCode(bodies[body]),
                nature: BodyNature.allCases.randomElement(using: &g) ?? .statutory),
            serviceObjects: Array(ServiceObject.allCases.shuffled(using: &g).prefix(Int.random(in: 1...3, using: &g))),
            legalBasis: Bool.random(using: &g)
                ? [LegalProvision(law: "中华人民共和国行政许可法", article: "第四十二条", text: "二十日内作出决定，可以延长十日。")] : [],
            conditions: Bool.random(using: &g) ? "符合条件，\n且材料齐全" : nil,
            statutoryLimit: statutory, promisedLimit: isPromisePublished ? promised : nil,
            specialProcedures: Bool.random(using: &g)
                ? [
                    SpecialProcedure(
                        kind: .hearing, limit: Bool.random(using: &g) ? TimeLimit(20, .naturalDays) : nil,
                        note: "听证时间不计入")
                ] : [],
            visits: Int.random(in: 0...3, using: &g), visitReason: Bool.random(using: &g) ? "须现场核验原件" : nil,
            online: OnlineService(
                isAvailable: Bool.random(using: &g),
                depth: OnlineDepth.allCases.randomElement(using: &g) ?? .information,
                url: Bool.random(using: &g) ? "https://www.gdzwfw.gov.cn/?a=1&b=2" : nil),
            handlingForms: Array(HandlingForm.allCases.shuffled(using: &g).prefix(Int.random(in: 1...3, using: &g))),
            crossRegion: Bool.random(using: &g) ? CrossRegion(scope: .city, mode: .proxy, regions: "广佛") : nil,
            fee: Bool.random(using: &g)
                ? Fee(isCharged: true, items: [FeeItem(name: "工本费", standard: "10元/本", basis: "粤价〔2006〕1号")]) : Fee(),
            modes: HandlingModes(
                isInstantApproval: Bool.random(using: &g), isInstantDeclaration: Bool.random(using: &g),
                isPromiseBased: Bool.random(using: &g), isCertificateFree: Bool.random(using: &g)),
            materials: materials,
            results: Bool.random(using: &g)
                ? [ItemResult(name: "许可证", type: .licence, eLicence: "许可证", validity: "5年")] : [],
            steps: Bool.random(using: &g)
                ? [ProcessStep(name: "受理", limit: TimeLimit(1, .workingDays), role: "窗口")] : [],
            contact: Contact(
                address: addressState == nil ? "广州市天河区天河北路906号" : "",
                hours: hoursState == nil ? "周一至周五 9:00-17:00" : "", phone: "020-38356454-1", complaintPhone: "12345",
                addressState: addressState, hoursState: hoursState),
            details: Bool.random(using: &g)
                ? PublishedDetails(
                    levels: [.provincial, .municipal, .county],
                    jointDepartments: [JointDepartment(name: "市级司法", role: "受理,审核")],
                    aliases: ["办证"], keywords: ["餐饮", "食品"], appointmentURL: "https://www.gdzwfw.gov.cn/booking")
                : PublishedDetails())
    }
}
