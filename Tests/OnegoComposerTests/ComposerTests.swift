import OnegoCatalog
import OnegoComposer
import OnegoTestSupport
import Testing

/// Hand-computed expectations over the fixture catalog (`Tests/Fixtures/matters/items.xml`) and the fixture
/// 企业开办 matter (`qykb.xml`).
@Suite struct ComposerTests {
    let composer: Composer
    let matter: Matter

    init() throws {
        composer = Composer(
            catalog: try ComposerFixtures.catalog(), synonyms: try ComposerFixtures.synonyms(),
            calendar: try ComposerFixtures.calendar())
        matter = try ComposerFixtures.matter("qykb.xml")
    }

    static let licence = "11440188MB2C9023XA4000101001001001"
    static let seal = "1144018800748257514000101001002001"
    static let invoice = "11440188MB2C9031XX4000101001003001"
    static let staff = "11440188007482591N4000101001004001"
    static let bank = "91440188MA5D00001A4000101001005001"

    @Test func everyMemberSelectedGivesHandComputedFigures() throws {
        let plan = try composer.compose(
            matter: matter, answers: ["invoice": "是", "staff": "是", "bank": "是", "account": "basic"])
        #expect(plan.members.map(\.id) == ["licence", "seal", "invoice", "staff", "bank"])
        // 4 + 3 + 3 + 3 + 3 lines; 12 distinct (the shareholder's and the agent's IDs stay apart: no holder is
        // declared and the names differ); 营业执照 comes from the licence.
        #expect(plan.reductions.materials.before == 16)
        #expect(plan.materials.count == 12)
        #expect(plan.reductions.materials.after == 11)
        #expect(plan.reductions.materials.after == Double(plan.applicantMaterials.count))
        #expect(plan.reductions.copies.before == 9)
        #expect(plan.reductions.copies.after == 6)
        let licence = try #require(plan.materials.first { $0.name == "营业执照" })
        #expect(licence.providedBy == Self.licence)
        #expect(plan.member(code: Self.licence)?.name == "企业设立登记")
        #expect(licence.usedBy == [Self.seal, Self.invoice, Self.staff, Self.bank])
        #expect(licence.necessity == .required)
        #expect(licence.originals == 1 && licence.copies == 1)
        // Stages: the licence first, then the four consumers in parallel.
        #expect(plan.stages.map(\.members) == [[Self.licence], [Self.seal, Self.invoice, Self.staff, Self.bank]])
        #expect(plan.workingDays.critical == 1.5)
        #expect(plan.workingDays.serialPromised == 4)
        #expect(plan.workingDays.serialStatutory == 15)
        #expect(plan.criticalPath == [Self.licence, Self.invoice])
        #expect(plan.visits.before == 2)
        #expect(plan.visits.after == 1)
        #expect(plan.reductions.formFields.before == 9)
        #expect(plan.reductions.formFields.after == 3)
        #expect(plan.reductions.materials.exactRate == 0.3125)
        #expect(plan.due == nil)
    }

    @Test func mergedLinesKeepStrictestNecessityAndLargestCounts() throws {
        let plan = try composer.compose(
            matter: matter, answers: ["invoice": "是", "staff": "是", "bank": "是", "account": "basic"])
        // 股东主体资格证明 and 经办人身份证 are both 居民身份证 e-licences of different people, with no holder
        // declared: two lines, each with a hint to declare holders.
        let shareholder = try #require(plan.materials.first { $0.name == "股东主体资格证明" })
        let agent = try #require(plan.materials.first { $0.name == "经办人身份证" })
        #expect(shareholder.usedBy == [Self.licence] && agent.usedBy == [Self.invoice])
        #expect(agent.originals == 1 && agent.copies == 2)
        #expect(shareholder.keptApartFrom == ["经办人身份证"])
        #expect(agent.keptApartFrom == ["股东主体资格证明"])
        // 法定代表人身份证: 必要 at the seal, 非必要 at the bank → 必要, under the preferred name.
        let representative = try #require(plan.materials.first { $0.name == "法定代表人身份证明" })
        #expect(representative.necessity == .required)
        #expect(representative.usedBy == [Self.seal, Self.bank])
        #expect(representative.providedBy == nil)
    }

    @Test func noSituationalMembersLeavesLicenceAndSeal() throws {
        let plan = try composer.compose(matter: matter, answers: ["invoice": "否", "staff": "no", "bank": "n"])
        #expect(plan.answers.description == "invoice=否 staff=否 bank=否")
        #expect(plan.members.map(\.id) == ["licence", "seal"])
        #expect(plan.reductions.materials.before == 7)
        #expect(plan.reductions.materials.after == 6)
        #expect(plan.workingDays.critical == 1)
        #expect(plan.workingDays.serialStatutory == 4)
        #expect(plan.visits.before == 1 && plan.visits.after == 1)
        #expect(plan.reductions.formFields.before == 4 && plan.reductions.formFields.after == 3)
    }

    @Test func followUpAnswerAddsMaterial() throws {
        let plan = try composer.compose(
            matter: matter, answers: ["invoice": "否", "staff": "否", "bank": "是", "account": "general"])
        let added = try #require(plan.materials.first { $0.name == "基本存款账户信息" })
        #expect(added.usedBy == [Self.bank])
        #expect(added.originals == 1)
    }

    @Test func dueDatesCountFromTheDayAfterAcceptance() throws {
        // 2026-02-13 is a Friday; 2026-02-14 (Saturday) is a make-up working day; 02-15…02-23 are the holiday.
        let plan = try composer.compose(
            matter: matter, answers: ["invoice": "是", "staff": "否", "bank": "否"],
            accepted: CalendarDay(iso: "2026-02-13"))
        let due = try #require(plan.due)
        #expect(due.stages.map(\.description) == ["2026-02-14", "2026-02-24"])
        #expect(due.overall.description == "2026-02-24")
        #expect(due.promised.description == "2026-02-24")
    }

    @Test func yearWithoutArrangementIsAnError() throws {
        #expect(throws: CompositionError.self) {
            try composer.compose(
                matter: matter, answers: ["invoice": "是", "staff": "否", "bank": "否"],
                accepted: CalendarDay(iso: "2031-05-06"))
        }
    }

    @Test func enumeratesEveryValidAnswerSet() throws {
        let sets = composer.enumerateAnswerSets(for: matter)
        // invoice × staff × (bank=否 | bank=是 × 2 accounts) = 2 × 2 × 3.
        #expect(sets.count == 12)
        for answers in sets {
            let plan = try composer.compose(matter: matter, answers: answers)
            #expect(plan.workingDays.critical <= plan.workingDays.serialPromised)
            #expect(plan.reductions.materials.after <= plan.reductions.materials.before)
        }
    }
}
