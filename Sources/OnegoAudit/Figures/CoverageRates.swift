import OnegoBase
public import OnegoCatalog

/// A count over a count: the shape of every figure, so reports always show numerator and denominator.
public struct Ratio: Sendable, Hashable, Codable {
    /// What meets the condition.
    public var numerator: Int
    /// What was counted.
    public var denominator: Int

    /// Creates a ratio.
    public init(_ numerator: Int, _ denominator: Int) {
        self.numerator = numerator
        self.denominator = denominator
    }

    /// The value in 0…1, or `nil` when nothing was counted.
    public var value: Double? { denominator == 0 ? nil : Double(numerator) / Double(denominator) }

    static func + (lhs: Ratio, rhs: Ratio) -> Ratio {
        Ratio(lhs.numerator + rhs.numerator, lhs.denominator + rhs.denominator)
    }
}

/// The dimensions figures are broken down by.
public enum BreakdownDimension: String, Sendable, Hashable, Codable, CaseIterable {
    case department, region, level, type

    /// The Chinese heading.
    public var label: String {
        switch self {
        case .department: "部门"
        case .region: "区划"
        case .level: "层级"
        case .type: "事项类型"
        }
    }

    /// The group key and label of an item.
    func group(of item: ServiceItem) -> (key: String, label: String) {
        switch self {
        case .department: (item.department, item.department)
        case .region: (item.region.rawValue, item.region.rawValue)
        case .level: (String(item.level.rawValue), item.level.label)
        case .type: (item.type.rawValue, item.type.description)
        }
    }
}

/// One group of a breakdown.
public struct GroupRatio: Sendable, Hashable, Codable {
    /// The group's key (department name, region code, level number, type code).
    public var key: String
    /// Its Chinese label.
    public var label: String
    /// The group's figure.
    public var ratio: Ratio
}

/// One computed rate with its population, exclusions and breakdowns.
public struct RateFigure: Sendable, Hashable, Codable {
    /// The rate's stable ID.
    public var id: String
    /// The Chinese name.
    public var name: String
    /// How it is computed.
    public var formula: String
    /// The population, in Chinese (业务办理项, 申请材料 …).
    public var population: String
    /// The overall figure.
    public var ratio: Ratio
    /// Items left out and why.
    public var excluded: [Exclusion]
    /// Figures by department, region, level and item type.
    public var breakdown: [BreakdownDimension: [GroupRatio]]
}

/// Counts of cross-region (通办) items by scope and, for 跨省通办, by mode.
public struct CrossRegionCounts: Sendable, Hashable, Codable {
    /// Items per scope (全国, 全省 …), in code-list order.
    public var byScope: [String: Int]
    /// 跨省通办 items per mode (全程网办, 异地代收代办, 多地联办, 未写明).
    public var crossProvinceByMode: [String: Int]
    /// The population counted.
    public var population: String
}

/// Computes the rates of DOMAIN.md §6 over a catalog.
public struct CoverageCalculator: Sendable {
    /// Which units are counted.
    public var population: Population

    /// Creates a calculator.
    public init(population: Population = .handlingItems) { self.population = population }

    /// Every rate of ``RateDefinition/all``.
    public func rates(of items: [ServiceItem]) -> [RateFigure] {
        rates(of: items, units: PopulationIndex(population, items: items))
    }

    /// Every rate of ``RateDefinition/all``, in one walk over the units: each unit is looked at once for all
    /// rates and all four breakdowns.
    func rates(of items: [ServiceItem], units: PopulationIndex) -> [RateFigure] {
        let definitions = RateDefinition.all
        let groups = UnitGroups(items: items, units: units)
        // One row of counters per rate: the total, then every group of every dimension.
        let width = 1 + groups.groupCount
        var counters = [Ratio](repeating: Ratio(0, 0), count: definitions.count * width)
        var slots = [Int](repeating: 0, count: groups.dimensionCount)
        // The conditions taken out of the definitions once, so the walk copies neither definitions nor items.
        var itemConditions: [(rate: Int, condition: @Sendable (ServiceItem) -> Bool)] = []
        var materialConditions: [(rate: Int, condition: @Sendable (Material) -> Bool)] = []
        for (rate, definition) in definitions.enumerated() {
            switch definition.measure {
            case .items(let condition): itemConditions.append((rate, condition))
            case .materials(let condition): materialConditions.append((rate, condition))
            }
        }
        var contributions = [Ratio](repeating: Ratio(0, 0), count: definitions.count)
        items.withUnsafeBufferPointer { items in
            for unit in 0..<units.count {
                for dimension in 0..<groups.dimensionCount {
                    slots[dimension] = 1 + groups.offsets[dimension] + groups.membership[dimension][unit]
                }
                let members = units.members(of: unit)
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
                    let row = rate * width
                    counters[row] = counters[row] + contribution
                    for slot in slots { counters[row + slot] = counters[row + slot] + contribution }
                }
            }
        }
        return definitions.enumerated().map { rate, definition in
            let row = rate * width
            var breakdown: [BreakdownDimension: [GroupRatio]] = [:]
            for (dimension, kind) in BreakdownDimension.allCases.enumerated() {
                breakdown[kind] = groups.labels[dimension].indices.map { group in
                    GroupRatio(
                        key: groups.keys[dimension][group], label: groups.labels[dimension][group],
                        ratio: counters[row + 1 + groups.offsets[dimension] + group])
                }
            }
            let populationName =
                definition.countsMaterials ? "申请材料（\(population.label)的材料条目）" : population.label
            return RateFigure(
                id: definition.id, name: definition.name, formula: definition.formula, population: populationName,
                ratio: counters[row], excluded: units.excluded, breakdown: breakdown)
        }
    }

    /// Cross-region counts.
    public func crossRegion(of items: [ServiceItem]) -> CrossRegionCounts {
        crossRegion(of: items, units: PopulationIndex(population, items: items))
    }

    /// Cross-region counts over units already worked out.
    func crossRegion(of items: [ServiceItem], units: PopulationIndex) -> CrossRegionCounts {
        var byScope: [String: Int] = [:]
        var byMode: [String: Int] = [:]
        for unit in 0..<units.count {
            guard let cross = items.withUnsafeBufferPointer({ $0[units.representative(of: unit)].crossRegion })
            else { continue }
            byScope[cross.scope.rawValue, default: 0] += 1
            if cross.scope == .nationwide {
                byMode[cross.mode?.rawValue ?? "未写明", default: 0] += 1
            }
        }
        return CrossRegionCounts(byScope: byScope, crossProvinceByMode: byMode, population: population.label)
    }
}

/// Which breakdown group (department, region, level, type) each unit falls in, in order of first appearance,
/// computed once so the rates do not redo the string work per unit.
struct UnitGroups {
    /// Per dimension, the group keys in order of first appearance.
    var keys: [[String]] = []
    /// Per dimension, the group labels, parallel to `keys`.
    var labels: [[String]] = []
    /// Per dimension, each unit's group index.
    var membership: [[Int]] = []
    /// Per dimension, how many groups the dimensions before it have.
    var offsets: [Int] = []

    /// The number of dimensions.
    var dimensionCount: Int { keys.count }
    /// The number of groups over all dimensions.
    var groupCount: Int { keys.reduce(0) { $0 + $1.count } }

    init(items: [ServiceItem], units: PopulationIndex) {
        self = items.withUnsafeBufferPointer { UnitGroups(buffer: $0, units: units) }
    }

    private init(buffer items: UnsafeBufferPointer<ServiceItem>, units: PopulationIndex) {
        for dimension in BreakdownDimension.allCases {
            var index: [UTF8Key: Int] = [:]
            var keys: [String] = []
            var labels: [String] = []
            var membership: [Int] = []
            membership.reserveCapacity(units.count)
            for unit in 0..<units.count {
                let (key, label) = dimension.group(of: items[units.representative(of: unit)])
                if let known = index[UTF8Key(key)] {
                    membership.append(known)
                } else {
                    index[UTF8Key(key)] = keys.count
                    membership.append(keys.count)
                    keys.append(key)
                    labels.append(label)
                }
            }
            offsets.append(groupCount)
            self.keys.append(keys)
            self.labels.append(labels)
            self.membership.append(membership)
        }
    }
}
