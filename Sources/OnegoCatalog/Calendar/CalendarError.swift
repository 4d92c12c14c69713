public import OnegoBase

/// Why a working-day computation cannot give an answer.
public enum CalendarError: CodedError, Sendable, Hashable {
    /// The computation needs a day of a year whose holiday arrangement is not in the calendar: the State Council
    /// publishes each year's arrangement late in the year before, and onego never guesses a year it lacks.
    ///
    /// ``WorkingCalendar/message(for:)`` adds which years the calendar does cover.
    case yearNotPublished(Int)
    /// The time limit cannot be counted: negative, not a number, or too large to count day by day.
    case invalidLimit(TimeLimit)
    /// The due date would fall after 9999-12-31, the last day a ``CalendarDay`` can name.
    case beyondLastDay(accepted: CalendarDay, limit: TimeLimit)

    /// The Chinese message a user reads.
    public var description: String {
        switch self {
        case .yearNotPublished(let year):
            return "\(year) 年的节假日安排尚未公布，无法计算工作日"
        case .invalidLimit(let limit):
            // TimeLimit's own description assumes a finite value.
            let text = limit.value.isFinite ? limit.description : "\(limit.value)\(limit.unit.rawValue)"
            if limit.value.isNaN || limit.value < 0 {
                return "时限“\(text)”无效：时限必须是不小于 0 的数"
            }
            return "时限“\(text)”过大，无法逐日计算"
        case .beyondLastDay(let accepted, let limit):
            return "自 \(accepted) 起算 \(limit) 的办结期限晚于 9999-12-31，超出可表示的日期范围（年份 1–9999）"
        }
    }

    /// The stable code: `calendar.year-not-published`, `calendar.invalid-limit` or `calendar.beyond-last-day`.
    public var code: RuleID {
        switch self {
        case .yearNotPublished: RuleID("calendar.year-not-published")
        case .invalidLimit: RuleID("calendar.invalid-limit")
        case .beyondLastDay: RuleID("calendar.beyond-last-day")
        }
    }
}
