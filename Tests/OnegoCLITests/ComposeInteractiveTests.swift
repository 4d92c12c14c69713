import Foundation
import OnegoTestSupport
import Testing

/// `onego compose` without answers on a terminal asks the situation questions. `script` (util-linux, part of every
/// Debian system) gives the command a pseudo-terminal; the answers are typed on its standard input.
@Suite struct ComposeInteractiveTests {
    @Test func asksTheQuestionsOnATerminalAndComposesTheAnswers() throws {
        let command = "\(Fixtures.onegoExecutable) compose YX-QYKB --catalog Catalogs/yunxi"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-qec", command, "/dev/null"]
        process.currentDirectoryURL = URL(fileURLWithPath: Fixtures.repositoryRoot)
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = output
        try process.run()
        // 是 to invoices, staff, the housing fund and the bank appointment; 否 to acting through an agent.
        input.fileHandleForWriting.write(Data("1\n1\n1\n1\n2\n".utf8))
        try input.fileHandleForWriting.close()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(text)")
        #expect(text.contains("请回答以下情形问题"))
        #expect(text.contains("是否需要申领发票和税务UKey？"))
        #expect(text.contains("是否委托代理人办理？ 否"))
        #expect(text.contains("申请材料：26 → 6"))
    }
}
