/// Why a text is not a date or a moment, in the one wording every command, answer and file reader uses:
/// `受理日期“2026-02-30”无效：日期不存在（2026 年 2 月只有 28 天）`.
///
/// ```swift
/// CalendarDay.problem(parsing: "2026-13-01")  // "日期不存在（月份应为 01–12）"
/// CalendarDay.problem(parsing: "abc")         // "格式应为 YYYY-MM-DD，如 2026-03-01"
/// CalendarDay.problem(parsing: "2026-03-01")  // nil
/// ```
extension CalendarDay {
    /// The reason `text` is not a `YYYY-MM-DD` date (the format, or a date that does not exist), or `nil` when it
    /// is one.
    public static func problem(parsing text: String) -> String? {
        if CalendarDay(iso: text) != nil { return nil }
        let bytes = Array(text.utf8)
        let digits = [0, 1, 2, 3, 5, 6, 8, 9]
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            digits.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[$0]) }),
            let year = Int(text.prefix(4)), let month = Int(text.dropFirst(5).prefix(2)),
            let day = Int(text.suffix(2))
        else { return "格式应为 YYYY-MM-DD，如 2026-03-01" }
        if year < 1 { return "日期不存在（年份应为 0001–9999）" }
        if !(1...12).contains(month) { return "日期不存在（月份应为 01–12）" }
        let last = daysIn(month: month, year: year)
        if day < 1 || day > last { return "日期不存在（\(year) 年 \(month) 月只有 \(last) 天）" }
        return "格式应为 YYYY-MM-DD，如 2026-03-01"
    }

    /// `受理日期“2026-02-30”无效：日期不存在（2026 年 2 月只有 28 天）`: what a user reads for a bad date.
    public static func invalidText(_ label: String, _ text: String) -> String {
        "\(label)“\(text)”无效：\(problem(parsing: text) ?? "格式应为 YYYY-MM-DD，如 2026-03-01")"
    }
}

extension CalendarMoment {
    /// The reason `text` is neither a date `YYYY-MM-DD` nor a moment `YYYY-MM-DDTHH:MM`, or `nil` when it is one.
    public static func problem(parsing text: String) -> String? {
        if CalendarDay(iso: text) != nil || CalendarMoment(iso: text) != nil { return nil }
        let parts = text.split(separator: "T", maxSplits: 1, omittingEmptySubsequences: false)
        let format = "格式应为 YYYY-MM-DD 或 YYYY-MM-DDTHH:MM，如 2026-03-01T09:30"
        guard let dayProblem = CalendarDay.problem(parsing: String(parts[0])) else {
            // The day is fine: the time of day is wrong.
            guard parts.count == 2 else { return format }
            let clock = Array(parts[1].utf8)
            let isShaped =
                clock.count == 5 && clock[2] == UInt8(ascii: ":")
                && [0, 1, 3, 4].allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(clock[$0]) }
            return isShaped ? "时间不存在（时应为 00–23，分应为 00–59）" : format
        }
        return dayProblem.hasPrefix("日期不存在") ? dayProblem : format
    }

    /// `受理时间“2026-02-30T09:00”无效：日期不存在（…）`.
    public static func invalidText(_ label: String, _ text: String) -> String {
        "\(label)“\(text)”无效：\(problem(parsing: text) ?? "格式应为 YYYY-MM-DD 或 YYYY-MM-DDTHH:MM，如 2026-03-01T09:30")"
    }
}
