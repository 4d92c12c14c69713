import ArgumentParser
import Foundation

extension Onego {
    /// Parses and runs the command. Usage errors go through argument-parser (its `Error:` line and usage, exit 64);
    /// a command's failure prints its own message once, in Chinese, with no English `Error:` in front of a message
    /// that already reads `错误:` (issue 11), and exits 1.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if error is ExitCode || exitCode(for: error) != .failure { exit(withError: error) }
            Terminal.err(failureText(error))
            Foundation.exit(EXIT_FAILURE)
        }
    }

    /// The text of a failure: a diagnostic's compiler-style line as it is, anything else after `错误: `.
    static func failureText(_ error: any Error) -> String {
        let text = String(describing: error)
        return text.hasPrefix("错误: ") || text.contains(": 错误: ") ? text : "错误: " + text
    }
}
