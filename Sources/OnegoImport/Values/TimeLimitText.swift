import Foundation
public import OnegoCatalog

/// A time limit as printed by portals and spreadsheets: "30(工作日)", "7个工作日", "2小时", "即办", "当场办结", "无".
public enum TimeLimitText: Sendable, Hashable {
    /// An amount with a unit (the rest of the text, if any, kept as the note).
    case limit(TimeLimit)
    /// 即办 / 当场办结: finished on the spot.
    case onTheSpot
    /// Not given.
    case absent

    /// The words that mean "finished on the spot".
    public static let onTheSpotWords = ["即办", "当场办结", "当场办理", "立即办结", "即来即办", "当场"]

    /// The words that say the source publishes no limit (the template workbook writes 未公布).
    public static let notPublishedWords = ["未公布", "无", "暂无", "无承诺时限", "不承诺"]

    /// Parses `text`; `nil` when it is neither a limit nor one of the known words.
    public static func parse(_ raw: String, defaultUnit: TimeUnit = .workingDays) -> TimeLimitText? {
        let text = raw.map { PhoneNumber.halfWidth($0) }.reduce(into: "") { $0.append($1) }
            .trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty || notPublishedWords.contains(text) { return .absent }
        if onTheSpotWords.contains(where: { text.hasPrefix($0) }) { return .onTheSpot }
        // The leading amount.
        var index = text.startIndex
        while index < text.endIndex, text[index].isASCII, text[index].isNumber || text[index] == "." {
            index = text.index(after: index)
        }
        guard index > text.startIndex, let value = Double(text[..<index]), value.isFinite, value >= 0 else {
            return nil
        }
        var rest = String(text[index...]).trimmingCharacters(in: .whitespaces)
        if rest.hasPrefix("(") { rest.removeFirst() }
        if rest.hasPrefix("个") { rest.removeFirst() }
        let units: [(String, TimeUnit)] = [
            ("工作日", .workingDays), ("个工作日", .workingDays), ("自然日", .naturalDays), ("日历日", .naturalDays),
            ("天", .naturalDays), ("日", .naturalDays), ("小时", .hours), ("时", .hours), ("分钟", .minutes),
        ]
        var unit = defaultUnit
        var matched = rest.isEmpty
        for (word, candidate) in units where rest.hasPrefix(word) {
            unit = candidate
            rest.removeFirst(word.count)
            matched = true
            break
        }
        guard matched else { return nil }
        if rest.hasPrefix(")") { rest.removeFirst() }
        rest = rest.trimmingCharacters(in: CharacterSet(charactersIn: " ()（）,，;；。"))
        let rounded = (value * 100).rounded() / 100
        return .limit(TimeLimit(rounded, unit, note: rest.isEmpty ? nil : rest))
    }
}
