import ArgumentParser
import Foundation
import OnegoAudit
import OnegoBase
import OnegoCatalog
import OnegoExport

/// `onego diff OLD NEW`: what changed between two versions of a catalog, and whether anything got worse.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "比较两版事项目录：新增、删除、变更的事项与各项指标的升降 (compare two catalog versions).",
        discussion: """
            Exit status: 0, or 1 with --fail-on-regression (or --fail-on regression) when a rate falls by more than
            --tolerance percentage points, a new error appears, a promised limit grows or a target goes from met to
            missed; 64 usage error.
            """
    )

    /// Output formats.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, html
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

    @Option(help: "Output format: text, json or html (a report page for people).")
    var format: Format = .text

    @Option(
        name: [.customShort("o"), .long], help: "Write the report to this file (atomically) instead of standard output."
    )
    var output: String?

    @Option(name: .customLong("fail-on"), help: "Exit 1 on: regression.")
    var failOn: FailOn?

    @Flag(help: "Exit 1 when anything got worse (the same as --fail-on regression).")
    var failOnRegression = false

    @Option(help: "Percentage points a rate may fall without counting as a regression (default 0).")
    var tolerance: Double = 0

    @OptionGroup var catalog: CatalogOptions

    func validate() throws {
        guard tolerance.isFinite, tolerance >= 0, tolerance <= 100 else {
            throw ValidationError("--tolerance 应为 0 到 100 之间的百分点数（如 0.5）")
        }
    }

    func run() throws {
        var policyValue: Policy?
        if let policy {
            let (loaded, problems) = Policy.load(
                path: policy, schemaPath: catalog.schemaDirectory.map { $0 + "/" + SchemaLocator.Kind.policy.rawValue })
            guard let loaded else {
                Terminal.print(problems)
                throw CommandFailure(
                    "政策文件 \(policy) 有错误，无法比较", code: .cliPolicyInvalid,
                    cause: problems.first { $0.severity == .error })
            }
            policyValue = loaded
        }
        if let output { try AtomicFile.check(output, protecting: [old, new] + (policy.map { [$0] } ?? [])) }
        let loader = try catalog.makeLoader()
        let today = CalendarDay.today()
        let hours = try Workspace.reported(Workspace(catalogPaths: [new]).officeHours)
        let auditor = Auditor(settings: AuditSettings(officeHours: hours))
        let before = loader.load(paths: [old])
        let after = loader.load(paths: [new])
        let diff = CatalogDiff(
            old: (
                before.catalog,
                auditor.audit(
                    before, policy: policyValue, today: today, matters: try matterFigures(for: old, before.catalog),
                    paths: [old])
            ),
            new: (
                after.catalog,
                auditor.audit(
                    after, policy: policyValue, today: today, matters: try matterFigures(for: new, after.catalog),
                    paths: [new])
            ),
            officeHours: hours)
        let text: String
        switch format {
        case .text: text = CatalogDiffReport.text(diff, tolerance: tolerance)
        case .json: text = try CatalogDiffReport.json(diff, tolerance: tolerance)
        case .html: text = CatalogDiffHTMLReport.render(diff, oldName: old, newName: new)
        }
        if let output {
            try AtomicFile.write(text, to: output)
            Terminal.err("比较结果已写入 \(output)（\(diff.regressions(tolerance: tolerance).count) 处退步）")
        } else {
            Terminal.out(text)
        }
        let gated = failOn == .regression || failOnRegression
        if gated && !diff.regressions(tolerance: tolerance).isEmpty { throw ExitCode(1) }
    }

    /// The composition figures of the matters beside a catalog version, composed against that version; when only
    /// one version has a matters folder, its matters are composed against both (so a changed member item shows
    /// as a changed composition, not as a removed matter). None when neither has one.
    private func matterFigures(for path: String, _ catalog: Catalog) throws -> [MatterFigures] {
        let own = Workspace.defaultMatterFolders(near: [path])
        let other = Workspace.defaultMatterFolders(near: [path == old ? new : old])
        let workspace = Workspace(catalogPaths: [path], matterPaths: own.isEmpty ? other : own)
        guard !workspace.matterPaths.isEmpty else { return [] }
        let matters = try Workspace.reported(workspace.loadMatters)
        let hours = try Workspace.reported(workspace.officeHours)
        return MatterAudit.figures(matters: matters, catalog: catalog, officeHours: hours)
    }
}
