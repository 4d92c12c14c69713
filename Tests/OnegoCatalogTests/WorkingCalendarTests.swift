import OnegoBase
import OnegoCatalog
import OnegoTestSupport
import Testing

/// The shipped calendar, loaded once per test from `Catalogs/calendars/`.
func shippedCalendar() throws -> WorkingCalendar {
    let (calendar, diagnostics) = WorkingCalendar.load(
        paths: [Fixtures.path("Catalogs/calendars")], schemaPath: Fixtures.path("Schemas/calendar.xsd"))
    #expect(diagnostics.isEmpty, "\(diagnostics)")
    return calendar
}

func day(_ text: String) throws -> CalendarDay {
    try #require(CalendarDay(iso: text), "not a date: \(text)")
}

@Suite struct WorkingCalendarTests {
    let calendar: WorkingCalendar

    init() throws { calendar = try shippedCalendar() }

    /// The due date as ISO text.
    func due(_ accepted: String, _ limit: TimeLimit) throws -> String {
        try calendar.dueDate(accepted: day(accepted), limit: limit).description
    }

    // MARK: DOMAIN.md §8

    @Test(arguments: [
        ("2025-01-24", 5, "2025-02-07"),  // across the 2025 Spring Festival, with the Sunday 1-26 worked
        ("2026-02-13", 3, "2026-02-25"),  // across the nine-day 2026 Spring Festival
        ("2025-09-26", 1, "2025-09-28"),  // a Sunday make-up working day is the next working day
        ("2024-09-27", 20, "2024-10-30"),  // across National Day, with 9-29 and 10-12 worked
    ])
    func workedExamplesOfTheDomainNotes(accepted: String, days: Int, due: String) throws {
        let result = try calendar.dueDate(
            accepted: day(accepted), limit: TimeLimit(Double(days), .workingDays))
        #expect(result.description == due)
        // The count from the day after acceptance through the due date is the limit.
        #expect(try calendar.workingDays(from: day(accepted).adding(days: 1), through: result) == days)
    }

    @Test(arguments: [(2024, 251), (2025, 248), (2026, 248)])
    func yearlyWorkingDayTotals(year: Int, total: Int) throws {
        let first = try #require(CalendarDay(year: year, month: 1, day: 1))
        let last = try #require(CalendarDay(year: year, month: 12, day: 31))
        #expect(try calendar.workingDays(from: first, through: last) == total)
        #expect(calendar.years.first { $0.year == year }?.declaredWorkingDays == total)
    }

    @Test func holdsExactlyTheArrangementsOfTheDomainNotes() throws {
        // DOMAIN.md §8, transcribed independently of Catalogs/calendars: holiday ranges and make-up days.
        let holidays: [Int: [(String, String)]] = [
            2024: [
                ("01-01", "01-01"), ("02-10", "02-17"), ("04-04", "04-06"), ("05-01", "05-05"),
                ("06-10", "06-10"),
                ("09-15", "09-17"), ("10-01", "10-07"),
            ],
            2025: [
                ("01-01", "01-01"), ("01-28", "02-04"), ("04-04", "04-06"), ("05-01", "05-05"),
                ("05-31", "06-02"),
                ("10-01", "10-08"),
            ],
            2026: [
                ("01-01", "01-03"), ("02-15", "02-23"), ("04-04", "04-06"), ("05-01", "05-05"),
                ("06-19", "06-21"),
                ("09-25", "09-27"), ("10-01", "10-07"),
            ],
        ]
        let workdays: [Int: [String]] = [
            2024: ["02-04", "02-18", "04-07", "04-28", "05-11", "09-14", "09-29", "10-12"],
            2025: ["01-26", "02-08", "04-27", "09-28", "10-11"],
            2026: ["01-04", "02-14", "02-28", "05-09", "09-20", "10-10"],
        ]
        #expect(calendar.publishedYears == [2024, 2025, 2026])
        for year in calendar.years {
            let expectedHolidays = try (holidays[year.year] ?? []).map {
                try (day("\(year.year)-\($0)"), day("\(year.year)-\($1)"))
            }
            #expect(year.holidays.map(\.from) == expectedHolidays.map(\.0), "\(year.year)")
            #expect(year.holidays.map(\.to) == expectedHolidays.map(\.1), "\(year.year)")
            let expectedWorkdays = try (workdays[year.year] ?? []).map { try day("\(year.year)-\($0)") }
            #expect(Set(year.makeUpWorkdays.map(\.date)) == Set(expectedWorkdays), "\(year.year)")
            #expect(year.makeUpWorkdays.allSatisfy { $0.date.isWeekend })
            #expect(year.source == "国务院办公厅关于\(year.year)年部分节假日安排的通知")
        }
    }

    @Test func makeUpWeekendDaysCountAndWeekdayHolidaysDoNot() throws {
        #expect(try calendar.isWorkingDay(day("2025-09-28")))  // Sunday, worked
        #expect(try calendar.isWorkingDay(day("2026-02-14")))  // Saturday, worked
        #expect(try !calendar.isWorkingDay(day("2025-10-08")))  // Wednesday, holiday
        #expect(try !calendar.isWorkingDay(day("2025-09-27")))  // an ordinary Saturday
        #expect(try calendar.isWorkingDay(day("2025-09-29")))  // an ordinary Monday
        #expect(try calendar.holiday(on: day("2025-10-06"))?.name == "国庆节、中秋节")
        #expect(try calendar.makeUpWorkday(on: day("2024-02-18"))?.reason == "春节调休上班")
        #expect(try calendar.holiday(on: day("2025-10-09")) == nil)
    }

    // MARK: Units and rounding

    @Test(arguments: [
        (TimeLimit(0, .workingDays), "2025-01-24"),  // 即办件: the acceptance day
        (TimeLimit(0.5, .workingDays), "2025-01-26"),  // half a day rounds up to the next working day
        (TimeLimit(1, .workingDays), "2025-01-26"),
        (TimeLimit(1.5, .workingDays), "2025-01-27"),
        // Clock units through the standard 7-hour office day (9:00–12:00, 13:30–17:30), not a fixed 8 hours.
        (TimeLimit(4, .hours), "2025-01-26"),  // 4 h → 1 working day
        (TimeLimit(7, .hours), "2025-01-26"),
        (TimeLimit(8, .hours), "2025-01-27"),  // 8 h → 2 working days (8/7)
        (TimeLimit(14, .hours), "2025-01-27"),
        (TimeLimit(15, .hours), "2025-02-05"),  // 3 working days: 1-28…2-04 is the Spring Festival
        (TimeLimit(0, .hours), "2025-01-24"),
        (TimeLimit(30, .minutes), "2025-01-26"),
        (TimeLimit(420, .minutes), "2025-01-26"),
        (TimeLimit(421, .minutes), "2025-01-27"),
        (TimeLimit(10, .naturalDays), "2025-02-03"),  // calendar days, holidays included
        (TimeLimit(0, .naturalDays), "2025-01-24"),
        (TimeLimit(1.2, .naturalDays), "2025-01-26"),
    ])
    func convertsUnitsAndRoundsUp(limit: TimeLimit, due: String) throws {
        #expect(try calendar.dueDate(accepted: day("2025-01-24"), limit: limit).description == due)
    }

    @Test func clockUnitsConvertThroughTheWorkspaceOfficeDay() throws {
        // An 8-hour office day (8:30–12:00, 13:30–18:00): 8 hours are one working day there, two under the default.
        let long = OfficeHours(periods: [.init(start: 510, end: 720), .init(start: 810, end: 1080)])
        #expect(long.minutesPerDay == 480)
        let accepted = try day("2025-01-24")
        #expect(
            try calendar.dueDate(accepted: accepted, limit: TimeLimit(8, .hours), officeHours: long).description
                == "2025-01-26")
        #expect(try calendar.dueDate(accepted: accepted, limit: TimeLimit(8, .hours)).description == "2025-01-27")
        #expect(TimeLimit(3.5, .hours).workingDays(in: .standard) == 0.5)
        #expect(TimeLimit(4, .hours).workingDays(in: long) == 0.5)
        #expect(TimeLimit(14, .naturalDays).workingDays(in: long) == 10)
    }

    @Test func acceptanceOnAHolidayStillCountsFromTheNextDay() throws {
        // Accepted online on the first day of the 2025 National Day holiday: the first working day is 10-09.
        #expect(try due("2025-10-01", TimeLimit(1, .workingDays)) == "2025-10-09")
    }

    @Test func countsAcrossTheTurnOfAPublishedYear() throws {
        // 2024-12-31 (Tue) + 1 → 2025-01-02: New Year's Day is a holiday.
        #expect(try due("2024-12-31", TimeLimit(1, .workingDays)) == "2025-01-02")
        #expect(try calendar.workingDays(from: day("2024-12-30"), through: day("2025-01-03")) == 4)
        #expect(try calendar.workingDays(from: day("2025-01-03"), through: day("2024-12-30")) == 0)
        #expect(
            try calendar.workingDays(from: day("2024-01-01"), through: day("2026-12-31")) == 251 + 248
                + 248)
    }

    // MARK: Unpublished years

    @Test func aDayOfAnUnpublishedYearIsAnErrorNotAGuess() throws {
        #expect(throws: CalendarError.yearNotPublished(2027)) {
            try calendar.isWorkingDay(day("2027-01-04"))
        }
        #expect(throws: CalendarError.yearNotPublished(2023)) {
            try calendar.isWorkingDay(day("2023-12-29"))
        }
        #expect(throws: CalendarError.yearNotPublished(2027)) {
            try calendar.dueDate(accepted: day("2027-03-01"), limit: TimeLimit(0, .workingDays))
        }
    }

    @Test func calendarErrorsCarryAStableCode() throws {
        let january = try day("2027-01-04")
        do throws(CalendarError) {
            _ = try calendar.isWorkingDay(january)
            Issue.record("2027 is not in the calendar")
        } catch {
            #expect(error.code == "calendar.year-not-published")
            #expect(error.description == "2027 年的节假日安排尚未公布，无法计算工作日")
        }
    }

    @Test func aCountThatCrossesIntoAnUnpublishedYearIsAnError() throws {
        // 2026-12-24 (Thu) + 5 lands on 2026-12-31 exactly; one more day needs 2027.
        #expect(try due("2026-12-24", TimeLimit(5, .workingDays)) == "2026-12-31")
        #expect(throws: CalendarError.yearNotPublished(2027)) {
            try calendar.dueDate(accepted: day("2026-12-24"), limit: TimeLimit(6, .workingDays))
        }
        #expect(throws: CalendarError.yearNotPublished(2027)) {
            try calendar.dueDate(accepted: day("2026-12-31"), limit: TimeLimit(1, .hours))
        }
        #expect(throws: CalendarError.yearNotPublished(2027)) {
            try calendar.workingDays(from: day("2026-12-01"), through: day("2027-01-10"))
        }
        #expect(throws: CalendarError.yearNotPublished(2023)) {
            try calendar.workingDays(from: day("2023-12-25"), through: day("2024-01-10"))
        }
    }

    @Test func naturalDaysNeedNoArrangement() throws {
        #expect(try due("2027-03-01", TimeLimit(30, .naturalDays)) == "2027-03-31")
    }

    @Test func theMessageSaysWhichYearsAreCovered() throws {
        let error = CalendarError.yearNotPublished(2027)
        #expect(error.description == "2027 年的节假日安排尚未公布，无法计算工作日")
        #expect(calendar.message(for: error) == "2027 年的节假日安排尚未公布，无法计算工作日（日历已覆盖 2024–2026 年）")
        let gappy = WorkingCalendar(years: calendar.years.filter { $0.year != 2025 })
        #expect(gappy.message(for: .yearNotPublished(2025)).hasSuffix("（日历已覆盖 2024、2026 年）"))
        #expect(WorkingCalendar(years: []).message(for: error).hasSuffix("（日历中没有任何年份）"))
        #expect(throws: CalendarError.yearNotPublished(2025)) {
            try gappy.dueDate(accepted: day("2024-12-31"), limit: TimeLimit(1, .workingDays))
        }
    }

    /// Given as (value, unit) pairs and checked without expectation macros around the error: Swift Testing
    /// reflects captured values, and `TimeLimit.description` traps on an infinite value.
    @Test(arguments: [
        (-1, TimeUnit.workingDays), (.nan, .hours), (.infinity, .naturalDays), (1e9, .workingDays),
    ])
    func rejectsLimitsThatCannotBeCounted(value: Double, unit: TimeUnit) throws {
        let accepted = try day("2025-01-24")
        var caught: CalendarError?
        do {
            _ = try calendar.dueDate(accepted: accepted, limit: TimeLimit(value, unit))
        } catch {
            caught = error
        }
        guard case .invalidLimit(let reported)? = caught else {
            Issue.record("expected CalendarError.invalidLimit")
            return
        }
        let message = caught?.description ?? ""
        #expect(reported.unit == unit)
        #expect(message.hasPrefix("时限“"))
        #expect(message.hasSuffix(value < 0 || value.isNaN ? "时限必须是不小于 0 的数" : "过大，无法逐日计算"))
    }

    @Test func theFirstOfTwoArrangementsForAYearWins() throws {
        let year2025 = try #require(calendar.years.first { $0.year == 2025 })
        let plain = CalendarYear(year: 2025, source: "测试", holidays: [], makeUpWorkdays: [])
        let merged = WorkingCalendar(years: [year2025, plain])
        #expect(merged.publishedYears == [2025])
        #expect(try !merged.isWorkingDay(day("2025-01-28")))
        #expect(try WorkingCalendar(years: [plain]).isWorkingDay(day("2025-01-28")))
    }
}
