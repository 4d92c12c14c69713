import OnegoBase

/// The rules a year's arrangement must follow beyond its schema, each reported at the element that breaks it.
///
/// Rules: `calendar.outside-year`, `calendar.range-reversed`, `calendar.overlap`, `calendar.duplicate`,
/// `calendar.makeup-on-weekday`, `calendar.total-mismatch`.
enum CalendarYearChecks {
    static func run(on year: CalendarYear, file: String) -> [Diagnostic] {
        let place = Place(year: year, file: file)
        let (holidays, problems) = validHolidays(year, place)
        return problems + overlaps(holidays, place) + makeUpWorkdayProblems(year, holidays: holidays, place)
            + totalProblems(year, place)
    }

    /// Where a problem is reported: the element's location, else the year's, else the file.
    private struct Place {
        var year: CalendarYear
        var file: String

        func callAsFunction(_ location: SourceLocation?) -> SourceLocation {
            location ?? year.location ?? SourceLocation(file: file, line: 0, column: 0)
        }

        /// `calendar.outside-year` for `day`.
        func outside(_ day: CalendarDay, _ what: String, _ location: SourceLocation?) -> Diagnostic {
            Diagnostic(
                .error, rule: .calendarOutsideYear,
                message: "\(what) \(day) 不在本文件的年份 \(year.year) 年内（跨年的假期请拆分到各自年份的文件中）",
                at: self(location))
        }
    }

    /// The holidays inside the year with their start before their end, and the problems of the others.
    private static func validHolidays(_ year: CalendarYear, _ place: Place) -> ([HolidayPeriod], [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var validHolidays: [HolidayPeriod] = []
        for holiday in year.holidays {
            var isValid = true
            if holiday.from.year != year.year {
                diagnostics.append(place.outside(holiday.from, "假期“\(holiday.name)”的开始日期", holiday.location))
                isValid = false
            }
            if holiday.to.year != year.year {
                diagnostics.append(place.outside(holiday.to, "假期“\(holiday.name)”的结束日期", holiday.location))
                isValid = false
            }
            if holiday.from > holiday.to {
                diagnostics.append(
                    Diagnostic(
                        .error, rule: .calendarRangeReversed,
                        message: "假期“\(holiday.name)”的开始日期 \(holiday.from) 晚于结束日期 \(holiday.to)",
                        at: place(holiday.location)))
                isValid = false
            }
            if isValid { validHolidays.append(holiday) }
        }
        return (validHolidays, diagnostics)
    }

    /// Overlapping holiday periods: each compared with the earlier-starting one that reaches furthest.
    private static func overlaps(_ validHolidays: [HolidayPeriod], _ place: Place) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let sorted = validHolidays.enumerated().sorted { ($0.element.from, $0.offset) < ($1.element.from, $1.offset) }
        var reach: HolidayPeriod?
        for (_, holiday) in sorted {
            if let previous = reach, holiday.from <= previous.to {
                let (earlier, later) = order(previous, holiday)
                diagnostics.append(
                    Diagnostic(
                        .error, rule: .calendarOverlap,
                        message: "假期“\(later.name)”（\(later.from)至\(later.to)）与假期“\(earlier.name)”"
                            + "（\(earlier.from)至\(earlier.to)）重叠",
                        at: place(later.location), related: earlier.location.map { [$0] } ?? []))
            }
            if reach == nil || holiday.to > (reach?.to ?? holiday.to) { reach = holiday }
        }
        return diagnostics
    }

    /// Make-up workdays outside the year, listed twice, on a weekday, or inside a holiday.
    private static func makeUpWorkdayProblems(_ year: CalendarYear, holidays: [HolidayPeriod], _ place: Place)
        -> [Diagnostic]
    {
        var diagnostics: [Diagnostic] = []
        var seen: [CalendarDay: MakeUpWorkday] = [:]
        for workday in year.makeUpWorkdays {
            let day = workday.date
            if day.year != year.year {
                diagnostics.append(place.outside(day, "调休上班日", workday.location))
                continue
            }
            if let first = seen[day] {
                diagnostics.append(
                    Diagnostic(
                        .error, rule: .calendarDuplicate, message: "调休上班日 \(day) 重复列出",
                        at: place(workday.location), related: first.location.map { [$0] } ?? []))
                continue
            }
            seen[day] = workday
            if !day.isWeekend {
                diagnostics.append(
                    Diagnostic(
                        .error, rule: .calendarMakeupOnWeekday,
                        message: "调休上班日 \(day) 是\(day.weekdayName)，本来就是工作日；调休上班日只能是星期六或星期日",
                        at: place(workday.location)))
            }
            if let holiday = holidays.first(where: { $0.contains(day) }) {
                diagnostics.append(
                    Diagnostic(
                        .error, rule: .calendarOverlap,
                        message: "调休上班日 \(day) 落在假期“\(holiday.name)”（\(holiday.from)至\(holiday.to)）之内",
                        at: place(workday.location), related: holiday.location.map { [$0] } ?? []))
            }
        }
        return diagnostics
    }

    /// The declared working-day total against the count from the arrangement.
    private static func totalProblems(_ year: CalendarYear, _ place: Place) -> [Diagnostic] {
        guard let declared = year.declaredWorkingDays else { return [] }
        let counted = year.workingDayTable().count { $0 }
        guard counted != declared else { return [] }
        return [
            Diagnostic(
                .error, rule: .calendarTotalMismatch,
                message: "按本文件的假期和调休安排，\(year.year) 年共有 \(counted) 个工作日，"
                    + "但 workingDays 属性写的是 \(declared)",
                at: place(year.location))
        ]
    }

    /// The two periods in file order (by location), so the later-written one is reported.
    private static func order(_ a: HolidayPeriod, _ b: HolidayPeriod) -> (HolidayPeriod, HolidayPeriod) {
        guard let la = a.location, let lb = b.location else { return (a, b) }
        return la <= lb ? (a, b) : (b, a)
    }
}
