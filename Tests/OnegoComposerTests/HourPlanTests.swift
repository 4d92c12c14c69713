import Foundation
import OnegoBase
import OnegoCatalog
import OnegoComposer
import OnegoTestSupport
import Testing

/// A bundle promised in hours, as some cities publish 企业开办: registration within 1 hour, then six items in
/// parallel within 2 hours, 3 hours in all, counted in office hours on working days.
@Suite struct HourPlanTests {
    static let registration = "11440188MB2C90231K4010100100100001"
    static let parallel = (1...6).map { "1144018800748331" + String(format: "%02d", $0) + "4110200100100001" }

    static func item(_ code: String, hours: Double, materials: [Material] = [], results: [ItemResult] = [])
        -> ServiceItem
    {
        ServiceItem(
            codes: ItemCodes(basic: "000000000000", implementation: code), name: "事项" + code.suffix(4),
            promisedLimit: TimeLimit(hours, .hours), visits: 0,
            online: OnlineService(isAvailable: true, depth: .fullyOnline), materials: materials, results: results)
    }

    static func matter(promise: TimeLimit) -> Matter {
        Matter(
            code: "T-3H", name: "企业开办（3小时）", audience: .legalPerson, leadDepartment: "市场监管局",
            promisedLimit: promise,
            members: [MatterMember(id: "licence", code: registration)]
                + parallel.enumerated().map { MatterMember(id: "m\($0.offset)", code: $0.element) })
    }

    let composer: Composer

    init() throws {
        let licence = Self.item(
            Self.registration, hours: 1, results: [ItemResult(name: "营业执照", eLicence: "营业执照")])
        let others = Self.parallel.map {
            Self.item($0, hours: 2, materials: [Material(name: "营业执照", eLicence: "营业执照", holder: "单位")])
        }
        composer = Composer(
            catalog: Catalog(items: [licence] + others), calendar: try ComposerFixtures.calendar(),
            officeHours: .standard)
    }

    @Test func plansAndComparesInExactHours() throws {
        let plan = try composer.compose(matter: Self.matter(promise: TimeLimit(3, .hours)), answers: AnswerSet())
        #expect(plan.workingDays.isHourPlan)
        // 1 h + 2 h of a 7-hour office day: exactly 3/7, not 0.38 rounded.
        #expect(plan.workingDays.criticalExact == Rational(3, 7))
        #expect(plan.workingDays.hours(plan.workingDays.criticalExact) == Rational(3))
        #expect(plan.workingDays.hours(plan.workingDays.serialPromisedExact) == Rational(13))
        #expect(composer.officeHours.workingDays(TimeLimit(3, .hours)) == plan.workingDays.criticalExact)
    }

    @Test func aThreeHourPromiseCoversAOnePlusTwoHourPath() throws {
        let findings = MatterChecks.run(
            matters: [Self.matter(promise: TimeLimit(3, .hours))], catalog: composer.catalog)
        #expect(!findings.contains { $0.rule == "matter.promise.short" }, "\(findings)")
        let short = MatterChecks.run(
            matters: [Self.matter(promise: TimeLimit(170, .minutes))], catalog: composer.catalog)
        let finding = try #require(short.first { $0.rule == "matter.promise.short" })
        #expect(finding.message.contains("短于关键路径 3 小时"))
    }

    @Test func acceptedInTheMorningIsDueAfterTheNoonBreak() throws {
        let plan = try composer.compose(
            matter: Self.matter(promise: TimeLimit(3, .hours)), answers: AnswerSet(),
            acceptedAt: CalendarMoment(iso: "2026-09-29T09:30"))
        let due = try #require(plan.due)
        // 2.5 hours before the noon break, 0.5 after it.
        #expect(due.overallAt?.description == "2026-09-29 14:00")
        #expect(due.promisedAt?.description == "2026-09-29 14:00")
        #expect(due.overall.description == "2026-09-29")
        // Each stage is due on its own: registration after one hour.
        #expect(plan.stages.map { $0.dueAt?.description } == ["2026-09-29 10:30", "2026-09-29 14:00"])
    }

    @Test(arguments: [
        ("2026-09-29T18:00", "2026-09-30 12:00"),  // after hours: from the next working morning
        ("2026-09-29T16:30", "2026-09-30 11:00"),  // 1 hour today, 2 tomorrow
        ("2026-09-30T16:30", "2026-10-08 11:00"),  // National Day: 10-01…07 off, 10-08 a working Thursday
        ("2026-09-29T12:30", "2026-09-29 16:30"),  // in the noon break: from 13:30
    ])
    func afterHoursCountFromTheNextOfficePeriod(accepted: String, due: String) throws {
        let plan = try composer.compose(
            matter: Self.matter(promise: TimeLimit(3, .hours)), answers: AnswerSet(),
            acceptedAt: CalendarMoment(iso: accepted))
        #expect(plan.due?.overallAt?.description == due)
    }

    @Test func zeroLengthMembersStayOnTheCriticalPath() throws {
        let producer = Self.item(
            Self.registration, hours: 1, results: [ItemResult(name: "营业执照", eLicence: "营业执照")])
        let instant = Self.item(
            Self.parallel[0], hours: 0, materials: [Material(name: "营业执照", eLicence: "营业执照", holder: "单位")])
        let composer = Composer(catalog: Catalog(items: [producer, instant]))
        let matter = Matter(
            code: "T-0", name: "即办", audience: .legalPerson, leadDepartment: "甲", promisedLimit: TimeLimit(1, .hours),
            members: [
                MatterMember(id: "a", code: Self.registration), MatterMember(id: "b", code: Self.parallel[0]),
            ])
        let plan = try composer.compose(matter: matter, answers: AnswerSet())
        #expect(plan.criticalPath == [Self.registration, Self.parallel[0]])
        #expect(plan.stages.map(\.finish) == [Rational(1, 7), Rational(1, 7)])
    }
}

/// Office hours: the settings file beside the catalog, and moments parsed from `--accepted`.
@Suite struct OfficeHoursTests {
    @Test func standardHoursMakeASevenHourDay() {
        #expect(OfficeHours.standard.minutesPerDay == 420)
        #expect(OfficeHours.standard.workingDays(TimeLimit(0.5, .workingDays)) == Rational(1, 2))
        #expect(OfficeHours.standard.workingDays(TimeLimit(14, .naturalDays)) == Rational(10))
    }

    @Test func readsTheShippedFile() throws {
        let hours = try OfficeHours.load(path: Fixtures.path("Catalogs/yunxi/office-hours.txt"))
        #expect(hours == .standard)
    }

    @Test(arguments: [
        ("09:00-12:00\n13:30-25:00\n", 2, 1),
        ("# 办公时间\n09:00-12:00\n  11:30-17:30\n", 3, 3),
        ("09:00\n", 1, 1),
    ])
    func aBadPeriodIsAnErrorAtItsLineAndColumn(text: String, line: Int, column: Int) throws {
        let path = try Fixtures.temporaryDirectory() + "/office-hours.txt"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: OfficeHoursError.self) { try OfficeHours.load(path: path) }
        do {
            _ = try OfficeHours.load(path: path)
        } catch {
            #expect(error.line == line && error.column == column, "\(error)")
            #expect(error.description.hasPrefix("\(path):\(line):\(column): 错误: "))
        }
    }

    @Test(arguments: [
        "2026-09-29T25:00", "2026-09-29T09:60", "2026-09-29 09:30", "2026-02-30T09:00", "2026-09-29T9:30",
    ])
    func rejectsImpossibleMoments(text: String) {
        #expect(CalendarMoment(iso: text) == nil)
    }

    @Test func parsesAMoment() throws {
        let moment = try #require(CalendarMoment(iso: "2026-09-29T09:30"))
        #expect(moment.minute == 570 && moment.description == "2026-09-29 09:30")
        #expect(moment.chinese == "2026年9月29日09:30")
    }
}
