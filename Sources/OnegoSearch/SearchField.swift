/// A searchable field of an item or matter, with the label shown in ``SearchHit/matched`` and its weight.
enum SearchField: UInt8, Sendable, CaseIterable {
    case name, alias, keyword, code, member, result, material, summary, department

    /// Every field by raw value (a stored list: `allCases` builds a new array each time).
    static let allFields = allCases

    /// The Chinese label reported in ``SearchHit/matched``.
    var label: String {
        switch self {
        case .name: "名称"
        case .alias: "俗称"
        case .keyword: "关键词"
        case .code: "编码"
        case .member: "成员事项"
        case .result: "结果"
        case .material: "材料"
        case .summary: "简介"
        case .department: "部门"
        }
    }

    /// How much a match in this field counts, out of 100 for a whole-name match.
    var weight: Double {
        switch self {
        case .name: 100
        case .alias: 90
        case .keyword: 80
        case .code: 95
        case .member: 60
        case .result: 70
        case .material: 50
        case .summary: 40
        case .department: 45
        }
    }

    /// Whether near matches (shared character pairs) count in this field; long or list-like fields would be noise.
    var allowsNearMatch: Bool { self == .name || self == .alias || self == .keyword || self == .member }

    /// Whether pinyin and pinyin initials are matched in this field.
    var allowsPinyin: Bool { self != .summary }
}
