import Foundation
import OnegoAudit
import OnegoBase
import OnegoCatalog
import OnegoTestSupport
import Testing

/// Large catalogs are audited item by item on all cores; the findings must come out exactly as one rule after
/// another over the items in catalog order.
@Suite struct ParallelFindingsTests {
    @Test func largeCatalogFindingsKeepRuleThenItemOrder() throws {
        let sample = try AuditFixture.loader().load(paths: [Fixtures.sampleItems]).catalog.items
        let copies = 15
        var items: [ServiceItem] = []
        for copy in 0..<copies {
            for item in sample {
                var renamed = item
                renamed.codes.handling =
                    (item.codes.handling ?? item.codes.implementation) + String(format: "%02d", copy)
                items.append(renamed)
            }
        }
        #expect(items.count >= 2_000)
        let auditor = Auditor()
        let small = auditor.findings(in: Catalog(items: sample))
        let large = auditor.findings(in: Catalog(items: items))

        let position = Dictionary(uniqueKeysWithValues: items.enumerated().map { ($0.element.id, $0.offset) })
        let itemRules = Set(
            auditor.registry.rules.filter { if case .item = $0.check { true } else { false } }.map(\.id))
        var seenRules: [RuleID] = []
        var lastPosition: [RuleID: Int] = [:]
        for finding in large where itemRules.contains(finding.rule) {
            if seenRules.last != finding.rule {
                #expect(!seenRules.contains(finding.rule), "findings of \(finding.rule) are not together")
                seenRules.append(finding.rule)
            }
            let here = try #require(finding.item.flatMap { position[$0] })
            #expect(here >= lastPosition[finding.rule, default: -1], "\(finding.rule) out of item order")
            lastPosition[finding.rule] = here
        }
        for rule in itemRules {
            let once = small.filter { $0.rule == rule }.count
            #expect(large.filter { $0.rule == rule }.count == once * copies, "\(rule)")
        }
    }
}
