import OnegoAudit
import OnegoBase
import OnegoCatalog
import OnegoTestSupport
import Testing

/// Work lists of missed targets and the department order, on the sample district.
@Suite struct WorkListTests {
    @Test func everyMissedItemRateTargetListsExactlyTheItemsThatMissIt() throws {
        let report = try SampleCatalogAuditTests.report()
        let load = try AuditFixture.loader().load(paths: [Fixtures.sampleItems])
        let byCode = Dictionary(load.catalog.items.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let missed = report.failedTargets.filter { RateDefinition.definition(id: $0.target.figure) != nil }
        #expect(!missed.isEmpty)
        for result in missed {
            let rate = try #require(report.rate(result.target.figure))
            // Each code once, and together with the met items they make up the denominator.
            #expect(Set(result.missing.map(\.code)).count == result.missing.count)
            #expect(result.missing.count == rate.ratio.denominator - rate.ratio.numerator)
            #expect(result.missing.count >= result.itemsNeeded ?? 0)
            for work in result.missing {
                let item = try #require(byCode[work.code])
                #expect(work.name == item.name && work.department == item.department)
                #expect(!work.reason.isEmpty)
            }
        }
        let visits = try #require(report.targets.first { $0.target.figure == "at-most-one-visit" })
        #expect(visits.missing.allSatisfy { $0.reason.hasPrefix("到现场次数：") })
        #expect(report.targets.filter(\.met).allSatisfy { $0.missing.isEmpty })
    }

    @Test func findingsOnItemsNameTheirDepartment() throws {
        let report = try SampleCatalogAuditTests.report()
        let onItems = report.findings.filter { $0.item != nil }
        #expect(!onItems.isEmpty)
        #expect(onItems.allSatisfy { !($0.department ?? "").isEmpty })
    }

    @Test func departmentsAreSortedWorstFirst() throws {
        let report = try SampleCatalogAuditTests.report()
        let rows = report.departmentSummaries
        #expect(Set(rows.map(\.department)).isSuperset(of: report.subject.departments))
        for (a, b) in zip(rows, rows.dropFirst()) {
            #expect(a.errors > b.errors || (a.errors == b.errors && a.warnings >= b.warnings))
            if a.errors == b.errors && a.warnings == b.warnings { #expect(a.department < b.department) }
        }
        #expect(rows.reduce(0) { $0 + $1.warnings } == report.findings.filter { $0.department != nil }.count(.warning))
    }

    @Test func isWorseOrdersByErrorsThenWarningsThenName() {
        func row(_ name: String, _ errors: Int, _ warnings: Int) -> DepartmentSummary {
            DepartmentSummary(department: name, errors: errors, warnings: warnings, notes: 0, workItems: 0)
        }
        let sorted = [row("乙", 0, 5), row("甲", 1, 0), row("丙", 0, 5), row("丁", 0, 0)].sorted(
            by: DepartmentSummary.isWorse)
        #expect(sorted.map(\.department) == ["甲", "丙", "乙", "丁"])
    }
}
