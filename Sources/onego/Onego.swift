import ArgumentParser

/// onego: the service-item catalog and "one matter, one go" composer.
@main
struct Onego: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "onego",
        abstract: "政务服务事项目录与“高效办成一件事”编排工具 (service-item catalog and one-matter composer).",
        version: "0.1.0",
        subcommands: [
            ValidateCommand.self, FindCommand.self, ShowCommand.self, GuideCommand.self, SiteCommand.self,
            CalendarCommand.self, AuditCommand.self, RulesCommand.self, ComposeCommand.self, ServeCommand.self,
        ]
    )
}
