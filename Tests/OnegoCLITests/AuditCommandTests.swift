import Foundation
import OnegoTestSupport
import Testing

/// `onego audit` and `onego rules`, run as the built binary.
@Suite struct AuditCommandTests {
    static let district = "Tests/Fixtures/audit/district.xml"
    static let policy = "Catalogs/policies/guangdong-style-2026.xml"
    static let lenient = "Tests/Fixtures/audit/lenient-policy.xml"

    @Test func exitsOneWhenATargetIsMissed() throws {
        let run = try Fixtures.runOnego(["audit", Self.district, "--policy", Self.policy, "--today", "2026-11-21"])
        #expect(run.status == 1)
        #expect(run.stdout.contains("✗ 未达成  全程网办率"))
        #expect(run.stdout.contains("结论：未通过（0 个错误，1 项目标未达成）"))
    }

    /// Without --policy the workspace's own policy.xml applies, else the shipped default (said on stderr); a
    /// shipped policy can be named; an unknown one is a usage error.
    @Test func thePolicyIsFoundWhenNotNamed() throws {
        let root = try Fixtures.temporaryDirectory()
        try FileManager.default.copyItem(atPath: Fixtures.path(Self.district), toPath: root + "/district.xml")
        let shipped = try Fixtures.runOnego(["audit", root, "--today", "2026-11-21"])
        #expect(shipped.stderr.contains("按内置政策 guangdong-style-2026 的目标审计"), "\(shipped.stderr)")
        let named = try Fixtures.runOnego(["audit", root, "--policy", Self.policy, "--today", "2026-11-21"])
        #expect(shipped.stdout == named.stdout && shipped.status == named.status && named.status == 1)
        let meizhou = try Fixtures.runOnego(["audit", root, "--policy", "meizhou-2017", "--today", "2026-11-21"])
        #expect(meizhou.stdout.contains("梅州") && meizhou.stdout != named.stdout, "\(meizhou.stdout.prefix(400))")
        try FileManager.default.copyItem(atPath: Fixtures.path(Self.lenient), toPath: root + "/policy.xml")
        let own = try Fixtures.runOnego(["audit", root, "--today", "2026-11-21"])
        #expect(own.status == 0 && own.stdout.contains("结论：通过"), "\(own.stderr)")
        #expect(own.stderr.contains("按工作区的政策文件 \(root)/policy.xml 审计"))
        let unknown = try Fixtures.runOnego(["audit", root, "--policy", "atlantis-2030"])
        #expect(unknown.status == 64 && unknown.stderr.contains("找不到政策文件“atlantis-2030”"))
    }

    @Test func exitsZeroWhenCleanAndEveryTargetIsMet() throws {
        let run = try Fixtures.runOnego(["audit", Self.district, "--policy", Self.lenient, "--today", "2026-11-21"])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("结论：通过"))
    }

    @Test func exitsOneOnAnErrorFindingAndNamesItsPlace() throws {
        let path = try Fixtures.variant(
            of: "audit/district.xml",
            [
                (
                    "<statutoryLimit value=\"15\" unit=\"工作日\"/>\n    <promisedLimit value=\"0\" unit=\"工作日\"/>",
                    "<statutoryLimit value=\"15\" unit=\"工作日\"/>\n    <promisedLimit value=\"0\" unit=\"工作日\"/><specialProcedure kind=\"现场勘验\"/>"
                )
            ])
        let run = try Fixtures.runOnego(["audit", path, "--policy", Self.lenient, "--today", "2026-11-21"])
        #expect(run.status == 1)
        #expect(run.stdout.contains("\(path):57:3: 错误: "))
        #expect(run.stdout.contains("[instant.special-procedure]"))
    }

    @Test func rejectsABadDateAsAUsageError() throws {
        let run = try Fixtures.runOnego(["audit", Self.district, "--policy", Self.policy, "--today", "2026-02-30"])
        #expect(run.status == 64)
        #expect(run.stderr.contains("审计日期（--today）“2026-02-30”无效：日期不存在（2026 年 2 月只有 28 天）"))
    }

    @Test func rejectsAPolicyNamingAnUnknownFigure() throws {
        let run = try Fixtures.runOnego(["audit", Self.district, "--policy", "Tests/Fixtures/audit/bad-policy.xml"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("bad-policy.xml:3:3"))
        #expect(run.stderr.contains("policy.unknown-figure"))
    }

    @Test func reportsAnExpiredWaiver() throws {
        let run = try Fixtures.runOnego([
            "audit", Self.district, "--policy", Self.lenient, "--waivers", "Tests/Fixtures/audit/waivers.xml",
            "--today", "2027-07-01", "--format", "json",
        ])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let findings = try #require(json["findings"] as? [[String: Any]])
        let expired = findings.filter { $0["rule"] as? String == "waivers.expired" }
        #expect(expired.count == 2)
        #expect(findings.contains { $0["rule"] as? String == "time.not-compressed" })
        // Expired waivers are warnings, so the lenient policy still passes.
        #expect(run.status == 0)
    }

    @Test func writesTheOutputFileAtomicallyAndNeverOverAnInput() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let output = directory + "/audit.sarif"
        let run = try Fixtures.runOnego([
            "audit", Self.district, "--policy", Self.lenient, "--format", "sarif", "--output", output, "--today",
            "2026-11-21",
        ])
        #expect(run.status == 0)
        #expect(run.stdout.isEmpty)
        let log = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: output))) as? [String: Any])
        #expect(log["version"] as? String == "2.1.0")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["audit.sarif"])

        let copy = try Fixtures.variant(of: "audit/district.xml", [])
        let before = try String(contentsOfFile: copy, encoding: .utf8)
        let refused = try Fixtures.runOnego([
            "audit", copy, "--policy", Self.lenient, "--format", "html", "--output", copy,
        ])
        #expect(refused.status == 1)
        #expect(try String(contentsOfFile: copy, encoding: .utf8) == before)
    }

    @Test func listsTheRulesAsJSON() throws {
        let run = try Fixtures.runOnego(["rules", "--format", "json"])
        #expect(run.status == 0)
        let document = try #require(
            try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(document["schemaVersion"] as? Int == 1)
        let rules = try #require(document["rules"] as? [[String: String]])
        #expect(rules.count >= 30)
        for rule in rules { #expect(Set(rule.keys) == ["id", "severity", "title", "explanation"]) }
        #expect(rules.contains { $0["id"] == "visits.zero-with-reason" && $0["severity"] == "warning" })
    }

    @Test func listsTheRulesAsText() throws {
        let run = try Fixtures.runOnego(["rules"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("tolerance.key-material  [错误]  关键材料不得容缺"))
    }
}
