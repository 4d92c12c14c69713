import Foundation

/// The office hours of a workspace on each working day (which days are working days comes from the
/// ``WorkingCalendar``): the periods in which hour-counted limits run, and the length of a working day that
/// converts hours into working days everywhere (composer, checks, audit).
///
/// Read from `office-hours.txt` beside the catalog (see ``load(path:)``); the default is 9:00–12:00 and
/// 13:30–17:30, a 7-hour working day.
///
/// ```swift
/// let hours = OfficeHours.standard
/// let accepted = CalendarMoment(iso: "2026-09-29T09:30")!
/// try hours.adding(Rational(180), to: accepted, calendar: calendar)   // 2026-09-29 14:00
/// ```
public struct OfficeHours: Sendable, Hashable {
    /// One period, in minutes after midnight, `start < end`.
    public struct Period: Sendable, Hashable {
        /// The first minute.
        public var start: Int
        /// The minute the period ends.
        public var end: Int

        /// Creates a period.
        public init(start: Int, end: Int) {
            self.start = start
            self.end = end
        }
    }

    /// The periods, ascending and disjoint.
    public let periods: [Period]

    /// Creates office hours from periods, which must be ascending and disjoint.
    public init(periods: [Period]) { self.periods = periods }

    /// 9:00–12:00 and 13:30–17:30.
    public static let standard = OfficeHours(periods: [
        Period(start: 9 * 60, end: 12 * 60), Period(start: 13 * 60 + 30, end: 17 * 60 + 30),
    ])

    /// The minutes of one working day (420 for the standard hours).
    public var minutesPerDay: Int { periods.reduce(0) { $0 + $1.end - $1.start } }

    /// The limit in working days, exactly: clock units through the length of a working day, natural days × 5/7.
    /// The composer's plan, the bundle checks and the audit all convert through this function.
    public func workingDays(_ limit: TimeLimit) -> Rational {
        let value = Rational(decimal: limit.value)
        switch limit.unit {
        case .workingDays: return value
        case .naturalDays: return value * Rational(5, 7)
        case .hours: return value * Rational(60, minutesPerDay)
        case .minutes: return value * Rational(1, minutesPerDay)
        }
    }

    /// The moment `minutes` office minutes after `start`, counting only office hours on working days; a start
    /// outside office hours counts from the next period (after hours: the next working morning). Partial minutes
    /// round up.
    ///
    /// - Throws: ``CalendarError/yearNotPublished(_:)`` when a day's year is not in the calendar.
    public func adding(_ minutes: Rational, to start: CalendarMoment, calendar: WorkingCalendar)
        throws(CalendarError) -> CalendarMoment
    {
        var remaining = max(0, minutes.ceiling)
        var day = start.day
        var minute = start.minute
        guard let first = periods.first else { return start }
        while true {
            if try calendar.isWorkingDay(day) {
                for period in periods where period.end > minute {
                    let from = max(minute, period.start)
                    let available = period.end - from
                    if remaining <= available {
                        return CalendarMoment(day: day, minute: from + remaining) ?? start
                    }
                    remaining -= available
                    minute = period.end
                }
            }
            day = day.adding(days: 1)
            minute = first.start
        }
    }

    /// Reads office hours: one period `HH:MM-HH:MM` a line, ascending; `#` starts a comment.
    ///
    /// - Throws: ``OfficeHoursError`` naming the file, line and column of a malformed or overlapping period.
    public static func load(path: String) throws(OfficeHoursError) -> OfficeHours {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw OfficeHoursError(file: path, line: 0, column: 0, message: "无法读取办公时间文件")
        }
        var periods: [Period] = []
        for (offset, raw) in String(decoding: data, as: UTF8.self).split(
            separator: "\n", omittingEmptySubsequences: false
        ).enumerated() {
            let content = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let text = content.trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty else { continue }
            let column =
                (raw.firstIndex { !$0.isWhitespace }.map { raw.distance(from: raw.startIndex, to: $0) } ?? 0) + 1
            let ends = text.split(separator: "-").map { $0.trimmingCharacters(in: .whitespaces) }
            guard ends.count == 2, let start = clockMinute(ends[0]), let end = clockMinute(ends[1]), start < end else {
                throw OfficeHoursError(
                    file: path, line: offset + 1, column: column,
                    message: "办公时间“\(text)”无效，应为 HH:MM-HH:MM（如 09:00-12:00），且开始早于结束")
            }
            if let last = periods.last, start < last.end {
                throw OfficeHoursError(
                    file: path, line: offset + 1, column: column, message: "办公时间“\(text)”与上一时段重叠或顺序颠倒")
            }
            periods.append(Period(start: start, end: end))
        }
        guard !periods.isEmpty else {
            throw OfficeHoursError(file: path, line: 1, column: 1, message: "办公时间文件中没有任何时段")
        }
        return OfficeHours(periods: periods)
    }

    /// `09:30` → 570; `nil` when malformed or out of range (`24:00` is allowed as the end of a day).
    static func clockMinute(_ text: String) -> Int? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 2, parts[1].count == 2, let hour = Int(parts[0]),
            let minute = Int(parts[1]), (0...24).contains(hour), (0..<60).contains(minute), hour * 60 + minute <= 1440
        else { return nil }
        return hour * 60 + minute
    }

    /// The file name looked for beside a catalog.
    public static let fileName = "office-hours.txt"
}

/// A malformed office-hours file, with where.
public struct OfficeHoursError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file.
    public var file: String
    /// The 1-based line (0 when the file could not be read).
    public var line: Int
    /// The 1-based column.
    public var column: Int
    /// What is wrong, in Chinese.
    public var message: String

    /// `file:line:column: 错误: message`.
    public var description: String { "\(file):\(line):\(column): 错误: \(message)" }
}
