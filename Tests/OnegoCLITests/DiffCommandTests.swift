import Foundation
import OnegoTestSupport
import Testing

/// `onego diff` on a modified copy of the sample district built in a temporary folder.
@Suite struct DiffCommandTests {
    /// Copies `Catalogs/yunxi/items`, applies text edits to one file and removes others.
    static func modifiedCopy(
        file: String = "civil-affairs.xml", edits: [(String, String)], removing: [String] = []
    ) throws -> String {
        let directory = try Fixtures.temporaryDirectory()
        let copy = directory + "/items"
        try FileManager.default.copyItem(atPath: Fixtures.sampleItems, toPath: copy)
        var text = try String(contentsOfFile: copy + "/" + file, encoding: .utf8)
        for (old, new) in edits {
            try #require(text.contains(old), "\(old)")
            text = text.replacingOccurrences(of: old, with: new)
        }
        try text.write(toFile: copy + "/" + file, atomically: true, encoding: .utf8)
        for name in removing { try FileManager.default.removeItem(atPath: copy + "/" + name) }
        return copy
    }

    static let disabilityAllowance = """
            <promisedLimit value="15" unit="工作日"/>
            <visits count="0"/>
            <online available="true" depth="4" url="https://www.gdzwfw.gov.cn/"/>
        """

    @Test func longerPromiseAndAnExtraVisitAreRegressions() throws {
        let copy = try Self.modifiedCopy(edits: [
            (
                Self.disabilityAllowance,
                Self.disabilityAllowance.replacingOccurrences(of: "value=\"15\"", with: "value=\"18\"")
                    .replacingOccurrences(of: "count=\"0\"", with: "count=\"1\"")
            )
        ])
        defer { try? FileManager.default.removeItem(atPath: (copy as NSString).deletingLastPathComponent) }
        let run = try Fixtures.runOnego([
            "diff", Fixtures.sampleItems, copy, "--policy", Fixtures.path("Catalogs/policies/guangdong-style-2026.xml"),
            "--fail-on", "regression",
        ])
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.stdout.contains("事项：新增 0 项，删除 0 项，变更 1 项"))
        #expect(run.stdout.contains("承诺时限：15个工作日 → 18个工作日"))
        #expect(run.stdout.contains("到现场次数：0 → 1"))
        #expect(run.stdout.contains("↓ 零跑动率：59.1%（104/176）→ 58.5%（103/176）"))
        #expect(run.stdout.contains("[online.full-depth-visits] 全程网办事项零跑动：0 → 1"))
        #expect(run.stdout.contains("结论：3 处退步"))
        // Without --fail-on the same diff exits 0.
        let plain = try Fixtures.runOnego(["diff", Fixtures.sampleItems, copy])
        #expect(plain.status == 0, "\(plain.stderr)")
    }

    @Test func fewerVisitsAndARemovedFileInJSON() throws {
        let copy = try Self.modifiedCopy(
            edits: [
                (
                    "<visits count=\"2\" reason=\"提交纸质章程及会员大会材料原件、领取登记证书各需到场一次\"/>",
                    "<visits count=\"1\" reason=\"领取登记证书\"/>"
                )
            ],
            removing: ["tobacco.xml"])
        defer { try? FileManager.default.removeItem(atPath: (copy as NSString).deletingLastPathComponent) }
        let run = try Fixtures.runOnego(["diff", Fixtures.sampleItems, copy, "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(json["schemaVersion"] as? Int == 1)
        let removed = try #require(json["removed"] as? [[String: Any]])
        #expect(!removed.isEmpty && removed.allSatisfy { $0["department"] as? String == "云溪区烟草专卖局" })
        let changed = try #require(json["changed"] as? [[String: Any]])
        #expect(changed.count == 1)
        let fields = try #require(changed.first?["fields"] as? [[String: Any]])
        #expect(fields.contains { $0["field"] as? String == "到现场次数" && $0["old"] as? String == "2" })
        let rates = try #require(json["rates"] as? [[String: Any]])
        let oneVisit = try #require(rates.first { $0["id"] as? String == "at-most-one-visit" })
        #expect(oneVisit["direction"] as? String == "up")
        // Removing items lowers some rates: the diff reports them as regressions, but --fail-on was not given.
        #expect(json["regressions"] is [String])
    }

    @Test func toleranceLetsASmallRateFallPassTheGate() throws {
        let copy = try Self.modifiedCopy(
            file: "tobacco.xml",
            edits: [
                (
                    "<promisedLimit value=\"10\" unit=\"工作日\" note=\"含实地核查时间\"/>\n    <visits count=\"0\"/>",
                    "<promisedLimit value=\"10\" unit=\"工作日\" note=\"含实地核查时间\"/>\n    <visits count=\"1\" reason=\"实地核查时到场\"/>"
                )
            ])
        defer { try? FileManager.default.removeItem(atPath: (copy as NSString).deletingLastPathComponent) }
        let gated = try Fixtures.runOnego(["diff", Fixtures.sampleItems, copy, "--fail-on-regression"])
        #expect(gated.status == 1, "\(gated.stderr)")
        #expect(gated.stdout.contains("↓ 零跑动率"))
        #expect(gated.stdout.contains("结论：1 处退步"), "\(gated.stdout)")
        let tolerated = try Fixtures.runOnego([
            "diff", Fixtures.sampleItems, copy, "--fail-on-regression", "--tolerance", "1",
        ])
        #expect(tolerated.status == 0, "a fall of less than one point is tolerated: \(tolerated.stderr)")
        #expect(tolerated.stdout.contains("↓ 零跑动率"), "the fall is still shown")
        #expect(tolerated.stdout.contains("结论：无退步"), "the report agrees with the exit code: \(tolerated.stdout)")
        let strict = try Fixtures.runOnego([
            "diff", Fixtures.sampleItems, copy, "--fail-on", "regression", "--tolerance", "0.1",
        ])
        #expect(strict.status == 1)
        let negative = try Fixtures.runOnego(["diff", Fixtures.sampleItems, copy, "--tolerance=-1"])
        #expect(negative.status == 64)
        #expect(negative.stderr.contains("--tolerance 应为 0 到 100 之间的百分点数"))
    }

    @Test func identicalCatalogsHaveNoRegression() throws {
        let run = try Fixtures.runOnego(["diff", Fixtures.sampleItems, Fixtures.sampleItems, "--fail-on", "regression"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("事项：新增 0 项，删除 0 项，变更 0 项"))
        #expect(run.stdout.contains("结论：无退步"))
    }
}
