/// Filters on a search: only hits whose department, item type, level and audience equal the given values.
public struct SearchFacets: Sendable, Hashable, Codable {
    /// The department (an item's 实施部门, a matter's lead department).
    public var department: String?
    /// The item type's label (`行政许可`) or code (`01`); matters have the type `一件事`.
    public var type: String?
    /// The level's label (`县级`); matters have none.
    public var level: String?
    /// A service object (`自然人`, `法人`, …), for items one of theirs, for matters their audience.
    public var audience: String?

    /// Creates filters; `nil` means any value.
    public init(department: String? = nil, type: String? = nil, level: String? = nil, audience: String? = nil) {
        self.department = department
        self.type = type
        self.level = level
        self.audience = audience
    }

    /// Whether no filter is set.
    public var isEmpty: Bool { department == nil && type == nil && level == nil && audience == nil }
}

/// How many hits of a query fall under each value of each facet.
public struct SearchFacetCounts: Sendable, Hashable, Codable {
    /// Counts by department.
    public var department: [SearchFacetCount]
    /// Counts by item type label (`一件事` for matters).
    public var type: [SearchFacetCount]
    /// Counts by level label.
    public var level: [SearchFacetCount]
    /// Counts by service object.
    public var audience: [SearchFacetCount]

    /// Creates counts.
    public init(
        department: [SearchFacetCount] = [], type: [SearchFacetCount] = [], level: [SearchFacetCount] = [],
        audience: [SearchFacetCount] = []
    ) {
        self.department = department
        self.type = type
        self.level = level
        self.audience = audience
    }
}

/// One facet value and its number of hits.
public struct SearchFacetCount: Sendable, Hashable, Codable {
    /// The value, as ``SearchFacets`` takes it.
    public var value: String
    /// How many hits have it.
    public var count: Int

    /// Creates a count.
    public init(value: String, count: Int) {
        self.value = value
        self.count = count
    }
}
