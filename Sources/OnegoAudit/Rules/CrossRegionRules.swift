import OnegoBase
import OnegoCatalog

/// 通办: scope and mode.
enum CrossRegionRules {
    static let all: [AuditRule] = [
        .item(
            "cross.mode-missing", .error, .crossRegion, title: "通办事项须写明办理模式",
            explanation: "跨省、省内、跨城、全市通办事项须写明模式：全程网办、异地代收代办或多地联办。"
        ) { item, _ in
            guard let cross = item.crossRegion, cross.mode == nil else { return [] }
            switch cross.scope {
            case .nationwide, .province, .interCity, .city:
                return [RuleIssue("\(item.label)通办范围为“\(cross.scope.rawValue)”，但未写明通办模式")]
            case .county, .town, .interVillage:
                return []
            }
        },
        .item(
            "cross.regions-missing", .warning, .crossRegion, title: "跨城通办须列明城市",
            explanation: "通办范围为“跨城”时，应列明参与的城市。"
        ) { item, _ in
            guard let cross = item.crossRegion, cross.scope == .interCity, (cross.regions ?? "").isEmpty else {
                return []
            }
            return [RuleIssue("\(item.label)通办范围为“跨城”，但未列明参与城市")]
        },
        .item(
            "cross.online-mode-depth", .error, .crossRegion, title: "全程网办模式须Ⅳ级深度",
            explanation: "以“全程网办”方式通办的事项，网上办理深度须为Ⅳ级。"
        ) { item, _ in
            guard let cross = item.crossRegion, cross.mode == .fullyOnline, !item.isFullyOnline else { return [] }
            return [RuleIssue("\(item.label)以全程网办方式\(cross.scope.rawValue)通办，但网上办理深度为\(item.online.depth.label)")]
        },
        .item(
            "cross.scope-below-level", .warning, .crossRegion, title: "通办范围不小于事项层级",
            explanation: "市级事项的通办范围不应是“全县”“全镇”“跨村”这样更小的范围。"
        ) { item, _ in
            guard let cross = item.crossRegion else { return [] }
            let narrow: Bool
            switch (item.level, cross.scope) {
            case (.provincial, .city), (.provincial, .county), (.provincial, .town), (.provincial, .interVillage),
                (.municipal, .county), (.municipal, .town), (.municipal, .interVillage),
                (.county, .town), (.county, .interVillage):
                narrow = true
            default:
                narrow = false
            }
            guard narrow else { return [] }
            return [RuleIssue("\(item.label)为\(item.level.label)事项，通办范围却为“\(cross.scope.rawValue)”")]
        },
    ]
}
