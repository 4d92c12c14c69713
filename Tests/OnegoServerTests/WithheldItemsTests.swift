import Foundation
import OnegoServer
import OnegoTestSupport
import Testing

/// Items left out of the workbench because of their errors are listed on the start page (escaped), so an officer
/// sees what is missing and why.
@Suite struct WithheldItemsTests {
    @Test func theStartPageListsTheItemsWithErrors() async throws {
        var data = try ScratchWorkspace().load()
        data.withheld = [
            (
                "城乡居民基本养老保险参保登记<script>", "511G0101000000-511602000000-000-11511602MB1234567X-1-00",
                "items/si.xml:3:3: 错误: 统一社会信用代码“11511602MB1234567X”无效：校验码应为“N”，实为“X” [catalog.uscc]"
            )
        ]
        try await RunningWorkbench.with(data: data) { client in
            let home = try await client.send("GET", "/", headers: [RunningWorkbench.bearer]).body
            #expect(home.contains("id=\"withheld\""))
            #expect(home.contains("1 个事项有错误，未收录到工作台"))
            #expect(home.contains("城乡居民基本养老保险参保登记&lt;script&gt;"))
            #expect(home.contains("校验码应为“N”"))
        }
        try await RunningWorkbench.with(data: try ScratchWorkspace().load()) { client in
            let home = try await client.send("GET", "/", headers: [RunningWorkbench.bearer]).body
            #expect(!home.contains("id=\"withheld\""), "nothing listed when every item loaded")
        }
    }
}
