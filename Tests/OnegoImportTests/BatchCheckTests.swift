import Foundation
import OnegoBase
import OnegoCatalog
import OnegoImport
import OnegoTestSupport
import Testing

/// Items are checked many to a document: one the catalog schema rejects is traced to its own row and left out,
/// and the items around it are still checked and written.
@Suite struct BatchCheckTests {
    @Test func anItemTheSchemaRejectsIsLeftOutAndTheOthersAreWritten() throws {
        // The middle item's name is 240 characters: the schema allows 200; nothing before the check refuses it.
        let names = ["食品经营许可（新办）", String(repeating: "食品经营许可", count: 40), "食品经营许可（变更）"]
        let items = names.enumerated().map { offset, name in
            var item = TemplateExample.item
            item.codes.handling = item.codes.implementation + "0\(offset + 1)"
            item.name = name
            return item
        }
        let folder = try Fixtures.temporaryDirectory()
        try TemplateWorkbook.write(items, to: folder + "/book.xlsx")
        let report = try ImportTestSupport.importer("template").run(
            sources: [folder + "/book.xlsx"], outputDirectory: folder + "/out")
        #expect(report.imported == 2)
        #expect(report.rejected == 1)
        let rejections = report.diagnostics.filter { $0.rule == "import.row.rejected" }
        #expect(rejections.count == 1)
        #expect(rejections.first?.sheet == "事项")
        #expect(rejections.first?.row == 3)
        #expect(rejections.first?.message.contains("按目录 Schema 检查不通过") == true)
        let loaded = try ImportTestSupport.loader().load(paths: [folder + "/out"])
        #expect(!loaded.diagnostics.contains { $0.severity == .error })
        #expect(loaded.catalog.items.map(\.name).sorted() == ["食品经营许可（变更）", "食品经营许可（新办）"])
    }
}
