/// The working-day calendar: which days count as 工作日 under the State Council's published holiday arrangements,
/// and the due dates and working-day counts of time limits.
///
/// A working day is Monday to Friday outside every public holiday, or a listed make-up working day (调休上班),
/// which can be a Saturday or Sunday. A year without a published arrangement is unknown: every question that
/// touches one of its days throws ``CalendarError/yearNotPublished(_:)``, never a guess.
///
/// ```swift
/// let calendar = try WorkingCalendar.loadDefault()                 // Catalogs/calendars/
/// let accepted = CalendarDay(iso: "2025-01-24")!
/// try calendar.dueDate(accepted: accepted, limit: TimeLimit(5, .workingDays))   // 2025-02-07
/// ```
public struct WorkingCalendar: Sendable {
    /// The loaded years, sorted by year.
    public let years: [CalendarYear]
    /// Working-day flags per year, indexed by the day's ordinal − 1.
    private let tables: [Int: [Bool]]

    /// Creates a calendar from years' arrangements. When a year is given twice, the first one is used
    /// (``load(paths:schemaPath:)`` reports such duplicates).
    public init(years: [CalendarYear]) {
        var kept: [Int: CalendarYear] = [:]
        for year in years where kept[year.year] == nil { kept[year.year] = year }
        self.years = kept.values.sorted { $0.year < $1.year }
        self.tables = kept.mapValues { $0.workingDayTable() }
    }

    /// The years whose arrangement is known, ascending.
    public var publishedYears: [Int] { years.map(\.year) }

    /// Whether `day` is a working day.
    ///
    /// - Throws: ``CalendarError/yearNotPublished(_:)`` when the day's year is not in the calendar.
    public func isWorkingDay(_ day: CalendarDay) throws(CalendarError) -> Bool {
        guard let table = tables[day.year] else { throw .yearNotPublished(day.year) }
        return table[day.ordinal - 1]
    }

    /// The holiday period that contains `day`, if any.
    public func holiday(on day: CalendarDay) -> HolidayPeriod? {
        years.first { $0.year == day.year }?.holidays.first { $0.contains(day) }
    }

    /// The make-up working day listed for `day`, if any.
    public func makeUpWorkday(on day: CalendarDay) -> MakeUpWorkday? {
        years.first { $0.year == day.year }?.makeUpWorkdays.first { $0.date == day }
    }

    /// The day a time limit expires when the matter was accepted on `accepted`.
    ///
    /// Counting starts the day **after** acceptance (行政许可法 art. 82), so the result is the last day on which
    /// the decision is still in time:
    /// - **工作日**: the N-th working day after `accepted`; a fractional limit rounds up to whole working days
    ///   (0.5 → the next working day); 0 is the acceptance day itself (即办件).
    /// - **自然日**: `accepted` + N calendar days (a fraction rounds up). No holiday arrangement is needed, so
    ///   natural-day limits work in any year; the civil-law rule that moves a deadline off a holiday
    ///   (民法典 art. 203) is not applied.
    /// - **小时 / 分钟**: converted to working days through `officeHours` (``OfficeHours/workingDays(_:)``, the
    ///   composer's conversion: 7 hours a day by default) and rounded up to whole working days (2 hours → 1
    ///   working day, 7 hours → 1, 8 hours → 2), then counted as working days. To date an hour limit to the
    ///   minute, use ``OfficeHours/adding(_:to:calendar:)``.
    ///
    /// - Throws: ``CalendarError/yearNotPublished(_:)`` when a working-day count needs a day (including the
    ///   acceptance day) of a year not in the calendar; ``CalendarError/invalidLimit(_:)`` when the limit is
    ///   negative, not a number, or more than 100 000 days; ``CalendarError/beyondLastDay(accepted:limit:)`` when the
    ///   due date would be after 9999-12-31.
    public func dueDate(
        accepted: CalendarDay, limit: TimeLimit, officeHours: OfficeHours = .standard
    ) throws(CalendarError) -> CalendarDay {
        let count = try Self.wholeDays(in: limit, officeHours: officeHours)
        if limit.unit == .naturalDays {
            let due = accepted.adding(days: count)
            guard due.year <= 9999 else { throw .beyondLastDay(accepted: accepted, limit: limit) }
            return due
        }
        guard var table = tables[accepted.year] else { throw .yearNotPublished(accepted.year) }
        // Walk the year's flags by index (no date arithmetic or table lookup per day), moving to the next year's
        // table past 31 December.
        var year = accepted.year
        var index = accepted.ordinal - 1
        var remaining = count
        while remaining > 0 {
            index += 1
            if index == table.count {
                year += 1
                if year > 9999 { throw .beyondLastDay(accepted: accepted, limit: limit) }
                guard let next = tables[year] else { throw .yearNotPublished(year) }
                table = next
                index = 0
            }
            if table[index] { remaining -= 1 }
        }
        return CalendarDay(dayNumber: CalendarDay.firstOfYearNumber(year) + index)
    }

    /// The number of working days from `from` through `through`, both included; 0 when `from` is after `through`.
    ///
    /// To count the working days a matter took, pass the day after acceptance as `from`.
    ///
    /// - Throws: ``CalendarError/yearNotPublished(_:)`` when the range touches a year not in the calendar.
    public func workingDays(from: CalendarDay, through: CalendarDay) throws(CalendarError) -> Int {
        guard from <= through else { return 0 }
        var total = 0
        for year in from.year...through.year {
            guard let table = tables[year] else { throw .yearNotPublished(year) }
            let start = year == from.year ? from.ordinal : 1
            let end = year == through.year ? through.ordinal : table.count
            total += table[(start - 1)..<end].count { $0 }
        }
        return total
    }

    /// The message for `error` with what this calendar covers, e.g.
    /// `2027 年的节假日安排尚未公布，无法计算工作日（日历已覆盖 2024–2026 年）`.
    public func message(for error: CalendarError) -> String {
        guard case .yearNotPublished = error else { return error.description }
        return error.description + "（\(coverage)）"
    }

    /// `日历已覆盖 2024–2026 年`, `日历已覆盖 2024、2026 年`, or `日历中没有任何年份`.
    var coverage: String {
        let list = publishedYears
        guard let first = list.first, let last = list.last else { return "日历中没有任何年份" }
        if list.count == 1 { return "日历仅覆盖 \(first) 年" }
        if last - first + 1 == list.count { return "日历已覆盖 \(first)–\(last) 年" }
        return "日历已覆盖 " + list.map(String.init).joined(separator: "、") + " 年"
    }

    /// The whole number of days (working or natural) a limit stands for, rounding fractions up; clock units
    /// convert through `officeHours`.
    static func wholeDays(in limit: TimeLimit, officeHours: OfficeHours) throws(CalendarError) -> Int {
        let value = limit.value
        guard value.isFinite, value >= 0, value <= 100_000 * 24 * 60 else { throw .invalidLimit(limit) }
        // Natural days count as calendar days here (not × 5/7); clock units through the office day.
        let days = limit.unit == .naturalDays ? Rational(decimal: value) : officeHours.workingDays(limit)
        guard days <= Rational(100_000) else { throw .invalidLimit(limit) }
        return days.ceiling
    }
}
