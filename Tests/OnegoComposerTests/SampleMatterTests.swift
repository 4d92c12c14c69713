import OnegoBase
import OnegoCatalog
import OnegoComposer
import OnegoTestSupport
import Testing

/// The six shipped matters over the sample catalog (`Catalogs/yunxi`).
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

    @Test func sixMattersShipWithoutFindings() throws {
        #expect(Set(matters.map(\.name)) == ["企业开办", "新生儿出生", "开办餐饮店", "退休", "企业注销", "企业信息变更"])
        let findings = MatterChecks.run(matters: matters, catalog: catalog, synonyms: try ComposerFixtures.synonyms())
        #expect(findings.map(\.description) == [])
    }

    @Test(arguments: ["YX-QYKB", "YX-XSECS", "YX-KBCYD", "YX-TX", "YX-QYZX", "YX-QYBG"])
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
            #expect(plan.workingDays.criticalExact <= composer.officeHours.workingDays(matter.promisedLimit))
            #expect(plan.reductions.materials.after == Double(plan.applicantMaterials.count))
            if plan.members.count > 1 {
                #expect(plan.reductions.materials.after < plan.reductions.materials.before)
            } else {
                // One item: only its own 免证办, document flow or replacement lines leave; nothing merges.
                let left = plan.materials.filter { $0.disposition != .bring && $0.disposition != .notNeeded }
                let joint = plan.materials.filter(\.isJointForm).count
                #expect(
                    plan.reductions.materials.after
                        == plan.reductions.materials.before - Double(left.count) + Double(joint))
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

    /// 企业信息变更 is promised in hours: registration within 2 office hours, the tax and housing-fund changes on
    /// the spot after it; accepted at 16:30 it is due at 10:00 the next working morning.
    @Test func informationChangeIsPlannedAndDueInOfficeHours() throws {
        let matter = try matter("YX-QYBG")
        #expect(matter.promisedLimit.description == "2小时")
        let plan = try composer.compose(
            matter: matter, answers: ["fund": "是", "premises": "否", "articles": "否"],
            acceptedAt: CalendarMoment(iso: "2026-09-29T16:30"))
        #expect(plan.workingDays.isHourPlan)
        #expect(plan.workingDays.hours(plan.workingDays.criticalExact) == Rational(2))
        #expect(plan.members.map(\.id) == ["change", "tax", "fund"])
        #expect(plan.stages.map { $0.members.count } == [1, 2])
        let due = try #require(plan.due)
        // One hour before closing, one after the next opening.
        #expect(due.overallAt?.description == "2026-09-30 10:00")
        #expect(due.promisedAt?.description == "2026-09-30 10:00")
        #expect(plan.stages.map { $0.dueAt?.description } == ["2026-09-30 10:00", "2026-09-30 10:00"])
        // Accepted before the noon break: due after it, within office hours.
        let morning = try composer.compose(
            matter: matter, answers: ["fund": "否", "premises": "是", "articles": "否"],
            acceptedAt: CalendarMoment(iso: "2026-09-29T11:00"))
        #expect(morning.due?.overallAt?.description == "2026-09-29 14:30")
        #expect(morning.applicantMaterials.contains { $0.name == "变更后的住所（经营场所）使用证明" })
        #expect(plan.applicantMaterials.first?.isJointForm == true)
    }

    /// 开办餐饮店 serves 法人 and 个体工商户: the composition says which one the answers chose.
    @Test func compositionNamesTheChosenAudience() throws {
        let matter = try matter("YX-KBCYD")
        let answers: AnswerSet = ["licence": "individual", "area": "80", "sign": "否", "tobacco": "否"]
        let individual = try composer.compose(matter: matter, answers: answers)
        #expect(individual.audience == .individualBusiness)
        #expect(individual.servedAudiences == [.legalPerson, .individualBusiness])
        var company = answers
        company.set(["company"], for: "licence")
        #expect(try composer.compose(matter: matter, answers: company).audience == .legalPerson)
        var existing = answers
        existing.set(["existing"], for: "licence")
        #expect(try composer.compose(matter: matter, answers: existing).audience == nil)
        // A one-audience matter needs no answer to say it.
        #expect(try self.matter("YX-QYBG").chosenAudience(AnswerSet()) == .legalPerson)
        // Numbers print with their unit.
        let area = try #require(matter.question(id: "area"))
        #expect(area.displayText(for: "80") == "80 平方米")
        #expect(matter.question(id: "sign")?.displayText(for: "是") == "是")
    }

    /// 企业开办 with invoices, staff, housing fund and a bank appointment, no agent: hand-computed.
    @Test func businessStartUpHandComputed() throws {
        let plan = try composer.compose(
            matter: try matter("YX-QYKB"),
            answers: ["invoice": "是", "staff": "是", "fund": "是", "bank": "是", "agent": "否"],
            accepted: CalendarDay(iso: "2026-09-30"))
        #expect(plan.members.map(\.id) == ["licence", "seal", "tax", "invoice", "social", "fund", "bank"])
        // 5 + 3 + 4 + 4 + 3 + 4 + 3 lines (委托书 not needed without an agent).
        #expect(plan.reductions.materials.before == 26)
        #expect(plan.materials.count == 18)
        // The joint form, 公司章程, 任职文件, 住所使用证明, 发票专用章印模, 单位授权委托书.
        #expect(plan.reductions.materials.after == 6)
        let licence = try #require(plan.materials.first { $0.name == "营业执照" })
        #expect(licence.disposition == .produced)
        #expect(licence.providedBy == "11440188MB2C90231K4010100100100001")
        #expect(plan.member(code: licence.providedBy ?? "")?.name == "企业设立登记")
        #expect(licence.usedBy.count == 6)
        // The shareholder's, the legal representative's and the agent's IDs: three lines, each fetched.
        let ids = plan.materials.filter { $0.eLicence == "居民身份证" }
        #expect(ids.map(\.name) == ["居民身份证（股东）", "居民身份证（法定代表人）", "居民身份证（经办人）"])
        #expect(ids.allSatisfy { $0.disposition == .fetched && $0.fetchedAs == "居民身份证" })
        #expect(ids.map(\.usedBy.count) == [1, 4, 3])
        let forms = plan.materials.filter { $0.disposition == .replaced }
        #expect(forms.count == 7 && forms.allSatisfy { $0.replacedBy == "企业开办“一件事”申请表" })
        #expect(plan.materials.first?.isJointForm == true && plan.materials.first?.usedBy.count == 7)
        #expect(plan.materials.contains { $0.name == "住所使用证明" && $0.aliases == ["住所（经营场所）使用证明"] })
        #expect(plan.materials.contains { $0.name == "委托书" && $0.disposition == .notNeeded })
        #expect(plan.stages.map { $0.members.count } == [1, 5, 1])
        #expect(plan.workingDays.serialPromised == 2)
        #expect(plan.workingDays.critical == 1.5)
        // Exact: natural days count 5/7 of a working day, kept as a fraction (20.21 only when printed).
        #expect(plan.workingDays.serialStatutoryExact == Rational(283, 14))
        #expect(plan.criticalPath == ["11440188MB2C90231K4010100100100001", "12440188455632282E4201000100100001"])
        #expect(plan.visits.before == 0 && plan.visits.after == 0)
        #expect(plan.steps.after == [.applyOnline, .supplement])
        #expect(plan.reductions.steps.before == 16 && plan.reductions.steps.after == 2)
        #expect(plan.reductions.copies.before == 2 && plan.reductions.copies.after == 1)
        #expect(plan.reductions.formFields.before == 32 && plan.reductions.formFields.after == 6)
        // 2026-10-01…07 is the National Day holiday. Each stage is due on its own: the invoice stage (即办 after
        // the tax registration) is due before the parallel stage it follows.
        #expect(plan.due?.stages.map(\.description) == ["2026-10-08", "2026-10-09", "2026-10-08"])
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
        #expect(plan.reductions.materials.before == 21)
        // Mother's and father's IDs are two lines; every certificate is fetched or produced, every form is
        // replaced by the joint form: the applicant brings the joint form and a photo.
        #expect(plan.applicantMaterials.map(\.name) == ["新生儿出生“一件事”联办申请表", "本人近期数码相片"])
        #expect(plan.reductions.materials.after == 2)
        let names = plan.materials.map(\.name)
        #expect(names.contains("居民身份证（母亲）") && names.contains("居民身份证（父亲）"))
        let provided = plan.materials.filter { $0.disposition == .produced }.map {
            "\($0.name)←\(plan.member(code: $0.providedBy ?? "")?.name ?? "")"
        }
        #expect(
            provided == [
                "出生医学证明（新生儿）←《出生医学证明》首次签发",
                "居民户口簿（新生儿）←出生登记",
                "基本医疗保险参保凭证（新生儿）←城乡居民基本医疗保险参保登记",
            ])
        // 出生登记 produces the newborn's 户口簿 but needs the parent's: that line stays a separate document.
        let parents = try #require(plan.materials.first { $0.name == "申报入户一方的居民户口簿" })
        #expect(parents.disposition == .fetched && parents.usedBy.count == 1)
        // One joint window, results posted: 2 trips → 1; one step (apply), the results come by post.
        #expect(plan.visits.before == 2 && plan.visits.after == 1)
        #expect(plan.steps.after == [.applyAtJointWindow])
        #expect(plan.stages.map { $0.members.count } == [1, 2, 1, 1])
        #expect(
            plan.criticalPath.map { code in plan.member(code: code)?.id ?? "" } == [
                "birthCertificate", "household", "medicalInsurance", "socialCard",
            ])
        #expect(plan.workingDays.serialPromised == 6 && plan.workingDays.critical == 6)
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
