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

    init() throws {
        let loaded = try CatalogLoader.validating(schemaPath: Fixtures.schemas + "/catalog.xsd")
            .load(paths: [Fixtures.fixture("published/items.xml")])
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
}
