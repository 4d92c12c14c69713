import ArgumentParser
import Foundation
import OnegoImport

/// `onego template xlsx --out FILE`: onego's own workbook with one filled example row, for officers to fill in.
struct TemplateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "template",
        abstract: "生成事项目录 Excel 模板 (write onego's workbook template).",
        discussion:
            "Sheets 事项, 材料, 结果, 收费 and 代码表 (drop-downs); import it back with --profile template."
    )

    /// The template formats.
    enum Kind: String, ExpressibleByArgument, CaseIterable { case xlsx }

    @Argument(help: "Template format: xlsx.")
    var kind: Kind

    @Option(name: [.customShort("o"), .long], help: "Output .xlsx file.")
    var out: String

    func validate() throws {
        if !out.lowercased().hasSuffix(".xlsx") { throw ValidationError("输出文件须以 .xlsx 结尾：\(out)") }
    }

    func run() throws {
        try AtomicFile.check(out, protecting: [])
        let workbook: Data
        do {
            workbook = try TemplateWorkbook.data(TemplateWorkbook.sheets(for: [TemplateExample.item]))
        } catch {
            throw CommandFailure(error)
        }
        try AtomicFile.write(workbook, to: out, protecting: [])
        Terminal.out("已写入模板 \(out)：工作表 事项、材料、结果、收费、代码表，含 1 行示例")
    }
}
