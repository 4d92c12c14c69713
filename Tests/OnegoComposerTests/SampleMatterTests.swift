import OnegoCatalog
import OnegoComposer
import OnegoTestSupport
import OnegoXML
import Testing

/// The five shipped matters over the sample catalog (`Catalogs/yunxi`).
@Suite struct SampleMatterTests {
    let catalog: Catalog
    let matters: [Matter]
    let composer: Composer

    init() throws {
        let loaded = try CatalogLoader.validating(schemaPath: Fixtures.schemas + "/catalog.xsd")
            .load(paths: [Fixtures.sampleItems])
        try #require(!loaded.diagnostics.containsErrors)
        catalog = loaded.catalog
        let (matters, diagnostics) = try MatterLoader.validating(schemaPath: Fixtures.schemas + "/matter.xsd")
            .load(paths: [Fixtures.sampleMatters])
        try #require(diagnostics.isEmpty, "\(diagnostics)")
        self.matters = matters
        composer = Composer(
            catalog: catalog, synonyms: try ComposerFixtures.synonyms(), calendar: try ComposerFixtures.calendar())
    }

    func matter(_ code: String) throws -> Matter { try #require(matters.first { $0.code == code }) }

    @Test func fiveMattersShipWithoutFindings() throws {
        #expect(Set(matters.map(\.name)) == ["企业开办", "新生儿出生", "开办餐饮店", "退休", "企业注销"])
        let findings = MatterChecks.run(matters: matters, catalog: catalog, synonyms: try ComposerFixtures.synonyms())
        #expect(findings.map(\.description) == [])
    }

    @Test(arguments: ["YX-QYKB", "YX-XSECS", "YX-KBCYD", "YX-TX", "YX-QYZX"])
    func everyValidAnswerSetComposes(code: String) throws {
        let matter = try matter(code)
        let sets = composer.enumerateAnswerSets(for: matter)
        #expect(sets.count >= 4)
        var distinctMembers = Set<[String]>()
        for answers in sets {
            let plan = try composer.compose(matter: matter, answers: answers, accepted: CalendarDay(iso: "2026-09-30"))
            distinctMembers.insert(plan.members.map(\.id))
            #expect(plan.answers == answers)
            #expect(plan.workingDays.critical <= plan.workingDays.serialPromised + 1e-9)
            #expect(plan.workingDays.critical <= matter.promisedLimit.approximateWorkingDays)
            if plan.members.count > 1 {
                #expect(plan.reductions.materials.after < plan.reductions.materials.before)
            } else {
                #expect(plan.reductions.materials.after == plan.reductions.materials.before)
            }
            #expect(plan.visits.after <= plan.visits.before)
            #expect(plan.criticalPath.allSatisfy { code in plan.member(code: code)?.isCritical == true })
            // Producers run in an earlier stage than every consumer they feed.
            for line in plan.materials {
                guard let provider = line.providedBy, let producer = plan.member(code: provider) else { continue }
                for user in line.usedBy { #expect((plan.member(code: user)?.stage ?? 0) > producer.stage) }
            }
            let due = try #require(plan.due)
            #expect(due.overall >= due.accepted && due.overall <= due.promised)
        }
        // Situations really change the bundle.
        #expect(distinctMembers.count > 1)
    }

    /// 企业开办 with invoices, staff, housing fund and a bank appointment, no agent: hand-computed.
    @Test func businessStartUpHandComputed() throws {
        let plan = try composer.compose(
            matter: try matter("YX-QYKB"),
            answers: ["invoice": "是", "staff": "是", "fund": "是", "bank": "是", "agent": "否"],
            accepted: CalendarDay(iso: "2026-09-30"))
        #expect(plan.members.map(\.id) == ["licence", "seal", "tax", "invoice", "social", "fund", "bank"])
        // 5 + 3 + 4 + 4 + 3 + 4 + 3 lines; 14 distinct; 营业执照 flows from the licence.
        #expect(plan.reductions.materials.before == 26)
        #expect(plan.materials.count == 14)
        #expect(plan.reductions.materials.after == 13)
        let licence = try #require(plan.materials.first { $0.name == "营业执照" })
        #expect(licence.providedBy == "11440188MB2C90231K4010100100100001")
        #expect(licence.note == "由 企业设立登记 办理结果自动获取")
        #expect(licence.usedBy.count == 6)
        // Every identity document (股东, 法定代表人, 经办人) is one 居民身份证 e-licence line.
        let identity = try #require(plan.materials.first { $0.name == "居民身份证" })
        #expect(identity.usedBy.count == 7 && identity.providedBy == nil)
        #expect(plan.materials.contains { $0.name == "住所使用证明" && $0.aliases == ["住所（经营场所）使用证明"] })
        #expect(!plan.materials.contains { $0.name == "委托书" })
        #expect(plan.stages.map { $0.members.count } == [1, 5, 1])
        #expect(plan.workingDays.serialPromised == 2)
        #expect(plan.workingDays.critical == 1.5)
        #expect(plan.workingDays.serialStatutory == 20.21)
        #expect(plan.criticalPath == ["11440188MB2C90231K4010100100100001", "12440188455632282E4201000100100001"])
        #expect(plan.visits.before == 0 && plan.visits.after == 0)
        #expect(plan.reductions.copies.before == 2 && plan.reductions.copies.after == 2)
        #expect(plan.reductions.formFields.before == 32 && plan.reductions.formFields.after == 6)
        // 2026-10-01…07 is the National Day holiday.
        #expect(plan.due?.stages.map(\.description) == ["2026-10-08", "2026-10-09", "2026-10-09"])
        #expect(plan.due?.overall.description == "2026-10-09")
    }

    /// 新生儿出生 with insurance and a social security card, parents married, birth already registered.
    @Test func newbornHandComputed() throws {
        let plan = try composer.compose(
            matter: try matter("YX-XSECS"),
            answers: ["registered": "是", "married": "是", "insurance": "是", "card": "是", "employed": "否"],
            accepted: CalendarDay(iso: "2026-09-30"))
        #expect(
            plan.members.map(\.id) == [
                "birthCertificate", "vaccination", "household", "medicalInsurance", "socialCard",
            ])
        #expect(plan.reductions.materials.before == 19)
        #expect(plan.materials.count == 11)
        #expect(plan.reductions.materials.after == 9)
        let provided = plan.materials.filter { $0.providedBy != nil }.map { "\($0.name)←\($0.note ?? "")" }
        #expect(provided == ["出生医学证明←由 《出生医学证明》首次签发 办理结果自动获取", "基本医疗保险参保凭证←由 城乡居民基本医疗保险参保登记 办理结果自动获取"])
        // 出生登记 produces the new 户口簿 but needs the parent's: that line stays with the applicant.
        let household = try #require(plan.materials.first { $0.name == "居民户口簿" })
        #expect(household.providedBy == nil && household.usedBy.count == 3)
        #expect(plan.stages.map { $0.members.count } == [1, 2, 1, 1])
        #expect(
            plan.criticalPath.map { code in plan.member(code: code)?.id ?? "" } == [
                "birthCertificate", "household", "medicalInsurance", "socialCard",
            ])
        #expect(plan.workingDays.serialPromised == 6 && plan.workingDays.critical == 6)
        #expect(plan.visits.before == 2 && plan.visits.after == 2)
        #expect(plan.reductions.formFields.before == 21 && plan.reductions.formFields.after == 5)
        #expect(plan.due?.overall.description == "2026-10-14")
    }

    @Test func newbornMaternityBenefitsRunInParallel() throws {
        let plan = try composer.compose(
            matter: try matter("YX-XSECS"),
            answers: AnswerSet([
                ("registered", "否"), ("married", "是"), ("insurance", "是"), ("card", "是"), ("employed", "是"),
                ("maternity", "expenses"), ("maternity", "allowance"),
            ]))
        #expect(plan.members.count == 8)
        #expect(plan.workingDays.serialPromised == 26)
        #expect(plan.workingDays.critical == 11)
    }
}
