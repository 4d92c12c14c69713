import OnegoAudit

/// Number formats shared by the audit renderers. Every function is total: any `Double` prints (issue 11: a policy
/// threshold of 1e20 trapped in `Int(_:)`), non-finite values as `—`.
enum AuditFormatting {
    /// `82.4%`, or `—` when there is no value.
    static func percent(_ value: Double?, digits: Int = 1) -> String {
        guard let value, value.isFinite else { return "—" }
        return fixed(value * 100, digits: digits) + "%"
    }

    /// A number with a fixed number of decimals, without Foundation formatting (locale-independent).
    static func fixed(_ value: Double, digits: Int) -> String {
        guard value.isFinite else { return "—" }
        let digits = min(max(digits, 0), 6)
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let negative = value < 0
        let magnitude = abs(value)
        // Beyond 2^52 a Double has no fraction left to print, and Int cannot hold every value it can.
        if magnitude >= 0x1p52 {
            return (negative ? "-" : "") + integerText(magnitude) + (digits == 0 ? "" : "." + zeros(digits))
        }
        let scaled = (magnitude * scale).rounded()
        let whole = (scaled / scale).rounded(.towardZero)
        let fraction = Int(scaled - whole * scale)
        let sign = negative && scaled != 0 ? "-" : ""
        if digits == 0 { return sign + String(Int(whole)) }
        let fractionText = String(fraction)
        return sign + "\(Int(whole))." + zeros(digits - fractionText.count) + fractionText
    }

    /// A count or day figure: `3`, `0.5`, `12.25`.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "—" }
        if value.rounded() == value { return fixed(value, digits: 0) }
        return fixed(value, digits: 2)
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

    private static func zeros(_ count: Int) -> String { String(repeating: "0", count: max(0, count)) }

    /// The exact decimal digits of a finite, non-negative, integral `value` of any size (doubles up to ~1.8e308).
    static func integerText(_ value: Double) -> String {
        if value < 0x1p63 { return String(Int64(value)) }
        // value = significand × 2^exponent with an integral 53-bit significand: multiply out in base 10^9.
        let exponent = Int(value.exponent) - 52
        var limbs: [UInt64] = []  // little-endian base 10^9
        var significand = UInt64(value.significandBitPattern) | (1 << 52)
        while significand > 0 {
            limbs.append(significand % 1_000_000_000)
            significand /= 1_000_000_000
        }
        for _ in 0..<exponent {
            var carry: UInt64 = 0
            for index in limbs.indices {
                let product = limbs[index] * 2 + carry
                limbs[index] = product % 1_000_000_000
                carry = product / 1_000_000_000
            }
            if carry > 0 { limbs.append(carry) }
        }
        var text = String(limbs.last ?? 0)
        for limb in limbs.dropLast().reversed() {
            let part = String(limb)
            text += zeros(9 - part.count) + part
        }
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
