public import OnegoBase

/// One line of an import's findings counted by kind: how many findings of one severity and rule touched one field,
/// in which sources and rows. An import of thousands of rows prints tens of thousands of findings; the tally is
/// what an officer reads first to see what the source lacks ("承诺时限未公布：539 行").
public struct ImportTally: Sendable, Hashable {
    /// The severity of the findings.
    public var severity: Severity
    /// Their rule.
    public var rule: RuleID
    /// The onego field they concern (`promisedLimit` …), or `nil` for findings about a whole row or source.
    public var field: String?
    /// How many findings, a finding kept once for several rows (``ImportDiagnostic/rows``) counted once a row.
    public var count: Int
    /// Where they are, by source (and sheet) in order of first finding; a finding about a whole source adds its
    /// place without a row.
    public var places: [Rows]

    /// The rows of one source (and sheet) with findings of a kind.
    public struct Rows: Sendable, Hashable {
        /// `source` or `source[sheet]`.
        public var place: String
        /// The rows, ascending, without repeats (empty for findings about the whole source).
        public var rows: [Int]
    }

    /// The findings of `diagnostics` counted by severity, rule and field: errors first, then warnings, then notes,
    /// each by count (most first), then rule and field.
    public static func tally(_ diagnostics: [ImportDiagnostic]) -> [ImportTally] {
        struct Key: Hashable {
            var severity: Severity
            var rule: RuleID
            var field: String?
        }
        var order: [Key] = []
        var counts: [Key: Int] = [:]
        var places: [Key: [Rows]] = [:]
        for diagnostic in diagnostics {
            let key = Key(severity: diagnostic.severity, rule: diagnostic.rule, field: diagnostic.field)
            if counts[key] == nil { order.append(key) }
            counts[key, default: 0] += diagnostic.count
            let place = diagnostic.sheet.map { "\(diagnostic.source)[\($0)]" } ?? diagnostic.source
            var list = places[key] ?? []
            let index =
                list.firstIndex { $0.place == place }
                ?? {
                    list.append(Rows(place: place, rows: []))
                    return list.count - 1
                }()
            for range in diagnostic.rows { list[index].rows += range }
            places[key] = list
        }
        let tallies = order.map { key in
            ImportTally(
                severity: key.severity, rule: key.rule, field: key.field, count: counts[key] ?? 0,
                places: (places[key] ?? []).map { Rows(place: $0.place, rows: Array(Set($0.rows)).sorted()) })
        }
        return tallies.sorted { a, b in
            if a.severity != b.severity { return a.severity < b.severity }
            if a.count != b.count { return a.count > b.count }
            return (a.rule.rawValue, a.field ?? "") < (b.rule.rawValue, b.field ?? "")
        }
    }

    /// One line of the text report: "警告 539 处 [import.value.not-published] promisedLimit：事项.xlsx[事项] 第 2–40 行等".
    public var line: String {
        let subject = field.map { " \($0)" } ?? ""
        return "\(severity.label) \(count) 处 [\(rule)]\(subject)：\(rowRanges())"
    }

    /// The rows as ranges, at most `limit` of them per source: "事项.xlsx[事项] 第 1–10、12 行", "… 第 1、3、5 行等".
    public func rowRanges(limit: Int = 6) -> String {
        places.map { place in
            place.rows.isEmpty
                ? place.place : "\(place.place) \(RowRangeText.text(RowRangeText.ranges(place.rows), limit: limit))"
        }.joined(separator: "；")
    }
}
