import Foundation
import OnegoCatalog

/// A progress line for counted steps (`生成页面 42% · 8400/20000`), redrawn in place on standard error at most ten
/// times a second and erased at the end. Shown only on a terminal, with `CI` unset and `TERM` not `dumb`, as the
/// load's ``Progress`` line.
final class StepProgress: Sendable {
    private let label: String
    /// When the line was last drawn and whether it is on screen.
    private let drawn = Locked((time: 0.0, isShown: false))

    private init(label: String) { self.label = label }

    /// A progress line, or nil when standard error is not a terminal (pipes and CI logs stay quiet).
    static func make(_ label: String, environment: [String: String] = ProcessInfo.processInfo.environment)
        -> StepProgress?
    {
        guard isatty(STDERR_FILENO) == 1, environment["CI"] == nil, environment["TERM"] != "dumb" else { return nil }
        return StepProgress(label: label)
    }

    /// Reports `done` of `total`; safe from any thread. The lock only decides whether to draw; the drawing happens
    /// after it.
    func update(_ done: Int, of total: Int) {
        let now = ProcessInfo.processInfo.systemUptime
        let draws = drawn.withLock { drawn in
            guard now - drawn.time >= 0.1 || done == total else { return false }
            drawn = (now, true)
            return true
        }
        guard draws else { return }
        let percent = total > 0 ? done * 100 / total : 100
        Terminal.errRaw("\r\(label) \(percent)% · \(done)/\(total)\u{1B}[K")
    }

    /// Erases the line.
    func finish() {
        let wasShown = drawn.withLock { drawn in
            defer { drawn.isShown = false }
            return drawn.isShown
        }
        if wasShown { Terminal.errRaw("\r\u{1B}[K") }
    }
}
