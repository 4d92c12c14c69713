import OnegoBase
import OnegoCatalog
import OnegoComposer
import OnegoTestSupport
import OnegoXML
import Testing

/// Bundles written from published matters (`Tests/Fixtures/published/README.md`): their published figures —
/// trips, promised limit, number of items — reproduce, and their material lists keep each person's documents apart.
@Suite struct PublishedBundleTests {
    let composer: Composer
    let matters: [Matter]

    static let itemFiles = [
        "items.xml", "items-company-startup-shanghai.xml", "items-retirement-beijing.xml",
        "items-company-deregistration.xml",
    ]

    init() throws {
        let loaded = try CatalogLoader.validating(schemaPath: Fixtures.schemas + "/catalog.xsd")
            .load(paths: Self.itemFiles.map { Fixtures.fixture("published/\($0)") })
        try #require(!loaded.diagnostics.containsErrors, "\(loaded.diagnostics)")
        let (matters, diagnostics) = try MatterLoader.validating(schemaPath: Fixtures.schemas + "/matter.xsd")
            .load(paths: [Fixtures.fixture("published/matters")])
        try #require(diagnostics.isEmpty, "\(diagnostics)")
        self.matters = matters
        composer = Composer(
            catalog: loaded.catalog, synonyms: try ComposerFixtures.synonyms(),
            calendar: try ComposerFixtures.calendar())
        let findings = MatterChecks.run(matters: matters, catalog: loaded.catalog, synonyms: composer.synonyms)
        try #require(!findings.containsErrors, "\(findings)")
    }

    func compose(_ code: String, _ answers: AnswerSet = AnswerSet()) throws -> Composition {
        let matter = try #require(matters.first { $0.code == code })
        return try composer.compose(matter: matter, answers: answers, accepted: CalendarDay(iso: "2026-03-02"))
    }

    func count(_ plan: Composition, _ disposition: MaterialDisposition) -> Int {
        plan.materials.count { $0.disposition == disposition }
    }

    @Test func propertyTransferWithAllUtilitiesIsOneTripThroughOneWindow() throws {
        let plan = try compose(
            "HZ-BDC-SDQ", AnswerSet([("utilities", "water"), ("utilities", "power"), ("utilities", "gas")]))
        #expect(plan.members.count == 5)
        #expect(plan.visits.before == 5 && plan.visits.after == 1)
        #expect(plan.promisedLimit.description == "1个工作日")
        #expect(plan.workingDays.criticalExact == Rational(1))
        #expect(plan.reductions.materials.before == 20 && plan.reductions.materials.after == 3)
        #expect(count(plan, .bring) == 3 && count(plan, .replaced) == 5)
        #expect(count(plan, .fetched) == 2 && count(plan, .produced) == 2)
        // The seller's and the buyer's ID cards are two lines, although one e-licence type replaces both.
        let ids = plan.materials.filter { $0.eLicence == "居民身份证" }
        #expect(ids.map(\.name) == ["居民身份证（出卖人）", "居民身份证（买受人）"])
        // The buyer's new certificate comes from the registration; the seller's old one is brought.
        let produced = try #require(plan.materials.first { $0.name == "不动产权证书（买受人）" })
        #expect(produced.disposition == .produced)
        #expect(plan.applicantMaterials.map(\.name).contains("原不动产权属证书（出卖人）"))
        // The tax return runs before the registration that needs its 契税完税凭证.
        #expect(plan.stages.first?.members == ["11330100MB0G5A7K2G3100401300100001"])
    }

    @Test func propertyTransferWithoutUtilitiesKeepsTheRegistrationTrip() throws {
        let plan = try compose("HZ-BDC-SDQ")
        #expect(plan.members.count == 2)
        #expect(plan.visits.before == 2 && plan.visits.after == 1)
        #expect(plan.reductions.materials.before == 11 && plan.reductions.materials.after == 3)
    }

    @Test func newbornBundleKeepsBothParentsDocumentsAndIsOneTrip() throws {
        let plan = try compose("ZJ-CSYJS")
        #expect(plan.members.count == 5)
        #expect(plan.visits.before == 3 && plan.visits.after == 1)
        #expect(plan.promisedLimit.description == "6个工作日")
        #expect(plan.workingDays.criticalExact == Rational(6))
        #expect(plan.reductions.materials.before == 17 && plan.reductions.materials.after == 4)
        #expect(
            plan.applicantMaterials.map(\.name) == [
                "新生儿出生“一件事”联办申请表", "居民身份证（母亲）", "居民身份证（父亲）", "新生儿免冠照片（新生儿）",
            ])
        #expect(count(plan, .produced) == 3 && count(plan, .fetched) == 2 && count(plan, .replaced) == 5)
        #expect(plan.steps.after == ["综合窗口一次申请", "接收邮寄送达的全部结果"])
        #expect(plan.due?.promised.description == "2026-03-10")
    }

    @Test func shanghaiCompanyStartUpIsOneDayWithNoTrip() throws {
        let plan = try compose("SH-QYKB", AnswerSet([("invoice", "是")]))
        #expect(plan.members.count == 5)
        // Published: licence within half a working day, everything within 1 working day, 0 trips (all posted).
        #expect(plan.members.first?.promised == Rational(1, 2))
        #expect(plan.workingDays.criticalExact == Rational(1))
        #expect(plan.promisedLimit.description == "1个工作日")
        #expect(plan.visits.before == 2 && plan.visits.after == 0)
        #expect(plan.steps.after == ["网上一次申请", "接收邮寄送达的全部结果"])
        #expect(plan.reductions.materials.before == 17 && plan.reductions.materials.after == 4)
        #expect(
            plan.applicantMaterials.map(\.name) == [
                "企业开办“一窗通”申请表", "公司章程", "法定代表人、董事、监事和经理的任职文件", "住所使用证明",
            ])
        // The licence is produced once and fetched by the four members behind it; three people's ID cards stay apart.
        let licence = try #require(plan.materials.first { $0.name == "营业执照" })
        #expect(licence.disposition == .produced && licence.usedBy.count == 4)
        #expect(
            plan.materials.filter { $0.eLicence == "居民身份证" }.map(\.name) == [
                "居民身份证（股东）", "居民身份证（法定代表人）", "居民身份证（经办人）",
            ])
        #expect(plan.due?.promised.description == "2026-03-03")
    }

    @Test func shanghaiCompanyStartUpWithoutInvoicesHasFourMembers() throws {
        let plan = try compose("SH-QYKB", AnswerSet([("invoice", "否")]))
        #expect(plan.members.count == 4)
        #expect(plan.visits.before == 1 && plan.visits.after == 0)
        #expect(plan.reductions.materials.after == 4)
    }

    @Test func beijingRetirementIsOneJointApplicationAtTheSocialInsuranceWindow() throws {
        let plan = try compose(
            "BJ-TX", AnswerSet([("fund", "是"), ("fileReviewed", "否"), ("onlyChild", "是")]))
        #expect(plan.members.count == 3)
        #expect(plan.visits.before == 3 && plan.visits.after == 1)
        #expect(plan.steps.before == 6 && plan.steps.after == ["综合窗口一次申请", "接收电子证照"])
        #expect(plan.promisedLimit.description == "10个工作日")
        #expect(plan.workingDays.criticalExact == Rational(10))
        #expect(plan.reductions.materials.before == 11 && plan.reductions.materials.after == 4)
        // The pension assessment flows to the medical-insurance and housing-fund members.
        let assessment = try #require(plan.materials.first { $0.name == "基本养老保险待遇核定表（退休人员）" })
        #expect(assessment.disposition == .produced && assessment.usedBy.count == 2)
        #expect(plan.stages.first?.members == ["11110000MB3A1F2Q3R2050100300100001"])
        #expect(plan.due?.promised.description == "2026-03-16")
    }

    @Test func beijingRetirementWithTheFileReviewedAndNoHousingFund() throws {
        let plan = try compose(
            "BJ-TX", AnswerSet([("fund", "否"), ("fileReviewed", "是"), ("onlyChild", "否")]))
        #expect(plan.members.count == 2)
        #expect(plan.visits.before == 2 && plan.visits.after == 1)
        #expect(plan.applicantMaterials.map(\.name) == ["退休“一件事”联办申请表"])
        #expect(plan.reductions.materials.before == 5 && plan.reductions.materials.after == 1)
    }

    @Test(arguments: [("simple", "全体投资人承诺书"), ("general", "清算报告")])
    func companyDeregistrationIsOnlineAndTheTaxClearanceFlows(procedure: String, document: String) throws {
        let plan = try compose("GZ-QYZX", AnswerSet([("procedure", procedure), ("customs", "是")]))
        #expect(plan.members.count == 4)
        #expect(plan.visits.before == 4 && plan.visits.after == 0)
        #expect(plan.steps.before == 8 && plan.steps.after.count == 2)
        #expect(plan.workingDays.criticalExact == Rational(1))
        #expect(plan.reductions.materials.before == 9 && plan.reductions.materials.after == 3)
        #expect(plan.applicantMaterials.map(\.name).contains(document))
        let clearance = try #require(plan.materials.first { $0.name == "清税证明" })
        #expect(clearance.disposition == .produced)
        // The tax clearance is issued on the spot, so it runs first and the registration decides within the day.
        #expect(plan.criticalPath == ["11440100MB4E5K6W733100400900100001", "11440100MB4D4J5U6P3010100100300001"])
        // The 20-day 简易注销 notice is not counted in the limits, but the plan names it.
        let deregistration = try #require(plan.member(code: "11440100MB4D4J5U6P3010100100300001"))
        #expect(deregistration.specialProcedureTexts == ["公示，20个自然日（不计入办结时限；简易注销公示期）"])
    }
}
