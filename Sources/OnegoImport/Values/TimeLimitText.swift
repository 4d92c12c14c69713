import Foundation
public import OnegoCatalog

/// A time limit as printed by portals and spreadsheets: "30(工作日)", "7个工作日", "2小时", "十五个工作日",
/// "即办", "当场办结", "无".
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
        // The amount and unit are read from a half-width copy; the note keeps the source's own characters.
        let source = Array(raw)
        let mapped = source.map { PhoneNumber.halfWidth($0) }
        guard let first = mapped.firstIndex(where: { !$0.isWhitespace }),
            let last = mapped.lastIndex(where: { !$0.isWhitespace })
        else { return .absent }
        let text = String(mapped[first...last])
        let original = Array(source[first...last])
        if notPublishedWords.contains(text) { return .absent }
        if onTheSpotWords.contains(where: { text.hasPrefix($0) }) { return .onTheSpot }
        guard let (value, unit, consumed) = head(text, defaultUnit: defaultUnit) else { return nil }
        let rounded = (value * 100).rounded() / 100
        let note = Self.note(String(original.dropFirst(consumed)))
        return .limit(TimeLimit(rounded, unit, note: note.isEmpty ? nil : note))
    }

    /// The leading amount and unit of a half-width text, and how many characters they take (with the brackets of
    /// "30(工作日)").
    private static func head(_ text: String, defaultUnit: TimeUnit) -> (Double, TimeUnit, Int)? {
        var index = text.startIndex
        while index < text.endIndex, text[index].isASCII, text[index].isNumber || text[index] == "." {
            index = text.index(after: index)
        }
        let value: Double
        if index > text.startIndex {
            guard let number = Double(text[..<index]), number.isFinite, number >= 0 else { return nil }
            value = number
        } else {
            guard let (number, length) = ChineseNumeral.leading(Substring(text)) else { return nil }
            value = number
            index = text.index(index, offsetBy: length)
        }
        var rest = Substring(text[index...])
        while rest.first == " " { rest.removeFirst() }
        if rest.hasPrefix("(") { rest.removeFirst() }
        if rest.hasPrefix("个") { rest.removeFirst() }
        let units: [(String, TimeUnit)] = [
            ("工作日", .workingDays), ("自然日", .naturalDays), ("日历日", .naturalDays), ("天", .naturalDays),
            ("日", .naturalDays), ("小时", .hours), ("时", .hours), ("分钟", .minutes),
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
        return (value, unit, text.distance(from: text.startIndex, to: rest.startIndex))
    }

    /// The text after the limit as its note: leading separators dropped, and a closing bracket dropped only when
    /// the note does not open one (`30(工作日，不含公示时间)`) or wraps the whole note, so a note's own brackets
    /// stay whole.
    private static func note(_ tail: String) -> String {
        var note = Substring(tail)
        while let first = note.first, " ,，;；。、".contains(first) || first.isWhitespace { note.removeFirst() }
        while let last = note.last, last.isWhitespace { note.removeLast() }
        let opens = note.count { $0 == "(" || $0 == "（" }
        let closes = note.count { $0 == ")" || $0 == "）" }
        if closes > opens, let last = note.last, last == ")" || last == "）" { note.removeLast() }
        // A note wholly in one pair of brackets: `10个工作日（不含专家评审时间）`.
        if opens == 1, closes == 1, let first = note.first, first == "(" || first == "（",
            let last = note.last, last == ")" || last == "）"
        {
            note = note.dropFirst().dropLast()
        }
        return String(note)
    }
}
