import Foundation
import OnegoTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What the CLI prints when something is wrong says what and where, once (issue 11).
@Suite struct MessageFormTests {
    @Test(arguments: [
        (["2025-01-24", "-1"], "时限“-1”无效：时限不能为负数"),
        (["2025-01-24", "0x10"], "时限“0x10”无效"),
        (["2025-01-24", "1e3"], "时限“1e3”无效"),
        (["2025-01-24", "inf"], "时限“inf”无效"),
        (["2025-01-24", "5000"], "时限“5000”过大"),
        (["2025-01-24"], "缺少时限"),
        (["2025-01-24", "1", "2"], "只能给出一个时限"),
        (["10000-01-01", "1"], "受理日期“10000-01-01”无效"),
    ])
    func calendarDueNamesWhatIsWrong(arguments: [String], phrase: String) throws {
        let run = try Fixtures.runOnego(["calendar", "due"] + arguments)
        #expect(run.status == 64)
        #expect(run.stderr.contains(phrase), "\(run.stderr)")
        #expect(run.stdout.isEmpty)
    }

    @Test func aDueDateAfterTheYear9999IsRefused() throws {
        let run = try Fixtures.runOnego(["calendar", "due", "9999-12-31", "1", "--unit", "day"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("晚于 9999-12-31"), "\(run.stderr)")
        #expect(run.stdout.isEmpty)
    }

    @Test(arguments: [
        (["validate", "Tests/Fixtures/minimal.xml"], ["ONEGO_SCHEMAS": "/nonexistent"]),
        (["calendar", "due", "2025-01-24", "1"], ["ONEGO_CALENDARS": "/nonexistent"]),
    ])
    func failuresPrintOnceWithoutADoublePrefix(arguments: [String], environment: [String: String]) throws {
        let run = try Fixtures.runOnego(arguments, environment: environment)
        #expect(run.status == 1)
        #expect(!run.stderr.contains("Error: 错误"), "\(run.stderr)")
        #expect(run.stderr.hasPrefix("错误: "), "\(run.stderr)")
    }

    @Test func aFIFOAmongCatalogFilesIsRefusedAndTheRestValidated() throws {
        let folder = try Fixtures.temporaryDirectory()
        try Fixtures.write(try Fixtures.text("minimal.xml"), to: "a.xml", in: folder)
        #expect(mkfifo(folder + "/pipe.xml", 0o600) == 0)
        let run = try Fixtures.runOnego(["validate", folder])
        #expect(run.status == 1)
        #expect(run.stderr.contains("\(folder)/pipe.xml: 错误: 这是命名管道（FIFO），不是普通文件"), "\(run.stderr)")
    }

    @Test func controlCharactersAndCRLinesArePlacedByLineAndColumn() throws {
        let run = try Fixtures.runOnego([
            "validate", "Tests/Fixtures/hostile/control-character.xml", "Tests/Fixtures/hostile/cr-line-endings.xml",
        ])
        #expect(run.status == 1)
        #expect(run.stderr.contains("control-character.xml:2:66: 错误: 字符 U+000B（垂直制表符）"), "\(run.stderr)")
        #expect(run.stderr.contains("cr-line-endings.xml:14:5: 错误:"), "\(run.stderr)")
    }

    @Test func theSizeCapCountsTheBytesReadFromAPipe() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = [
            "-c",
            "{ printf '<catalog xmlns=\"urn:onego:catalog:1\">'; yes '<!-- x -->' | head -c 2000000; } | "
                + "\"$0\" validate --trusted /dev/stdin --max-file-size 1",
            Fixtures.onegoExecutable,
        ]
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 1)
        #expect(stderr.contains("/dev/stdin: 错误: 读取的内容超过上限 1048576 字节"), "\(stderr)")
    }
}
