import OnegoCatalog
import OnegoTestSupport
import Testing

@testable import OnegoAudit

/// The compression figures of many units make their rows in two halves side by side and skip the department
/// look-up for a row of the last row's department: every figure must equal the rows made one by one and summed in
/// order (the oracle), to the last bit.
@Suite struct CompressionHalvesTests {
    static func oracle(items: [ServiceItem], units: PopulationIndex) -> CompressionFigures {
        let rows = (0..<units.count).map {
            CompressionFigures.row(for: items[units.representative(of: $0)], officeHours: .standard)
        }
        var overall = CompressionAggregate.Sum()
        var licensing = CompressionAggregate.Sum()
        var departments: [String] = []
        var sums: [String: CompressionAggregate.Sum] = [:]
        for row in rows {
            overall.add(row)
            if row.isLicensing { licensing.add(row) }
            if sums[row.department] == nil { departments.append(row.department) }
            sums[row.department, default: CompressionAggregate.Sum()].add(row)
        }
        return CompressionFigures(
            items: rows, overall: overall.aggregate, licensing: licensing.aggregate,
            byDepartment: departments.map { department in
                let sum = sums[department, default: CompressionAggregate.Sum()]
                return DepartmentCompression(department: department, aggregate: sum.aggregate)
            })
    }

    @Test(arguments: [false, true]) func figuresEqualRowsMadeOneByOne(large: Bool) throws {
        let sample = try AuditFixture.loader().load(paths: [Fixtures.sampleItems]).catalog.items
        var items = sample
        if large {
            // Copies under codes of their own, every other one reversed (a department comes back after others)
            // and with its limits halved, every third in two departments of the same length taking turns, until
            // the units are enough to be cut in halves.
            var copy = 0
            while items.count < CompressionFigures.halvedRowCount + sample.count {
                copy += 1
                for (offset, var item) in (copy % 2 == 0 ? sample : sample.reversed()).enumerated() {
                    item.codes.handling = (item.codes.handling ?? item.codes.implementation) + "-\(copy)"
                    if copy % 3 == 0 { item.department = offset % 2 == 0 ? "甲部门" : "乙部门" }
                    if copy % 2 == 1, var promised = item.promisedLimit {
                        promised.value /= 2
                        item.promisedLimit = promised
                    }
                    items.append(item)
                }
            }
        }
        let units = PopulationIndex(.handlingItems, items: items)
        #expect(units.count >= (large ? CompressionFigures.halvedRowCount : 1))
        let figures = CompressionFigures.compute(items: items, units: units, officeHours: .standard)
        let expected = Self.oracle(items: items, units: units)
        #expect(figures.items == expected.items)
        #expect(figures.overall == expected.overall)
        #expect(figures.licensing == expected.licensing)
        #expect(figures.byDepartment == expected.byDepartment)
        #expect(figures.byDepartment.count > 5)
    }
}
