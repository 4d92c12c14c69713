import ArgumentParser
import OnegoBase
import OnegoCatalog
import OnegoExport

/// `onego calendar`: the working-day calendar (due dates, calendar file checks).
struct CalendarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calendar",
        abstract: "工作日历：按法定节假日和调休计算办结期限 (working-day calendar).",
        subcommands: [Due.self, Check.self]
    )
}

extension CalendarCommand {
    /// `onego calendar due YYYY-MM-DD N [--unit workday|day|hour|minute] [--calendar PATH]`.
    struct Due: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "due",
            abstract: "计算办结期限：自受理次日起算 N 个工作日（或自然日、小时）(print the due date).",
            discussion: """
                Counting starts the day after acceptance (行政许可法 art. 82); make-up weekend working days count, \
                holidays do not. Fractions round up to whole days; hours and minutes convert through the length of \
                the office day (--office-hours, default 9:00–12:00 and 13:30–17:30 = 7 hours). A year whose holiday arrangement is not published is an error, never a guess.
                Prints a Chinese sentence, then the ISO date alone on the last line.
                Exit status: 0 success, 1 the year is not published or the calendar is invalid, 64 usage error.
                """
        )

        /// The units a limit can be given in.
        enum Unit: String, ExpressibleByArgument, CaseIterable {
            case workday, day, hour, minute

            var timeUnit: TimeUnit {
                switch self {
                case .workday: .workingDays
                case .day: .naturalDays
                case .hour: .hours
                case .minute: .minutes
                }
            }
        }

        @Argument(help: "The acceptance date, YYYY-MM-DD.")
        var accepted: DayArgument

        /// The limit as typed; collected with `.allUnrecognized` so that `-1` reaches ``validate()`` and is named as
        /// a negative limit instead of being taken for an unknown option.
        @Argument(
            parsing: .allUnrecognized,
            help: ArgumentHelp("The time limit, e.g. 5 or 0.5 (decimal digits only).", valueName: "amount"))
        var amounts: [String] = []

        /// The single limit argument.
        var amount: String { amounts.first ?? "" }

        @Option(help: "The limit's unit: workday (工作日, default), day (自然日), hour (小时) or minute (分钟).")
        var unit: Unit = .workday

        @Option(help: "Calendar files or folders (default: the repository's Catalogs/calendars).")
        var calendar: [String] = []

        @Option(
            name: .customLong("office-hours"),
            help: "Office-hours file (office-hours.txt) whose day length converts hours (default 7 hours).")
        var officeHours: String?

        func validate() throws {
            _ = try accepted.checked("受理日期")
            guard amounts.count == 1 else {
                throw ValidationError(
                    amounts.isEmpty
                        ? "缺少时限：请在受理日期之后给出时限，例如 onego calendar due 2025-01-24 5"
                        : "只能给出一个时限，实为 \(amounts.count) 个：\(amounts.joined(separator: " "))")
            }
            _ = try Self.parseAmount(amount)
        }

        /// The most a limit may be: ten years of natural days, or as many working days, hours or minutes.
        static let maxAmount = 3_650.0

        /// A limit written as decimal digits with an optional fraction (`5`, `0.5`); not `-1`, `0x10`, `1e3`, `inf`.
        static func parseAmount(_ text: String) throws -> Double {
            let parts = text.split(separator: ".", omittingEmptySubsequences: false)
            let isDecimal =
                (1...2).contains(parts.count)
                && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { ("0"..."9").contains($0) } }
            guard isDecimal, let value = Double(text) else {
                let reason =
                    text.hasPrefix("-") ? "时限不能为负数" : "时限只能由数字和小数点组成（不接受十六进制、科学计数法、正负号或空格）"
                throw ValidationError("时限“\(text)”无效：\(reason)，例如 5 或 0.5")
            }
            guard value <= maxAmount else {
                throw ValidationError("时限“\(text)”过大：最多 \(Int(maxAmount))（按所选单位计）")
            }
            return value
        }

        func run() throws {
            guard let day = accepted.day, let value = try? Self.parseAmount(amount) else {
                throw ExitCode(64)
            }
            let files = Workspace(catalogPaths: [], officeHoursPath: officeHours, calendarPaths: calendar)
            let workingCalendar = try Workspace.reported(files.calendar)
            let hours = try Workspace.reported(files.officeHours)
            let limit = TimeLimit(value, unit.timeUnit)
            let due: CalendarDay
            do {
                due = try workingCalendar.dueDate(accepted: day, limit: limit, officeHours: hours)
            } catch {
                throw CommandFailure(workingCalendar.message(for: error), code: error.code, cause: error)
            }
            Terminal.out(
                "受理日期 \(day)（\(day.weekdayName)），时限 \(limit)\(note(for: limit, hours: hours))，"
                    + "办结期限为 \(due.year)年\(due.month)月\(due.day)日（\(due.weekdayName)）\n\(due)")
        }

        /// How the limit was counted, when that is not obvious.
        private func note(for limit: TimeLimit, hours: OfficeHours) -> String {
            switch limit.unit {
            case .naturalDays: return "（自受理次日起按自然日计算）"
            case .hours, .minutes:
                let perDay = Rational(hours.minutesPerDay, 60)
                return "（按每个工作日 \(perDay) 小时（办公时间）折算为工作日，不足一日按一日计，自受理次日起算）"
            case .workingDays:
                return limit.value == 0 ? "（即办）" : "（自受理次日起算，不含法定节假日）"
            }
        }
    }

    /// `onego calendar check PATH...`: validate calendar files.
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "校验工作日历文件 (validate calendar files or folders).",
            discussion: "Exit status: 0 valid, 1 errors found, 64 usage error."
        )

        @Argument(help: "Calendar files or folders (folders are searched for *.xml).")
        var paths: [String] = []

        func validate() throws {
            if paths.isEmpty { throw ValidationError("请至少给出一个日历文件或文件夹 (missing PATH)") }
        }

        func run() throws {
            let (calendar, diagnostics) = WorkingCalendar.load(paths: paths)
            Terminal.print(diagnostics)
            if diagnostics.containsErrors {
                Terminal.out("日历无效：\(diagnostics.count { $0.severity == .error }) 个错误")
                throw ExitCode(1)
            }
            var lines: [String] = []
            for year in calendar.years {
                guard let first = CalendarDay(year: year.year, month: 1, day: 1),
                    let last = CalendarDay(year: year.year, month: 12, day: 31),
                    let total = try? calendar.workingDays(from: first, through: last)
                else { continue }
                lines.append(
                    "\(year.year) 年：\(year.holidays.count) 个假期，\(year.makeUpWorkdays.count) 个调休上班日，"
                        + "全年 \(total) 个工作日（\(year.source)）")
            }
            Terminal.out("日历有效：\(calendar.years.count) 个年份\n" + lines.joined(separator: "\n"))
        }
    }
}
