import Foundation
import OnegoTestSupport
import Testing

/// `onego guide --format docx` and the refusal of outputs whose extension does not match the format.
@Suite struct GuideDOCXTests {
    let item = "11440188MB2C9023XA4000101001000001"

    @Test func writesAWordDocumentWithTheThreeDocuments() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/指南.docx"
        let run = try Fixtures.runOnego([
            "guide", item, "--catalog", "Tests/Fixtures/minimal.xml", "--kind", "all", "--date", "2026-11-20",
            "--output", path,
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let check = Process()
        check.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        check.arguments = ["python3", Fixtures.path("Tests/Fixtures/office/check-docx.py"), path]
        let output = Pipe()
        check.standardOutput = output
        check.standardError = output
        try check.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        check.waitUntilExit()
        #expect(check.terminationStatus == 0, "\(text)")
        #expect(text.hasPrefix("OK tables="))
        for title in ["TEXT:办事指南", "TEXT:一次性告知单", "TEXT:收件清单"] { #expect(text.contains(title), "\(title)") }
    }

    @Test(arguments: [
        (["--output", "guide.pdf"], "无法写出 .pdf 文件"),
        (["--output", "guide.doc"], "无法写出 .doc 文件"),
        (["--format", "html", "--output", "guide.docx"], "扩展名不符"),
        (["--format", "md", "--output", "guide.html"], "扩展名不符"),
        (["--format", "docx"], "--output"),
    ])
    func refusesAnOutputThatDoesNotMatchTheFormat(arguments: [String], message: String) throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let adjusted = arguments.map { $0.hasPrefix("guide.") ? directory + "/" + $0 : $0 }
        let run = try Fixtures.runOnego(["guide", item, "--catalog", "Tests/Fixtures/minimal.xml"] + adjusted)
        #expect(run.status == 64, "\(run.stderr)")
        #expect(run.stderr.contains(message), "\(run.stderr)")
        let written = try FileManager.default.contentsOfDirectory(atPath: directory)
        #expect(written.isEmpty)
    }

    @Test func infersTheFormatFromTheOutputExtension() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let run = try Fixtures.runOnego([
            "guide", item, "--catalog", "Tests/Fixtures/minimal.xml", "--output", directory + "/g.docx",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: directory + "/g.docx"))
        #expect(bytes.prefix(2) == Data("PK".utf8))
    }
}
