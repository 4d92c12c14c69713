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
        "items-company-deregistration.xml", "items-disability-services.xml", "items-transport-company.xml",
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
        // One step: the hospital's joint window takes everything and the results are posted.
        #expect(plan.steps.after == [.applyAtJointWindow])
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
        // Published “1 个环节”: applying online is the only step; the results are posted, which asks nothing of
        // the applicant (DOMAIN.md §11).
        #expect(plan.steps.after == [.applyOnline] && plan.reductions.steps.after == 1)
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
        #expect(plan.steps.before == 6 && plan.steps.after == [.applyAtJointWindow])
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
        #expect(plan.steps.before == 8 && plan.steps.after == [.applyOnline])
        #expect(plan.workingDays.criticalExact == Rational(1))
        #expect(plan.reductions.materials.before == 9 && plan.reductions.materials.after == 3)
        #expect(plan.applicantMaterials.map(\.name).contains(document))
        let clearance = try #require(plan.materials.first { $0.name == "清税证明" })
        #expect(clearance.disposition == .produced)
        // The tax clearance is issued on the spot, so it runs first and the registration decides within the day.
        #expect(plan.criticalPath == ["11440100MB4E5K6W733100400900100001", "11440100MB4D4J5U6P3010100100300001"])
        // The 20-day 简易注销 notice is not counted in the limits, but the plan names it.
        let deregistration = try #require(plan.member(code: "11440100MB4D4J5U6P3010100100300001"))
        let notice = try #require(deregistration.specialProcedures.first)
        #expect(deregistration.specialProcedures.count == 1 && notice.kind == .publicNotice)
        #expect(notice.limit?.description == "20个自然日" && notice.note == "简易注销公示期")
    }

    @Test func disabilityServicesIsOneApplicationAtTheTownWindowAndNamesTheAssessment() throws {
        let plan = try compose(
            "HZ-CJRFW",
            AnswerSet([("guardian", "是"), ("assistance", "是"), ("grade", "1"), ("birth", "1990-05-01")]))
        #expect(plan.members.count == 4)
        // Published: 4 trips → 1 (最多跑一次) at the town's joint window; the certificate is posted, so applying is
        // the applicant's only step.
        #expect(plan.visits.before == 4 && plan.visits.after == 1)
        #expect(plan.steps.before == 8 && plan.steps.after == [.applyAtJointWindow])
        #expect(plan.promisedLimit.description == "25个工作日")
        #expect(plan.workingDays.criticalExact == Rational(25))
        // The certificate flows to both subsidies; a written promise replaces the proof of the family's finances.
        let certificate = try #require(plan.materials.first { $0.name == "中华人民共和国残疾人证（申请人）" })
        #expect(certificate.disposition == .produced && certificate.usedBy.count == 2)
        let finances = try #require(plan.materials.first { $0.name.hasPrefix("家庭经济状况证明") })
        #expect(finances.isReplacedByPromise)
        // The applicant's and the guardian's ID cards are two lines, although one e-licence type replaces both.
        #expect(
            plan.materials.filter { $0.eLicence == "居民身份证" }.map(\.name) == ["居民身份证（申请人）", "居民身份证（监护人）"])
        #expect(plan.reductions.materials.before == 19 && plan.reductions.materials.after == 4)
        #expect(
            plan.applicantMaterials.map(\.name) == [
                "残疾人服务“一件事”联办申请表", "近期二寸免冠彩色照片（申请人）", "监护关系证明（监护人）", "本人银行账户（社会保障卡）（申请人）",
            ])
        // The assessment (残疾评定) is a special procedure: the due dates exclude it, and the member carries it.
        let assessment = try #require(plan.member(code: "11330106MB5A1B2C3E4200500100100001"))
        #expect(assessment.specialProcedures.map(\.kind) == [.appraisal])
        #expect(plan.due?.promised.description == "2026-04-07")
    }

    @Test func disabilityServicesSelectsBySubsidyGradeAndAge() throws {
        // Grade 3, aged 70, not on 低保: the certificate alone.
        let plan = try compose(
            "HZ-CJRFW",
            AnswerSet([("guardian", "否"), ("assistance", "否"), ("grade", "3"), ("birth", "1956-01-10")]))
        #expect(plan.members.map(\.name) == ["残疾人证新办"])
        #expect(plan.visits.before == 1 && plan.visits.after == 1)
        // Grade 2 and aged 16 on the day of acceptance: the care subsidy and the pension enrolment.
        let young = try compose(
            "HZ-CJRFW",
            AnswerSet([("guardian", "是"), ("assistance", "否"), ("grade", "2"), ("birth", "2010-03-02")]))
        #expect(young.members.map(\.name) == ["残疾人证新办", "重度残疾人护理补贴申领", "城乡居民基本养老保险参保登记"])
    }

    @Test func transportCompanyWithHeavyVehiclesIsOneOnlineApplication() throws {
        let plan = try compose("JN-KBYS", AnswerSet([("mass", "18000")]))
        #expect(plan.members.count == 4)
        // Published: no trip (全程网办, licences posted), one step; promised 7 working days.
        #expect(plan.visits.before == 2 && plan.visits.after == 0)
        #expect(plan.steps.after == [.applyOnline])
        #expect(plan.promisedLimit.description == "7个工作日")
        #expect(plan.workingDays.criticalExact == Rational(7))
        // Registration → freight licence → road transport certificates; the seal (1 natural day) runs beside.
        #expect(
            plan.criticalPath == [
                "11370100MB6A1B2C3E3010100100100001", "11370100MB6C3D4E553010600100100001",
                "11370100MB6C3D4E553010600200100001",
            ])
        let licence = try #require(plan.materials.first { $0.name.hasPrefix("道路运输经营许可证") })
        #expect(licence.disposition == .produced)
        let rules = try #require(plan.materials.first { $0.name.hasPrefix("安全生产管理制度文本") })
        #expect(rules.isReplacedByPromise)
        #expect(plan.reductions.materials.before == 16 && plan.reductions.materials.after == 4)
        #expect(
            plan.applicantMaterials.map(\.name) == [
                "开办运输企业“一件事”申请表", "公司章程", "住所使用证明", "拟聘用驾驶人员的机动车驾驶证和从业资格证",
            ])
        // The seal counts 1 natural day (5/7 of a working day) beside the licence; the serial sum adds it.
        #expect(plan.workingDays.serialPromisedExact == Rational(54, 7))
    }

    @Test(arguments: ["4500", "3200"])
    func transportCompanyWithLightVehiclesNeedsNoFreightLicence(mass: String) throws {
        // Ordinary goods vehicles of at most 4,500 kg: neither the licence nor the certificates (国务院, 2019).
        let plan = try compose("JN-KBYS", AnswerSet([("mass", mass)]))
        #expect(plan.members.map(\.name) == ["有限责任公司设立登记", "公章刻制备案"])
        #expect(plan.visits.before == 0 && plan.visits.after == 0)
    }
}
