public import OnegoCatalog

/// Which items a rate counts (DOMAIN.md §6: populations differ, so every figure names its own).
public enum Population: String, Sendable, Hashable, Codable, CaseIterable {
    /// 业务办理项: the smallest unit a citizen applies for (one catalog item each).
    case handlingItems = "handling"
    /// 实施清单事项: items grouped by 实施编码; a group meets a condition only when every handling item does.
    case implementationItems = "implementation"

    /// The Chinese name used in reports.
    public var label: String {
        switch self {
        case .handlingItems: "业务办理项"
        case .implementationItems: "实施清单事项（按实施编码合并）"
        }
    }
}

/// One unit of a population: one handling item, or the handling items of one implementation code.
public struct PopulationUnit: Sendable {
    /// The code identifying the unit.
    public var code: String
    /// The members (one for handling items).
    public var members: [ServiceItem]

    /// The first member, which gives the unit its department, region, level and type.
    public var representative: ServiceItem { members[0] }
}

/// An item left out of a figure, and why.
public struct Exclusion: Sendable, Hashable, Codable {
    /// The item's code.
    public var item: String
    /// The item's name.
    public var name: String
    /// Why it was left out, in Chinese.
    public var reason: String

    /// Creates an exclusion.
    public init(item: String, name: String, reason: String) {
        self.item = item
        self.name = name
        self.reason = reason
    }
}

extension Population {
    /// Splits items into units, counting each code once; later items with a code already seen are excluded.
    public func units(of items: [ServiceItem]) -> (units: [PopulationUnit], excluded: [Exclusion]) {
        var seen = Set<String>()
        var excluded: [Exclusion] = []
        var unique: [ServiceItem] = []
        for item in items {
            if seen.insert(item.id).inserted {
                unique.append(item)
            } else {
                excluded.append(Exclusion(item: item.id, name: item.name, reason: "编码重复，已按首次出现计入一次"))
            }
        }
        switch self {
        case .handlingItems:
            return (unique.map { PopulationUnit(code: $0.id, members: [$0]) }, excluded)
        case .implementationItems:
            var order: [String] = []
            var groups: [String: [ServiceItem]] = [:]
            for item in unique {
                let key = item.codes.implementation
                if groups[key] == nil { order.append(key) }
                groups[key, default: []].append(item)
            }
            return (order.map { PopulationUnit(code: $0, members: groups[$0] ?? []) }, excluded)
        }
    }
}
