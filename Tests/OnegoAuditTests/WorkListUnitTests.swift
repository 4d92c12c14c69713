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
        guard CompressionFigure(rawValue: target.figure) != nil else { return [] }
        let licensingOnly = target.figure.hasPrefix("licensing-")
        for row in compression.items where row.exclusion == nil && seen.insert(row.item).inserted {
            guard !licensingOnly || row.isLicensing, let rate = row.rate else { continue }
            let short = target.comparison == .atLeast ? rate < target.threshold - 1e-9 : rate > target.threshold + 1e-9
            guard short else { continue }
            let statutory = row.statutory?.description ?? "—"
            out.append(
                WorkItem(
                    code: row.item, name: row.name, department: row.department,
                    reason:
                        "法定 \(statutory) → 承诺 \(row.promised?.description ?? "未公布")，压缩 \(Int((rate * 100).rounded()))%")
            )
        }
        return out
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
                    for: target, items: items, handling: handling, compression: compression, rows: .onePerUnit)
                #expect(byUnits == expected, "\(target.figure) \(comparison)")
                checked += expected.count
            }
        }
        #expect(checked > 0)
    }
}

/// The work lists of several targets, worked out on all cores (an item rate over many units in two halves), are the
/// lists of each target alone, in the targets' order.
@Suite struct WorkListsSideBySideTests {
    @Test(arguments: [false, true]) func severalTargetsListWhatEachListsAlone(large: Bool) throws {
        var items = try WorkListUnitTests.itemsWithRepeats()
        if large {
            // Copies under codes of their own until the units are enough to be cut in halves, each copy flipped on
            // visits so the halves differ.
            let sample = items
            var copy = 0
            while items.count < 2 * WorkList.halvedUnitCount {
                copy += 1
                for var item in sample {
                    item.codes.handling = (item.codes.handling ?? item.codes.implementation) + "-\(copy)"
                    if copy % 2 == 1 { item.visits = item.visits == 0 ? 2 : 0 }
                    items.append(item)
                }
            }
        }
        let handling = PopulationIndex(.handlingItems, items: items)
        #expect(handling.count >= (large ? WorkList.halvedUnitCount : 1))
        let compression = CompressionFigures.compute(items: items)
        let (policy, _) = Policy.load(
            path: Fixtures.path("Catalogs/policies/guangdong-style-2026.xml"),
            schemaPath: Fixtures.schemas + "/policy.xsd")
        var targets: [PolicyTarget] = []
        for target in try #require(policy).targets {
            for comparison in [PolicyTarget.Comparison.atLeast, .atMost] {
                var target = target
                target.comparison = comparison
                targets.append(target)
            }
        }
        let lists = WorkList.missing(
            for: targets, items: items, handling: handling, compression: compression, rows: .onePerUnit)
        #expect(lists.count == targets.count)
        var listed = 0
        for (target, list) in zip(targets, lists) {
            let alone = WorkListUnitTests.oracle(for: target, items: items, compression: compression)
            #expect(list == alone, "\(target.figure) \(target.comparison)")
            listed += list.count
        }
        #expect(listed > (large ? WorkList.halvedUnitCount : 0))
    }
}
