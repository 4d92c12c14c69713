import OnegoCatalog
import Testing

/// The one wording for a text that is not a date.
@Suite struct DateTextProblemTests {
    @Test(arguments: [
        ("2026-02-30", "日期不存在（2026 年 2 月只有 28 天）"),
        ("2024-02-30", "日期不存在（2024 年 2 月只有 29 天）"),
        ("2026-04-31", "日期不存在（2026 年 4 月只有 30 天）"),
        ("2026-13-01", "日期不存在（月份应为 01–12）"),
        ("2026-00-10", "日期不存在（月份应为 01–12）"),
        ("0000-01-01", "日期不存在（年份应为 0001–9999）"),
        ("abc", "格式应为 YYYY-MM-DD，如 2026-03-01"),
        ("2026-1-1", "格式应为 YYYY-MM-DD，如 2026-03-01"),
        ("２０２６-01-01", "格式应为 YYYY-MM-DD，如 2026-03-01"),
    ])
    func namesWhyATextIsNotADate(text: String, reason: String) {
        #expect(CalendarDay.problem(parsing: text) == reason)
        #expect(CalendarDay.invalidText("受理日期", text) == "受理日期“\(text)”无效：\(reason)")
    }

    @Test func aRealDateHasNoProblem() {
        #expect(CalendarDay.problem(parsing: "2024-02-29") == nil)
        #expect(CalendarMoment.problem(parsing: "2026-09-29T09:30") == nil)
        #expect(CalendarMoment.problem(parsing: "2026-09-29") == nil)
    }

    @Test(arguments: [
        ("2026-09-29T25:00", "时间不存在（时应为 00–23，分应为 00–59）"),
        ("2026-09-29T09:60", "时间不存在（时应为 00–23，分应为 00–59）"),
        ("2026-02-30T09:00", "日期不存在（2026 年 2 月只有 28 天）"),
        ("2026-09-29 09:30", "格式应为 YYYY-MM-DD 或 YYYY-MM-DDTHH:MM，如 2026-03-01T09:30"),
        ("2026-09-29T9:30", "格式应为 YYYY-MM-DD 或 YYYY-MM-DDTHH:MM，如 2026-03-01T09:30"),
    ])
    func namesWhyATextIsNotAMoment(text: String, reason: String) {
        #expect(CalendarMoment.problem(parsing: text) == reason)
    }
}
