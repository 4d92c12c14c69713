import Foundation

/// A progress line for counted steps (`生成页面 42% · 8400/20000`), redrawn in place on standard error at most ten
/// times a second and erased at the end. Shown only on a terminal, with `CI` unset and `TERM` not `dumb`, as the
/// load's ``Progress`` line.
final class StepProgress: @unchecked Sendable {
    private let label: String
    private let lock = NSLock()
    private var lastDrawn = 0.0
    private var isShown = false

    private init(label: String) { self.label = label }

    /// A progress line, or nil when standard error is not a terminal (pipes and CI logs stay quiet).
    static func make(_ label: String, environment: [String: String] = ProcessInfo.processInfo.environment)
        -> StepProgress?
    {
        guard isatty(STDERR_FILENO) == 1, environment["CI"] == nil, environment["TERM"] != "dumb" else { return nil }
        return StepProgress(label: label)
    }

    /// Reports `done` of `total`; safe from any thread.
    func update(_ done: Int, of total: Int) {
        let now = ProcessInfo.processInfo.systemUptime
        lock.lock()
        defer { lock.unlock() }
        guard now - lastDrawn >= 0.1 || done == total else { return }
        lastDrawn = now
        isShown = true
        let percent = total > 0 ? done * 100 / total : 100
        Terminal.errRaw("\r\(label) \(percent)% · \(done)/\(total)\u{1B}[K")
    }

    /// Erases the line.
    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if isShown { Terminal.errRaw("\r\u{1B}[K") }
        isShown = false
    }
}
