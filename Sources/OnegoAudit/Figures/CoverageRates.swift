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

    /// Every rate of ``RateDefinition/all`` over units already worked out, in one walk over the units: each unit is
    /// looked at once for all rates and all four breakdowns.
    func rates(of items: [ServiceItem], units: PopulationIndex) -> [RateFigure] {
        tally(of: items, units: units).rates(population: population, excluded: units.excluded)
    }

    /// The counters of every unit, in one walk.
    func tally(of items: [ServiceItem], units: PopulationIndex) -> CoverageTally {
        items.withUnsafeBufferPointer { CoverageTally(units: 0..<units.count, of: units, items: $0) }
    }

    /// The counters of every handling unit, file by file (`files`: the catalog's files in order, together every
    /// item), each file's tally added in order. A file whose units are its own (no item left out for a code of an
    /// earlier file) takes its tally from `cache` when the entry for its current outcome is there, and stores the
    /// one it counts; the others are counted every time.
    func tally(
        of items: [ServiceItem], handling units: PopulationIndex, files: [FileSegment], cache: FindingCache
    ) -> CoverageTally {
        let ranges = units.unitRanges(of: files.map(\.range))
        var whole = CoverageTally()
        items.withUnsafeBufferPointer { items in
            for (file, unitRange) in zip(files, ranges) {
                if unitRange.isOwn, let path = file.path,
                    let cached = cache.coverage(for: path, units: unitRange.units.count)
                {
                    whole.add(cached)
                    continue
                }
                let counted = CoverageTally(units: unitRange.units, of: units, items: items)
                if unitRange.isOwn, let path = file.path { cache.storeCoverage(counted, for: path) }
                whole.add(counted)
            }
        }
        return whole
    }

    /// Cross-region counts.
    public func crossRegion(of items: [ServiceItem]) -> CrossRegionCounts {
        tally(of: items, units: PopulationIndex(population, items: items)).crossRegion(population: population)
    }
}
