import OnegoBase
import OnegoCatalog
import OnegoTestSupport
import Testing

@testable import OnegoAudit

/// Department summaries are tallied by each name's UTF-8 bytes, then added up by name (`String` equality, which
/// treats NFC and NFD spellings as one): the summaries must be those of adding up by name directly.
@Suite struct DepartmentSummaryTests {
    /// The summaries as they were worked out before, by `String` name throughout (the oracle).
    static func oracle(_ report: AuditReport) -> [DepartmentSummary] {
        var byName: [String: DepartmentSummary] = [:]
        func touch(_ name: String) {
            if byName[name] == nil {
                byName[name] = DepartmentSummary(department: name, errors: 0, warnings: 0, notes: 0, workItems: 0)
            }
        }
        for name in report.subject.departments { touch(name) }
        for finding in report.findings {
            guard let name = finding.department else { continue }
            touch(name)
            switch finding.severity {
            case .error: byName[name]?.errors += 1
            case .warning: byName[name]?.warnings += 1
            case .note: byName[name]?.notes += 1
            }
        }
        for target in report.targets {
            for item in target.missing {
                touch(item.department)
                byName[item.department]?.workItems += 1
            }
        }
        return byName.values.sorted(by: DepartmentSummary.isWorse)
    }

    /// The summaries with each department name's bytes, so two spellings of one name are told apart.
    static func spelled(_ rows: [DepartmentSummary]) -> [[String]] {
        rows.map {
            [Array($0.department.utf8).description, "\($0.errors)", "\($0.warnings)", "\($0.notes)", "\($0.workItems)"]
        }
    }

    @Test func equalTheOracleWhateverTheOrderOfTheFindings() throws {
        var report = try SampleCatalogAuditTests.report()
        #expect(Set(report.findings.compactMap(\.department)).count > 3)
        #expect(report.targets.contains { !$0.missing.isEmpty })
        var generator = SplitMix64(seed: 17)
        for _ in 0..<3 {
            #expect(Self.spelled(report.departmentSummaries) == Self.spelled(Self.oracle(report)))
            report.findings.shuffle(using: &generator)
        }
    }

    /// A department spelled in NFD by some findings and work items and in NFC by others (two byte strings, one
    /// name) counts once, under the spelling seen first, as before.
    @Test func twoSpellingsOfOneNameCountAsOneDepartment() throws {
        var report = try SampleCatalogAuditTests.report()
        let composed = "云溪区Café服务中心"
        let decomposed = "云溪区Cafe\u{301}服务中心"
        #expect(composed == decomposed && Array(composed.utf8) != Array(decomposed.utf8))
        for index in report.findings.indices where index % 3 == 0 {
            report.findings[index].department = index % 2 == 0 ? decomposed : composed
        }
        for target in report.targets.indices {
            for index in report.targets[target].missing.indices where index % 2 == 0 {
                report.targets[target].missing[index].department = index % 4 == 0 ? composed : decomposed
            }
        }
        let summaries = report.departmentSummaries
        #expect(Self.spelled(summaries) == Self.spelled(Self.oracle(report)))
        let merged = summaries.filter { $0.department == composed }
        #expect(merged.count == 1)
        #expect(merged.first.map { $0.errors + $0.warnings + $0.notes } ?? 0 > 0)
        #expect(merged.first?.workItems ?? 0 > 0)
    }
}
