import OnegoAudit

/// Number formats shared by the audit renderers.
enum AuditFormatting {
    /// `82.4%`, or `—` when there is no value.
    static func percent(_ value: Double?, digits: Int = 1) -> String {
        guard let value, value.isFinite else { return "—" }
        return fixed(value * 100, digits: digits) + "%"
    }

    /// A number with a fixed number of decimals, without Foundation formatting (locale-independent).
    static func fixed(_ value: Double, digits: Int) -> String {
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let rounded = (value * scale).rounded() / scale
        if digits == 0 { return String(Int(rounded)) }
        let negative = rounded < 0
        let magnitude = abs(rounded)
        let whole = Int(magnitude)
        let fraction = Int(((magnitude - Double(whole)) * scale).rounded())
        var fractionText = String(fraction)
        while fractionText.count < digits { fractionText = "0" + fractionText }
        return (negative ? "-" : "") + "\(whole).\(fractionText)"
    }

    /// A count or day figure: `3`, `0.5`, `12.25`.
    static func number(_ value: Double) -> String {
        value.rounded() == value && abs(value) < 1e15 ? String(Int(value)) : fixed(value, digits: 2)
    }

    /// A target's value in its own unit (percent for rates, items for counts).
    static func targetValue(_ value: Double?, _ target: PolicyTarget) -> String {
        guard let value else { return "—" }
        return target.measure == .count ? number(value) : percent(value)
    }

    /// The gap of a missed target, e.g. `差 12.5 个百分点（还需 21 个事项）`.
    static func gap(_ result: TargetResult) -> String {
        guard !result.met else { return "" }
        guard let gap = result.gap else { return "无法计算（分母为 0）" }
        var text = result.target.measure == .count ? "差 \(number(gap)) 个" : "差 \(fixed(gap * 100, digits: 1)) 个百分点"
        if let needed = result.itemsNeeded { text += "（还需 \(needed) 个事项）" }
        return text
    }

    /// Work items grouped by department, departments in the given order (others after, by name), items in their
    /// original order.
    static func grouped(_ items: [WorkItem], order: [String]) -> [(department: String, items: [WorkItem])] {
        var groups: [String: [WorkItem]] = [:]
        for item in items { groups[item.department, default: []].append(item) }
        var rank: [String: Int] = [:]
        for (index, name) in order.enumerated() where rank[name] == nil { rank[name] = index }
        return groups.keys.sorted { a, b in
            let ra = rank[a] ?? Int.max
            let rb = rank[b] ?? Int.max
            return ra != rb ? ra < rb : a < b
        }.map { ($0, groups[$0] ?? []) }
    }

    /// The Chinese title of a rule, or the ID when the registry does not know it.
    static func ruleTitle(_ id: String, in report: AuditReport) -> String {
        report.registry.rule(id: id)?.title ?? id
    }
}
