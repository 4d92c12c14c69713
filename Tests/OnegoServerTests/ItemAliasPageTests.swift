import Foundation
import OnegoServer
import OnegoTestSupport
import Testing

/// The 俗称 of a sample item: search by it over the API finds the item first, and the item page shows it under the
/// name and in the 办事指南's basic facts.
@Suite struct ItemAliasPageTests {
    let author = MatterAuthorTests()

    @Test func theEverydayNameFindsTheItemAndItsPageShowsIt() async throws {
        try await RunningWorkbench.with { client in
            let found = try await author.get(client, "/api/search?q=%E5%8A%9E%E6%89%A7%E7%85%A7")  // 办执照
            #expect(found.status == 200)
            let hits = found.body.components(separatedBy: "\"name\"")
            #expect(hits.count > 1 && hits[1].contains("\"企业设立登记\""), "\(found.body.prefix(300))")
            let page = try await author.get(client, "/items/11440188MB2C90231K4010100100100001")
            #expect(page.status == 200)
            #expect(page.body.contains("<h1>企业设立登记</h1>"))
            #expect(page.body.contains("俗称 <span id=\"item-aliases\">开公司、办执照</span>"))
            #expect(page.body.contains("俗称</th><td>开公司、办执照</td>") || page.body.contains(">开公司、办执照</td>"))
        }
    }

    @Test func anItemWithoutAliasesShowsNoAliasLine() async throws {
        try await RunningWorkbench.with { client in
            let page = try await author.get(client, "/items/11440188MB2C90231K4010100100100002")  // 企业变更登记
            #expect(page.body.contains("<h1>企业变更登记</h1>"))
            #expect(!page.body.contains("item-aliases") && !page.body.contains(">俗称<"))
        }
    }
}
