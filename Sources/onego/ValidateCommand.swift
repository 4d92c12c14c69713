import ArgumentParser
import Foundation
import OnegoBase
import OnegoCatalog
import OnegoExport
import OnegoImport

/// `onego validate PATH...`: load a catalog and everything beside it, and report every problem in compiler form.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "校验事项目录及一件事、日历等文件 (validate catalogs and the matters, calendars, policies beside them).",
        discussion: """
            Loads the catalog items in the given files and folders and validates every other onego document found \
            there against its schema: matters (with the bundle checks against the catalog), calendars, the \
            material synonym table, policies and waivers.
            Exit status: 0 valid, 1 errors found, 64 usage error.
            """
    )

    @Argument(help: "Catalog files or folders (folders are searched for *.xml).")
    var paths: [String]

    @OptionGroup var catalog: CatalogOptions

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    func validate() throws {
        if paths.isEmpty { throw ValidationError("请至少给出一个目录文件或文件夹 (missing PATH)") }
    }

    func run() throws {
        let started = Date()
        var loader = try catalog.makeLoader(for: paths)
        loader.progress = Progress.display()
        let result = WorkspaceValidation(paths: paths, loader: loader)
        let seconds = Date().timeIntervalSince(started)
        let summary = ValidationSummary(result)
        // The loaded catalog goes with the process, not freed item by item (as `onego audit` leaves its load).
        ProcessExit.leave(result)
        switch format {
        case .json:
            Terminal.out(try Terminal.versionedJSON(summary))
        case .text:
            Terminal.print(result.diagnostics)
            Terminal.out(summary.line(seconds: seconds))
        }
        if result.diagnostics.containsErrors { throw ExitCode(1) }
    }
}

/// The JSON shape of `onego validate --format json`.
struct ValidationSummary: Encodable {
    var valid: Bool
    var items: Int
    var departments: Int
    var materials: Int
    var outputs: Int
    var files: Int
    var matters: Int
    var calendarYears: [Int]
    var errors: Int
    var warnings: Int
    var diagnostics: [DiagnosticRecord]

    init(_ result: WorkspaceValidation) {
        let catalog = result.catalog.catalog
        valid = !result.diagnostics.containsErrors
        items = catalog.items.count
        departments = catalog.departments.count
        materials = catalog.materialCount
        outputs = catalog.bundleReadyOutputs.count
        files = catalog.files.count
        matters = result.matters.count
        calendarYears = result.calendarYears
        errors = result.errorCount
        warnings = result.warningCount
        diagnostics = result.diagnostics.map(DiagnosticRecord.init)
    }

    func line(seconds: Double) -> String {
        let time = String(format: "%.2f", seconds)
        var counts = "\(items) 个事项，\(departments) 个部门，\(materials) 条申请材料，\(outputs) 种可流转的电子证照结果"
        if matters > 0 { counts += "，\(matters) 个一件事" }
        if let first = calendarYears.first, let last = calendarYears.last { counts += "，工作日历 \(first)–\(last) 年" }
        counts += "（\(files) 个目录文件，用时 \(time) 秒）"
        if valid {
            return warnings == 0 ? "目录有效：\(counts)" : "目录有效（\(warnings) 条警告）：\(counts)"
        }
        return "目录无效：\(errors) 个错误，\(warnings) 条警告；\(counts)"
    }
}
