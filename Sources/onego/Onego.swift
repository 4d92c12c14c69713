import ArgumentParser
import Foundation
import OnegoExport

/// onego: the service-item catalog and "one matter, one go" composer.
@main
struct Onego: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "onego",
        abstract: "政务服务事项目录与“高效办成一件事”编排工具 (service-item catalog and one-matter composer).",
        version: VersionText.full,
        subcommands: [
            ValidateCommand.self, FindCommand.self, ShowCommand.self, GuideCommand.self, SiteCommand.self,
            CalendarCommand.self, AuditCommand.self, RulesCommand.self, ComposeCommand.self, ImportCommand.self,
            TemplateCommand.self, ExportCommand.self, DiffCommand.self, ServeCommand.self,
        ]
    )

    /// Runs the command line as `ParsableCommand.main()` does, except that every message goes through
    /// ``StandardStreams`` (a write error is exit 74, not a trap) and interrupted runs remove their temporary files.
    static func main() async {
        StandardStreams.prepare()
        InterruptCleanup.install()
        var status: Int32 = 0
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let message = CommandSuggestion.message(for: arguments) ?? CommandSuggestion.unknownOption(in: arguments) {
            Terminal.err(message)
            StandardStreams.terminate(ExitCode.validationFailure.rawValue)
        }
        var hasParsed = false
        do {
            var command = try parseAsRoot()
            hasParsed = true
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            // A command's own failure prints once, in Chinese, without argument-parser's English `Error:` prefix.
            let isCommandFailure = !(error is ExitCode) && code == .failure
            // A usage error found while running (an answer key the matter lacks) is about the arguments already
            // parsed: its message alone, not the root command's usage.
            let message =
                isCommandFailure || (hasParsed && error is ValidationError)
                ? failureText(error) : usageText(fullMessage(for: error))
            if !message.isEmpty {
                if code == .success { Terminal.out(message) } else { Terminal.err(message) }
            }
            status = code.rawValue
        }
        // An interrupted run ends by its signal (InterruptCleanup sends it once the temporary files are gone), not
        // with the status of the write the interruption refused, which could otherwise win the race.
        if TemporaryFiles.isInterrupted { sleep(5) }
        StandardStreams.terminate(status)
    }
}
