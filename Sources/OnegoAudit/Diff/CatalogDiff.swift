import OnegoBase
public import OnegoCatalog

/// What changed between two audited versions of a catalog: items added, removed and changed (by code), every rate
/// before and after, and error counts by rule; ``regressions`` says what a CI gate should refuse.
///
/// ```swift
/// let diff = CatalogDiff(old: (oldLoad.catalog, oldReport), new: (newLoad.catalog, newReport))
/// if !diff.regressions.isEmpty { exit(1) }
/// ```
public struct CatalogDiff: Sendable, Hashable, Codable {
    /// An item named in the diff.
    public struct ItemReference: Sendable, Hashable, Codable {
        /// The item's code.
        public var code: String
        /// Its name.
        public var name: String
        /// Its department.
        public var department: String
    }

    /// One field of an item, before and after.
    public struct FieldChange: Sendable, Hashable, Codable {
        /// The field's Chinese name (事项名称, 承诺时限 …).
        public var field: String
        /// The old value, as shown to people.
        public var old: String
        /// The new value.
        public var new: String
    }

    /// An item present in both versions whose fields differ.
    public struct ItemChange: Sendable, Hashable, Codable {
        /// The item (new name and department).
        public var item: ItemReference
        /// The fields that changed.
        public var fields: [FieldChange]
        /// Material names only in the new version.
        public var materialsAdded: [String]
        /// Material names only in the old version.
        public var materialsRemoved: [String]
        /// Whether the promised limit grew (a regression).
        public var promisedLimitGrew: Bool
    }

    /// Whether a figure rose, fell or stayed.
    public enum Direction: String, Sendable, Hashable, Codable {
        case up, down, same

        /// ↑, ↓ or =.
        public var symbol: String {
            switch self {
            case .up: "↑"
            case .down: "↓"
            case .same: "="
            }
        }
    }

    /// A rate before and after.
    public struct RateChange: Sendable, Hashable, Codable {
        /// The rate's ID.
        public var id: String
        /// Its Chinese name.
        public var name: String
        /// Before.
        public var old: Ratio
        /// After.
        public var new: Ratio
        /// Rose, fell or stayed (by value; a rate with no denominator on either side is `same`).
        public var direction: Direction

        /// How many percentage points the rate fell (negative when it rose; 0 when either side counted nothing).
        public var fall: Double {
            guard let before = old.value, let after = new.value else { return 0 }
            return (before - after) * 100
        }
    }

    /// Error findings of one rule, before and after.
    public struct RuleCount: Sendable, Hashable, Codable {
        /// The rule's ID.
        public var rule: String
        /// Its Chinese title.
        public var title: String
        /// Errors before.
        public var old: Int
        /// Errors after.
        public var new: Int
    }

    /// A target met before and missed after, or the other way round.
    public struct TargetChange: Sendable, Hashable, Codable {
        /// The target's Chinese name.
        public var name: String
        /// Met before.
        public var wasMet: Bool
        /// Met after.
        public var isMet: Bool
    }

    /// A "one matter" whose composition figures (members, materials, time, visits…) differ between the versions,
    /// or that exists in one version only.
    public struct MatterChange: Sendable, Hashable, Codable {
        /// The matter's code.
        public var code: String
        /// Its name (the new one when it exists in both).
        public var name: String
        /// Its figures before, `nil` when it is new.
        public var old: MatterFigures?
        /// Its figures after, `nil` when it was removed.
        public var new: MatterFigures?
    }

    /// Items only in the new version.
    public var added: [ItemReference]
    /// Items only in the old version.
    public var removed: [ItemReference]
    /// Items in both whose fields differ.
    public var changed: [ItemChange]
    /// Every rate, before and after.
    public var rates: [RateChange]
    /// Error counts per rule (rules with an error on either side).
    public var errorsByRule: [RuleCount]
    /// Error findings (rule and item) only in the new version.
    public var newErrors: [Finding]
    /// Policy targets, before and after (empty without a policy).
    public var targets: [TargetChange]
    /// Matters whose composition changed, added or removed (in the new version's order, removed ones last).
    public var matters: [MatterChange]

    /// What a CI gate refuses, in Chinese: a rate that fell, a new error, a promised limit that grew, a target lost.
    public var regressions: [String] { regressions(tolerance: 0) }

    /// The regressions, except rates that fell by at most `tolerance` percentage points (a target lost, a new error
    /// or a longer promise always counts).
    public func regressions(tolerance: Double) -> [String] {
        var out: [String] = []
        for rate in rates where rate.direction == .down && rate.fall > tolerance {
            out.append(
                "\(rate.name)下降：\(rate.old.numerator)/\(rate.old.denominator) → \(rate.new.numerator)/\(rate.new.denominator)"
            )
        }
        for finding in newErrors {
            out.append("新增错误 [\(finding.rule)] \(finding.message)")
        }
        for change in changed where change.promisedLimitGrew {
            let field = change.fields.first { $0.field == "承诺时限" }
            out.append(
                "\(change.item.name)（\(change.item.code)）承诺时限延长：\(field?.old ?? "") → \(field?.new ?? "")")
        }
        for target in targets where target.wasMet && !target.isMet {
            out.append("目标“\(target.name)”由达成变为未达成")
        }
        return out
    }

    /// Compares two catalogs and their audits (run with the same policy and settings); a promise in hours is
    /// compared with one in days through `officeHours`.
    public init(
        old: (catalog: Catalog, report: AuditReport), new: (catalog: Catalog, report: AuditReport),
        officeHours: OfficeHours = .standard
    ) {
        let oldItems = Self.firstByCode(old.catalog.items)
        let newItems = Self.firstByCode(new.catalog.items)
        let oldCodes = Set(oldItems.map(\.id))
        let newCodes = Set(newItems.map(\.id))
        added = newItems.filter { !oldCodes.contains($0.id) }.map(Self.reference)
        removed = oldItems.filter { !newCodes.contains($0.id) }.map(Self.reference)
        let oldByCode = Dictionary(oldItems.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        changed = newItems.compactMap { item in
            guard let before = oldByCode[item.id] else { return nil }
            return Self.change(from: before, to: item, officeHours: officeHours)
        }
        let oldRates = Dictionary(old.report.rates.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        rates = new.report.rates.compactMap { rate in
            guard let before = oldRates[rate.id] else { return nil }
            let direction: Direction
            switch (before.ratio.value, rate.ratio.value) {
            case (let a?, let b?) where b < a - 1e-12: direction = .down
            case (let a?, let b?) where b > a + 1e-12: direction = .up
            default: direction = .same
            }
            return RateChange(id: rate.id, name: rate.name, old: before.ratio, new: rate.ratio, direction: direction)
        }
        var counts: [String: (Int, Int)] = [:]
        for finding in old.report.findings where finding.severity == .error {
            counts[finding.rule.rawValue, default: (0, 0)].0 += 1
        }
        for finding in new.report.findings where finding.severity == .error {
            counts[finding.rule.rawValue, default: (0, 0)].1 += 1
        }
        errorsByRule = counts.keys.sorted().map { rule in
            let (a, b) = counts[rule] ?? (0, 0)
            return RuleCount(rule: rule, title: new.report.registry.rule(id: rule)?.title ?? rule, old: a, new: b)
        }
        // An error is new when its rule and item (or, for file-level findings, its message) were not reported before.
        func key(_ finding: Finding) -> String { finding.rule.rawValue + "\u{1}" + (finding.item ?? finding.message) }
        let oldErrors = Set(old.report.findings.filter { $0.severity == .error }.map(key))
        newErrors = new.report.findings.filter { $0.severity == .error && !oldErrors.contains(key($0)) }
        let oldTargets = Dictionary(old.report.targets.map { ($0.target.id, $0.met) }, uniquingKeysWith: { a, _ in a })
        targets = new.report.targets.compactMap { result in
            guard let wasMet = oldTargets[result.target.id] else { return nil }
            return TargetChange(name: result.target.name, wasMet: wasMet, isMet: result.met)
        }
        matters = Self.matterChanges(old: old.report.matters, new: new.report.matters)
    }

    /// Matters whose figures differ, then those only in the old version.
    static func matterChanges(old: [MatterFigures], new: [MatterFigures]) -> [MatterChange] {
        let before = Dictionary(old.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        let newCodes = Set(new.map(\.code))
        var out: [MatterChange] = []
        for figures in new where before[figures.code] != figures {
            out.append(MatterChange(code: figures.code, name: figures.name, old: before[figures.code], new: figures))
        }
        for figures in old where !newCodes.contains(figures.code) {
            out.append(MatterChange(code: figures.code, name: figures.name, old: figures, new: nil))
        }
        return out
    }

    private static func firstByCode(_ items: [ServiceItem]) -> [ServiceItem] {
        var seen = Set<String>()
        return items.filter { seen.insert($0.id).inserted }
    }

    private static func reference(_ item: ServiceItem) -> ItemReference {
        ItemReference(code: item.id, name: item.name, department: item.department)
    }

    /// The differences of one item, or `nil` when none of the compared fields changed.
    static func change(from old: ServiceItem, to new: ServiceItem, officeHours: OfficeHours) -> ItemChange? {
        var fields: [FieldChange] = []
        func compare(_ field: String, _ a: String, _ b: String) {
            if a != b { fields.append(FieldChange(field: field, old: a, new: b)) }
        }
        compare("事项名称", old.name, new.name)
        compare("实施主体", old.department, new.department)
        compare("办件类型", old.handling.rawValue, new.handling.rawValue)
        compare("法定时限", old.statutoryLimit?.description ?? "无", new.statutoryLimit?.description ?? "无")
        compare("承诺时限", old.promisedLimit?.description ?? "未公布", new.promisedLimit?.description ?? "未公布")
        compare("到现场次数", String(old.visits), String(new.visits))
        compare("是否网办", old.online.isAvailable ? "是" : "否", new.online.isAvailable ? "是" : "否")
        compare("网办深度", old.online.depth.label, new.online.depth.label)
        compare(
            "办理形式", old.handlingForms.map(\.rawValue).joined(separator: "、"),
            new.handlingForms.map(\.rawValue).joined(separator: "、"))
        compare("特色办理模式", modes(old.modes), modes(new.modes))
        let oldMaterials = old.materials.map(\.name)
        let newMaterials = new.materials.map(\.name)
        let added = newMaterials.filter { !oldMaterials.contains($0) }
        let removed = oldMaterials.filter { !newMaterials.contains($0) }
        guard !fields.isEmpty || !added.isEmpty || !removed.isEmpty else { return nil }
        // A promise that grows is a regression; one that becomes unpublished is too (the figure is lost), one that
        // becomes published is not.
        let grew: Bool
        switch (old.promisedLimit, new.promisedLimit) {
        case (let before?, let after?):
            if let order = before.compare(to: after, officeHours: officeHours) {
                grew = order == .ascending
            } else {
                grew = after.workingDays(in: officeHours) > before.workingDays(in: officeHours)
            }
        case (.some, nil): grew = true
        case (nil, _): grew = false
        }
        return ItemChange(
            item: reference(new), fields: fields, materialsAdded: added, materialsRemoved: removed,
            promisedLimitGrew: grew)
    }

    private static func modes(_ m: HandlingModes) -> String {
        var names: [String] = []
        if m.isInstantApproval { names.append("秒批") }
        if m.isInstantDeclaration { names.append("秒报") }
        if m.isPromiseBased { names.append("告知承诺制") }
        if m.isCertificateFree { names.append("免证办") }
        return names.isEmpty ? "无" : names.joined(separator: "、")
    }
}
