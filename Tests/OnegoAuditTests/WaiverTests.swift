import OnegoAudit
import OnegoBase
import OnegoCatalog
import OnegoTestSupport
import Testing

@Suite struct WaiverTests {
    static func waivers() throws -> WaiverSet {
        let (set, problems) = WaiverSet.load(
            path: Fixtures.fixture("audit/waivers.xml"), schemaPath: Fixtures.schemas + "/waivers.xsd")
        #expect(problems.isEmpty, "\(problems)")
        return set
    }

    @Test func readsWaiversAndSwitchOffs() throws {
        let set = try Self.waivers()
        #expect(
            set.waivers.map(\.rule) == ["time.not-compressed", "visits.reason-missing", "results.validity-missing"])
        #expect(set.waivers[2].item == nil)
        #expect(set.waivers[0].expires == CalendarDay(year: 2027, month: 6, day: 30))
        #expect(set.waivers[0].location.line == 3)
    }

    @Test func silencesAValidWaiverUntilItExpires() throws {
        let load = try AuditFixture.load(Fixtures.fixture(AuditFixture.district))
        let report = Auditor().audit(load, waivers: try Self.waivers(), today: try #require(AuditFixture.today))
        #expect(report.waived.map(\.finding.rule) == ["time.not-compressed"])
        #expect(!report.findings.contains { $0.rule == "time.not-compressed" })
        // The day after expiry, the finding is back and the waiver itself is reported.
        let later = Auditor().audit(
            load, waivers: try Self.waivers(), today: try #require(CalendarDay(iso: "2027-07-01")))
        #expect(later.waived.isEmpty)
        #expect(later.findings.contains { $0.rule == "time.not-compressed" })
        #expect(later.findings.contains { $0.rule == "waivers.expired" && $0.location?.line == 3 })
        // On the expiry date itself it still holds.
        let last = Auditor().audit(
            load, waivers: try Self.waivers(), today: try #require(CalendarDay(iso: "2027-06-30")))
        #expect(last.waived.count == 1)
    }

    @Test func anExpiredWaiverIsAFindingWithItsPlace() throws {
        let path = try Fixtures.variant(
            of: AuditFixture.district, [("<visits count=\"1\" reason=\"现场核查经营场所\"/>", "<visits count=\"1\"/>")])
        let load = try AuditFixture.load(path)
        let report = Auditor().audit(load, waivers: try Self.waivers(), today: try #require(AuditFixture.today))
        let expired = try #require(report.findings.first { $0.rule == "waivers.expired" })
        #expect(expired.severity == .warning)
        #expect(expired.location == SourceLocation(file: Fixtures.fixture("audit/waivers.xml"), line: 4, column: 3))
        #expect(expired.message.contains("2026-01-31"))
        // The waived finding is active again.
        #expect(report.findings.contains { $0.rule == "visits.reason-missing" })
    }

    @Test func aGlobalSwitchOffSilencesEveryItem() throws {
        let load = try AuditFixture.load(Fixtures.fixture(AuditFixture.district))
        let set = WaiverSet(waivers: [
            Waiver(
                rule: "time.not-compressed", item: nil, reason: "本年度不考核", expires: nil,
                location: SourceLocation(file: "w.xml", line: 2, column: 3))
        ])
        let report = Auditor().audit(load, waivers: set, today: try #require(AuditFixture.today))
        #expect(report.findings.isEmpty)
        #expect(report.waived.first?.isGlobal == true)
    }

    @Test func unknownRulesItemsAndUnusedWaiversAreReported() throws {
        let load = try AuditFixture.load(Fixtures.fixture(AuditFixture.district))
        let place = SourceLocation(file: "w.xml", line: 2, column: 3)
        let set = WaiverSet(waivers: [
            Waiver(rule: "visits.nonsense", item: nil, reason: "x", expires: nil, location: place),
            Waiver(
                rule: "fees.basis-missing", item: "11440188MB2C9023XA4000101099000001", reason: "x", expires: nil,
                location: place),
            Waiver(rule: "fees.basis-missing", item: nil, reason: "x", expires: nil, location: place),
        ])
        let report = Auditor().audit(load, waivers: set, today: try #require(AuditFixture.today))
        let rules = report.findings.map(\.rule)
        #expect(rules.contains("waivers.unknown-rule"))
        #expect(rules.contains("waivers.unknown-item"))
        #expect(rules.contains("waivers.unused"))
        #expect(report.errorCount == 1)
    }

    @Test(arguments: ["2026-02-30", "2026-13-01", "26-01-01", "2026-1-1", "２０２６-01-01"])
    func rejectsInvalidDates(_ text: String) {
        #expect(CalendarDay(iso: text) == nil)
    }
}
