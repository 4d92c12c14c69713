/// A document's score for a whole query, before it becomes a ``SearchHit``.
struct ScoredDocument {
    var document: Int32
    var score: Double
}

/// What ``SearchHit/matched`` can report: a field, or how the field matched.
enum MatchLabel: Int, CaseIterable {
    case name, alias, keyword, code, member, result, material, summary, department, pinyin, initials, related, near

    init(_ field: SearchField) {
        switch field {
        case .name: self = .name
        case .alias: self = .alias
        case .keyword: self = .keyword
        case .code: self = .code
        case .member: self = .member
        case .result: self = .result
        case .material: self = .material
        case .summary: self = .summary
        case .department: self = .department
        }
    }

    /// Every label by raw value (a stored list: `allCases` builds a new array each time).
    static let all = allCases
    /// Each label's ``text`` by raw value.
    static let texts = all.map(\.text)

    /// The Chinese label.
    var text: String {
        switch self {
        case .pinyin: "拼音"
        case .initials: "拼音首字母"
        case .related: "近义词"
        case .near: "相近"
        default: SearchField.allCases[rawValue].label
        }
    }
}

/// One document's best contribution of each label for one query word.
struct LabelValues {
    private var values = [Double](repeating: 0, count: MatchLabel.allCases.count)
    /// Whether any label has a contribution (the document matched the word).
    private(set) var isEmpty = true

    /// No contribution.
    init() {}

    /// The given contributions, one per ``MatchLabel``; empty when `isEmpty`.
    init(values: [Double], isEmpty: Bool) {
        self.values = values
        self.isEmpty = isEmpty
    }

    /// Keeps the larger of the label's contributions; tells whether `value` raised it.
    @discardableResult
    mutating func add(_ label: MatchLabel, _ value: Double) -> Bool {
        isEmpty = false
        guard value > values[label.rawValue] else { return false }
        values[label.rawValue] = value
        return true
    }

    /// Spreads a text match over one of the document's fields holding the text: the field's label (or the credit's
    /// name label) gets the weighted value, and the credit's extra label 0.99 of it when that raised the field.
    mutating func apply(_ credit: TextCredit, field: SearchField) {
        guard credit.filter.accepts(field) else { return }
        let label = field == .name ? (credit.nameLabel ?? MatchLabel(field)) : MatchLabel(field)
        let weighted = field.weight * credit.value
        if add(label, weighted), let extra = credit.extra, label != extra { add(extra, weighted * 0.99) }
    }

    /// The score: the best contribution plus a tenth of the others (at most 10).
    var score: Double {
        var best = 0.0
        var total = 0.0
        for value in values {
            best = max(best, value)
            total += value
        }
        return best + min(10, (total - best) * 0.1)
    }

    /// The labels, best first (ties in label order).
    var labels: [String] {
        var texts: [String] = []
        var seen: UInt16 = 0
        appendLabels(to: &texts, seen: &seen)
        return texts
    }

    /// Appends the labels, best first (ties in label order), that are not in `seen` (a bit per ``MatchLabel``), and
    /// adds them to it.
    func appendLabels(to texts: inout [String], seen: inout UInt16) {
        var found: [MatchLabel] = []
        for label in MatchLabel.all where values[label.rawValue] > 0 && seen & (1 << label.rawValue) == 0 {
            // Insertion keeps equal values in label order, as a stable sort does.
            var at = found.count
            while at > 0 && values[found[at - 1].rawValue] < values[label.rawValue] { at -= 1 }
            found.insert(label, at: at)
        }
        for label in found {
            seen |= 1 << label.rawValue
            texts.append(MatchLabel.texts[label.rawValue])
        }
    }

    /// Forgets every contribution.
    mutating func reset() {
        for index in values.indices { values[index] = 0 }
        isEmpty = true
    }
}

extension SearchIndex {
    /// Related-word variants count this much of a verbatim match.
    static let variantFactor = 0.8
    /// Near matches count this much of their pair overlap (mean of query coverage and Dice coefficient).
    static let nearFactor = 0.45
    /// The least share of the query's character pairs a near match must contain.
    static let nearThreshold = 0.5
}
