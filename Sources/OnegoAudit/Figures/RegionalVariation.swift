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
        /// The promised limit as printed, or 未公布.
        public var promised: String
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

    /// The basic codes of `catalog` implemented in several regions whose materials or promised limits differ.
    public static func compute(_ catalog: Catalog) -> [RegionalVariation] {
        ConsistencyRules.implementationsAcrossRegions(catalog).compactMap { group in
            guard let first = group.first else { return nil }
            let implementations = group.map {
                Implementation(
                    region: $0.region.rawValue, item: $0.id, name: $0.name, materials: $0.materials.count,
                    promised: $0.promisedLimit?.description ?? PublishedState.notPublished.rawValue)
            }
            var limits: [String] = []
            for implementation in implementations where !limits.contains(implementation.promised) {
                limits.append(implementation.promised)
            }
            let counts = implementations.map(\.materials)
            let fewest = counts.min() ?? 0
            let most = counts.max() ?? 0
            guard fewest != most || limits.count > 1 else { return nil }
            return RegionalVariation(
                basicCode: first.codes.basic, name: first.name, implementations: implementations,
                fewestMaterials: fewest, mostMaterials: most, promisedLimits: limits)
        }
    }
}
