import Foundation
import OnegoTestSupport
import Testing

@Suite struct GuideCommandTests {
    let item = "11440188MB2C9023XA4000101001000001"
    let matterArguments = [
        "T-QYKB", "--catalog", "Tests/Fixtures/export/qykb/items", "--answer", "invoice=是", "--answer", "staff=是",
        "--answer", "bank=否", "--date", "2026-11-20",
    ]

    @Test func printsAnItemGuideAsHTMLToStandardOutput() throws {
        let run = try Fixtures.runOnego([
            "guide", item, "--catalog", "Tests/Fixtures/minimal.xml", "--date", "2026-11-20",
        ])
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("<!DOCTYPE html>"))
        #expect(run.stdout.contains("<h1 class=\"doc-title\">办事指南</h1>"))
        #expect(run.stdout.contains("印发日期：2026年11月20日"))
    }

    @Test func outputMatchesTheGoldenFileOfTheLibrary() throws {
        let folder = try Fixtures.temporaryDirectory()
        let run = try Fixtures.runOnego([
            "guide", item, "--catalog", "Tests/Fixtures/minimal.xml", "--date", "2026-11-20", "--output",
            folder + "/guide.md",
        ])
        #expect(run.status == 0)
        #expect(run.stderr.contains("已写入 \(folder)/guide.md"))
        let written = try String(contentsOfFile: folder + "/guide.md", encoding: .utf8)
        #expect(written == (try Fixtures.text("export/item-guide.md")))
    }

    @Test func matterNoticeWithAnswersAndAcceptanceDate() throws {
        let run = try Fixtures.runOnego(["guide"] + matterArguments + ["--accepted", "2026-09-29", "--format", "md"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("# 一次性告知单：企业开办（导出测试）"))
        #expect(run.stdout.contains("**预计全部办结日期**：2026年10月8日"))
        #expect(run.stdout.contains("| 劳动合同 | 受理后3个工作日内 | 2026年10月9日 |"))
    }

    @Test func matterChecklistNamesMembers() throws {
        let run = try Fixtures.runOnego(["guide"] + matterArguments + ["--kind", "checklist", "--format", "md"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("| 序号 | 材料 | 使用事项 | 原件 | 复印件 | 份数 | 容缺 | 已收 |"))
        #expect(run.stdout.contains("| 股东主体资格证明 | 企业设立登记 | — | 1 | 1 | — | ☐ |"))
        #expect(run.stdout.contains("| 经办人身份证 | 免证办，窗口通过电子证照“居民身份证”调取，无需提交 |"))
    }

    @Test func allKindsGoOnSeparatePages() throws {
        let run = try Fixtures.runOnego(["guide", item, "--catalog", "Tests/Fixtures/minimal.xml", "--kind", "all"])
        #expect(run.status == 0)
        #expect(run.stdout.components(separatedBy: "<article class=\"doc ").count == 4)
    }

    @Test func missingAnswersNameTheQuestionsAndChoices() throws {
        let run = try Fixtures.runOnego(["guide", "T-QYKB", "--catalog", "Tests/Fixtures/export/qykb/items"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("T-QYKB 企业开办（导出测试）"))
        #expect(run.stderr.contains("invoice（是否需要申领发票？，可选：是/否）"))
        #expect(run.stdout.isEmpty)
    }

    @Test func unknownCodeExitsOne() throws {
        let run = try Fixtures.runOnego(["guide", "NOPE", "--catalog", "Tests/Fixtures/minimal.xml"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("没有编码为 NOPE 的事项或一件事"))
    }

    @Test(arguments: [
        ["guide", "X"],
        ["guide", "X", "--catalog", "Tests/Fixtures/minimal.xml", "--accepted", "2026-02-30"],
        ["guide", "X", "--catalog", "Tests/Fixtures/minimal.xml", "--date", "20261120"],
        ["guide", "X", "--catalog", "Tests/Fixtures/minimal.xml", "--kind", "poster"],
        ["guide", "X", "--catalog", "Tests/Fixtures/minimal.xml", "--format", "pdf"],
        ["guide", "X", "--catalog", "Tests/Fixtures/minimal.xml", "--answer", "invoice"],
    ])
    func badArgumentsAreUsageErrors(arguments: [String]) throws {
        let run = try Fixtures.runOnego(arguments)
        #expect(run.status == 64)
    }

    @Test func refusesToOverwriteTheCatalog() throws {
        let folder = try Fixtures.temporaryDirectory()
        let catalog = folder + "/catalog.xml"
        try FileManager.default.copyItem(atPath: Fixtures.fixture("minimal.xml"), toPath: catalog)
        let before = try Data(contentsOf: URL(fileURLWithPath: catalog))
        let run = try Fixtures.runOnego(["guide", item, "--catalog", catalog, "--output", catalog, "--format", "html"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("拒绝覆盖"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: catalog)) == before)
        // Nor a catalog file inside a catalog folder.
        let inside = try Fixtures.runOnego(["guide", item, "--catalog", folder, "--output", folder + "/new.xml"])
        #expect(inside.status == 1)
        #expect(!FileManager.default.fileExists(atPath: folder + "/new.xml"))
    }

    @Test func failedExportLeavesThePreviousOutputIntact() throws {
        let folder = try Fixtures.temporaryDirectory()
        let output = try Fixtures.write("上一次的告知单", to: "notice.html", in: folder)
        // Incomplete answers: the composition fails after the output was checked, before anything is written.
        let run = try Fixtures.runOnego([
            "guide", "T-QYKB", "--catalog", "Tests/Fixtures/export/qykb/items", "--output", output,
        ])
        #expect(run.status == 1)
        #expect(try String(contentsOfFile: output, encoding: .utf8) == "上一次的告知单")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["notice.html"])
    }

    @Test func outputIntoAMissingFolderFailsBeforeLoading() throws {
        let run = try Fixtures.runOnego([
            "guide", item, "--catalog", "Tests/Fixtures/minimal.xml", "--output", "/no/such/dir/x.html",
        ])
        #expect(run.status == 1)
        #expect(run.stderr.contains("输出文件夹 /no/such/dir 不存在"))
    }
}
