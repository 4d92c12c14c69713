import ArgumentParser
import Foundation
import OnegoCatalog
import OnegoImport

/// `onego export xlsx PATH --out FILE`: a catalog as the template workbook (import it back with `--profile template`).
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "把事项目录导出为 Excel 模板工作簿 (export a catalog as the template workbook).",
        discussion: """
            Items with errors (a wrong USCC check character …) are exported as they are and listed, so the office \
            can correct them in the workbook and import it back; a file that cannot be read stops the export.
            Exit status: 0 written, 1 an unreadable catalog file or write failure, 64 usage error.
            """
    )

    @Argument(help: "Export format: xlsx.")
    var kind: TemplateCommand.Kind

    @Argument(help: "Catalog files or folders.")
    var paths: [String] = []

    @OptionGroup var catalog: CatalogOptions

    @Option(name: [.customShort("o"), .long], help: "Output .xlsx file.")
    var out: String

    func validate() throws {
        if paths.isEmpty { throw ValidationError("请至少给出一个目录文件或文件夹 (missing PATH)") }
        if !out.lowercased().hasSuffix(".xlsx") { throw ValidationError("输出文件须以 .xlsx 结尾：\(out)") }
    }

    func run() throws {
        try AtomicFile.check(out, protecting: paths)
        let loaded = try catalog.loadUsable(paths, keepingItemsWithErrors: true).catalog
        let workbook: Data
        do {
            workbook = try TemplateWorkbook.data(TemplateWorkbook.sheets(for: loaded.items))
        } catch {
            throw CommandFailure(error)
        }
        try AtomicFile.write(workbook, to: out, protecting: paths)
        Terminal.out("已写入 \(out)：\(loaded.items.count) 个事项，\(loaded.materialCount) 条材料")
    }
}
