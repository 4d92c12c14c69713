import ArgumentParser
import Foundation
import OnegoAudit
import OnegoCatalog
import OnegoExport

/// `onego diff OLD NEW`: what changed between two versions of a catalog, and whether anything got worse.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "比较两版事项目录：新增、删除、变更的事项与各项指标的升降 (compare two catalog versions).",
        discussion: """
            Exit status: 0, or 1 with --fail-on regression when a rate falls, a new error appears, a promised limit
            grows or a target goes from met to missed; 64 usage error.
            """
    )

    /// Output formats.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    /// What makes the command fail.
    enum FailOn: String, ExpressibleByArgument, CaseIterable {
        case regression
    }

    @Argument(help: "The old catalog (file or folder).")
    var old: String

    @Argument(help: "The new catalog (file or folder).")
    var new: String

    @Option(help: "Policy file; its targets are compared too (Schemas/policy.xsd).")
    var policy: String?

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    @Option(name: .customLong("fail-on"), help: "Exit 1 on: regression.")
    var failOn: FailOn?

    @OptionGroup var catalog: CatalogOptions

    func run() throws {
        var policyValue: Policy?
        if let policy {
            let (loaded, problems) = Policy.load(
                path: policy, schemaPath: catalog.schemaDirectory.map { $0 + "/" + SchemaLocator.Kind.policy.rawValue })
            guard let loaded else {
                Terminal.print(problems)
                throw CommandFailure("政策文件 \(policy) 有错误，无法比较")
            }
            policyValue = loaded
        }
        let loader = try catalog.makeLoader()
        let today = CalendarDay.today()
        let auditor = Auditor()
        let before = loader.load(paths: [old])
        let after = loader.load(paths: [new])
        let diff = CatalogDiff(
            old: (before.catalog, auditor.audit(before, policy: policyValue, today: today, paths: [old])),
            new: (after.catalog, auditor.audit(after, policy: policyValue, today: today, paths: [new])))
        switch format {
        case .text: Terminal.out(CatalogDiffReport.text(diff))
        case .json: Terminal.out(try CatalogDiffReport.json(diff))
        }
        if failOn == .regression && !diff.regressions.isEmpty { throw ExitCode(1) }
    }
}
