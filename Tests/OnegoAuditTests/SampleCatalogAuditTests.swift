import OnegoAudit
import OnegoBase
import OnegoCatalog
import OnegoComposer
import OnegoTestSupport
import Testing

/// The audit of the sample district (Catalogs/yunxi): plausible figures, not all 100%, few errors.
@Suite struct SampleCatalogAuditTests {
    static func report() throws -> AuditReport {
        let load = try AuditFixture.loader().load(paths: [Fixtures.sampleItems])
        let (policy, policyProblems) = Policy.load(
            path: Fixtures.path("Catalogs/policies/guangdong-style-2026.xml"),
            schemaPath: Fixtures.schemas + "/policy.xsd")
        let (waivers, waiverProblems) = WaiverSet.load(
            path: Fixtures.path("Catalogs/yunxi/waivers.xml"), schemaPath: Fixtures.schemas + "/waivers.xsd")
        #expect(policyProblems.isEmpty && waiverProblems.isEmpty, "\(policyProblems + waiverProblems)")
        let (matters, matterProblems) = MatterLoader.load(paths: [Fixtures.sampleMatters])
        let diagnostics = MatterAudit.diagnostics(
            matters: matters, loadDiagnostics: matterProblems, catalog: load.catalog)
        return Auditor().audit(
            load, policy: policy, waivers: waivers, today: try #require(AuditFixture.today),
            otherDiagnostics: diagnostics,
            matters: MatterAudit.figures(matters: matters, catalog: load.catalog), paths: [Fixtures.sampleItems])
    }

    @Test func figuresArePlausibleAndNotAllFull() throws {
        let report = try Self.report()
        #expect(report.subject.handlingItems >= 160)
        #expect(report.subject.departments.count >= 14)
        for id in ["online", "fully-online", "zero-visit", "immediate", "tolerance-items"] {
            let value = try #require(report.rate(id)?.ratio.value, "\(id)")
            #expect(value > 0.05 && value < 1, "\(id) = \(value)")
        }
        let compression = report.compression.overall
        #expect(compression.counted >= 40)
        #expect((compression.meanOfRates ?? 0) > 0.2 && (compression.meanOfRates ?? 1) < 1)
        #expect((compression.dayWeighted ?? 0) > 0.2 && (compression.dayWeighted ?? 1) < 1)
        #expect(report.targets.count == 6)
    }

    @Test func hasFewErrorsAndEveryFindingHasAPlace() throws {
        let report = try Self.report()
        #expect(report.errorCount <= 10, "\(report.findings.filter { $0.severity == .error }.map(\.description))")
        for finding in report.findings {
            let place = try #require(finding.location, "\(finding.description)")
            #expect(place.line > 0 && place.column > 0, "\(finding.description)")
            #expect(place.file.contains("Catalogs/yunxi"), "\(finding.description)")
        }
    }

    @Test func theSampleWaiversApplyAndOneHasExpired() throws {
        let report = try Self.report()
        #expect(!report.waived.isEmpty)
        let expired = report.findings.filter { $0.rule == "waivers.expired" }
        #expect(expired.count == 1)
        #expect(!report.findings.contains { $0.rule == "waivers.unknown-item" || $0.rule == "waivers.unknown-rule" })
    }

    @Test func everyMatterShowsFewerMaterialsAsOneMatter() throws {
        let report = try Self.report()
        #expect(report.matters.count >= 5)
        for matter in report.matters {
            let materials = try #require(matter.rows.first { $0.label == "申请材料" })
            #expect(materials.after < materials.before, "\(matter.name)")
        }
        #expect(!report.findings.contains { $0.rule.hasPrefix("matter.") && $0.severity == .error })
    }
}
