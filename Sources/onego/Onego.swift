import ArgumentParser

/// onego: the service-item catalog and "one matter, one go" composer.
@main
struct Onego: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "onego",
        abstract: "政务服务事项目录与“高效办成一件事”编排工具 (service-item catalog and one-matter composer).",
        version: "0.1.0",
        subcommands: [
            ValidateCommand.self, ShowCommand.self, GuideCommand.self, SiteCommand.self, CalendarCommand.self,
            AuditCommand.self, RulesCommand.self, ComposeCommand.self, DiffCommand.self,
        ]
    )
}
