import OnegoBase
import OnegoCatalog
import OnegoTestSupport
import Testing

@testable import OnegoAudit

/// The coverage tallies of consecutive runs of units, added in order, equal the tally of the whole run, and the
/// rates they give equal a plain count rate by rate (the oracle below).
@Suite struct CoverageTallyTests {
    /// The sample catalog, then the same items again in reverse with every third one changed to the other side of
    /// its conditions and every other one under a new code, in three files (the second repeats codes of its own
    /// items, the third codes of the first file; departments reappear in another order).
    static func catalog() throws -> Catalog {
        let sample = try AuditFixture.loader().load(paths: [Fixtures.sampleItems]).catalog.items
        var items = sample
        for (position, item) in sample.reversed().enumerated() {
            var copy = item
            if position % 3 == 0 {
                copy.visits = item.visits == 0 ? 2 : 0
                copy.online.isAvailable.toggle()
                copy.crossRegion = item.crossRegion == nil ? CrossRegion(scope: .nationwide) : nil
                copy.materials = item.materials.map {
                    var material = $0
                    material.eLicence = material.eLicence == nil ? "电子证照" : nil
                    return material
                }
            }
            if position % 2 == 0 { copy.codes.handling = (item.codes.handling ?? item.codes.implementation) + "9" }
            items.append(copy)
        }
        let cuts = [sample.count / 2, sample.count + sample.count / 4, items.count]
        var start = 0
        let files = cuts.enumerated().map { index, end in
            defer { start = end }
            return CatalogFile(path: "part-\(index).xml", itemCount: end - start)
        }
        return Catalog(items: items, files: files)
    }

    /// Each rate counted on its own over the units, breakdown groups in order of first appearance.
    static func oracle(_ items: [ServiceItem], units: PopulationIndex, population: Population) -> [RateFigure] {
        RateDefinition.all.map { definition in
            func ratio(_ unit: Int) -> Ratio {
                let members = units.members(of: unit).map { items[$0] }
                switch definition.measure {
                case .items(let condition): return Ratio(members.allSatisfy(condition) ? 1 : 0, 1)
                case .materials(let condition):
                    let lines = members.flatMap(\.materials).filter { !$0.hasUnspecifiedFacts }
                    return Ratio(lines.count(where: condition), lines.count)
                }
            }
            var total = Ratio(0, 0)
            var breakdown: [BreakdownDimension: [GroupRatio]] = [:]
            for unit in 0..<units.count { total = total + ratio(unit) }
            for dimension in BreakdownDimension.allCases {
                var groups: [GroupRatio] = []
                for unit in 0..<units.count {
                    let (key, label) = dimension.group(of: items[units.representative(of: unit)])
                    if let index = groups.firstIndex(where: { Array($0.key.utf8) == Array(key.utf8) }) {
                        groups[index].ratio = groups[index].ratio + ratio(unit)
                    } else {
                        groups.append(GroupRatio(key: key, label: label, ratio: ratio(unit)))
                    }
                }
                breakdown[dimension] = groups
            }
            return RateFigure(
                id: definition.id, name: definition.name, formula: definition.formula,
                population: definition.countsMaterials ? "申请材料（\(population.label)的材料条目）" : population.label,
                ratio: total, excluded: units.excluded, breakdown: breakdown)
        }
    }

    @Test(arguments: Population.allCases) func ratesEqualACountRateByRate(population: Population) throws {
        let items = try Self.catalog().items
        let units = PopulationIndex(population, items: items)
        #expect(!units.excluded.isEmpty)
        #expect(
            CoverageCalculator(population: population).rates(of: items)
                == Self.oracle(items, units: units, population: population))
    }

    @Test func fileTalliesAddedInOrderEqualTheWholeTally() throws {
        let catalog = try Self.catalog()
        let units = PopulationIndex(.handlingItems, items: catalog.items)
        let whole = CoverageCalculator().tally(of: catalog.items, units: units)
        let files = FileSegment.of(catalog, keyed: true)
        #expect(files.count == 3)
        let ranges = units.unitRanges(of: files.map(\.range))
        // The second file repeats only codes of its own items (the last sample items, copied in reverse), so its
        // units are its own; the third repeats codes of the first.
        #expect(ranges.map(\.isOwn) == [true, true, false])
        #expect(ranges.map(\.units.count).reduce(0, +) == units.count)
        var added = CoverageTally()
        catalog.items.withUnsafeBufferPointer { items in
            for range in ranges { added.add(CoverageTally(units: range.units, of: units, items: items)) }
        }
        #expect(added == whole)
        #expect(
            added.rates(population: .handlingItems, excluded: units.excluded)
                == CoverageCalculator().rates(of: catalog.items))
        #expect(whole.crossRegion(population: .handlingItems).byScope.values.reduce(0, +) > 0)
    }

    @Test func aFileIsItsOwnOnlyWhenNoCodeRepeatsAnEarlierFile() throws {
        let catalog = try Self.catalog()
        let items = Array(catalog.items.prefix(6))
        var repeated = items
        repeated[4].codes = items[1].codes  // the second file repeats the first file's code
        repeated[2].codes = items[0].codes  // the first file repeats its own code
        let units = PopulationIndex(.handlingItems, items: repeated)
        let ranges = units.unitRanges(of: [0..<3, 3..<6])
        #expect(ranges.map(\.units) == [0..<2, 2..<4])
        #expect(ranges.map(\.isOwn) == [true, false])
    }

    @Test func recordsRoundTripAndRefuseAnythingElse() throws {
        let catalog = try Self.catalog()
        let tally = CoverageCalculator().tally(
            of: catalog.items, units: PopulationIndex(.handlingItems, items: catalog.items))
        let rates = RateDefinition.all.count
        let dimensions = BreakdownDimension.allCases.count
        let bytes = CoverageRecords.encode(tally)
        #expect(CoverageRecords.decode(bytes, rateCount: rates, dimensionCount: dimensions) == tally)
        #expect(CoverageRecords.decode(bytes, rateCount: rates + 1, dimensionCount: dimensions) == nil)
        #expect(CoverageRecords.decode(bytes, rateCount: rates, dimensionCount: dimensions - 1) == nil)
        #expect(CoverageRecords.decode(bytes + [0], rateCount: rates, dimensionCount: dimensions) == nil)
        for length in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 200)) {
            #expect(
                CoverageRecords.decode(Array(bytes.prefix(length)), rateCount: rates, dimensionCount: dimensions) == nil
            )
        }
    }
}
