import OnegoAudit
import OnegoBase
import Testing

@Suite struct RuleRegistryTests {
    @Test func holdsAtLeastThirtyCheckingRules() {
        let checking = RuleRegistry.standard.rules.filter {
            if case .external = $0.check { return false }
            return true
        }
        #expect(checking.count >= 30)
    }

    @Test func idsAreUniqueAndWellFormed() {
        let ids = RuleRegistry.standard.rules.map(\.id.rawValue)
        #expect(Set(ids).count == ids.count)
        for id in ids {
            let parts = id.split(separator: ".")
            #expect(parts.count >= 2, "\(id)")
            #expect(id.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "." || $0 == "-" }, "\(id)")
        }
    }

    @Test func everyRuleHasAChineseTitleAndExplanation() {
        for rule in RuleRegistry.standard.rules {
            #expect(!rule.title.isEmpty && !rule.explanation.isEmpty, "\(rule.id)")
            #expect(rule.title.unicodeScalars.contains { $0.value >= 0x4E00 && $0.value <= 0x9FFF }, "\(rule.id)")
        }
    }

    @Test func coversEveryFamilyTheIssueNames() {
        let families = Set(RuleRegistry.standard.rules.map(\.family))
        for family in [
            RuleFamily.codes, .time, .visits, .online, .tolerance, .instant, .certificateFree, .crossRegion, .fees,
            .contact, .results, .materials, .matters,
        ] {
            #expect(families.contains(family), "\(family)")
        }
    }

    @Test func listsTheComposerBundleRules() {
        #expect(RuleRegistry.standard.contains("matter.cycle"))
        #expect(RuleRegistry.standard.rule(id: "matter.member.unknown-code")?.family == .matters)
    }
}
