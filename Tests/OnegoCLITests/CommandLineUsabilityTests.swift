import Foundation
import OnegoTestSupport
import Testing

/// Mistyped subcommands, bad dates, unknown answer keys and `-o`: each gives one clear message with one prefix.
@Suite struct CommandLineUsabilityTests {
    @Test(arguments: [
        (["valdate", "Catalogs"], "没有子命令“valdate”。您是不是要用：onego validate？"),
        (["compse", "YX-QYKB"], "您是不是要用：onego compose？"),
        (["calendar", "dua", "2026-01-05", "5"], "没有子命令“dua”。您是不是要用：onego calendar due？"),
    ])
    func aMistypedSubcommandNamesTheNearestOne(arguments: [String], expected: String) throws {
        let run = try Fixtures.runOnego(arguments)
        #expect(run.status == 64)
        #expect(run.stderr.contains(expected), "\(run.stderr)")
        #expect(run.stderr.hasPrefix("错误: "))
        #expect(!run.stderr.contains("unexpected argument"))
    }

    @Test func aMistypedOptionKeepsTheSuggestionWithOnePrefix() throws {
        let run = try Fixtures.runOnego(["validate", "--formt", "json", "Catalogs/yunxi"])
        #expect(run.status == 64)
        #expect(run.stderr.hasPrefix("错误: "), "\(run.stderr)")
        #expect(run.stderr.contains("'--format'"))
        #expect(!run.stderr.contains("Error:"))
    }

    @Test func aMistypedOptionIsNamedBeforeAMissingRequiredOne() throws {
        let run = try Fixtures.runOnego(["audit", "Catalogs/yunxi", "--polcy", "Catalogs/policy.xml"])
        #expect(run.status == 64)
        #expect(run.stderr.hasPrefix("错误: onego audit 没有选项 '--polcy'，您是不是要用 '--policy'？"), "\(run.stderr)")
        #expect(!run.stderr.contains("Missing expected argument"))
        let value = try Fixtures.runOnego(["compose", "YX-QYKB", "--catalg=Catalogs/yunxi"])
        #expect(value.stderr.contains("没有选项 '--catalg'，您是不是要用 '--catalog'？"), "\(value.stderr)")
        // Options of the command, inverted flags, built-in options and words after `--` are not questioned.
        let known = try Fixtures.runOnego(["validate", "--no-cache", "--threads", "1", "Catalogs/yunxi"])
        #expect(known.status == 0, "\(known.stderr)")
        #expect(try Fixtures.runOnego(["audit", "--help"]).status == 0)
    }

    @Test(arguments: [
        ("2026-02-30", "受理日期“2026-02-30”无效：日期不存在（2026 年 2 月只有 28 天）"),
        ("2026-13-01", "受理日期“2026-13-01”无效：日期不存在（月份应为 01–12）"),
        ("abc", "受理日期“abc”无效：格式应为 YYYY-MM-DD，如 2026-03-01"),
    ])
    func badDatesHaveOneWording(date: String, expected: String) throws {
        let run = try Fixtures.runOnego(["calendar", "due", date, "5"])
        #expect(run.status == 64)
        #expect(run.stderr.hasPrefix("错误: " + expected), "\(run.stderr)")
        let compose = try Fixtures.runOnego([
            "guide", "YX-QYKB", "--catalog", "Catalogs/yunxi", "--accepted", date,
        ])
        #expect(compose.status == 64)
        let reason = String(expected.split(separator: "：", maxSplits: 1)[1])
        // A time may follow the date: the format named for `abc` says so; an impossible date reads the same.
        let expectedGuide =
            date == "abc" ? "格式应为 YYYY-MM-DD 或 YYYY-MM-DDTHH:MM，如 2026-03-01T09:30" : reason
        #expect(compose.stderr.contains("受理时间“\(date)”无效：" + expectedGuide), "\(compose.stderr)")
    }

    @Test func anUnknownAnswerKeyListsTheQuestionsNearestFirst() throws {
        let run = try Fixtures.runOnego([
            "compose", "YX-QYKB", "--catalog", "Catalogs/yunxi", "--answer", "invoce=是",
        ])
        #expect(run.status == 64)
        #expect(run.stderr.contains("没有编号为 invoce 的情形问题，您是不是要用 --answer invoice=…"), "\(run.stderr)")
        #expect(run.stderr.contains("可用的问题：invoice（是否需要申领发票和税务UKey？）、staff（"))
    }

    @Test func anInvalidAnswerValueListsTheValidValues() throws {
        let run = try Fixtures.runOnego([
            "compose", "YX-QYKB", "--catalog", "Catalogs/yunxi", "--answer", "invoice=也许", "--answer", "staff=是",
            "--answer", "fund=是", "--answer", "bank=是", "--answer", "agent=否",
        ])
        #expect(run.status == 1)
        #expect(run.stderr.contains("没有答案“也许”，可选：是/否"), "\(run.stderr)")
        #expect(!run.stderr.contains("Error:"))
    }

    @Test func shortOptionOWritesTheOutput() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let file = directory + "/指南.md"
        let run = try Fixtures.runOnego([
            "guide", "YX-QYKB", "--catalog", "Catalogs/yunxi", "--kind", "checklist", "-o", file,
            "--answer", "invoice=是", "--answer", "staff=是", "--answer", "fund=是", "--answer", "bank=是",
            "--answer", "agent=否",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let text = try String(contentsOfFile: file, encoding: .utf8)
        #expect(text.contains("# 收件清单：企业开办"))
    }
}

/// On a terminal, `compose` asks only what `--answer` left open, shows each question's hint, and prints the
/// command line that answers everything.
@Suite struct ComposePartialAnswersTests {
    @Test func asksOnlyTheOpenQuestionsAndPrintsTheEquivalentCommand() throws {
        // fund 是, bank 是, agent 否.
        let (status, text) = try Fixtures.runOnegoOnTerminal(
            "compose YX-QYKB --catalog Catalogs/yunxi --answer invoice=是 --answer staff=是", typing: "1\n1\n2\n")
        #expect(status == 0, "\(text)")
        #expect(!text.contains("是否需要申领发票和税务UKey？\r\n"), "\(text)")
        #expect(text.contains("是否委托代理人办理？"))
        #expect(text.contains("不再提问的等效命令"))
        #expect(
            text.contains(
                "compose YX-QYKB --catalog Catalogs/yunxi --answer invoice=是 --answer staff=是 --answer fund=是 --answer bank=是 --answer agent=否"
            ), "\(text)")
        #expect(text.contains("申请材料：26 → 6"))
    }

    @Test func showsTheQuestionsHint() throws {
        let (_, text) = try Fixtures.runOnegoOnTerminal(
            "compose YX-QYKB --catalog Catalogs/yunxi", typing: "1\n1\n1\n1\n2\n")
        #expect(text.contains("说明：开业即开票的企业选“是”，税务部门同步核定票种并发放税务UKey。"), "\(text)")
    }
}
