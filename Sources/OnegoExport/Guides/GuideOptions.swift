public import OnegoCatalog

/// What a document needs besides the catalog: the issue date and, for notices, the acceptance date and the
/// working-day calendar that turns limits into due dates.
public struct GuideOptions: Sendable {
    /// The date printed as the document's issue date. A parameter, so output is reproducible.
    public var issued: CalendarDay
    /// The acceptance date, when the notice is handed out on accepting an application.
    public var accepted: CalendarDay?
    /// The calendar used to turn limits into due dates; without one, no due date is printed.
    public var calendar: WorkingCalendar?
    /// The acceptance time, when given to the minute (hour-counted matters are due at a time of day).
    public var acceptedAt: CalendarMoment?
    /// The workspace's office hours: limits in hours and minutes convert to working days through them.
    public var officeHours: OfficeHours = .standard

    /// Creates options.
    public init(issued: CalendarDay, accepted: CalendarDay? = nil, calendar: WorkingCalendar? = nil) {
        self.issued = issued
        self.accepted = accepted
        self.calendar = calendar
    }

    /// Whether due dates can be printed (an acceptance date and a calendar are both known).
    var printsDueDates: Bool { accepted != nil && calendar != nil }

    /// The due date of `limit` when an acceptance date and a calendar are known.
    func due(_ limit: TimeLimit) -> DueDate? {
        guard let accepted, let calendar else { return nil }
        do {
            return .on(try calendar.dueDate(accepted: accepted, limit: limit, officeHours: officeHours))
        } catch {
            return .unknown(calendar.message(for: error))
        }
    }
}

/// The result of counting a time limit from an acceptance date.
enum DueDate: Sendable, Hashable {
    /// The last day of the limit.
    case on(CalendarDay)
    /// The calendar cannot tell (e.g. the year's holidays are not yet published); the reason is printed.
    case unknown(String)
}

extension CalendarDay {
    /// `2026年11月21日`, as printed on Chinese documents.
    var chinese: String { "\(year)年\(month)月\(day)日" }
}
