import OnegoAudit
import OnegoBase
import OnegoCatalog
import OnegoComposer
import OnegoTestSupport
import Testing

/// The bridge to the composer, on the composer's own fixtures (a 企业开办 bundle and a cyclic one).
@Suite struct MatterAuditTests {
    static func catalog() throws -> Catalog {
        try AuditFixture.load(Fixtures.fixture("matters/items.xml")).catalog
    }

    @Test func bundleProblemsBecomeFindingsWithTheirPlaces() throws {
        let load = try AuditFixture.load(Fixtures.fixture("matters/items.xml"))
        let (matters, problems) = MatterLoader.load(paths: [Fixtures.fixture("matters/cycle.xml")])
        let diagnostics = MatterAudit.diagnostics(matters: matters, loadDiagnostics: problems, catalog: load.catalog)
        let report = Auditor().audit(load, today: try #require(AuditFixture.today), otherDiagnostics: diagnostics)
        let cycle = try #require(report.findings.first { $0.rule == "matter.cycle" })
        #expect(cycle.severity == .error)
        #expect(cycle.location?.file == Fixtures.fixture("matters/cycle.xml"))
        #expect((cycle.location?.line ?? 0) > 0)
        #expect(RuleRegistry.standard.contains(cycle.rule))
    }

    @Test func eachComposableMatterGetsBeforeAndAfterFigures() throws {
        let catalog = try Self.catalog()
        let (matters, _) = MatterLoader.load(paths: [Fixtures.fixture("matters/qykb.xml")])
        let figures = MatterAudit.figures(matters: matters, catalog: catalog)
        let matter = try #require(figures.first)
        #expect(matter.members >= 2)
        #expect(matter.rows.map(\.label) == ["申请材料", "复印件", "表单字段", "跑动次数", "办理环节", "办理时间"])
        let materials = try #require(matter.rows.first)
        #expect(materials.before > materials.after)
        #expect((materials.reduction ?? 0) > 0)
    }

    @Test func noMattersMeansNoFigures() throws {
        #expect(MatterAudit.figures(matters: [], catalog: try Self.catalog()).isEmpty)
    }
}
