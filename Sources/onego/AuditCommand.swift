import ArgumentParser
import Foundation
import OnegoAudit
import OnegoBase
import OnegoCatalog
import OnegoComposer
import OnegoExport

/// `onego audit PATH --policy FILE`: consistency rules, coverage rates, compression and policy targets.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "审计事项目录：一致性规则、覆盖率、时限压缩与改革目标 (audit a catalog against a policy).",
        discussion: """
            Exit status: 0 when no error finding remains and every target is met, 1 otherwise, 64 usage error.
            Matters (一件事) are read from --matters, else from a `matters` folder beside PATH when there is one.
            """
    )

    /// Report formats.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, sarif, html, csv, xlsx
    }

    @Argument(help: "Catalog files or folders (folders are searched for *.xml).")
    var paths: [String]

    @Option(
        help: ArgumentHelp(
            "Policy with the targets: a file (Schemas/policy.xsd) or a shipped name (guangdong-style-2026, meizhou-2017); default: policy.xml in the workspace, else guangdong-style-2026.",
            valueName: "policy"))
    var policy: String?

    @Option(help: "Waiver file (Schemas/waivers.xsd).")
    var waivers: String?

    @Option(help: "Matter files or folders (default: a `matters` folder beside PATH, if any).")
    var matters: [String] = []

    @Option(
        help:
            "Report format: text, json, sarif, html, csv (findings) or xlsx (targets, work lists, findings)."
    )
    var format: Format = .text

    @Option(
        name: [.customShort("o"), .long], help: "Write the report to this file (atomically) instead of standard output."
    )
    var output: String?

    @Option(help: "The audit date YYYY-MM-DD, against which waivers expire (default: today's date).")
    var today: DayArgument?

    @Option(help: "Population of the rates: handling (业务办理项) or implementation (实施清单事项).")
    var population: PopulationOption = .handling

    @OptionGroup var catalog: CatalogOptions

    func validate() throws {
        if paths.isEmpty { throw ValidationError("请至少给出一个目录文件或文件夹 (missing PATH)") }
        _ = try today?.checked("审计日期（--today）")
        if format == .xlsx && output == nil {
            throw ValidationError("--format xlsx 是二进制文件，请用 --output 给出文件名（如 --output 审计.xlsx）")
        }
    }

    /// The policy file: the one named (a path or a shipped name), else the workspace's `policy.xml`, else the
    /// shipped default, said on standard error so a reader knows which targets were applied.
    func resolvedPolicy() throws -> String {
        if let policy {
            guard let found = Policy.locate(policy) else {
                throw ValidationError(
                    "找不到政策文件“\(policy)”（文件路径，或内置名称：\(ShippedFile.builtInNames(in: "Catalogs/policies").joined(separator: "、"))）"
                )
            }
            return found
        }
        if let own = Workspace(catalogPaths: paths).policyFile {
            Terminal.err("未指定 --policy：按工作区的政策文件 \(own) 审计")
            return own
        }
        guard let shipped = Policy.locate(Policy.defaultName) else {
            throw ValidationError("请用 --policy 给出政策文件")
        }
        Terminal.err("未指定 --policy，工作区中也没有 \(Workspace.policyFileName)：按内置政策 \(Policy.defaultName) 的目标审计")
        return shipped
    }

    func run() throws {
        let policy = try resolvedPolicy()
        let inputs = paths + [policy] + (waivers.map { [$0] } ?? []) + matters
        if let output { try AtomicFile.check(output, protecting: inputs) }
        let report = try makeReport(policy: policy, leavingInputsToExit: true)
        // The report (every finding and compression row) goes with the process, not freed piece by piece.
        ProcessExit.leave(report)
        if format == .xlsx, let output {
            let data: Data
            do {
                data = try AuditXLSXReport.render(report)
            } catch {
                throw CommandFailure(error)
            }
            try AtomicFile.write(data, to: output, protecting: inputs)
            Terminal.err(Self.summaryLine(report) + "；报告已写入 \(output)")
            if !report.passes { throw ExitCode(1) }
            return
        }
        if format == .json, output == nil {
            // The largest report (tens of megabytes at 100,000 items): written as it is made, a megabyte at a time,
            // not held whole (refused before its first byte when it cannot be written).
            try AuditJSONReport.write(report) { StandardStreams.write(bytes: $0, to: .output) }
            Terminal.out("")
            if !report.passes { throw ExitCode(1) }
            return
        }
        let text: String
        switch format {
        case .text: text = AuditTextReport.render(report)
        case .json: text = try AuditJSONReport.render(report)
        case .sarif:
            text = try AuditSARIFReport.render(report, toolVersion: Onego.configuration.version)
        case .html: text = AuditHTMLReport.render(report)
        case .csv: text = AuditCSVReport.render(report)
        case .xlsx: text = ""  // written above
        }
        if let output {
            try AtomicFile.write(text, to: output)
            Terminal.err(Self.summaryLine(report) + "；报告已写入 \(output)")
        } else {
            Terminal.out(text)
        }
        if !report.passes { throw ExitCode(1) }
    }

    /// Loads the policy, waivers, catalog and matters and audits them (also used by `onego serve`); with
    /// `leavingInputsToExit`, the loaded catalog is left to the process's exit rather than freed (for a run that
    /// ends after the report).
    func makeReport(policy resolved: String? = nil, leavingInputsToExit: Bool = false) throws -> AuditReport {
        let date = today?.day ?? CalendarDay.today()
        let policy = try resolved ?? resolvedPolicy()

        InputLedger.shared.record(paths + [policy] + (waivers.map { [$0] } ?? []) + matters)
        InputLedger.shared.recordSchemas(directory: catalog.schemaDirectory)
        let (policyValue, policyProblems) = Policy.load(path: policy, schemaPath: schemaPath(.policy))
        guard let policyValue else {
            Terminal.print(policyProblems)
            throw CommandFailure(
                "政策文件 \(policy) 有错误，无法审计", code: .cliPolicyInvalid,
                cause: policyProblems.first { $0.severity == .error })
        }
        var waiverSet = WaiverSet()
        var otherDiagnostics: [Diagnostic] = policyProblems
        if let waivers {
            let (set, problems) = WaiverSet.load(path: waivers, schemaPath: schemaPath(.waivers))
            if problems.containsErrors {
                Terminal.print(problems)
                throw CommandFailure(
                    "豁免文件 \(waivers) 有错误，无法审计", code: .cliWaiversInvalid,
                    cause: problems.first { $0.severity == .error })
            }
            waiverSet = set
            otherDiagnostics += problems
        }

        var catalogLoader = try catalog.makeLoader(for: paths)
        catalogLoader.progress = Progress.display()
        InputLedger.shared.record(paths)
        var matterFigures: [MatterFigures] = []
        let workspace = Workspace(catalogPaths: paths, matterPaths: matters)
        let hours = try Workspace.reported(workspace.officeHours)
        let matterPaths = workspace.matterFolders
        var foundMatters: (matters: [Matter], diagnostics: [Diagnostic])?
        if !matterPaths.isEmpty {
            InputLedger.shared.record(matterPaths)
            let loader: MatterLoader
            do {
                loader = try MatterLoader.validating(schemaPath: schemaPath(.matter))
            } catch {
                throw CommandFailure(error)
            }
            foundMatters = loader.load(paths: matterPaths)
        }
        // Unchanged files may come as their heads when the audit can work from what the cache kept of them (no
        // waivers, no matters, handling items); it loads the whole catalog again when it cannot.
        catalogLoader.summarizesUnchangedFiles =
            catalogLoader.cache != nil && waivers == nil && foundMatters?.matters.isEmpty != false
            && population == .handling
        var load = catalogLoader.load(paths: paths)
        if let foundMatters {
            otherDiagnostics += MatterAudit.diagnostics(
                matters: foundMatters.matters, loadDiagnostics: foundMatters.diagnostics, catalog: load.catalog,
                officeHours: hours)
            matterFigures = MatterAudit.figures(
                matters: foundMatters.matters, catalog: load.catalog, officeHours: hours)
        }

        let synonyms = try Workspace.reported(workspace.synonyms)
        var auditor = Auditor(
            settings: AuditSettings(codeProfile: catalogLoader.profile, synonyms: synonyms, officeHours: hours),
            population: population.population)
        // With the parse cache, the item findings of unchanged files are kept beside their entries.
        auditor.findingCache = catalogLoader.cache.map { FindingCache(cache: $0, auditor: auditor) }
        if !load.summarizedFiles.isEmpty {
            if let report = auditor.audit(
                summarized: load, policy: policyValue, waivers: waiverSet, today: date,
                otherDiagnostics: otherDiagnostics, matters: matterFigures, paths: paths)
            {
                if leavingInputsToExit { ProcessExit.leave(load) }
                return report
            }
            catalogLoader.summarizesUnchangedFiles = false
            catalogLoader.progress = nil
            load = catalogLoader.load(paths: paths)
        }
        let report = auditor.audit(
            load, policy: policyValue, waivers: waiverSet, today: date,
            otherDiagnostics: otherDiagnostics,
            matters: matterFigures, paths: paths)
        if leavingInputsToExit { ProcessExit.leave(load) }
        return report
    }

    private func schemaPath(_ kind: SchemaLocator.Kind) -> String? {
        catalog.schemaDirectory.map { $0 + "/" + kind.rawValue }
    }

    /// A `matters` folder beside each catalog folder (Catalogs/yunxi/items → Catalogs/yunxi/matters).
    static func summaryLine(_ report: AuditReport) -> String {
        "\(report.passes ? "通过" : "未通过")：\(report.errorCount) 个错误，\(report.warningCount) 条警告，目标 \(report.targets.count(where: \.met))/\(report.targets.count) 项达成"
    }
}

/// The `--population` values.
enum PopulationOption: String, ExpressibleByArgument, CaseIterable {
    case handling, implementation

    var population: Population { self == .handling ? .handlingItems : .implementationItems }
}
