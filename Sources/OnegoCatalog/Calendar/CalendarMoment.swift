/// A day and a time of day to the minute, without time zone: when an application was accepted, or when an
/// hour-counted matter is due.
public struct CalendarMoment: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The day.
    public var day: CalendarDay
    /// Minutes after midnight, 0…1439.
    public var minute: Int

    /// Creates a moment; `nil` when the minute is outside the day.
    public init?(day: CalendarDay, minute: Int) {
        guard (0..<24 * 60).contains(minute) else { return nil }
        self.day = day
        self.minute = minute
    }

    /// Parses `YYYY-MM-DDTHH:MM` (`2026-09-29T09:30`); `nil` when malformed or out of range (`25:00`).
    public init?(iso: String) {
        let parts = iso.split(separator: "T", omittingEmptySubsequences: false)
        guard parts.count == 2, let day = CalendarDay(iso: String(parts[0])) else { return nil }
        let clock = Array(parts[1].utf8)
        guard clock.count == 5, clock[2] == UInt8(ascii: ":"),
            let hour = Int(String(parts[1].prefix(2))), let minute = Int(String(parts[1].suffix(2))),
            clock.enumerated().allSatisfy({
                $0.offset == 2 || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0.element)
            }),
            (0..<24).contains(hour), (0..<60).contains(minute)
        else { return nil }
        self.init(day: day, minute: hour * 60 + minute)
    }

    /// `2026-09-29 14:00`.
    public var description: String { "\(day) \(clock)" }

    /// `14:00`.
    public var clock: String {
        let hour = minute / 60
        let rest = minute % 60
        return (hour < 10 ? "0" : "") + "\(hour):" + (rest < 10 ? "0" : "") + "\(rest)"
    }

    /// `2026年9月29日14:00`, as printed on Chinese documents.
    public var chinese: String { "\(day.year)年\(day.month)月\(day.day)日\(clock)" }

    /// Orders two moments.
    public static func < (a: CalendarMoment, b: CalendarMoment) -> Bool {
        (a.day, a.minute) < (b.day, b.minute)
    }

    /// Encodes as `2026-09-29T14:00`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode("\(day)T\(clock)")
    }

    /// Decodes `2026-09-29T14:00`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let moment = CalendarMoment(iso: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "“\(text)” is not a time in the form YYYY-MM-DDTHH:MM")
        }
        self = moment
    }
}
