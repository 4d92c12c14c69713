/// Before/after figures of one "one matter" bundle, as the composer computes them.
///
/// The auditor does not compose bundles itself: the caller (the CLI) asks the composer and hands the figures in,
/// so the audit works with or without a matters folder.
public struct MatterFigures: Sendable, Hashable, Codable {
    /// One compared quantity.
    public struct Row: Sendable, Hashable, Codable {
        /// What is compared (材料, 表单字段, 环节, 时限, 跑动次数).
        public var label: String
        /// The unit (份, 个, 工作日, 次).
        public var unit: String
        /// Separately, member by member.
        public var before: Double
        /// As one matter.
        public var after: Double

        /// Creates a row.
        public init(label: String, unit: String, before: Double, after: Double) {
            self.label = label
            self.unit = unit
            self.before = before
            self.after = after
        }

        /// (before − after) ÷ before, or `nil` when before is 0.
        public var reduction: Double? { before > 0 ? (before - after) / before : nil }
    }

    /// The matter's code.
    public var code: String
    /// Its name.
    public var name: String
    /// The compared quantities.
    public var rows: [Row]
    /// The situation the figures are for (the answers given).
    public var situation: String
    /// How many member items that situation selects.
    public var members: Int

    /// Creates the figures of one matter.
    public init(code: String, name: String, rows: [Row], situation: String = "", members: Int = 0) {
        self.code = code
        self.name = name
        self.rows = rows
        self.situation = situation
        self.members = members
    }
}
