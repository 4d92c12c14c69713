import OnegoBase
import OnegoCatalog

/// The counters behind the coverage rates and cross-region counts of a run of units: per rate the overall ratio,
/// per breakdown dimension the groups in order of first appearance with their ratios, and the cross-region counts.
///
/// Every counter is a sum over units, so the tallies of consecutive runs of units, added in order
/// (``add(_:)``), equal the tally of the whole run: groups keep the order of their first appearance and integers
/// add exactly. That lets the audit keep one tally per catalog file (``FindingCache``) and recount only the files
/// that changed.
struct CoverageTally: Sendable, Equatable {
    /// One breakdown group and its ratio per rate.
    struct Group: Sendable, Equatable {
        /// The group's key (``BreakdownDimension/group(of:)``).
        var key: String
        /// Its Chinese label.
        var label: String
        /// Per rate of ``RateDefinition/all``, the group's ratio.
        var ratios: [Ratio]
    }

    /// The units counted.
    var unitCount = 0
    /// Per rate of ``RateDefinition/all``, the overall ratio.
    var totals: [Ratio]
    /// Per dimension (``BreakdownDimension/allCases`` order), the groups in order of first appearance.
    var groups: [[Group]]
    /// Units per cross-region scope.
    var byScope: [String: Int] = [:]
    /// 跨省通办 units per mode.
    var byMode: [String: Int] = [:]
    /// Per dimension, the index of each group by its key's bytes (not stored: rebuilt by ``add(_:)``).
    private var index: [[UTF8Key: Int]]

    /// A tally of no units.
    init() {
        totals = [Ratio](repeating: Ratio(0, 0), count: RateDefinition.all.count)
        groups = [[Group]](repeating: [], count: BreakdownDimension.allCases.count)
        index = [[UTF8Key: Int]](repeating: [:], count: BreakdownDimension.allCases.count)
    }

    /// A tally of the given parts (as decoded from a cache entry); the group index is built from them.
    init(unitCount: Int, totals: [Ratio], groups: [[Group]], byScope: [String: Int], byMode: [String: Int]) {
        self.unitCount = unitCount
        self.totals = totals
        self.groups = groups
        self.byScope = byScope
        self.byMode = byMode
        index = groups.map { dimension in
            var keys = [UTF8Key: Int](minimumCapacity: dimension.count)
            for (position, group) in dimension.enumerated() where keys[UTF8Key(group.key)] == nil {
                keys[UTF8Key(group.key)] = position
            }
            return keys
        }
    }

    static func == (lhs: CoverageTally, rhs: CoverageTally) -> Bool {
        lhs.unitCount == rhs.unitCount && lhs.totals == rhs.totals && lhs.groups == rhs.groups
            && lhs.byScope == rhs.byScope && lhs.byMode == rhs.byMode
    }

    /// Counts the units `units` of `population` (their members in `items`).
    init(units: Range<Int>, of population: PopulationIndex, items: UnsafeBufferPointer<ServiceItem>) {
        self.init()
        let definitions = RateDefinition.all
        // The conditions taken out of the definitions once, so the walk copies neither definitions nor items.
        var itemConditions: [(rate: Int, condition: @Sendable (ServiceItem) -> Bool)] = []
        var materialConditions: [(rate: Int, condition: @Sendable (Material) -> Bool)] = []
        for (rate, definition) in definitions.enumerated() {
            switch definition.measure {
            case .items(let condition): itemConditions.append((rate, condition))
            case .materials(let condition): materialConditions.append((rate, condition))
            }
        }
        let dimensions = BreakdownDimension.allCases
        // One row of rates per group, in the order the groups appear (all dimensions in one array); per dimension,
        // its groups' rows and names.
        var counters: [Ratio] = []
        var rows = [[Int]](repeating: [], count: dimensions.count)
        var keys = [[(key: String, label: String)]](repeating: [], count: dimensions.count)
        var slots = [Int](repeating: 0, count: dimensions.count)
        var contributions = [Ratio](repeating: Ratio(0, 0), count: definitions.count)
        for unit in units {
            let representative = population.representative(of: unit)
            for (dimension, kind) in dimensions.enumerated() {
                let (key, label) = kind.group(of: items[representative])
                if let known = index[dimension][UTF8Key(key)] {
                    slots[dimension] = rows[dimension][known]
                } else {
                    index[dimension][UTF8Key(key)] = keys[dimension].count
                    keys[dimension].append((key, label))
                    rows[dimension].append(counters.count)
                    slots[dimension] = counters.count
                    counters.append(contentsOf: repeatElement(Ratio(0, 0), count: definitions.count))
                }
            }
            let members = population.members(of: unit)
            itemConditions.withUnsafeBufferPointer { conditions in
                for entry in conditions.indices {
                    let condition = conditions[entry].condition
                    contributions[conditions[entry].rate] = Ratio(
                        members.allSatisfy { condition(items[$0]) } ? 1 : 0, 1)
                }
            }
            materialConditions.withUnsafeBufferPointer { conditions in
                for entry in conditions.indices {
                    let condition = conditions[entry].condition
                    var met = 0
                    var all = 0
                    for member in members {
                        items[member].materials.withUnsafeBufferPointer { materials in
                            // Materials whose facts the source did not give (未注明) are no data, not a "no".
                            for index in materials.indices where !materials[index].hasUnspecifiedFacts {
                                all += 1
                                if condition(materials[index]) { met += 1 }
                            }
                        }
                    }
                    contributions[conditions[entry].rate] = Ratio(met, all)
                }
            }
            for rate in 0..<definitions.count {
                let contribution = contributions[rate]
                totals[rate] = totals[rate] + contribution
                for dimension in 0..<dimensions.count {
                    counters[slots[dimension] + rate] = counters[slots[dimension] + rate] + contribution
                }
            }
            if let cross = items[representative].crossRegion {
                byScope[cross.scope.rawValue, default: 0] += 1
                if cross.scope == .nationwide { byMode[cross.mode?.rawValue ?? "未写明", default: 0] += 1 }
            }
        }
        unitCount = units.count
        groups = (0..<dimensions.count).map { dimension in
            zip(keys[dimension], rows[dimension]).map { name, row in
                Group(key: name.key, label: name.label, ratios: Array(counters[row..<row + definitions.count]))
            }
        }
    }

    /// Adds the counters of `other`, the tally of the units that follow this tally's: its groups not seen yet are
    /// appended in its order.
    mutating func add(_ other: CoverageTally) {
        unitCount += other.unitCount
        for rate in totals.indices { totals[rate] = totals[rate] + other.totals[rate] }
        for dimension in groups.indices {
            for group in other.groups[dimension] {
                let key = UTF8Key(group.key)
                guard let known = index[dimension][key] else {
                    index[dimension][key] = groups[dimension].count
                    groups[dimension].append(group)
                    continue
                }
                for rate in group.ratios.indices {
                    groups[dimension][known].ratios[rate] = groups[dimension][known].ratios[rate] + group.ratios[rate]
                }
            }
        }
        byScope.merge(other.byScope, uniquingKeysWith: +)
        byMode.merge(other.byMode, uniquingKeysWith: +)
    }

    /// The rates of ``RateDefinition/all`` over the tallied units of `population`, with the items it left out.
    func rates(population: Population, excluded: [Exclusion]) -> [RateFigure] {
        RateDefinition.all.enumerated().map { rate, definition in
            var breakdown: [BreakdownDimension: [GroupRatio]] = [:]
            for (dimension, kind) in BreakdownDimension.allCases.enumerated() {
                breakdown[kind] = groups[dimension].map {
                    GroupRatio(key: $0.key, label: $0.label, ratio: $0.ratios[rate])
                }
            }
            let populationName =
                definition.countsMaterials ? "申请材料（\(population.label)的材料条目）" : population.label
            return RateFigure(
                id: definition.id, name: definition.name, formula: definition.formula, population: populationName,
                ratio: totals[rate], excluded: excluded, breakdown: breakdown)
        }
    }

    /// The cross-region counts of the tallied units of `population`.
    func crossRegion(population: Population) -> CrossRegionCounts {
        CrossRegionCounts(byScope: byScope, crossProvinceByMode: byMode, population: population.label)
    }
}
