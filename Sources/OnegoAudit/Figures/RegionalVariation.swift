public import OnegoCatalog

/// How the implementations of one basic code differ between regions (四级四同): the number of materials asked and
/// the promised limit in each region, for basic codes implemented in more than one region where either differs
/// (the same 事项 asking 3 materials in one district and 8 in another).
public struct RegionalVariation: Sendable, Hashable, Codable {
    /// One implementation (业务办理项) of the basic code.
    public struct Implementation: Sendable, Hashable, Codable {
        /// 行政区划代码.
        public var region: String
        /// The item's code.
        public var item: String
        /// The item's name.
        public var name: String
        /// How many materials it asks.
        public var materials: Int
        /// The promised limit as printed (即办 for zero, never "0个工作日"), or 未公布.
        public var promised: String
        /// 事项类型 code.
        public var type: String = ""
        /// The laws of its legal basis (设定依据), without articles, sorted.
        public var laws: [String] = []
    }

    /// 基本编码.
    public var basicCode: String
    /// The name of its first implementation.
    public var name: String
    /// Every implementation, in catalog order.
    public var implementations: [Implementation]
    /// Fewest and most materials over the implementations.
    public var fewestMaterials: Int
    /// Most materials over the implementations.
    public var mostMaterials: Int
    /// The distinct promised limits, in order of first appearance.
    public var promisedLimits: [String]
    /// Which of 名称, 事项类型 and 设定依据 differ from the first region's implementation (四级四同 asks them equal).
    public var differingFacts: [String] = []

    /// The basic codes of `catalog` implemented in several regions whose materials or promised limits differ.
    public static func compute(_ catalog: Catalog) -> [RegionalVariation] {
        compute(groups: ConsistencyRules.implementationsAcrossRegions(catalog))
    }

    /// The variations of the groups ``ConsistencyRules/implementationsAcrossRegions(_:)`` gave.
    static func compute(groups: [[ServiceItem]]) -> [RegionalVariation] {
        groups.compactMap { group in
            guard let first = group.first else { return nil }
            let implementations = group.map {
                Implementation(
                    region: $0.region.rawValue, item: $0.id, name: $0.name, materials: $0.materials.count,
                    promised: $0.promisedLimit.map { $0.value == 0 ? "即办" : $0.description }
                        ?? PublishedState.notPublished.rawValue,
                    type: $0.type.rawValue, laws: ConsistencyRules.lawNames($0).sorted())
            }
            var limits: [String] = []
            for implementation in implementations where !limits.contains(implementation.promised) {
                limits.append(implementation.promised)
            }
            let counts = implementations.map(\.materials)
            let fewest = counts.min() ?? 0
            let most = counts.max() ?? 0
            let facts = differingFacts(group)
            guard fewest != most || limits.count > 1 || !facts.isEmpty else { return nil }
            return RegionalVariation(
                basicCode: first.codes.basic, name: first.name, implementations: implementations,
                fewestMaterials: fewest, mostMaterials: most, promisedLimits: limits, differingFacts: facts)
        }
    }

    /// 名称, 事项类型, 设定依据: those in which an implementation outside the first region differs from every
    /// implementation in it (the comparison of the consistency.four-same rule).
    static func differingFacts(_ group: [ServiceItem]) -> [String] {
        guard let reference = group.first else { return [] }
        let first = group.filter { $0.region == reference.region }
        let others = group.filter { $0.region != reference.region }
        var facts: [String] = []
        let names = Set(first.map(\.name))
        if others.contains(where: { !names.contains($0.name) }) { facts.append("名称") }
        let types = Set(first.map(\.type.rawValue))
        if others.contains(where: { !types.contains($0.type.rawValue) }) { facts.append("事项类型") }
        let bases = Set(first.map(ConsistencyRules.lawNames))
        if others.contains(where: { !bases.contains(ConsistencyRules.lawNames($0)) }) { facts.append("设定依据") }
        return facts
    }
}
