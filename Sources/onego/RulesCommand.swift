import ArgumentParser
import OnegoAudit
import OnegoBase

/// `onego rules`: list the audit rules so auditors can read what is checked.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "列出审计规则 (list the audit rule registry)."
    )

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    struct Entry: Encodable {
        var id: String
        var severity: String
        var title: String
        var explanation: String
    }

    func run() throws {
        let rules = RuleRegistry.standard.rules
        switch format {
        case .json:
            Terminal.out(
                try Terminal.json(
                    rules.map {
                        Entry(id: $0.id, severity: $0.severity.rawValue, title: $0.title, explanation: $0.explanation)
                    }))
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
