import ArgumentParser
import OnegoAudit
import OnegoBase
import OnegoImport

/// `onego rules`: list the audit rules so auditors can read what is checked.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "列出全部规则 (list every rule onego reports: audit, loading, matters, calendars, import)."
    )

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    struct Entry: Encodable {
        var id: String
        var severity: String
        var title: String
        var explanation: String
    }

    /// Every rule onego can report: the audit registry (which includes the loader's, composer's and calendar's
    /// rules), then the workspace and importer rules.
    static let registry = RuleRegistry.standard.adding(RuleDescriptor.workspaceRules + RuleDescriptor.importRules)

    func run() throws {
        let rules = Self.registry.rules
        switch format {
        case .json:
            Terminal.out(
                try Terminal.versionedJSON(
                    rules.map {
                        Entry(
                            id: $0.id.rawValue, severity: $0.severity.rawValue, title: $0.title,
                            explanation: $0.explanation)
                    }, key: "rules"))
        case .text:
            var text = ""
            var family: RuleFamily?
            for rule in rules {
                if rule.family != family {
                    family = rule.family
                    text += "\n\(rule.family.label)\n"
                }
                text += "  \(rule.id)  [\(rule.severity.label)]  \(rule.title)\n      \(rule.explanation)\n"
            }
            text += "\n共 \(rules.count) 条规则。\n"
            Terminal.out(text)
        }
    }
}
