import OnegoCatalog
import OnegoXML

/// How every command gets its working-day calendar.
enum CalendarLoading {
    /// The named calendar files or folders, or the shipped calendar when none are named; errors stop the command.
    static func load(paths: [String]) throws -> WorkingCalendar {
        if paths.isEmpty {
            do {
                return try WorkingCalendar.loadDefault()
            } catch let diagnostic {
                throw CommandFailure(diagnostic.description)
            }
        }
        let (calendar, diagnostics) = WorkingCalendar.load(paths: paths)
        if diagnostics.containsErrors {
            Terminal.print(diagnostics)
            throw CommandFailure("工作日历有错误，请先用 onego calendar check 修正")
        }
        return calendar
    }
}
