import Foundation
import OnegoTestSupport
import Testing

/// guide, site, find, export, compose (and the workbench) work on every valid item of a Guangdong portal import in which one item carries an
/// invalid USCC; the item is listed (and marked in the site's index), not a reason to refuse the catalog.
@Suite struct TolerantConsumerTests {
    static func importedCatalog() throws -> String {
        let folder = try Fixtures.temporaryDirectory()
        let run = try Fixtures.runOnego([
            "import", "Tests/Fixtures/import/gdzwfw-items.json", "--profile", "gdzwfw", "--out", folder + "/gd",
        ])
        #expect(run.status == 0)
        return folder + "/gd"
    }

    @Test func guidePrintsAnUnpublishedPromiseAndListsTheItemWithErrors() throws {
        let catalog = try Self.importedCatalog()
        let run = try Fixtures.runOnego(["guide", "--catalog", catalog, "建筑业企业资质核准（延续）"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("<th scope=\"row\">承诺办结时限</th><td>未公布</td>"))
        #expect(run.stderr.contains("1 个事项有错误，已略过"))
        #expect(run.stderr.contains("小餐饮登记"))
    }

    /// An export hands the catalog back to the office to correct: the item with the invalid USCC is exported as
    /// it is and listed; importing the workbook back reports it again on its row.
    @Test func exportKeepsTheItemWithErrorsAndSaysSo() throws {
        let catalog = try Self.importedCatalog()
        let workbook = try Fixtures.temporaryDirectory() + "/gd.xlsx"
        let run = try Fixtures.runOnego(["export", "xlsx", catalog, "--out", workbook])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("12 个事项"), "\(run.stdout)")
        #expect(run.stderr.contains("1 个事项有错误，照原样保留"))
        #expect(run.stderr.contains("小餐饮登记"))
        let back = try Fixtures.runOnego([
            "import", workbook, "--profile", "template", "--out", try Fixtures.temporaryDirectory() + "/back",
        ])
        #expect(back.stderr.contains("11440103MB2C0000X1"), "the wrong check character is reported again")
    }

    @Test func findSearchesTheValidItemsAndListsTheOthers() throws {
        let catalog = try Self.importedCatalog()
        let run = try Fixtures.runOnego(["find", "建筑业企业资质", catalog])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("建筑业企业资质核准（延续）"))
        #expect(run.stderr.contains("1 个事项有错误，已略过") && run.stderr.contains("小餐饮登记"))
    }

    @Test func siteMarksTheItemWithErrorsInItsIndex() throws {
        let catalog = try Self.importedCatalog()
        let out = try Fixtures.temporaryDirectory() + "/site"
        let run = try Fixtures.runOnego(["site", catalog, "--out", out])
        #expect(run.status == 0, "\(run.stderr)")
        let index = try String(contentsOfFile: out + "/index.html", encoding: .utf8)
        #expect(index.contains("1 个事项有错误未收录"))
        #expect(index.contains("小餐饮登记 <span class=\"code\">11440103MB2C0000X14000117005000</span>"))
        #expect(index.contains("校验码"))
        // The department pages list the items that made it in.
        let lists = try FileManager.default.contentsOfDirectory(atPath: out + "/departments").map {
            try String(contentsOfFile: out + "/departments/" + $0, encoding: .utf8)
        }
        #expect(lists.contains { $0.contains("建筑业企业资质核准（延续）") })
    }
}
