/// ``LabelValues`` for many documents at once, in one flat table (a row of ``MatchLabel`` values per document): the
/// same `add`, `apply` and `score`, so a spread scores a document exactly as a replay does.
struct LabelTable {
    private static let width = MatchLabel.allCases.count
    private var values: [Double] = []
    /// Per row, whether anything was added (``LabelValues/isEmpty`` is false).
    private(set) var reached: [Bool] = []
    /// A bit per ``MatchLabel`` that holds a value above zero in some row: the other labels are zero in every row.
    private var usedLabels: UInt32 = 0

    /// An empty table with room for `rows` rows.
    init(rows: Int) {
        values.reserveCapacity(rows * Self.width)
        reached.reserveCapacity(rows)
    }

    /// Adds a row of zeros.
    @inline(__always)
    mutating func addSlot() {
        values.append(contentsOf: repeatElement(0, count: Self.width))
        reached.append(false)
    }

    /// Adds rows of zeros until there are `rows`.
    mutating func pad(to rows: Int) {
        guard rows > reached.count else { return }
        values.append(contentsOf: repeatElement(0, count: (rows - reached.count) * Self.width))
        reached.append(contentsOf: repeatElement(false, count: rows - reached.count))
    }

    /// Keeps the larger of the label's contributions in row `slot`; tells whether `value` raised it.
    @discardableResult @inline(__always)
    mutating func add(_ slot: Int, _ label: MatchLabel, _ value: Double) -> Bool {
        reached[slot] = true
        let at = slot * Self.width + label.rawValue
        guard value > values[at] else { return false }
        values[at] = value
        usedLabels |= 1 << UInt32(label.rawValue)
        return true
    }

    /// ``LabelValues/apply(_:field:)`` on row `slot`.
    @inline(__always)
    mutating func apply(_ slot: Int, _ credit: TextCredit, field: SearchField) {
        guard credit.filter.accepts(field) else { return }
        let label = field == .name ? (credit.nameLabel ?? MatchLabel(field)) : MatchLabel(field)
        let weighted = field.weight * credit.value
        if add(slot, label, weighted), let extra = credit.extra, label != extra { add(slot, extra, weighted * 0.99) }
    }

    /// ``LabelValues/score`` of row `slot`.
    func score(_ slot: Int) -> Double {
        var best = 0.0
        var total = 0.0
        for value in values[(slot * Self.width)..<((slot + 1) * Self.width)] {
            best = max(best, value)
            total += value
        }
        return best + min(10, (total - best) * 0.1)
    }

    /// Adds to each row's totals (one per row) its ``LabelValues/score``, to `plain` as it is and to `uppers` with
    /// every label raised to `raise` (one value per label), in one pass; for a row nothing was added to, `plain`
    /// becomes -∞, and `uppers` too unless `keepingUnreached`.
    func addScores(raisedTo raise: [Double], keepingUnreached: Bool, uppers: inout [Double], plain: inout [Double]) {
        let width = Self.width
        // The loop below reads every table through unchecked pointers.
        precondition(
            reached.count >= plain.count && values.count >= plain.count * width && uppers.count == plain.count
                && raise.count >= width)
        // A label that is zero in every row and not raised adds nothing to any of the four sums below (every value
        // is at least +0, and +0 is the identity of `max` and `+` there), so the loop reads only the others, in
        // label order, and the sums come out bit for bit as over all labels.
        let active = (0..<width).filter { usedLabels & (1 << UInt32($0)) != 0 || raise[$0] > 0 }
        values.withUnsafeBufferPointer { values in
            reached.withUnsafeBufferPointer { reached in
                raise.withUnsafeBufferPointer { raise in
                    uppers.withUnsafeMutableBufferPointer { uppers in
                        plain.withUnsafeMutableBufferPointer { plain in
                            for row in 0..<plain.count {
                                let isReached = reached[row]
                                if !isReached {
                                    plain[row] = -.infinity
                                    guard keepingUnreached else {
                                        uppers[row] = -.infinity
                                        continue
                                    }
                                }
                                var best = 0.0
                                var total = 0.0
                                var raisedBest = 0.0
                                var raisedTotal = 0.0
                                for label in active {
                                    let value = values[row * width + label]
                                    best = max(best, value)
                                    total += value
                                    let raised = max(value, raise[label])
                                    raisedBest = max(raisedBest, raised)
                                    raisedTotal += raised
                                }
                                if isReached { plain[row] += best + min(10, (total - best) * 0.1) }
                                uppers[row] += raisedBest + min(10, (raisedTotal - raisedBest) * 0.1)
                            }
                        }
                    }
                }
            }
        }
    }

    /// ``LabelValues/score`` of the label-wise maximum of row `slot`, row `other` of `table` (either -1: zeros) and
    /// `code` for the code label: the labels of a document from its content group, its own texts and its codes.
    func score(_ slot: Int, maxWith table: LabelTable, _ other: Int, code: Double) -> Double {
        let base = slot * Self.width
        let otherBase = other * Self.width
        var best = 0.0
        var total = 0.0
        for label in 0..<Self.width {
            var value = slot >= 0 ? values[base + label] : 0
            if other >= 0 { value = max(value, table.values[otherBase + label]) }
            if label == MatchLabel.code.rawValue { value = max(value, code) }
            best = max(best, value)
            total += value
        }
        return best + min(10, (total - best) * 0.1)
    }

    /// The label-wise maximum of row `slot`, row `other` of `table` (either -1: zeros) and `code` for the code label.
    func combined(_ slot: Int, _ table: LabelTable, _ other: Int, code: Double) -> [Double] {
        var result = combined(slot >= 0 ? slot : nil, table, other >= 0 ? other : nil)
        result[MatchLabel.code.rawValue] = max(result[MatchLabel.code.rawValue], code)
        return result
    }

    /// The label-wise maximum of every row.
    func largest() -> [Double] {
        var result = [Double](repeating: 0, count: Self.width)
        for label in 0..<Self.width where usedLabels & (1 << UInt32(label)) != 0 {
            for at in stride(from: label, to: values.count, by: Self.width) where values[at] > result[label] {
                result[label] = values[at]
            }
        }
        return result
    }

    /// The label-wise maximum of row `slot` and row `other` of `table`.
    func combined(_ slot: Int?, _ table: LabelTable, _ other: Int?) -> [Double] {
        var result = [Double](repeating: 0, count: Self.width)
        if let slot {
            for label in 0..<Self.width { result[label] = values[slot * Self.width + label] }
        }
        if let other {
            for label in 0..<Self.width { result[label] = max(result[label], table.values[other * Self.width + label]) }
        }
        return result
    }
}
