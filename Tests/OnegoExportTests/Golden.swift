import Foundation
import OnegoTestSupport
import Testing

/// Golden files under `Tests/Fixtures/export/`: committed expected output, re-recorded with `ONEGO_RECORD=1`.
enum Golden {
    /// Whether this run records instead of comparing.
    static var isRecording: Bool { ProcessInfo.processInfo.environment["ONEGO_RECORD"] == "1" }

    /// Compares `text` with the golden file `name`, or records it. A mismatch names the first differing line.
    static func check(_ text: String, _ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws
    {
        let path = Fixtures.fixture("export/" + name)
        if isRecording {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            return
        }
        let expected = try #require(
            try? String(contentsOfFile: path, encoding: .utf8),
            "golden file \(name) is missing; run with ONEGO_RECORD=1 to record it", sourceLocation: sourceLocation)
        if text == expected { return }
        let actualLines = text.components(separatedBy: "\n")
        let expectedLines = expected.components(separatedBy: "\n")
        let index =
            zip(actualLines, expectedLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
            ?? min(actualLines.count, expectedLines.count)
        let got = index < actualLines.count ? actualLines[index] : "<end of output>"
        let want = index < expectedLines.count ? expectedLines[index] : "<end of file>"
        Issue.record(
            "\(name):\(index + 1) differs (ONEGO_RECORD=1 re-records)\n  expected: \(want)\n  actual:   \(got)",
            sourceLocation: sourceLocation)
    }
}
