import OnegoAudit
import OnegoBase
import OnegoCatalog
import OnegoTestSupport
import Testing

@Suite struct PolicyTests {
    @Test(arguments: [("80%", 0.8), ("1/3", 1.0 / 3), ("0.5", 0.5), ("100%", 1.0), ("12", 12.0)])
    func parsesThresholdsAsPeopleWriteThem(_ text: String, _ value: Double) throws {
        let parsed = try #require(Policy.parseThreshold(text))
        #expect(abs(parsed - value) < 1e-12)
    }

    @Test func readsTheSamplePolicyWithItsSources() throws {
        let (policy, problems) = Policy.load(
            path: Fixtures.path("Catalogs/policies/guangdong-style-2026.xml"),
            schemaPath: Fixtures.schemas + "/policy.xsd")
        #expect(problems.isEmpty, "\(problems)")
        let value = try #require(policy)
        #expect(
            value.targets.map(\.figure) == [
                "online", "at-most-one-visit", "immediate", "compression-weighted", "fully-online", "zero-visit",
            ])
        #expect(value.targets.allSatisfy { $0.source != nil })
        #expect(value.sources.count == 3)
    }

    @Test func rejectsAnUnknownFigureWithItsPlace() {
        let path = Fixtures.fixture("audit/bad-policy.xml")
        let (policy, problems) = Policy.load(path: path, schemaPath: Fixtures.schemas + "/policy.xsd")
        #expect(policy == nil)
        #expect(problems.map(\.rule) == ["policy.unknown-figure"])
        #expect(problems.first?.location == SourceLocation(file: path, line: 3, column: 3))
    }

    @Test func reportsPassAndFailWithFiguresAndGaps() throws {
        let load = try AuditFixture.load(Fixtures.fixture(AuditFixture.district))
        let (policy, _) = Policy.load(
            path: Fixtures.path("Catalogs/policies/guangdong-style-2026.xml"),
            schemaPath: Fixtures.schemas + "/policy.xsd")
        let report = Auditor().audit(load, policy: policy, today: try #require(AuditFixture.today))
        let byID = Dictionary(uniqueKeysWithValues: report.targets.map { ($0.target.id, $0) })
        // 5/6 online ≥ 80%: met.
        #expect(byID["online"]?.met == true)
        // Exactly 2/6 = 1/3 即办 meets "≥ 1/3".
        #expect(byID["immediate"]?.met == true)
        // 27.5/48 = 57.3% ≥ 50%.
        #expect(byID["compression"]?.met == true)
        #expect(byID["compression"]?.numerator == 27.5)
        // 3/6 fully online against 85%: short by 35 points, 3 more items needed (ceil(5.1) − 3).
        let fully = try #require(byID["fully-online"])
        #expect(!fully.met)
        #expect(abs((fully.gap ?? 0) - 0.35) < 1e-9)
        #expect(fully.itemsNeeded == 3)
        #expect(report.failedTargets.map(\.target.id) == ["fully-online"])
        #expect(!report.passes)
    }

    @Test func countTargetsCompareItemCounts() throws {
        let load = try AuditFixture.load(Fixtures.fixture(AuditFixture.district))
        let (policy, problems) = Policy.load(
            path: Fixtures.fixture("audit/lenient-policy.xml"), schemaPath: Fixtures.schemas + "/policy.xsd")
        #expect(problems.isEmpty)
        let report = Auditor().audit(load, policy: policy, today: try #require(AuditFixture.today))
        let instant = try #require(report.targets.first { $0.target.id == "instant" })
        #expect(instant.value == 1 && instant.met)
        #expect(report.failedTargets.isEmpty)
        #expect(report.passes)
    }
}

/// Thresholds the schema and the loader admit are meaningful and printable (issue 11).
@Suite struct PolicyThresholdTests {
    func load(_ threshold: String, measure: String = "rate") throws -> (Policy?, [Diagnostic]) {
        let directory = try Fixtures.temporaryDirectory()
        let path = try Fixtures.write(
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <policy xmlns="urn:onego:policy:1" schemaVersion="1.0" name="测试">
              <target id="t" name="网上可办率" figure="online" comparison="atLeast" threshold="\(threshold)" measure="\(measure)"/>
            </policy>
            """, to: "policy.xml", in: directory)
        return Policy.load(path: path, schemaPath: Fixtures.schemas + "/policy.xsd")
    }

    @Test(arguments: [
        ("100000000000000000000", "count"), ("1e20", "rate"), ("150%", "rate"), ("1.5", "rate"), ("3/2", "rate"),
        ("1/0", "rate"), ("2.5", "count"), ("50%", "count"), ("-1", "rate"), ("100000001", "count"),
    ])
    func refusesMeaninglessThresholdsAtTheirPlace(_ threshold: String, _ measure: String) throws {
        let (policy, problems) = try load(threshold, measure: measure)
        #expect(policy == nil)
        let problem = try #require(problems.first)
        #expect(problem.severity == .error)
        #expect(problem.location?.line == 3)
        #expect(problem.location?.column ?? 0 > 0)
    }

    @Test(arguments: [("100%", "rate"), ("0", "rate"), ("1/1", "rate"), ("100000000", "count"), ("0", "count")])
    func acceptsTheLimits(_ threshold: String, _ measure: String) throws {
        let (policy, problems) = try load(threshold, measure: measure)
        #expect(problems.isEmpty, "\(problems)")
        #expect(policy != nil)
    }
}
