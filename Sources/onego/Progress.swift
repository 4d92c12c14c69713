import Foundation
import OnegoCatalog

/// The progress line of long loads: items per second and an estimate, redrawn in place on standard error.
///
/// Shown only when standard error is a terminal and the environment variable `CI` is unset, and only once a
/// load has run for a second, so pipes, CI logs and short runs stay quiet. The line is erased when parsing ends.
enum Progress {
    /// A reporter for ``CatalogLoader/progress``, or nil when no progress should be shown.
    static func display(environment: [String: String] = ProcessInfo.processInfo.environment) -> (
        @Sendable (LoadProgress) -> Void
    )? {
        guard isatty(STDERR_FILENO) == 1, environment["CI"] == nil, environment["TERM"] != "dumb" else { return nil }
        let shown = ShownFlag()
        return { progress in
            if progress.isFinished {
                if shown.value { Terminal.errRaw("\r\u{1B}[K") }
                return
            }
            guard progress.elapsed >= 1 else { return }
            shown.value = true
            Terminal.errRaw("\r" + line(progress) + "\u{1B}[K")
        }
    }

    /// `正在读取 42% · 120000 个事项 · 38000 项/秒 · 预计还需 12 秒`.
    static func line(_ progress: LoadProgress) -> String {
        var parts = [
            "正在读取 \(Int(progress.fraction * 100))%", "\(progress.items) 个事项",
            "\(Int(progress.itemsPerSecond.rounded())) 项/秒",
        ]
        if let left = progress.estimatedSecondsLeft { parts.append("预计还需 \(Int(left.rounded(.up))) 秒") }
        return parts.joined(separator: " · ")
    }
}

/// Whether the progress line is on screen; only touched under the loader's progress lock.
private final class ShownFlag: @unchecked Sendable {
    var value = false
}
