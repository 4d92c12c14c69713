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

    /// Three example items (食品经营许可), the second changed by `change`, written as the template and imported.
    private func importThree(_ change: (inout ServiceItem) -> Void) throws -> ImportReport {
        let items = (1...3).map { offset in
            var item = TemplateExample.item
            item.codes.handling = item.codes.implementation + "0\(offset)"
            if offset == 2 { change(&item) }
            return item
        }
        let folder = try Fixtures.temporaryDirectory()
        try TemplateWorkbook.write(items, to: folder + "/template.xlsx")
        return try ImportTestSupport.importer("template").run(
            sources: [folder + "/template.xlsx"], outputDirectory: folder + "/out")
    }

    @Test func aResultTheSchemaRejectsIsReportedOnItsOwnRowAndColumn() throws {
        // The second item's result has a 4,100-character 送达方式: the schema allows 4,000.
        let report = try importThree { $0.results[0].delivery = String(repeating: "邮寄送达", count: 1_025) }
        #expect(report.imported == 2)
        #expect(report.rejected == 1)
        let rejections = report.diagnostics.filter { $0.rule == "import.row.rejected" }
        #expect(rejections.count == 1)
        let rejection = try #require(rejections.first)
        // 结果: header on row 1, one result per item; 送达方式 is column G.
        #expect(rejection.description.contains("template.xlsx[结果]:3:G"))
        #expect(rejection.field == "result.delivery")
        #expect(rejection.message.contains("[事项]:3 未导入"))
        #expect(rejection.message.contains("delivery"))
    }

    @Test func aMaterialTheSchemaRejectsIsReportedOnItsOwnRowAndColumn() throws {
        // The second item's second material has a 240-character name: the schema allows 200.
        let report = try importThree { $0.materials[1].name = String(repeating: "营业执照副本", count: 40) }
        #expect(report.rejected == 1)
        let rejection = try #require(report.diagnostics.first { $0.rule == "import.row.rejected" })
        // 材料: header on row 1, three materials per item, so the second item's second one is row 6; 材料名称 is C.
        #expect(rejection.description.contains("template.xlsx[材料]:6:C"))
        #expect(rejection.field == "material.name")
        #expect(rejection.message.contains("template.xlsx[事项]:3"))
    }
}
