/// One ranked result of a search: an item or a matter.
public struct SearchHit: Sendable, Hashable, Codable {
    /// What was found.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// A service item (事项).
        case item
        /// A "one matter" bundle (一件事).
        case matter
    }

    /// Item or matter.
    public var kind: Kind
    /// The item's handling-item code (its ``OnegoCatalog/ServiceItem/id``) or the matter's code.
    public var code: String
    /// The item's or matter's name.
    public var name: String
    /// The item's department or the matter's lead department.
    public var department: String?
    /// The relevance; higher is better. Hits are ordered by score, then by code.
    public var score: Double
    /// Which fields matched, best first: `名称`, `拼音`, `拼音首字母`, `俗称`, `关键词`, `编码`, `材料`, `结果`,
    /// `成员事项`, `简介`, `部门`, `近义词`, `相近`.
    public var matched: [String]

    /// Creates a hit.
    public init(kind: Kind, code: String, name: String, department: String?, score: Double, matched: [String]) {
        self.kind = kind
        self.code = code
        self.name = name
        self.department = department
        self.score = score
        self.matched = matched
    }
}
