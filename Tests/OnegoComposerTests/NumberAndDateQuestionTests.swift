import OnegoBase
import OnegoCatalog
import OnegoComposer
import OnegoTestSupport
import Testing

/// Number and date questions: thresholds select members and materials, answers are compared exactly, bad values
/// are clear errors, and enumeration takes one answer per interval.
@Suite struct NumberAndDateQuestionTests {
    let composer: Composer
    let restaurant: Matter

    init() throws {
        let loaded = try CatalogLoader.validating(schemaPath: Fixtures.schemas + "/catalog.xsd")
            .load(paths: [Fixtures.sampleItems])
        let (matters, diagnostics) = try MatterLoader.validating(schemaPath: Fixtures.schemas + "/matter.xsd")
            .load(paths: [Fixtures.sampleMatters])
        try #require(diagnostics.isEmpty, "\(diagnostics)")
        composer = Composer(catalog: loaded.catalog, synonyms: try ComposerFixtures.synonyms())
        restaurant = try #require(matters.first { $0.code == "YX-KBCYD" })
    }

    func members(area: String) throws -> [String] {
        let answers: AnswerSet = ["licence": "individual", "area": area, "sign": "否", "tobacco": "否"]
        return try composer.compose(matter: restaurant, answers: answers).members.map(\.id)
    }

    @Test(arguments: [
        ("0", ["individual", "food"]), ("299.999999", ["individual", "food"]),
        ("300", ["individual", "food", "fireByPromise"]), ("499.5", ["individual", "food", "fireByPromise"]),
        ("500", ["individual", "food", "fireInspection", "hygiene"]),
        ("1200平方米", ["individual", "food", "fireInspection", "hygiene"]),
    ])
    func floorAreaThresholdsSelectTheFireCheckAndTheHygienePermit(area: String, expected: [String]) throws {
        #expect(try members(area: area) == expected)
    }

    @Test func restaurantServesCompaniesAndIndividualBusinesses() {
        #expect(restaurant.audiences == [.legalPerson, .individualBusiness])
        #expect(
            restaurant.question(id: "licence")?.answers.compactMap(\.audience) == [.legalPerson, .individualBusiness])
    }

    @Test func areaIsEncodedAsANumberAndNormalised() throws {
        let answers: AnswerSet = ["licence": "company", "area": "120.50", "sign": "否", "tobacco": "否"]
        let plan = try composer.compose(matter: restaurant, answers: answers)
        #expect(plan.answers["area"] == ["120.5"])
        #expect(plan.answers.numbers == ["area"])
    }

    @Test(arguments: ["12a", "-5", "1e3", "0x10", "1,200", ""])
    func malformedAreaIsAClearError(area: String) throws {
        let answers: AnswerSet = ["licence": "company", "area": area, "sign": "否", "tobacco": "否"]
        do {
            _ = try composer.compose(matter: restaurant, answers: answers)
            Issue.record("\(area) was accepted")
        } catch {
            #expect(error.questionIDs == ["area"])
            #expect(error.description.contains("经营场所建筑面积（平方米）？）的回答“\(area)”无效：应为不小于 0 的十进制数"))
        }
    }

    @Test func enumerationTakesOneAreaPerInterval() throws {
        let areas = Set(
            composer.answerSets(for: restaurant, asOf: CalendarDay(year: 2026, month: 3, day: 2)!).map { $0["area"] })
        #expect(areas == [["0"], ["300"], ["500"]])
        #expect(composer.answerSetCount(for: restaurant)?.description == "36")
    }

    // MARK: Dates

    /// 新生儿出生 over the fixture catalog: 出生日期 90 days or more before acceptance adds a written explanation
    /// (逾期申报情况说明) to the registration; the parent's age (岁) of 60 or more adds nothing but is asked.
    static let newborn = Matter(
        code: "T-XSECS", name: "新生儿出生（测试）", audience: .naturalPerson, leadDepartment: "云溪区卫生健康局",
        promisedLimit: TimeLimit(10, .workingDays),
        members: [MatterMember(id: "registration", code: "11440188MB2C9023XA4000101001001001")],
        questions: [
            Question(
                id: "birth", kind: .date, text: "新生儿出生日期？", answers: [], unit: "日",
                thresholds: [
                    Threshold(
                        atLeast: QuestionNumber(90), unit: "日",
                        effects: [
                            .addMaterial(
                                member: "registration", material: Material(name: "逾期申报情况说明", originals: 1),
                                at: SourceLocation(file: "", line: 0, column: 0))
                        ])
                ]),
            Question(
                id: "guardian", kind: .date, text: "监护人出生日期？", answers: [], unit: "岁",
                thresholds: [Threshold(atLeast: QuestionNumber(60), unit: "岁")]),
        ])

    @Test(arguments: [
        ("2026-01-15", false), ("2025-12-03", false), ("2025-12-02", true), ("2025-10-01", true),
    ])
    func birthDateNinetyDaysBeforeAcceptanceAddsTheExplanation(birth: String, isLate: Bool) throws {
        let composer = Composer(catalog: try ComposerFixtures.catalog())
        let plan = try composer.compose(
            matter: Self.newborn, answers: ["birth": birth, "guardian": "1966-03-02"],
            accepted: CalendarDay(iso: "2026-03-02"))
        #expect(plan.materials.contains { $0.name == "逾期申报情况说明" } == isLate)
    }

    @Test(arguments: [("2026-03-03", "晚于受理日期 2026-03-02"), ("2026-02-30", "日期不存在（2026 年 2 月只有 28 天）")])
    func futureOrImpossibleDateIsAClearError(birth: String, reason: String) throws {
        let composer = Composer(catalog: try ComposerFixtures.catalog())
        do {
            _ = try composer.compose(
                matter: Self.newborn, answers: ["birth": birth, "guardian": "1966-03-02"],
                accepted: CalendarDay(iso: "2026-03-02"))
            Issue.record("\(birth) was accepted")
        } catch {
            #expect(error.description.contains("新生儿出生日期？）的回答“\(birth)”无效：\(reason)"))
        }
    }

    @Test func enumeratedDatesFallInTheirIntervals() throws {
        let composer = Composer(catalog: try ComposerFixtures.catalog())
        let asOf = try #require(CalendarDay(iso: "2026-03-02"))
        let sets = Array(composer.answerSets(for: Self.newborn, asOf: asOf))
        #expect(
            sets.map(\.description) == [
                "birth=2026-03-02 guardian=2026-03-02", "birth=2026-03-02 guardian=1966-03-02",
                "birth=2025-12-02 guardian=2026-03-02", "birth=2025-12-02 guardian=1966-03-02",
            ])
        for answers in sets {
            _ = try composer.compose(matter: Self.newborn, answers: answers, accepted: asOf)
        }
    }
}
