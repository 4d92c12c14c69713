import OnegoBase
import OnegoCatalog

/// 四级四同: when a workspace holds several regions or levels, every implementation of one basic code has the same
/// name, type and legal basis (national policy; provincial auditors compare implementations across regions).
enum ConsistencyRules {
    static let all: [AuditRule] = [
        AuditRule(
            "consistency.four-same", .warning, .consistency, title: "同一基本编码的实施清单四级四同",
            explanation: "同一基本编码在省、市、县、乡各级的实施应当名称、类型、设定依据相同；"
                + "只有目录包含多个地区时才比较，以首个地区的实施为准。",
            check: .catalog { catalog, context in
                (context.implementationsAcrossRegions ?? implementationsAcrossRegions(catalog)).flatMap(differences)
            })
    ]

    /// The items of each basic code implemented in more than one region, in catalog order.
    static func implementationsAcrossRegions(_ catalog: Catalog) -> [[ServiceItem]] {
        // Positions first, and a list only from a code's second item on (most basic codes have one item): only the
        // groups that span regions are copied out.
        struct Group {
            var first: Int
            var others: [Int] = []
            var isAcrossRegions = false
        }
        // The groups in order of their codes' first items; one look-up of the code per item.
        var groups: [Group] = []
        var groupOfCode: [String: Int] = [:]
        groupOfCode.reserveCapacity(catalog.items.count)
        catalog.items.withUnsafeBufferPointer { items in
            for index in items.indices where !items[index].codes.basic.isEmpty {
                let (at, isNew) = groupOfCode.insertIfAbsent(groups.count, forKey: items[index].codes.basic)
                guard !isNew else {
                    groups.append(Group(first: index))
                    continue
                }
                let first = groups[at].first
                if items[first].region.rawValue != items[index].region.rawValue {
                    groups[at].isAcrossRegions = true
                }
                groups[at].others.append(index)
            }
        }
        return groups.compactMap { group in
            guard group.isAcrossRegions else { return nil }
            return ([group.first] + group.others).map { catalog.items[$0] }
        }
    }

    /// The findings of one group: each item outside the first region that differs from it.
    static func differences(_ group: [ServiceItem]) -> [(ServiceItem, RuleIssue)] {
        guard let reference = group.first else { return [] }
        let first = group.filter { $0.region == reference.region }
        let names = Set(first.map(\.name))
        let types = Set(first.map(\.type.rawValue))
        let bases = Set(first.map(lawNames))
        var result: [(ServiceItem, RuleIssue)] = []
        for item in group where item.region != reference.region {
            var parts: [String] = []
            if !names.contains(item.name) { parts.append("名称“\(item.name)”与“\(reference.name)”不同") }
            if !types.contains(item.type.rawValue) {
                parts.append("事项类型\(item.type.rawValue)与\(reference.type.rawValue)不同")
            }
            if !bases.contains(lawNames(item)) {
                let shown = lawNames(item).sorted().joined(separator: "、")
                parts.append("设定依据（\(shown.isEmpty ? "无" : shown)）与\(reference.region.rawValue)的不同")
            }
            guard !parts.isEmpty else { continue }
            result.append(
                (
                    item,
                    RuleIssue(
                        "\(item.label)（区划 \(item.region.rawValue)）与同一基本编码 \(item.codes.basic) 在 "
                            + "\(reference.region.rawValue) 的实施\(reference.label)不一致：" + parts.joined(separator: "；"))
                ))
        }
        return result
    }

    /// The laws an item cites, without articles.
    static func lawNames(_ item: ServiceItem) -> Set<String> { Set(item.legalBasis.map(\.law)) }
}
