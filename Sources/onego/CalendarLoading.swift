import Foundation
import OnegoBase
import OnegoCatalog
import OnegoExport

/// How every command gets its working-day calendar.
enum CalendarLoading {
    /// The named calendar files or folders, or the shipped calendar when none are named; errors stop the command.
    /// What is read is recorded as the run's inputs.
    static func load(paths: [String]) throws -> WorkingCalendar {
        InputLedger.shared.recordSchemas(directory: nil)
        if paths.isEmpty {
            if let override = CalendarLocator.overridePath,
                FileManager.default.fileExists(atPath: override)
            {
                InputLedger.shared.record(override)
            }
            do {
                return try WorkingCalendar.loadDefault()
            } catch let diagnostic {
                throw CommandFailure(diagnostic)
            }
        }
        InputLedger.shared.record(paths)
        let (calendar, diagnostics) = WorkingCalendar.load(paths: paths)
        if diagnostics.containsErrors {
            Terminal.print(diagnostics)
            throw CommandFailure("工作日历有错误，请先用 onego calendar check 修正")
        }
        return calendar
    }
}
