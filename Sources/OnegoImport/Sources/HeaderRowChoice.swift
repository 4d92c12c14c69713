import Foundation

/// How a worksheet's or CSV file's header row is found: offices' lists open with a title (often merged across the
/// columns), a "填报单位：… 填报日期：…" line or notes above the header.
///
/// The header is the first row holding two or more different values and, when the profile's table names its keys,
/// at least two of them. When no row within ``lookahead`` rows (or the whole table) names two keys, the first row of
/// two different values is the header (however far down it comes), so a table in an unknown layout still reports
/// its unknown headers; with no such row in the whole table, the first row. Rows above the header that hold a value are reported as skipped, never read silently.
struct HeaderRowChoice {
    /// The header texts the profile's table knows; empty for any.
    let knownHeaders: Set<String>
    /// The known headers by their ``loose(_:)`` form, for headers written with line breaks or other brackets.
    private let byLooseForm: [String: String]

    init(knownHeaders: Set<String>) {
        self.knownHeaders = knownHeaders
        var byLooseForm: [String: String] = [:]
        for header in knownHeaders.sorted() {
            byLooseForm[Self.loose(header)] = byLooseForm[Self.loose(header)] ?? header
        }
        self.byLooseForm = byLooseForm
    }

    /// The profile's spelling of a header written differently only in whitespace (a line break typed in the cell,
    /// "事项\n名称") or in full-width against half-width forms ("时限(工作日)" for "时限（工作日）"); `nil` when the
    /// header is known as written or not known at all.
    func profileSpelling(of header: String) -> String? {
        guard !knownHeaders.contains(header), let known = byLooseForm[Self.loose(header)] else { return nil }
        return known
    }

    /// The profile's spelling of `header` when the profile knows it, as written or written loosely; `nil` otherwise.
    func known(_ header: String) -> String? {
        knownHeaders.contains(header) ? header : profileSpelling(of: header)
    }

    /// The note for a header read in the profile's spelling.
    static func spellingNote(_ written: String, _ known: String) -> String {
        let shown = written.replacingOccurrences(of: "\r\n", with: "↵").replacingOccurrences(of: "\n", with: "↵")
        return "表头“\(shown)”按导入配置的“\(known)”读取（只差空白、换行、全角半角、大小写或下划线）"
    }

    /// `text` without whitespace and with full-width ASCII forms as ASCII.
    /// ASCII letters are compared without case and `_`, `-` dropped, so keys written in another convention
    /// (`task_code`, `taskCode` for `TASK_CODE`) are read too.
    static func loose(_ text: String) -> String {
        let half = ValueParser.halfWidth(text) ?? text
        var scalars = String.UnicodeScalarView()
        for scalar in half.unicodeScalars where !scalar.properties.isWhitespace && scalar != "_" && scalar != "-" {
            if scalar.value >= 0x41 && scalar.value <= 0x5A, let lower = Unicode.Scalar(scalar.value + 0x20) {
                scalars.append(lower)
            } else {
                scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    /// The header names of a row, each in the profile's spelling where it differs only loosely, unless the row
    /// also holds the profile's spelling itself (two columns must not become one): the names and the columns whose
    /// spelling changed.
    func headerNames(_ written: [String]) -> (names: [String], respelled: [Int]) {
        let present = Set(written)
        var names = written
        var respelled: [Int] = []
        for (index, name) in written.enumerated() {
            guard let known = profileSpelling(of: name), !present.contains(known) else { continue }
            names[index] = known
            respelled.append(index)
        }
        return (names, respelled)
    }

    /// How many rows are searched for one naming the profile's keys before the fallback is taken.
    static let lookahead = 30

    /// Whether a row of these values is the header as soon as it is seen.
    func isHeader(_ values: [String]) -> Bool {
        let distinct = Self.distinct(values)
        return distinct.count >= 2
            && (knownHeaders.isEmpty
                || distinct.count { knownHeaders.contains($0) || profileSpelling(of: $0) != nil } >= 2)
    }

    /// Whether a row of these values may be the fallback header: two different values or more. Readers note the
    /// first such row as rows come, so the search past ``lookahead`` does not go over the kept rows again.
    static func isCandidate(_ values: [String]) -> Bool {
        distinct(values).count >= 2
    }

    /// The note for a row above the header, or `nil` when the row holds no value.
    static func skippedMessage(row: Int, values: [String]) -> String? {
        var seen: Set<String> = []
        let shown = values.map(\.trimmingWhitespace).filter { !$0.isEmpty && seen.insert($0).inserted }
        guard !shown.isEmpty else { return nil }
        let text = shown.joined(separator: " ").replacingOccurrences(of: "\r\n", with: "↵")
            .replacingOccurrences(of: "\n", with: "↵")
        return "第 \(row) 行在表头之上，作为标题或说明跳过，未作为数据读取：“\(text.count > 60 ? text.prefix(60) + "…" : text)”"
    }

    private static func distinct(_ values: [String]) -> Set<String> {
        Set(values.lazy.map(\.trimmingWhitespace).filter { !$0.isEmpty })
    }
}
