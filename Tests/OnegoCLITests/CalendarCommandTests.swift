import Foundation
import OnegoTestSupport
import Testing

@Suite struct CalendarCommandTests {
    @Test(arguments: [
        (["2025-01-24", "5"], "2025-02-07", "办结期限为 2025年2月7日（星期五）"),
        (["2026-02-13", "3"], "2026-02-25", "办结期限为 2026年2月25日（星期三）"),
        (["2025-09-26", "1", "--unit", "workday"], "2025-09-28", "办结期限为 2025年9月28日（星期日）"),
        (["2024-09-27", "20"], "2024-10-30", "办结期限为 2024年10月30日（星期三）"),
        (["2025-01-24", "0.5"], "2025-01-26", "时限 0.5个工作日"),
        (["2025-01-24", "10", "--unit", "day"], "2025-02-03", "时限 10个自然日"),
        (["2025-01-24", "14", "--unit", "hour"], "2025-01-27", "按每个工作日 7 小时（办公时间）折算"),
        (["2025-01-24", "15", "--unit", "hour"], "2025-02-05", "按每个工作日 7 小时（办公时间）折算"),
    ])
    func printsTheDueDateInChineseThenISO(arguments: [String], iso: String, phrase: String) throws {
        let run = try Fixtures.runOnego(["calendar", "due"] + arguments)
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        #expect(lines.first?.hasPrefix("受理日期 \(arguments[0])") == true)
        #expect(lines.first?.contains(phrase) == true, "\(run.stdout)")
        #expect(lines.last == iso)
        #expect(run.stderr.isEmpty)
    }

    @Test func anUnpublishedYearExitsOneWithTheChineseMessage() throws {
        let run = try Fixtures.runOnego(["calendar", "due", "2026-12-31", "1"])
        #expect(run.status == 1)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("2027 年的节假日安排尚未公布，无法计算工作日（日历已覆盖 2024–2026 年）"))
    }

    @Test(arguments: [
        (["2025-02-30", "1"], "受理日期“2025-02-30”无效"),
        (["2025/01/24", "1"], "受理日期“2025/01/24”无效"),
        (["2025-01-24", "five"], "时限“five”无效"),
        (["2025-01-24", "3", "--unit", "week"], "week"),
    ])
    func badArgumentsAreUsageErrors(arguments: [String], phrase: String) throws {
        let run = try Fixtures.runOnego(["calendar", "due"] + arguments)
        #expect(run.status == 64)
        #expect(run.stderr.contains(phrase), "\(run.stderr)")
        #expect(run.stdout.isEmpty)
    }

    @Test func aNamedCalendarIsUsedAndItsErrorsStopTheCommand() throws {
        let only2025 = try Fixtures.runOnego(
            ["calendar", "due", "2024-12-31", "1", "--calendar", "Catalogs/calendars/2025.xml"])
        #expect(only2025.status == 1)
        #expect(only2025.stderr.contains("2024 年的节假日安排尚未公布，无法计算工作日（日历仅覆盖 2025 年）"))

        let broken = try Fixtures.runOnego(
            ["calendar", "due", "2025-01-24", "1", "--calendar", "Tests/Fixtures/calendar/outside-year.xml"])
        #expect(broken.status == 1)
        #expect(
            broken.stderr.contains(
                "Tests/Fixtures/calendar/outside-year.xml:5:3: 错误: 调休上班日 2024-12-29 不在本文件的年份 2025 年内"))
    }

    @Test func theShippedCalendarIsFoundFromAnyWorkingDirectory() throws {
        // runOnego starts in the repository; here the environment points elsewhere explicitly.
        let run = try Fixtures.runOnego(
            ["calendar", "due", "2025-01-24", "5"],
            environment: ["ONEGO_CALENDARS": Fixtures.path("Catalogs/calendars")])
        #expect(run.status == 0)
        #expect(run.stdout.hasSuffix("2025-02-07\n"))
        let wrong = try Fixtures.runOnego(
            ["calendar", "due", "2025-01-24", "5"], environment: ["ONEGO_CALENDARS": "/no/such/folder"])
        #expect(wrong.status == 1)
        #expect(wrong.stderr.contains("找不到工作日历目录"))
    }

    @Test func checkReportsTotalsOrFaults() throws {
        let good = try Fixtures.runOnego(["calendar", "check", "Catalogs/calendars"])
        #expect(good.status == 0)
        #expect(good.stdout.contains("2025 年：6 个假期，5 个调休上班日，全年 248 个工作日"))
        #expect(good.stdout.hasPrefix("日历有效：3 个年份"))

        let bad = try Fixtures.runOnego(["calendar", "check", "Tests/Fixtures/calendar/holiday-overlap.xml"])
        #expect(bad.status == 1)
        #expect(bad.stderr.hasPrefix("Tests/Fixtures/calendar/holiday-overlap.xml:6:3: 错误: 假期“元宵节”"))
        #expect(bad.stdout.hasPrefix("日历无效：1 个错误"))

        #expect(try Fixtures.runOnego(["calendar", "check"]).status == 64)
    }
}
