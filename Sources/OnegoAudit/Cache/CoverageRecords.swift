/// The coverage tally of one catalog file in the byte form ``FindingCache`` stores (LEB128 varints; strings as their
/// UTF-8 byte count and bytes):
///
/// ```
/// units, rate count R, R × (numerator, denominator)
/// dimension count D, D × (group count, groups × (key, label, R × (numerator, denominator)))
/// scope count, (scope, count)…   mode count, (mode, count)…   (each sorted by key)
/// ```
enum CoverageRecords {
    /// The bytes of `tally`.
    static func encode(_ tally: CoverageTally) -> [UInt8] {
        var bytes: [UInt8] = []
        func ratios(_ list: [Ratio]) {
            bytes.appendVarint(list.count)
            for ratio in list {
                bytes.appendVarint(ratio.numerator)
                bytes.appendVarint(ratio.denominator)
            }
        }
        func counts(_ table: [String: Int]) {
            bytes.appendVarint(table.count)
            for (key, count) in table.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) {
                bytes.appendString(key)
                bytes.appendVarint(count)
            }
        }
        bytes.appendVarint(tally.unitCount)
        ratios(tally.totals)
        bytes.appendVarint(tally.groups.count)
        for dimension in tally.groups {
            bytes.appendVarint(dimension.count)
            for group in dimension {
                bytes.appendString(group.key)
                bytes.appendString(group.label)
                ratios(group.ratios)
            }
        }
        counts(tally.byScope)
        counts(tally.byMode)
        return bytes
    }

    /// The tally of `bytes`; `nil` unless they hold exactly one tally with a ratio for each of `rateCount` rates
    /// and `dimensionCount` dimensions, no group key twice in a dimension and no count above the units.
    static func decode(_ bytes: [UInt8], rateCount: Int, dimensionCount: Int) -> CoverageTally? {
        bytes.withUnsafeBufferPointer { buffer -> CoverageTally? in
            var reader = VarintReader(buffer)
            guard let units = reader.next() else { return nil }
            func ratios() -> [Ratio]? {
                guard reader.next() == rateCount else { return nil }
                var list: [Ratio] = []
                list.reserveCapacity(rateCount)
                for _ in 0..<rateCount {
                    guard let numerator = reader.next(), let denominator = reader.next(), numerator <= denominator
                    else { return nil }
                    list.append(Ratio(numerator, denominator))
                }
                return list
            }
            func counts() -> [String: Int]? {
                guard let count = reader.next(), count <= units else { return nil }
                var table: [String: Int] = [:]
                for _ in 0..<count {
                    guard let key = reader.string(), let value = reader.next(), value <= units,
                        table.updateValue(value, forKey: key) == nil
                    else { return nil }
                }
                return table
            }
            guard let totals = ratios(), reader.next() == dimensionCount else { return nil }
            var groups: [[CoverageTally.Group]] = []
            for _ in 0..<dimensionCount {
                guard let count = reader.next(), count <= units else { return nil }
                var dimension: [CoverageTally.Group] = []
                var keys = Set<[UInt8]>()
                for _ in 0..<count {
                    guard let key = reader.string(), let label = reader.string(), keys.insert(Array(key.utf8)).inserted,
                        let list = ratios()
                    else { return nil }
                    dimension.append(CoverageTally.Group(key: key, label: label, ratios: list))
                }
                groups.append(dimension)
            }
            guard let byScope = counts(), let byMode = counts(), reader.isAtEnd else { return nil }
            return CoverageTally(unitCount: units, totals: totals, groups: groups, byScope: byScope, byMode: byMode)
        }
    }
}
