import OnegoBase
import OnegoCatalog
import OnegoTestSupport
import Testing

@testable import OnegoAudit

/// Work lists walk the catalog's handling units (each code once, at its first item) instead of a set of the codes
/// seen: the lists must be the ones the set gave, repeated codes included.
@Suite struct WorkListUnitTests {
    /// The work list as it was worked out before, with a set of the codes seen (the oracle).
    static func oracle(for target: PolicyTarget, items: [ServiceItem], compression: CompressionFigures) -> [WorkItem] {
        var seen = Set<String>()
        var out: [WorkItem] = []
        if let definition = RateDefinition.definition(id: target.figure) {
            let wantsMet = target.comparison == .atMost
            for item in items where seen.insert(item.id).inserted {
                switch definition.measure {
                case .items(let condition):
                    guard condition(item) == wantsMet else { continue }
                    out.append(
                        WorkItem(
                            code: item.id, name: item.name, department: item.department,
                            reason: WorkList.reason(for: definition.id, item)))
                case .materials(let condition):
                    let lines = item.materials.filter { condition($0) == wantsMet }
                    guard !lines.isEmpty else { continue }
                    let names = lines.prefix(3).map(\.name).joined(separator: "、")
                    out.append(
                        WorkItem(
                            code: item.id, name: item.name, department: item.department,
                            reason: "\(lines.count) 条材料：\(names)\(lines.count > 3 ? "等" : "")"))
                }
            }
            return out
        }
        return WorkList.missing(for: target, items: items, compression: compression)
    }

    /// The sample catalog with a repeat of every seventh item at the end, each repeat changed so it would land
    /// on the other side of every condition (more visits, no online service, no materials): a repeat listed or
    /// counted shows.
    static func itemsWithRepeats() throws -> [ServiceItem] {
        let load = try AuditFixture.loader().load(paths: [Fixtures.sampleItems])
        var items = load.catalog.items
        for position in stride(from: 0, to: items.count, by: 7) {
            var repeated = items[position]
            repeated.name += "（重复）"
            repeated.visits = repeated.visits == 0 ? 3 : 0
            repeated.materials = []
            items.append(repeated)
        }
        return items
    }

    @Test func everyTargetListsWhatTheSetOfSeenCodesListed() throws {
        let items = try Self.itemsWithRepeats()
        let (policy, problems) = Policy.load(
            path: Fixtures.path("Catalogs/policies/guangdong-style-2026.xml"),
            schemaPath: Fixtures.schemas + "/policy.xsd")
        #expect(problems.isEmpty)
        let handling = PopulationIndex(.handlingItems, items: items)
        #expect(handling.count < items.count)
        let compression = CompressionFigures.compute(items: items)
        var checked = 0
        for target in try #require(policy).targets {
            for comparison in [PolicyTarget.Comparison.atLeast, .atMost] {
                var target = target
                target.comparison = comparison
                let expected = Self.oracle(for: target, items: items, compression: compression)
                #expect(WorkList.missing(for: target, items: items, compression: compression) == expected)
                let byUnits = WorkList.missing(
                    for: target, items: items, handling: handling, compression: compression, rowsAreUnits: true)
                #expect(byUnits == expected, "\(target.figure) \(comparison)")
                checked += expected.count
            }
        }
        #expect(checked > 0)
    }

    /// Department summaries count runs of one department at a time: findings in any order give the counts of one
    /// look-up per finding.
    @Test func departmentSummariesDoNotDependOnTheFindingsOrder() throws {
        var report = try SampleCatalogAuditTests.report()
        #expect(Set(report.findings.compactMap(\.department)).count > 3)
        var expected: [String: (Int, Int, Int)] = [:]
        for finding in report.findings {
            guard let department = finding.department else { continue }
            var counts = expected[department] ?? (0, 0, 0)
            switch finding.severity {
            case .error: counts.0 += 1
            case .warning: counts.1 += 1
            case .note: counts.2 += 1
            }
            expected[department] = counts
        }
        var generator = SplitMix64(seed: 17)
        for _ in 0..<3 {
            for row in report.departmentSummaries {
                let counts = expected[row.department] ?? (0, 0, 0)
                #expect(row.errors == counts.0 && row.warnings == counts.1 && row.notes == counts.2, "\(row)")
            }
            report.findings.shuffle(using: &generator)
        }
    }
}
