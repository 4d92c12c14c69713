import Foundation
import OnegoCatalog
import OnegoTestSupport
import Testing

/// Checks the shipped calendar against an independent source: the PyPI package `chinesecalendar`, run through
/// `Tests/Oracles/chinese_calendar_oracle.py` (`pip install chinesecalendar`). Missing Python or a missing module
/// fails these tests: an oracle that cannot run proves nothing.
@Suite struct CalendarOracleTests {
    let calendar: WorkingCalendar

    init() throws { calendar = try shippedCalendar() }

    @Test func everyDayOf2024Through2026AgreesWithChineseCalendar() throws {
        let lines = try Oracle.run(["status", "2024-01-01", "2026-12-31"])
        #expect(lines.count == 1096)
        func label(_ isWorking: Bool) -> String { isWorking ? "工作日" : "休息日" }
        var compared = 0
        var mismatches: [String] = []
        for line in lines {
            let fields = line.split(separator: " ").map(String.init)
            let date = try #require(fields.count == 2 ? CalendarDay(iso: fields[0]) : nil, "oracle line: \(line)")
            let oracle = fields[1] == "1"
            let ours = try calendar.isWorkingDay(date)
            compared += 1
            if ours != oracle {
                mismatches.append("\(date): onego \(label(ours)), chinesecalendar \(label(oracle))")
            }
        }
        #expect(compared == 1096)
        #expect(mismatches.isEmpty, "\(mismatches.count) mismatches: \(mismatches.prefix(20).joined(separator: "; "))")
    }

    @Test func dueDatesFromEveryAcceptanceDayAgreeWithTheOracle() throws {
        // The oracle counts on its own; days past 2026 are unpublished for both sides.
        let counts = [0, 1, 3, 5, 20, 60]
        let lines = try Oracle.run(["due", "2024-01-01", "2026-12-31"] + counts.map(String.init))
        #expect(lines.count == 1096 * counts.count)
        var mismatches: [String] = []
        var unpublished = 0
        for line in lines {
            let fields = line.split(separator: " ").map(String.init)
            guard fields.count >= 3, let accepted = CalendarDay(iso: fields[0]), let n = Int(fields[1]) else {
                Issue.record("unreadable oracle line: \(line)")
                continue
            }
            let ours: String
            do {
                ours = try calendar.dueDate(accepted: accepted, limit: TimeLimit(Double(n), .workingDays)).description
            } catch .yearNotPublished(let year) {
                ours = "unpublished \(year)"
                unpublished += 1
            } catch {
                ours = "\(error)"
            }
            let oracle = fields[2...].joined(separator: " ")
            if ours != oracle { mismatches.append("\(accepted) + \(n): onego \(ours), oracle \(oracle)") }
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) mismatches: \(mismatches.prefix(20).joined(separator: "; "))")
        // Late-December acceptances with long limits must hit the unpublished 2027, on both sides.
        #expect(unpublished > 0)
    }
}

/// Runs the oracle script with `python3` (or `$ONEGO_PYTHON`).
enum Oracle {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func run(_ arguments: [String]) throws -> [String] {
        let script = Fixtures.path("Tests/Oracles/chinese_calendar_oracle.py")
        let python = ProcessInfo.processInfo.environment["ONEGO_PYTHON"] ?? "python3"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [python, script] + arguments
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        do {
            try process.run()
        } catch {
            throw Failure(
                description: "cannot start \(python) for the calendar oracle (\(error)); "
                    + "install Python 3 and `pip install chinesecalendar`")
        }
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let errors = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let hint = process.terminationStatus == 127 ? "\(python) not found; install Python 3. " : ""
            throw Failure(
                description: "calendar oracle exited with status \(process.terminationStatus): \(hint)\(errors)")
        }
        return String(decoding: output, as: UTF8.self).split(separator: "\n").map(String.init)
    }
}
