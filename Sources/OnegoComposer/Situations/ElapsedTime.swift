import OnegoCatalog

/// Time elapsed since a date question's answer, in whole units (日, 月, 岁/年), as a date rule reads it: a
/// child born on 2026-01-15 is 0 months old on 2026-02-14 and 1 month old on 2026-02-15; a person born on
/// 1966-03-01 is 60 (岁) on 2026-03-01.
enum ElapsedTime {
    /// The units a date question may use.
    static let units: Set<String> = ["日", "月", "岁", "年"]

    /// Whole units from `date` to `asOf`; nil when `date` is after `asOf`.
    static func elapsed(from date: CalendarDay, to asOf: CalendarDay, unit: String) -> Int? {
        guard date <= asOf else { return nil }
        switch unit {
        case "月", "岁", "年":
            let months = (asOf.year * 12 + asOf.month) - (date.year * 12 + date.month) - (asOf.day < date.day ? 1 : 0)
            return unit == "月" ? months : months / 12
        default:
            return date.days(to: asOf)
        }
    }

    /// The latest date from which `elapsed` whole units have passed on `asOf`.
    static func date(elapsed: Int, unit: String, before asOf: CalendarDay) -> CalendarDay {
        switch unit {
        case "月", "岁", "年":
            let months = (asOf.year * 12 + asOf.month - 1) - (unit == "月" ? elapsed : elapsed * 12)
            let year = max(1, months / 12)
            let month = months / 12 >= 1 ? months % 12 + 1 : 1
            let day = min(asOf.day, daysIn(month: month, year: year))
            return CalendarDay(year: year, month: month, day: day) ?? asOf
        default:
            return asOf.adding(days: -elapsed)
        }
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
