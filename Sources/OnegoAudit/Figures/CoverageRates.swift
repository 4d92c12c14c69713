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
        let (units, excluded) = population.units(of: items)
        let groups = UnitGroups(units)
        return RateDefinition.all.map { figure(for: $0, units: units, excluded: excluded, groups: groups) }
    }

    /// One rate.
    public func figure(for definition: RateDefinition, units: [PopulationUnit], excluded: [Exclusion]) -> RateFigure {
        figure(for: definition, units: units, excluded: excluded, groups: UnitGroups(units))
    }

    /// One rate, with each unit's breakdown groups worked out once for all rates.
    func figure(
        for definition: RateDefinition, units: [PopulationUnit], excluded: [Exclusion], groups: UnitGroups
    ) -> RateFigure {
        var total = Ratio(0, 0)
        var sums = groups.labels.map { Array(repeating: Ratio(0, 0), count: $0.count) }
        for (index, unit) in units.enumerated() {
            let contribution = Self.contribution(of: unit, to: definition)
            total = total + contribution
            for dimension in sums.indices {
                let group = groups.membership[dimension][index]
                sums[dimension][group] = sums[dimension][group] + contribution
            }
        }
        var breakdown: [BreakdownDimension: [GroupRatio]] = [:]
        for (dimension, kind) in BreakdownDimension.allCases.enumerated() {
            breakdown[kind] = groups.labels[dimension].indices.map { group in
                GroupRatio(
                    key: groups.keys[dimension][group], label: groups.labels[dimension][group],
                    ratio: sums[dimension][group])
            }
        }
        let populationName = definition.countsMaterials ? "申请材料（\(population.label)的材料条目）" : population.label
        return RateFigure(
            id: definition.id, name: definition.name, formula: definition.formula, population: populationName,
            ratio: total, excluded: excluded, breakdown: breakdown)
    }

    static func contribution(of unit: PopulationUnit, to definition: RateDefinition) -> Ratio {
        switch definition.measure {
        case .items(let condition):
            return Ratio(unit.members.allSatisfy(condition) ? 1 : 0, 1)
        case .materials(let condition):
            let materials = unit.members.flatMap(\.materials)
            return Ratio(materials.count(where: condition), materials.count)
        }
    }

    /// Cross-region counts.
    public func crossRegion(of items: [ServiceItem]) -> CrossRegionCounts {
        let (units, _) = population.units(of: items)
        var byScope: [String: Int] = [:]
        var byMode: [String: Int] = [:]
        for unit in units {
            guard let cross = unit.representative.crossRegion else { continue }
            byScope[cross.scope.rawValue, default: 0] += 1
            if cross.scope == .nationwide {
                byMode[cross.mode?.rawValue ?? "未写明", default: 0] += 1
            }
        }
        return CrossRegionCounts(byScope: byScope, crossProvinceByMode: byMode, population: population.label)
    }
}

/// Which breakdown group (department, region, level, type) each unit falls in, in order of first appearance,
/// computed once so the fifteen rates do not redo the string work per unit.
struct UnitGroups {
    /// Per dimension, the group keys in order of first appearance.
    var keys: [[String]] = []
    /// Per dimension, the group labels, parallel to `keys`.
    var labels: [[String]] = []
    /// Per dimension, each unit's group index.
    var membership: [[Int]] = []

    init(_ units: [PopulationUnit]) {
        for dimension in BreakdownDimension.allCases {
            var index: [String: Int] = [:]
            var keys: [String] = []
            var labels: [String] = []
            var membership: [Int] = []
            membership.reserveCapacity(units.count)
            for unit in units {
                let (key, label) = dimension.group(of: unit.representative)
                if let known = index[key] {
                    membership.append(known)
                } else {
                    index[key] = keys.count
                    membership.append(keys.count)
                    keys.append(key)
                    labels.append(label)
                }
            }
            self.keys.append(keys)
            self.labels.append(labels)
            self.membership.append(membership)
        }
    }
}
