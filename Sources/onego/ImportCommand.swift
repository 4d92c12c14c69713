import ArgumentParser
import Foundation
import OnegoBase
import OnegoCatalog
import OnegoExport
import OnegoImport

/// `onego import SOURCE... --profile PROFILE --out DIR`: read what an office has (workbooks, CSV dumps, portal JSON)
/// through a profile and write a catalog folder, reporting every rejected row and every filled value.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "按导入配置把 Excel、CSV、JSON、XML 导入为事项目录 (import .xlsx/.csv/.json/.jsonl/.xml through a profile).",
        discussion: """
            Profiles are data: Catalogs/profiles/NAME.xml (template, excel-list, gdzwfw, national-tables, provincial-exchange), or a path. The \
            catalog folder (one file per department) is written only after it loads back cleanly.
            Exit status: 0 every row imported, 1 some rows rejected or the import failed, 64 usage error.
            """
    )

    @Argument(
        help:
            "Source files: .xlsx, .csv, .json (an array or an object holding one, also nested), .jsonl, .xml (records)."
    )
    var sources: [String] = []

    @Option(help: "Profile name (Catalogs/profiles/NAME.xml) or path.")
    var profile: String

    @Option(name: [.customShort("o"), .long], help: "Output catalog folder.")
    var out: String

    @Flag(help: "Replace the output folder when it exists and is not empty.")
    var replace = false

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Option(
        help: ArgumentHelp(
            "Code profile the imported codes follow: national, guangdong, sichuan (Catalogs/code-profiles/) or a file; default: code-profile.xml of the workspace --out is in, else national.",
            valueName: "NAME"))
    var codeProfile: String?

    func validate() throws {
        if sources.isEmpty { throw ValidationError("请至少给出一个来源文件 (missing SOURCE)") }
        if let codeProfile, CodeProfile.locate(codeProfile) == nil {
            throw ValidationError("找不到编码规则“\(codeProfile)”（Catalogs/code-profiles/\(codeProfile).xml 或文件路径）")
        }
        if ImportProfile.locate(profile) == nil {
            throw ValidationError("找不到导入配置“\(profile)”（Catalogs/profiles/\(profile).xml 或文件路径）")
        }
        if let refusal = sources.lazy.compactMap(SourceTypes.refusal(for:)).first { throw ValidationError(refusal) }
    }

    /// The code profile file: the one named, else the `code-profile.xml` of the workspace the output folder is in
    /// (said on standard error), else none (national).
    func codeProfileFile() -> String? {
        if let codeProfile { return CodeProfile.locate(codeProfile) }
        // The folder written, or the workspace it goes into (--out WORKSPACE/items, existing or not).
        let parent = out.parentPath
        let candidates = [out, parent.isEmpty ? "." : parent].map { $0 + "/" + Workspace.codeProfileFileName }
        guard let own = candidates.first(where: { FileManager.default.isReadableFile(atPath: $0) }) else { return nil }
        Terminal.err("按工作区的编码规则 \(own) 读取编码（可用 --code-profile 另行指定）")
        return own
    }

    func run() throws {
        var codes = CodeProfile.national
        if let file = codeProfileFile() {
            do {
                codes = try CodeProfile.load(path: file)
            } catch {
                throw CommandFailure(error)
            }
        }
        let report: ImportReport
        do {
            let path = ImportProfile.locate(profile) ?? profile
            var importer = CatalogImporter(profile: try ImportProfile.load(path: path))
            importer.codeProfile = codes
            report = try importer.run(sources: sources, outputDirectory: out, replacing: replace)
        } catch {
            throw CommandFailure(error)
        }
        switch format {
        case .json:
            Terminal.out(try Terminal.versionedJSON(report))
        case .text:
            if !report.diagnostics.isEmpty {
                Terminal.err(report.diagnostics.map(\.description).joined(separator: "\n"))
                Terminal.err(Self.tally(report))
            }
            Terminal.out(Self.summary(report, out: out))
        }
        if report.rejected > 0 || report.imported == 0 { throw ExitCode(1) }
    }

    /// The findings counted by kind, after the details: what an officer reads first on a large import.
    static func tally(_ report: ImportReport) -> String {
        let total = report.diagnostics.reduce(0) { $0 + $1.count }
        var lines = ["汇总（\(report.diagnostics.count) 条明细，共 \(total) 处，按级别、规则和字段计数）："]
        lines += ImportTally.tally(report.diagnostics).map { "  " + $0.line }
        return lines.joined(separator: "\n")
    }

    static func summary(_ report: ImportReport, out: String) -> String {
        let filled = report.diagnostics.reduce(0) {
            $0 + ($1.severity != .error && $1.rule.hasPrefix("import.value") ? $1.count : 0)
        }
        var line =
            "读取 \(report.rows) 行\(report.continuationRows > 0 ? "（另有 \(report.continuationRows) 行续行并入上一行的事项）" : "")：导入 \(report.imported) 个事项，拒绝 \(report.rejected) 行，\(filled) 处取值经转换、推定、填充或舍弃（见上方明细）"
        if report.files.isEmpty {
            line += "；没有可导入的事项，未写入 \(out)"
        } else {
            line += "；已写入 \(out)（\(report.files.count) 个部门文件）"
        }
        return line
    }
}
