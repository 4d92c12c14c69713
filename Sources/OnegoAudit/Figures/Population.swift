import OnegoCatalog

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

/// The units of a population as positions in the item array, so figures walk the catalog without copying items:
/// unit `u` has the members `members[starts[u]..<starts[u + 1]]`, its first member giving its department, region,
/// level and type.
struct PopulationIndex: Sendable {
    /// Positions of each unit's members, unit after unit.
    private(set) var members: [Int] = []
    /// Where each unit's members start in ``members``, plus the end.
    private(set) var starts: [Int] = [0]
    /// The unit codes (handling-item or implementation codes), in unit order.
    private(set) var codes: [String] = []
    /// Items left out (a code seen before).
    private(set) var excluded: [Exclusion] = []
    /// For each of ``excluded``, its position and the position of the first item with its code.
    private(set) var excludedPositions: [(position: Int, first: Int)] = []
    /// Whether the units are handling items (one member each, in position order).
    let isHandling: Bool

    /// The number of units.
    var count: Int { codes.count }

    /// The positions of a unit's members.
    func members(of unit: Int) -> ArraySlice<Int> { members[starts[unit]..<starts[unit + 1]] }

    /// The position of a unit's first member.
    func representative(of unit: Int) -> Int { members[starts[unit]] }

    /// Splits items into units, counting each code once; later items with a code already seen are excluded.
    /// With `idsAreDistinct` (the caller knows no two items share a handling-item code, as
    /// ``Catalog/hasRepeatedIDs`` tells), every item is a unit of its own and no code is looked up.
    init(_ population: Population, items: [ServiceItem], idsAreDistinct: Bool = false) {
        isHandling = population == .handlingItems
        var firstPosition = [String: Int](minimumCapacity: idsAreDistinct ? 0 : items.count)
        var unique: [Int] = []
        unique.reserveCapacity(items.count)
        // Through the buffer, so each item's code is read in place rather than the item copied.
        items.withUnsafeBufferPointer { items in
            guard !idsAreDistinct else {
                unique += items.indices
                return
            }
            for position in items.indices {
                let code = items[position].id
                // One hash on the common path (a new code); a repeat puts the first position back.
                guard let first = firstPosition.updateValue(position, forKey: code) else {
                    unique.append(position)
                    continue
                }
                firstPosition[code] = first
                excludedPositions.append((position, first))
                excluded.append(
                    Exclusion(item: code, name: items[position].name, reason: "编码重复，已按首次出现计入一次"))
            }
        }
        switch population {
        case .handlingItems:
            members = unique
            starts = Array(0...unique.count)
            codes = unique.map { items[$0].id }
        case .implementationItems:
            var groupOf: [String: Int] = [:]
            var groups: [[Int]] = []
            for position in unique {
                let key = items[position].codes.implementation
                if let group = groupOf[key] {
                    groups[group].append(position)
                } else {
                    groupOf[key] = groups.count
                    groups.append([position])
                    codes.append(key)
                }
            }
            members = groups.flatMap { $0 }
            starts = [0]
            for group in groups { starts.append(starts[starts.count - 1] + group.count) }
        }
    }
}

extension PopulationIndex {
    /// For each file (item ranges in catalog order, together every item), the handling units whose item lies in
    /// it, and whether they are its own: none of its items is left out for a code first seen in an earlier file.
    /// A file's own units are exactly its items whose code its earlier items do not have, so what is counted over
    /// them depends on the file alone.
    func unitRanges(of files: [Range<Int>]) -> [(units: Range<Int>, isOwn: Bool)] {
        precondition(isHandling, "only handling units follow the files")
        var ranges: [(units: Range<Int>, isOwn: Bool)] = []
        ranges.reserveCapacity(files.count)
        var unit = 0
        var exclusion = 0
        for file in files {
            let start = unit
            while unit < members.count, members[unit] < file.upperBound { unit += 1 }
            var isOwn = true
            while exclusion < excludedPositions.count, excludedPositions[exclusion].position < file.upperBound {
                if excludedPositions[exclusion].first < file.lowerBound { isOwn = false }
                exclusion += 1
            }
            ranges.append((start..<unit, isOwn))
        }
        return ranges
    }
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
