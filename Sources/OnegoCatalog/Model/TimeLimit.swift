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

    /// The limit in working days, treating clock units as fractions of an 8-hour working day and natural days as
    /// calendar days (callers that need the due date use the working-day calendar instead).
    public var approximateWorkingDays: Double {
        switch unit {
        case .workingDays: value
        case .naturalDays: value * 5 / 7
        case .hours: value / 8
        case .minutes: value / 480
        }
    }

    /// The order of two comparable limits.
    public enum ComparisonResult: Sendable { case ascending, same, descending }
}
