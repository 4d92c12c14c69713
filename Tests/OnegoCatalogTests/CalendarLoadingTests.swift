import Foundation
import OnegoBase
import OnegoCatalog
import OnegoTestSupport
import Testing

@Suite struct CalendarLoadingTests {
    let schema = Fixtures.path("Schemas/calendar.xsd")

    func load(_ paths: [String]) -> (calendar: WorkingCalendar, diagnostics: [Diagnostic]) {
        WorkingCalendar.load(paths: paths, schemaPath: schema)
    }

    @Test func theShippedFolderLoadsCleanlyWithItsSources() throws {
        let (calendar, diagnostics) = load([Fixtures.path("Catalogs/calendars")])
        #expect(diagnostics.isEmpty)
        #expect(calendar.publishedYears == [2024, 2025, 2026])
        let year = try #require(calendar.years.last)
        #expect(year.published == CalendarDay(iso: "2025-11-04"))
        #expect(year.holidays.first { $0.name == "春节" }?.length == 9)
        #expect(year.location?.file == Fixtures.path("Catalogs/calendars/2026.xml"))
        #expect(calendar.years[1].document == "国办发明电〔2024〕12号")
    }

    /// One fixture per fault: the rule, the exact line and column, and a phrase of the message.
    @Test(arguments: [
        ("outside-year.xml", "calendar.outside-year", 5, 3, "调休上班日 2024-12-29 不在本文件的年份 2025 年内"),
        (
            "holiday-overlap.xml", "calendar.overlap", 6, 3,
            "假期“元宵节”（2025-02-03至2025-02-05）与假期“春节”（2025-01-28至2025-02-04）重叠"
        ),
        ("duplicate-workday.xml", "calendar.duplicate", 6, 5, "调休上班日 2025-01-26 重复列出"),
        ("workday-in-holiday.xml", "calendar.overlap", 5, 3, "调休上班日 2025-05-03 落在假期“劳动节”"),
        ("makeup-on-weekday.xml", "calendar.makeup-on-weekday", 5, 3, "调休上班日 2025-02-05 是星期三"),
        ("reversed-range.xml", "calendar.range-reversed", 4, 3, "开始日期 2025-02-04 晚于结束日期 2025-01-28"),
        ("total-mismatch.xml", "calendar.total-mismatch", 4, 1, "2025 年共有 248 个工作日，但 workingDays 属性写的是 250"),
        ("impossible-date.xml", "xml.schema", 4, 3, "2025-02-30"),
        ("missing-year.xml", "xml.schema", 3, 1, "year"),
        (
            "wrong-root.xml", "calendar.root", 3, 1,
            "根元素应为 <calendar xmlns=\"urn:onego:calendar:1\">，实为 <calendar>（无命名空间）"
        ),
    ])
    func eachFaultIsReportedAtItsElement(file: String, rule: RuleID, line: Int, column: Int, phrase: String) throws {
        let path = Fixtures.fixture("calendar/" + file)
        let (calendar, diagnostics) = load([path])
        let first = try #require(diagnostics.first { $0.severity == .error })
        #expect(diagnostics.count { $0.severity == .error } == 1, "\(diagnostics)")
        #expect(first.rule == rule)
        #expect(first.location == SourceLocation(file: path, line: line, column: column))
        #expect(first.message.contains(phrase), "\(first.message)")
        // A year with an error stays unknown rather than half-known.
        #expect(calendar.publishedYears.isEmpty)
    }

    @Test func overlapsAndDuplicatesPointAtTheFirstDefinition() throws {
        let path = Fixtures.fixture("calendar/holiday-overlap.xml")
        let diagnostic = try #require(load([path]).diagnostics.first)
        #expect(diagnostic.related == [SourceLocation(file: path, line: 4, column: 3)])
        let duplicate = Fixtures.fixture("calendar/duplicate-workday.xml")
        #expect(load([duplicate]).diagnostics.first?.related == [SourceLocation(file: duplicate, line: 5, column: 3)])
    }

    @Test func aYearGivenTwiceIsReportedAndTheFirstKept() throws {
        let shipped = Fixtures.path("Catalogs/calendars/2025.xml")
        let second = Fixtures.fixture("calendar/duplicate-2025.xml")
        let (calendar, diagnostics) = load([shipped, second])
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostics.count == 1)
        #expect(diagnostic.rule == "calendar.duplicate-year")
        #expect(diagnostic.location == SourceLocation(file: second, line: 3, column: 1))
        #expect(diagnostic.related == [SourceLocation(file: shipped, line: 4, column: 1)])
        #expect(diagnostic.description.hasPrefix("\(second):3:1: 错误: 2025 年的节假日安排重复出现"))
        #expect(calendar.publishedYears == [2025])
        #expect(try !calendar.isWorkingDay(day("2025-01-28")))
    }

    @Test func foldersSkipOtherOnegoDocumentsButNamedFilesMustBeCalendars() throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.copyItem(
            atPath: Fixtures.path("Catalogs/calendars/2026.xml"), toPath: folder + "/2026.xml")
        try FileManager.default.copyItem(atPath: Fixtures.fixture("minimal.xml"), toPath: folder + "/catalog.xml")
        let (calendar, diagnostics) = load([folder])
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(calendar.publishedYears == [2026])

        let named = load([folder + "/catalog.xml"])
        #expect(named.diagnostics.first?.rule == "calendar.root")
        #expect(named.diagnostics.first?.location?.line == 2)
    }

    @Test func missingPathsAndEmptyFoldersAreReported() throws {
        #expect(
            load(["no/such/calendars"]).diagnostics.first?.description
                == "no/such/calendars: 错误: 文件不存在（No such file or directory） [io.read]")
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(load([folder]).diagnostics.first?.rule == "io.no-catalog")
    }

    @Test func aMissingSchemaIsReportedNotIgnored() {
        let (calendar, diagnostics) = WorkingCalendar.load(
            paths: [Fixtures.path("Catalogs/calendars")], schemaPath: "/no/such/calendar.xsd")
        #expect(diagnostics.first?.rule == "xml.schema-file")
        #expect(calendar.publishedYears.isEmpty)
    }

    @Test func theDefaultCalendarIsFoundFromTheRepository() throws {
        // Tests run inside the repository, so the search above the current directory or executable finds it.
        let calendar = try WorkingCalendar.loadDefault()
        #expect(calendar.publishedYears == [2024, 2025, 2026])
    }
}
