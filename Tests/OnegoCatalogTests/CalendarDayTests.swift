import Foundation
import OnegoCatalog
import Testing

@Suite struct CalendarDayTests {
    @Test(arguments: [
        ("2025-01-24", 2025, 1, 24), ("2024-02-29", 2024, 2, 29), ("2000-02-29", 2000, 2, 29),
        ("0001-01-01", 1, 1, 1), ("9999-12-31", 9999, 12, 31),
    ])
    func parsesISODates(text: String, year: Int, month: Int, day: Int) throws {
        let parsed = try #require(CalendarDay(iso: text))
        #expect(parsed.year == year && parsed.month == month && parsed.day == day)
        #expect(parsed.description == text)
    }

    @Test(arguments: [
        "2025-02-29", "1900-02-29", "2025-04-31", "2025-13-01", "2025-00-10", "2025-01-00", "0000-01-01",
        "2025-1-24", "2025/01/24", "2025-01-24T00:00", " 2025-01-24", "２０２５-01-24", "", "20250124",
    ])
    func rejectsMalformedOrImpossibleDates(text: String) {
        #expect(CalendarDay(iso: text) == nil)
    }

    @Test func todayIsTheDateInTheLocalTimeZone() {
        // Read on both sides of the call, so a run across midnight still has one matching reading.
        func foundationToday() -> String {
            let formatter = DateFormatter()
            formatter.calendar = Calendar(identifier: .gregorian)
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone.current
            formatter.dateFormat = "yyyy-MM-dd"
            return formatter.string(from: Date())
        }
        let before = foundationToday()
        let today = CalendarDay.today().description
        let after = foundationToday()
        #expect(today == before || today == after)
    }

    @Test func rejectsImpossiblePartsButAcceptsLeapDays() {
        #expect(CalendarDay(year: 2025, month: 2, day: 29) == nil)
        #expect(CalendarDay(year: 2100, month: 2, day: 29) == nil)
        #expect(CalendarDay(year: 2024, month: 2, day: 29) != nil)
        #expect(CalendarDay(year: 2025, month: 6, day: 31) == nil)
        #expect(CalendarDay(year: 10_000, month: 1, day: 1) == nil)
    }

    @Test(arguments: [
        ("2024-01-01", 1, "星期一"), ("2025-01-24", 5, "星期五"), ("2025-09-28", 7, "星期日"),
        ("2026-02-14", 6, "星期六"), ("1970-01-01", 4, "星期四"), ("1969-12-31", 3, "星期三"),
        ("2000-02-29", 2, "星期二"),
    ])
    func knowsTheWeekday(text: String, weekday: Int, name: String) throws {
        let day = try #require(CalendarDay(iso: text))
        #expect(day.weekday == weekday)
        #expect(day.weekdayName == name)
        #expect(day.isWeekend == (weekday >= 6))
    }

    @Test func addsDaysAcrossMonthsYearsAndLeapDays() throws {
        let day = try #require(CalendarDay(iso: "2024-02-28"))
        #expect(day.adding(days: 1).description == "2024-02-29")
        #expect(day.adding(days: 2).description == "2024-03-01")
        #expect(day.adding(days: 366).description == "2025-02-28")
        #expect(day.adding(days: -59).description == "2023-12-31")
        #expect(day.adding(days: 0) == day)
        let end = try #require(CalendarDay(iso: "2026-12-31"))
        #expect(day.days(to: end) == 1037)
        #expect(end.days(to: day) == -1037)
    }

    @Test func successiveDaysWalkTheCalendarWithoutGaps() throws {
        // Two centuries day by day: every step is the next day of the month or the 1st of the next month, and
        // the weekday advances by one.
        var day = try #require(CalendarDay(iso: "1901-01-01"))
        var steps = 0
        while day.year < 2101 {
            let next = day.adding(days: 1)
            let expected =
                CalendarDay(year: day.year, month: day.month, day: day.day + 1)
                ?? CalendarDay(year: day.year, month: day.month + 1, day: 1)
                ?? CalendarDay(year: day.year + 1, month: 1, day: 1)
            #expect(next == expected)
            #expect(next.weekday == day.weekday % 7 + 1)
            #expect(day < next)
            day = next
            steps += 1
        }
        #expect(steps == 73_049)
    }

    @Test func encodesAsTheISOString() throws {
        let day = try #require(CalendarDay(iso: "2025-02-07"))
        let data = try JSONEncoder().encode(["due": day])
        #expect(String(decoding: data, as: UTF8.self) == #"{"due":"2025-02-07"}"#)
        #expect(try JSONDecoder().decode([String: CalendarDay].self, from: data)["due"] == day)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([CalendarDay].self, from: Data(#"["2025-02-30"]"#.utf8))
        }
    }
}
