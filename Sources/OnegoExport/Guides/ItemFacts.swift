import OnegoCatalog

/// Phrases shared by every document about an item, so the guide, the notice and the checklist say the same thing
/// in the same words.
enum ItemFacts {
    /// `3个工作日（不含专家评审时间）`; `即办` for zero, fractions rounded up to the half day (``DayFigures``).
    static func limit(_ limit: TimeLimit) -> String {
        DayFigures.limit(limit) + (limit.note.map { "（\($0)）" } ?? "")
    }

    /// The promised limit, saying 即办 for immediate items and 未公布 when the catalog has none.
    static func promised(_ item: ServiceItem) -> String {
        guard let promised = item.promisedLimit else { return PublishedState.notPublished.rawValue }
        if item.isImmediate, promised.value == 0 {
            return "即办（材料齐全、符合法定形式的当场办结）" + (promised.note.map { "；\($0)" } ?? "")
        }
        return limit(promised)
    }

    /// The promised limit in a few characters for tables: `即办`, `3个工作日` or `未公布`.
    static func promisedShort(_ item: ServiceItem) -> String {
        guard let promised = item.promisedLimit else { return PublishedState.notPublished.rawValue }
        return DayFigures.limit(promised)
    }

    /// `原件1份`, `复印件2份`, joined; `—` when neither is asked for.
    static func counts(_ material: Material) -> String {
        var parts: [String] = []
        if material.originals > 0 { parts.append("原件\(material.originals)份") }
        if material.copies > 0 { parts.append("复印件\(material.copies)份") }
        return parts.isEmpty ? "—" : parts.joined(separator: "，")
    }

    /// A count for a table cell: the number, or `—` for none.
    static func count(_ value: Int) -> String { value > 0 ? String(value) : "—" }

    /// The supplement deadline of a 容缺 material: its own, else the promised limit; `nil` when neither is published.
    ///
    /// In the item's own unit: the material's `supplyDays` (working days) are office hours for an item that counts
    /// hours or minutes (`0.25` of a 7-hour office day → `1.75小时`), working days otherwise.
    static func supplyLimit(
        _ material: Material, of item: ServiceItem, officeHours: OfficeHours = .standard
    ) -> TimeLimit? {
        guard let days = material.supplyDays else { return item.promisedLimit.map { TimeLimit($0.value, $0.unit) } }
        let unit = (item.promisedLimit ?? item.statutoryLimit)?.unit
        guard unit == .hours || unit == .minutes else { return TimeLimit(days, .workingDays) }
        return TimeLimit(days * Double(officeHours.minutesPerDay) / 60, .hours)
    }

    /// Whether the applicant need not bring the material: the item is 免证办 and an e-licence replaces it.
    static func isFetchedElectronically(_ material: Material, of item: ServiceItem) -> Bool {
        item.modes.isCertificateFree && material.eLicence != nil
    }

    /// Source with the issuing department: `政府部门核发（公安机关）`.
    static func source(_ material: Material) -> String {
        material.source.label + (material.issuer.map { "（\($0)）" } ?? "")
    }

    /// Everything else a reader needs to prepare the material, one clause each.
    static func remarks(_ material: Material, of item: ServiceItem) -> String {
        let parts = remarkParts(material, of: item, withNecessity: true)
        return parts.isEmpty ? "—" : parts.joined(separator: "；")
    }

    /// The clauses of `remarks`; without the e-licence and necessity clauses (容缺, 非必要) when a merged line of a
    /// matter states its own.
    static func remarkParts(_ material: Material, of item: ServiceItem, withNecessity: Bool) -> [String] {
        var parts: [String] = []
        if withNecessity, let licence = material.eLicence {
            parts.append(
                isFetchedElectronically(material, of: item)
                    ? "免提交，窗口通过电子证照“\(licence)”调取" : "可用电子证照“\(licence)”代替")
        }
        if withNecessity, material.allowsLaterSupply {
            parts.append(supplyLimit(material, of: item).map { "可容缺受理，\($0)内补齐" } ?? "可容缺受理，补齐期限未公布")
        }
        if withNecessity, material.necessity == .optional { parts.append("非必要，视情况提供") }
        if let size = material.paperSize { parts.append("纸张规格\(size)") }
        if let form = material.blankForm { parts.append("空白表格：\(form)") }
        if let sample = material.sample { parts.append("示例样表：\(sample)") }
        if let standard = material.standard { parts.append("受理标准：\(standard)") }
        if let note = material.note { parts.append(note) }
        return parts
    }

    /// `不可网办`, or `可网办，Ⅳ级（全程网办）`.
    static func online(_ item: ServiceItem) -> String {
        item.online.isAvailable ? "可网办，\(item.online.depth.label)" : "不可网办（\(item.online.depth.label)）"
    }

    /// `0次` or `1次（须现场核验身份）`.
    static func visits(_ item: ServiceItem) -> String {
        "\(item.visits)次" + (item.visitReason.map { "（\($0)）" } ?? "")
    }

    /// `全国（全程网办；粤港澳）`.
    static func crossRegion(_ cross: CrossRegion) -> String {
        let details = [cross.mode?.rawValue, cross.regions].compactMap { $0 }
        return cross.scope.rawValue + "通办" + (details.isEmpty ? "" : "（" + details.joined(separator: "；") + "）")
    }

    /// The line printed with a due date.
    static func dueText(_ due: DueDate) -> String {
        switch due {
        case .on(let date): date.chinese
        case .unknown(let reason): "无法推算（\(reason)）"
        }
    }

    /// The signature and stamp lines at the foot of notices and checklists.
    static let windowSignatures = ["窗口（盖章）", "经办人", "日期：　　　　年　　月　　日"]
}
