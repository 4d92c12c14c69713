public import OnegoBase

/// One year's official arrangement of public holidays and make-up working days: the content of one file under
/// `Catalogs/calendars/` (format: `Schemas/calendar.xsd`).
public struct CalendarYear: Sendable, Hashable {
    /// The year covered.
    public var year: Int
    /// The notice the data comes from, e.g. `国务院办公厅关于2026年部分节假日安排的通知`.
    public var source: String
    /// The notice's document number (文号), when known.
    public var document: String?
    /// The date the notice was issued, when known.
    public var published: CalendarDay?
    /// The holiday periods, in file order.
    public var holidays: [HolidayPeriod]
    /// The make-up working days (调休上班), in file order.
    public var makeUpWorkdays: [MakeUpWorkday]
    /// The number of working days the file declares, as a checksum, when it declares one.
    public var declaredWorkingDays: Int?
    /// Where the year was read from (the `<calendar>` start tag), when it was read from a file.
    public var location: SourceLocation?

    /// Creates a year.
    public init(
        year: Int, source: String, document: String? = nil, published: CalendarDay? = nil,
        holidays: [HolidayPeriod], makeUpWorkdays: [MakeUpWorkday], declaredWorkingDays: Int? = nil,
        location: SourceLocation? = nil
    ) {
        self.year = year
        self.source = source
        self.document = document
        self.published = published
        self.holidays = holidays
        self.makeUpWorkdays = makeUpWorkdays
        self.declaredWorkingDays = declaredWorkingDays
        self.location = location
    }

    /// Every day of the year, marked working or not, indexed by ordinal − 1.
    func workingDayTable() -> [Bool] {
        let first = CalendarDay.firstOfYearNumber(year)
        var table = (0..<CalendarDay.daysIn(year: year)).map { offset in
            !CalendarDay(dayNumber: first + offset).isWeekend
        }
        let last = first + table.count - 1
        for holiday in holidays {
            let start = max(holiday.from.dayNumber, first)
            let end = min(holiday.to.dayNumber, last)
            if start <= end {
                for number in start...end { table[number - first] = false }
            }
        }
        for workday in makeUpWorkdays where workday.date.year == year {
            table[workday.date.ordinal - 1] = true
        }
        return table
    }
}

/// A public holiday period (放假调休), inclusive at both ends, weekend days included as the notice states them.
public struct HolidayPeriod: Sendable, Hashable {
    /// The festival, e.g. `春节` or `国庆节、中秋节`.
    public var name: String
    /// The first day off.
    public var from: CalendarDay
    /// The last day off (equal to `from` for a one-day holiday).
    public var to: CalendarDay
    /// Where the `<holiday>` element is, when read from a file.
    public var location: SourceLocation?

    /// Creates a holiday period.
    public init(name: String, from: CalendarDay, to: CalendarDay, location: SourceLocation? = nil) {
        self.name = name
        self.from = from
        self.to = to
        self.location = location
    }

    /// Whether `day` lies in the period.
    public func contains(_ day: CalendarDay) -> Bool { from <= day && day <= to }

    /// The number of days in the period.
    public var length: Int { from.days(to: to) + 1 }
}

/// A make-up working day (调休上班): a Saturday or Sunday that is worked and so counts as a working day.
public struct MakeUpWorkday: Sendable, Hashable {
    /// The day.
    public var date: CalendarDay
    /// Why it is worked, e.g. `春节调休上班`.
    public var reason: String
    /// Where the `<workday>` element is, when read from a file.
    public var location: SourceLocation?

    /// Creates a make-up working day.
    public init(date: CalendarDay, reason: String, location: SourceLocation? = nil) {
        self.date = date
        self.reason = reason
        self.location = location
    }
}
