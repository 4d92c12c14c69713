import OnegoCatalog

/// How guides print amounts of time.
///
/// Computed day figures (a matter's critical path, natural days converted to working days) can have odd
/// fractions such as 20.21. Guides round them **up** to the next half day (20.21 → 20.5, 3.01 → 3.5), because a
/// printed promise must never be shorter than the time it stands for; whole and half days print unchanged. Hours
/// and minutes print with at most one decimal. A limit of zero reads 即办 (finished on the spot), never
/// "0个工作日".
enum DayFigures {
    /// `20`, `20.5`: a day count rounded up to the half day.
    static func days(_ value: Double) -> String {
        guard value.isFinite else { return "—" }
        let halves = (value * 2 - 1e-9).rounded(.up) / 2
        return number(max(0, halves))
    }

    /// `3个工作日`, `20.5个自然日`, `1.5小时`, or `即办` for zero.
    static func limit(_ limit: TimeLimit) -> String {
        guard limit.value > 0 else { return "即办" }
        switch limit.unit {
        case .workingDays: return days(limit.value) + "个工作日"
        case .naturalDays: return days(limit.value) + "个自然日"
        case .hours: return number((limit.value * 10).rounded(.up) / 10) + "小时"
        case .minutes: return number((limit.value * 10).rounded(.up) / 10) + "分钟"
        }
    }

    private static func number(_ value: Double) -> String {
        value.rounded() == value && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
