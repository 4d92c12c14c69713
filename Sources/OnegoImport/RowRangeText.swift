/// Rows written as ranges, as the import's report writes them: "1–10、12", "1、3、5 … 等".
enum RowRangeText {
    /// Ascending rows without repeats as ranges of consecutive rows.
    static func ranges(_ rows: [Int]) -> [ClosedRange<Int>] {
        var ranges: [ClosedRange<Int>] = []
        for row in rows {
            if let last = ranges.last, row == last.upperBound + 1 {
                ranges[ranges.count - 1] = last.lowerBound...row
            } else {
                ranges.append(row...row)
            }
        }
        return ranges
    }

    /// "第 1–10、12 行", or with more than `limit` ranges the first of them: "第 1、3、5 行等".
    static func text(_ ranges: [ClosedRange<Int>], limit: Int = 6) -> String {
        let shown = ranges.prefix(limit).map {
            $0.count == 1 ? "\($0.lowerBound)" : "\($0.lowerBound)–\($0.upperBound)"
        }
        return "第 \(shown.joined(separator: "、")) 行\(ranges.count > limit ? "等" : "")"
    }
}
