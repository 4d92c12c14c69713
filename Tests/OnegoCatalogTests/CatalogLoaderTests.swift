import Foundation
import OnegoBase
import OnegoCatalog
import OnegoTestSupport
import Testing

@Suite struct CatalogLoaderTests {
    let loader: CatalogLoader

    init() throws {
        loader = try CatalogLoader.validating(schemaPath: Fixtures.path("Schemas/catalog.xsd"))
    }

    @Test func loadsEveryFieldOfAnItem() throws {
        let result = loader.load(paths: [Fixtures.fixture("minimal.xml")])
        #expect(result.diagnostics.isEmpty)
        let item = try #require(result.catalog.items.first)
        #expect(item.name == "企业设立登记")
        #expect(item.id == "11440188MB2C9023XA4000101001000001")
        #expect(item.codes.basic == "000101001000")
        #expect(item.type.label == "行政许可")
        #expect(item.level == .county)
        #expect(item.handling == .promised)
        #expect(item.implementingBody.creditCode.rawValue == "11440188MB2C9023XA")
        #expect(item.implementingBody.nature == .statutory)
        #expect(item.serviceObjects == [.legalPerson])
        #expect(item.legalBasis.first?.law == "中华人民共和国市场主体登记管理条例")
        #expect(item.legalBasis.first?.article == "第三条")
        #expect(item.statutoryLimit == TimeLimit(3, .workingDays))
        #expect(item.promisedLimit?.value == 0.5)
        #expect(item.promisedLimit?.note?.hasPrefix("材料齐全") == true)
        #expect(item.visits == 0)
        #expect(item.online == OnlineService(isAvailable: true, depth: .fullyOnline, url: "https://www.gdzwfw.gov.cn/"))
        #expect(item.handlingForms == [.online, .window])
        #expect(item.crossRegion == CrossRegion(scope: .nationwide, mode: .fullyOnline))
        #expect(item.modes.isInstantDeclaration && item.modes.isCertificateFree && !item.modes.isInstantApproval)
        #expect(item.materials.count == 5)
        #expect(item.isFaultTolerant)
        let later = try #require(item.materials.first { $0.allowsLaterSupply })
        #expect(later.supplyDays == 5)
        #expect(later.note == "可于领取营业执照后5个工作日内补交。")
        #expect(later.location.line == 25)
        #expect(item.materials[2].eLicence == "居民身份证")
        #expect(item.materials[2].source == .government)
        #expect(
            item.results == [
                ItemResult(
                    name: "营业执照", type: .licence, eLicence: "营业执照", validity: "长期", delivery: "电子营业执照即时发放，纸质执照可邮寄")
            ])
        #expect(item.steps.map(\.name) == ["受理", "审查", "决定", "送达"])
        #expect(item.contact.complaintPhone == "020-12345")
        #expect(item.location == OnegoBase.SourceLocation(file: Fixtures.fixture("minimal.xml"), line: 3, column: 3))
    }

    @Test func promiseOverStatutoryIsAnErrorAtTheItem() throws {
        let path = try Fixtures.variant(
            of: "minimal.xml", [("<promisedLimit value=\"0.5\"", "<promisedLimit value=\"25\"")])
        let result = loader.load(paths: [path])
        let diagnostic = try #require(result.diagnostics.first)
        #expect(result.diagnostics.count == 1)
        #expect(diagnostic.rule == "catalog.promise-exceeds-statutory")
        #expect(diagnostic.message.contains("承诺时限（25个工作日）超过法定时限（3个工作日）"))
        #expect(diagnostic.location?.line == 3 && diagnostic.location?.column == 3)
    }

    @Test func badCreditCodeIsAnError() throws {
        let path = try Fixtures.variant(
            of: "minimal.xml", [("uscc=\"11440188MB2C9023XA\"", "uscc=\"11440188MB2C9023XB\"")])
        let rules = loader.load(paths: [path]).diagnostics.map(\.rule)
        #expect(rules.contains("catalog.uscc"))
        // The implementation code no longer matches the (wrong) USCC either.
        #expect(rules.contains("catalog.implementation-code"))
    }

    @Test func implementationCodeMismatchIsAWarning() throws {
        let path = try Fixtures.variant(
            of: "minimal.xml",
            [
                (
                    "implementationCode=\"11440188MB2C9023XA4000101001000\"",
                    "implementationCode=\"11440188MB2C9023XA3000101001000\""
                )
            ])
        let result = loader.load(paths: [path])
        let rules = result.diagnostics.map(\.rule)
        #expect(rules.contains("catalog.implementation-code"))
        #expect(result.diagnostics.first { $0.rule == "catalog.implementation-code" }?.severity == .warning)
        #expect(!result.diagnostics.containsErrors)
    }

    @Test func regionCodeMustBeAProvinceCode() throws {
        let path = try Fixtures.variant(
            of: "minimal.xml", [("level=\"4\" region=\"440188\"", "level=\"4\" region=\"990188\"")])
        #expect(loader.load(paths: [path]).diagnostics.map(\.rule) == ["catalog.region-code"])
    }

    @Test func duplicateCodesAcrossFilesNameBothPlaces() throws {
        let directory = try Fixtures.temporaryDirectory()
        let text = try Fixtures.text("minimal.xml")
        let first = try Fixtures.write(text, to: "a.xml", in: directory)
        let second = try Fixtures.write(
            "\n\n" + text.replacingOccurrences(of: "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", with: ""),
            to: "b.xml", in: directory)
        let result = loader.load(paths: [directory])
        let duplicate = try #require(result.diagnostics.first { $0.rule == "catalog.duplicate-code" })
        #expect(duplicate.location == OnegoBase.SourceLocation(file: second, line: 4, column: 3))
        #expect(duplicate.related == [OnegoBase.SourceLocation(file: first, line: 3, column: 3)])
        #expect(result.catalog.files.count == 2)
    }

    @Test func schemaErrorsCarryExactPositions() throws {
        let path = try Fixtures.variant(of: "minimal.xml", [("necessity=\"容缺后补\"", "necessity=\"可选\"")])
        let diagnostic = try #require(loader.load(paths: [path]).diagnostics.first)
        #expect(diagnostic.rule == "xml.schema")
        #expect(diagnostic.location?.line == 25)
        #expect(diagnostic.location?.column == 7)
        #expect(diagnostic.message.contains("necessity"))
    }

    @Test func trustedLoadReportsBadValuesInsteadOfCrashing() throws {
        let path = try Fixtures.variant(
            of: "minimal.xml",
            [("<visits count=\"0\"/>", "<visits count=\"很多\"/>"), ("type=\"2\" form", "type=\"9\" form")])
        let result = CatalogLoader(schema: nil).load(paths: [path])
        #expect(result.diagnostics.filter { $0.rule == "catalog.value" }.count == 3)
        #expect(result.catalog.items.count == 1)
    }

    @Test func otherOnegoDocumentsInAFolderAreSkippedButNamedFilesAreNot() throws {
        let directory = try Fixtures.temporaryDirectory()
        try Fixtures.write(try Fixtures.text("minimal.xml"), to: "items.xml", in: directory)
        let matter = try Fixtures.write(
            "<?xml version=\"1.0\"?>\n<matter xmlns=\"urn:onego:matter:1\"/>\n", to: "matter.xml", in: directory)
        let folder = loader.load(paths: [directory])
        #expect(folder.diagnostics.isEmpty)
        #expect(folder.skippedFiles == [matter])
        let named = loader.load(paths: [matter])
        #expect(named.diagnostics.first?.rule == "catalog.root")
    }

    @Test func pathsThatHoldNoCatalogSaySo() throws {
        let empty = try Fixtures.temporaryDirectory()
        #expect(loader.load(paths: [empty]).diagnostics.first?.rule == "io.no-catalog")
        #expect(
            loader.load(paths: ["/nonexistent/catalog"]).diagnostics.first?.message
                == "文件不存在（No such file or directory）")
    }

    @Test func symlinkLoopsAreReportedNotFollowedForever() throws {
        let directory = try Fixtures.temporaryDirectory()
        try Fixtures.write(try Fixtures.text("minimal.xml"), to: "items.xml", in: directory)
        try FileManager.default.createSymbolicLink(atPath: directory + "/self", withDestinationPath: directory)
        try FileManager.default.createSymbolicLink(
            atPath: directory + "/loop.xml", withDestinationPath: directory + "/loop.xml")
        let result = loader.load(paths: [directory])
        #expect(result.catalog.items.count == 1)
        #expect(result.diagnostics.contains { $0.rule == "io.read" && $0.message.contains("循环") })
    }

    @Test(arguments: [
        ("wrong-root.xml", "catalog.root"), ("wrong-namespace.xml", "catalog.root"),
        ("no-namespace.xml", "catalog.root"),
        ("empty.xml", "xml.empty"), ("binary.xml", "xml.not-xml"), ("xxe-file.xml", "xml.doctype"),
        ("gb18030-mislabelled.xml", "xml.encoding"), ("truncated.xml", "xml.syntax"),
    ])
    func brokenFilesGetASpecificFirstDiagnostic(_ name: String, _ rule: RuleID) {
        let result = loader.load(paths: [Fixtures.fixture("hostile/" + name)])
        #expect(result.diagnostics.first?.rule == rule)
        #expect(result.catalog.items.isEmpty)
    }

    @Test func gb18030CatalogLoadsTheSameItem() throws {
        let utf8 = loader.load(paths: [Fixtures.fixture("minimal.xml")]).catalog.items
        let gbk = loader.load(paths: [Fixtures.fixture("hostile/gb18030-declared.xml")])
        #expect(gbk.diagnostics.isEmpty)
        #expect(gbk.catalog.items.map(\.name) == utf8.map(\.name))
        #expect(
            gbk.catalog.items.first?.materials
                == utf8.first?.materials.map { material in
                    var copy = material
                    copy.location.file = Fixtures.fixture("hostile/gb18030-declared.xml")
                    return copy
                })
    }
}

@Suite struct OutOfRangeValueTests {
    @Test(arguments: [
        ("<promisedLimit value=\"0.5\"", "<promisedLimit value=\"-1\"", 13, "promisedLimit"),
        ("<promisedLimit value=\"0.5\"", "<promisedLimit value=\"1000000000000\"", 13, "promisedLimit"),
        ("<statutoryLimit value=\"3\"", "<statutoryLimit value=\"NaN\"", 12, "statutoryLimit"),
        ("<visits count=\"0\"/>", "<visits count=\"-1\"/>", 14, "visits"),
        (
            "originals=\"1\" copies=\"0\" key=\"true\" paperSize",
            "originals=\"100\" copies=\"0\" key=\"true\" paperSize", 22, "material"
        ),
    ])
    func validatedLoadRejectsOutOfRangeNumbersAtTheTag(_ old: String, _ new: String, _ line: Int, _ element: String)
        throws
    {
        let loader = try CatalogLoader.validating(schemaPath: Fixtures.path("Schemas/catalog.xsd"))
        let path = try Fixtures.variant(of: "minimal.xml", [(old, new)])
        let first = try #require(loader.load(paths: [path]).diagnostics.first)
        #expect(first.rule == "xml.schema")
        #expect(first.location?.line == line)
        #expect(first.message.contains(element))
    }

    @Test(arguments: ["-1", "1000000000000", "NaN", "1e3", "0x10"])
    func trustedLoadReportsOutOfRangeDaysInsteadOfKeepingThem(_ value: String) throws {
        let path = try Fixtures.variant(
            of: "minimal.xml", [("<promisedLimit value=\"0.5\"", "<promisedLimit value=\"\(value)\"")])
        let result = CatalogLoader(schema: nil).load(paths: [path])
        let bad = try #require(result.diagnostics.first { $0.rule == "catalog.value" })
        #expect(bad.location?.line == 13)
        #expect(result.catalog.items.first?.promisedLimit?.value != Double(value))
    }
}
