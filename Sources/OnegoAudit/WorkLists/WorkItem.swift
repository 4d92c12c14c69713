import Dispatch
public import OnegoCatalog

/// One item that keeps a target from being met: what to fix, where it sits and which field causes the miss.
public struct WorkItem: Sendable, Hashable, Codable {
    /// The item's code.
    public var code: String
    /// The item's name.
    public var name: String
    /// The item's department.
    public var department: String
    /// The field that causes the miss and its value, in Chinese (e.g. `到现场次数：2`).
    public var reason: String

    /// Creates a work item.
    public init(code: String, name: String, department: String, reason: String) {
        self.code = code
        self.name = name
        self.department = department
        self.reason = reason
    }
}

/// Works out, for a policy target, the items that miss it.
public enum WorkList {
    /// The items that count against a target, in catalog order, each code once.
    ///
    /// For an item rate with `atLeast` these are the items that do not meet the rate's condition (with
    /// `atMost`, those that do); for a material rate, the items with material lines that count against it; for
    /// a compression figure, the items with a statutory limit compressed less than the threshold.
    public static func missing(
        for target: PolicyTarget, items: [ServiceItem], compression: CompressionFigures
    ) -> [WorkItem] {
        missing(
            for: target, items: items, handling: PopulationIndex(.handlingItems, items: items),
            compression: compression, rows: .mayRepeatCodes)
    }

    /// What the compression rows handed to ``missing(for:items:handling:compression:rows:)`` are.
    enum CompressionRows {
        /// Computed from the handling units: one row per code, so none needs a check for a repeated code.
        case onePerUnit
        /// Made some other way: a code's later rows are left out.
        case mayRepeatCodes
    }

    /// The items that count against a target, with the catalog's handling units (each code once, at its first
    /// item) already worked out and the compression rows described by `rows`.
    static func missing(
        for target: PolicyTarget, items: [ServiceItem], handling: PopulationIndex, compression: CompressionFigures,
        rows: CompressionRows
    ) -> [WorkItem] {
        if let definition = RateDefinition.definition(id: target.figure) {
            return missing(
                for: target, definition: definition, items: items, handling: handling, units: 0..<handling.count)
        }
        return missing(for: target, compression: compression, rows: rows)
    }

    /// The unit count from which ``missing(for:items:handling:compression:rows:)`` of several targets cuts an item
    /// rate's units in two halves worked out side by side.
    static let halvedUnitCount = 10_000

    /// The work lists of several targets, in their order: ``missing(for:items:handling:compression:rows:)`` of each,
    /// worked out on all cores (an item rate over many units in two halves, put back in unit order).
    static func missing(
        for targets: [PolicyTarget], items: [ServiceItem], handling: PopulationIndex, compression: CompressionFigures,
        rows: CompressionRows
    ) -> [[WorkItem]] {
        // The pieces: a target and, for an item rate, a range of its units.
        var pieces: [(target: Int, units: Range<Int>?)] = []
        for (index, target) in targets.enumerated() {
            guard RateDefinition.definition(id: target.figure) != nil else {
                pieces.append((index, nil))
                continue
            }
            let count = handling.count
            if count >= halvedUnitCount {
                pieces += [(index, 0..<count / 2), (index, count / 2..<count)]
            } else {
                pieces.append((index, 0..<count))
            }
        }
        let slots = Locked([[WorkItem]](repeating: [], count: pieces.count))
        DispatchQueue.concurrentPerform(iterations: pieces.count) { [pieces] piece in
            let (index, units) = pieces[piece]
            let target = targets[index]
            let found =
                if let units, let definition = RateDefinition.definition(id: target.figure) {
                    missing(for: target, definition: definition, items: items, handling: handling, units: units)
                } else {
                    missing(for: target, compression: compression, rows: rows)
                }
            slots.withLock { $0[piece] = found }
        }
        let found = slots.withLock { $0 }
        var lists = [[WorkItem]](repeating: [], count: targets.count)
        for (piece, (index, _)) in pieces.enumerated() { lists[index] += found[piece] }
        return lists
    }

    /// The work items of an item rate's target among the handling units `units` (in order); `nil` when the target's
    /// figure is not an item or material rate.
    static func missing(
        forRate target: PolicyTarget, items: [ServiceItem], handling: PopulationIndex, units: Range<Int>
    ) -> [WorkItem]? {
        guard let definition = RateDefinition.definition(id: target.figure) else { return nil }
        return missing(for: target, definition: definition, items: items, handling: handling, units: units)
    }

    /// The work items of a compression figure's target among `compression`'s rows, one per handling unit.
    static func missing(forCompression target: PolicyTarget, compression: CompressionFigures) -> [WorkItem] {
        missing(for: target, compression: compression, rows: .onePerUnit)
    }

    /// The work items of an item rate's target among the handling units `units` (in order).
    private static func missing(
        for target: PolicyTarget, definition: RateDefinition, items: [ServiceItem], handling: PopulationIndex,
        units: Range<Int>
    ) -> [WorkItem] {
        var out: [WorkItem] = []
        let wantsMet = target.comparison == .atMost
        items.withUnsafeBufferPointer { items in
            // The handling units are the items whose code was not seen before, in catalog order.
            for unit in units {
                let position = handling.representative(of: unit)
                switch definition.measure {
                case .items(let condition):
                    guard condition(items[position]) == wantsMet else { continue }
                    out.append(workItem(items[position], reason: reason(for: definition.id, items[position])))
                case .materials(let condition):
                    let lines = items[position].materials.filter { condition($0) == wantsMet }
                    guard !lines.isEmpty else { continue }
                    let names = lines.prefix(3).map(\.name).joined(separator: "、")
                    out.append(
                        workItem(
                            items[position], reason: "\(lines.count) 条材料：\(names)\(lines.count > 3 ? "等" : "")"))
                }
            }
        }
        return out
    }

    /// The work items of a compression figure's target (none for a figure that is neither a rate nor one of these).
    private static func missing(
        for target: PolicyTarget, compression: CompressionFigures, rows: CompressionRows
    ) -> [WorkItem] {
        var out: [WorkItem] = []
        guard CompressionFigure(rawValue: target.figure) != nil else { return [] }
        let licensingOnly = target.figure.hasPrefix("licensing-")
        var seen = Set<String>()
        let onePerUnit = rows == .onePerUnit
        for row in compression.items where row.exclusion == nil && (onePerUnit || seen.insert(row.item).inserted) {
            guard !licensingOnly || row.isLicensing, let rate = row.rate else { continue }
            let short = target.comparison == .atLeast ? rate < target.threshold - 1e-9 : rate > target.threshold + 1e-9
            guard short else { continue }
            let statutory = row.statutory?.description ?? "—"
            out.append(
                WorkItem(
                    code: row.item, name: row.name, department: row.department,
                    reason:
                        "法定 \(statutory) → 承诺 \(row.promised?.description ?? "未公布")，压缩 \(Int((rate * 100).rounded()))%")
            )
        }
        return out
    }

    private static func workItem(_ item: ServiceItem, reason: String) -> WorkItem {
        WorkItem(code: item.id, name: item.name, department: item.department, reason: reason)
    }

    /// The field behind a rate's condition and the item's value of it.
    static func reason(for rate: String, _ item: ServiceItem) -> String {
        switch rate {
        case "immediate": "办件类型：\(item.handling.rawValue)；承诺时限：\(item.promisedLimit?.description ?? "未公布")"
        case "online": "是否网办：\(item.online.isAvailable ? "是" : "否")；网办深度：\(item.online.depth.label)"
        case "fully-online": "网办深度：\(item.online.depth.label)"
        case "at-most-one-visit", "zero-visit": "到现场次数：\(item.visits)"
        case "tolerance-items": "无容缺后补材料"
        case "instant-approval": "未实行秒批"
        case "instant-declaration": "未实行秒报"
        case "certificate-free": "未实行免证办"
        case "promise-based": "未实行告知承诺制"
        case "cross-province", "cross-region": "通办范围：\(item.crossRegion?.scope.rawValue ?? "未写明")"
        default: rate
        }
    }
}
