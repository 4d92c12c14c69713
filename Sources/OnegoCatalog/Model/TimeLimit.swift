/// The unit of a time limit, as written in the catalog.
public enum TimeUnit: String, Sendable, Hashable, Codable, CaseIterable {
    case workingDays = "工作日"
    case naturalDays = "自然日"
    case hours = "小时"
    case minutes = "分钟"

    /// The value in minutes for the clock units; `nil` for day units, which depend on the calendar.
    var minutes: Double? {
        switch self {
        case .hours: 60
        case .minutes: 1
        case .workingDays, .naturalDays: nil
        }
    }
}

/// A time limit: an amount in a unit, with an optional explanation such as "不含专家评审时间".
public struct TimeLimit: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The amount; at most two decimal places (0.5 工作日 is common).
    public var value: Double
    /// The unit.
    public var unit: TimeUnit
    /// An optional explanation.
    public var note: String?

    /// Creates a time limit.
    public init(_ value: Double, _ unit: TimeUnit, note: String? = nil) {
        self.value = value
        self.unit = unit
        self.note = note
    }

    /// `3个工作日`, `0.5个工作日`, `2小时`.
    public var description: String {
        let amount =
            value.isFinite && value.rounded() == value && abs(value) < 1e15 ? String(Int(value)) : String(value)
        switch unit {
        case .workingDays: return "\(amount)个工作日"
        case .naturalDays: return "\(amount)个自然日"
        case .hours: return "\(amount)小时"
        case .minutes: return "\(amount)分钟"
        }
    }

    /// Compares two limits when their units allow it: the same unit, or hours against minutes.
    /// Working days and natural days are not comparable without a calendar, so the result is `nil` then.
    public func compare(to other: TimeLimit) -> ComparisonResult? {
        let (a, b): (Double, Double)
        if unit == other.unit {
            (a, b) = (value, other.value)
        } else if let m = unit.minutes, let n = other.unit.minutes {
            (a, b) = (value * m, other.value * n)
        } else {
            return nil
        }
        return a < b ? .ascending : (a > b ? .descending : .same)
    }

    /// The limit in working days under a workspace's office hours: clock units through the length of its working
    /// day (7 hours by default, not a fixed 8), natural days × 5/7. The same conversion the composer plans with
    /// (``OfficeHours/workingDays(_:)``), as a `Double` for rates and comparisons.
    public func workingDays(in hours: OfficeHours) -> Double {
        guard isExactlyConvertible else { return value * hours.workingDays(TimeLimit(1, unit)).doubleValue }
        return hours.workingDays(self).doubleValue
    }

    /// Compares two limits under a workspace's office hours: like ``compare(to:)``, and also hours or minutes
    /// against working days through the office day's length (``OfficeHours/workingDays(_:)``), exactly. Natural
    /// days stay incomparable with the other units (that needs the calendar), so the result is `nil` then.
    public func compare(to other: TimeLimit, officeHours: OfficeHours) -> ComparisonResult? {
        if let order = compare(to: other) { return order }
        guard (unit == .naturalDays) == (other.unit == .naturalDays) else { return nil }
        if isExactlyConvertible && other.isExactlyConvertible {
            let (a, b) = (officeHours.workingDays(self), officeHours.workingDays(other))
            return a < b ? .ascending : (a > b ? .descending : .same)
        }
        let (a, b) = (workingDays(in: officeHours), other.workingDays(in: officeHours))
        return a < b ? .ascending : (a > b ? .descending : .same)
    }

    /// Whether the value converts to an exact fraction (finite, and small enough for integer arithmetic).
    private var isExactlyConvertible: Bool { value.isFinite && abs(value) < 1e9 }

    /// The order of two comparable limits.
    public enum ComparisonResult: Sendable { case ascending, same, descending }
}
