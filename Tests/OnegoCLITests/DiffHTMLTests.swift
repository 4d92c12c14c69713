import Foundation
import OnegoTestSupport
import Testing

/// `onego diff --format html`: the report page for people, with the audit's page shell and CSP.
@Suite struct DiffHTMLTests {
    static let retirementForm =
        "<material name=\"职工退休（职）申请表\" type=\"2\" form=\"电子\" necessity=\"必要\" source=\"10\" originals=\"1\" copies=\"0\" key=\"true\" paperSize=\"A4\" blankForm=\"职工退休（职）申请表.docx\"/>"
    static let photo =
        "<material name=\"近期一寸免冠照片\" type=\"3\" form=\"纸质\" necessity=\"必要\" source=\"10\" originals=\"2\" copies=\"0\"/>"

    @Test func showsChangedItemsMattersRatesAndTargets() throws {
        let copy = try DiffCommandTests.modifiedCopy(
            file: "human-resources-social-security.xml",
            edits: [(Self.retirementForm, Self.retirementForm + "\n      " + Self.photo)])
        let folder = (copy as NSString).deletingLastPathComponent
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = folder + "/变更报告.html"
        let run = try Fixtures.runOnego([
            "diff", Fixtures.sampleItems, copy, "--policy", Fixtures.path("Catalogs/policies/guangdong-style-2026.xml"),
            "--format", "html", "-o", file,
        ])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("比较结果已写入 \(file)"))
        let html = try String(contentsOfFile: file, encoding: .utf8)
        #expect(
            html.contains(
                "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">"
            ))
        #expect(html.contains("<h1>事项目录变更报告</h1>"))
        #expect(html.contains("新增 0 项，删除 0 项，变更 1 项"))
        #expect(html.contains("职工正常退休（职）申请"))
        #expect(html.contains("<li class=\"added\">新增材料：近期一寸免冠照片</li>"))
        // The retirement matter's composition changed: one more material to bring.
        #expect(html.contains("<h2>一件事编排变化（1 个）</h2>"), "\(html)")
        #expect(html.contains("退休"))
        #expect(html.contains("<h2>覆盖率（前 → 后）</h2>"))
        #expect(html.contains("<h2>目标（前 → 后）</h2>"))
        #expect(!html.contains("<script"))
        #expect(!html.contains(" style=\""))
    }
}
