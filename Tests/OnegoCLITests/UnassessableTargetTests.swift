import Foundation
import OnegoTestSupport
import Testing

/// A target whose figure has a denominator of 0 is 无法评估: neither met nor missed, in the text, in JSON and in the
/// exit code.
@Suite struct UnassessableTargetTests {
    private func withoutStatutoryLimit() throws -> String {
        try Fixtures.variant(of: "minimal.xml", [("    <statutoryLimit value=\"3\" unit=\"工作日\"/>\n", "")])
    }

    @Test func textSaysUnassessableAndExitsOne() throws {
        let run = try Fixtures.runOnego([
            "audit", try withoutStatutoryLimit(), "--policy", "Catalogs/policies/guangdong-style-2026.xml",
        ])
        #expect(run.stdout.contains("－ 无法评估  时限压缩率（按天数加权）"))
        #expect(run.stdout.contains("1 项无法评估（分母为 0）"))
        #expect(run.stdout.contains("1 项目标无法评估"))
        #expect(!run.stdout.contains("✗ 未达成  时限压缩率"))
        #expect(run.status == 1)
    }

    @Test func jsonMarksTheTargetNotAssessable() throws {
        let run = try Fixtures.runOnego([
            "audit", try withoutStatutoryLimit(), "--policy", "Catalogs/policies/guangdong-style-2026.xml",
            "--format", "json",
        ])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let targets = try #require(object["targets"] as? [[String: Any]])
        let compression = try #require(targets.first { ($0["name"] as? String)?.contains("时限压缩率") == true })
        #expect(compression["assessable"] as? Bool == false)
        #expect(compression["met"] as? Bool == false)
        #expect(compression["denominator"] as? Double == 0)
    }
}
