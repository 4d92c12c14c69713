import ArgumentParser
import OnegoCatalog
import OnegoExport

/// `onego show CODE --catalog PATH`: print one item as a readable guide.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "按编码或名称显示一个事项的办事指南文本 (print one item as a guide)."
    )

    @Argument(help: "The item's handling-item code or implementation code, or its name when unambiguous.")
    var code: String

    @Option(help: "Catalog files or folders.")
    var catalog: [String] = []

    @OptionGroup var options: CatalogOptions

    func validate() throws {
        if catalog.isEmpty { throw ValidationError("请用 --catalog 指定事项目录 (missing --catalog PATH)") }
    }

    func run() throws {
        let loadedCatalog = try options.loadUsableCatalog(catalog)
        // An implementation code shared by several 业务办理项 (33-character Guangdong codes): list them to choose from.
        let handlingItems = loadedCatalog.items.filter { $0.codes.implementation == code && $0.codes.handling != nil }
        if handlingItems.count > 1 && !handlingItems.contains(where: { $0.codes.handling == code }) {
            var text = "实施编码 \(code) 下有 \(handlingItems.count) 个业务办理项，请用其编码查看：\n"
            for item in handlingItems { text += "  \(item.id)  \(item.name)\n" }
            Terminal.out(text)
            return
        }
        let resolved =
            try loadedCatalog.item(code: code) == nil ? NameLookup.code(named: code, catalog: loadedCatalog) : code
        guard let resolved, let item = loadedCatalog.item(code: resolved) else {
            throw CommandFailure("目录中没有编码为 \(code) 的事项，也没有名称与之相符的事项", code: .cliNoSuchItem)
        }
        Terminal.out(ItemText.render(item))
    }
}
