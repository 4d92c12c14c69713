import Foundation

/// The value parsers a profile may name for a field (documented in `Schemas/import-profile.xsd`).
public enum ValueParser: String, Sendable, Hashable, CaseIterable {
    /// Text as it is, trimmed.
    case text
    /// A whole number ("0", "1次").
    case integer
    /// A decimal number.
    case decimal
    /// A number with a unit: "30(工作日)", "7个工作日", "2小时", "即办", "当场办结".
    case timeLimit
    /// 是/否, 1/0, Y/N, true/false, 有/无.
    case yesNo
    /// A list split on 、，；,; and line breaks.
    case list
    /// A list of phone numbers with extensions and hotlines.
    case phones
    /// A 31- or 33-character implementation code; 33 splits into 实施编码 and 业务办理项编码.
    case implementationCode
    /// A region code: 6 or 12 digits (non-digits dropped).
    case region
    /// Legal provisions, one per line: `《法律名称》第几条：条文` (the template's lossless form).
    case provisions
    /// Special procedures, one per line: `听证（20个工作日）：说明`.
    case procedures
    /// Process steps, one per line: `受理（1个工作日）：窗口受理人员`.
    case steps

    /// Parses yes/no text; `nil` when it is neither.
    public static func yesNo(_ text: String) -> Bool? {
        // 是 and 否 as the template writes them, compared as bytes before any trimming or case folding.
        if text.utf8.elementsEqual("是".utf8) { return true }
        if text.utf8.elementsEqual("否".utf8) { return false }
        return switch text.trimmingCharacters(in: .whitespaces).lowercased() {
        case "是", "1", "y", "yes", "true", "有", "√", "支持", "可以": true
        case "否", "0", "n", "no", "false", "无", "×", "不支持", "不可以": false
        default: nil
        }
    }

    /// Yes/no text followed by an explanation in brackets or after a separator ("是(全程网办)", "否，需到现场核验"):
    /// the flag and the explanation; `nil` when the text does not start with a yes/no word so followed.
    public static func leadingYesNo(_ text: String) -> (flag: Bool, rest: String)? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        for word in ["不支持", "不可以", "支持", "可以", "是", "否", "有", "无"] where trimmed.hasPrefix(word) {
            let rest = trimmed.dropFirst(word.count)
            guard let first = rest.first, "(（,，;；:：。 ".contains(first), let flag = yesNo(word) else { return nil }
            return (flag, String(rest).trimmingCharacters(in: .whitespaces))
        }
        return nil
    }

    /// Whether the parser reads a code or a number, whose full-width characters ("１次", "４４０１０６") are read
    /// as their ASCII forms.
    var readsHalfWidth: Bool {
        switch self {
        case .integer, .decimal, .yesNo, .implementationCode, .region: true
        default: false
        }
    }

    /// `text` with full-width ASCII forms (U+FF01–U+FF5E) and the ideographic space as their ASCII characters;
    /// `nil` when it has none, so the common text costs one pass over its bytes.
    public static func halfWidth(_ text: String) -> String? {
        // Full-width forms are EF BC xx / EF BD xx in UTF-8, the ideographic space E3 80 80.
        guard text.utf8.contains(where: { $0 == 0xEF || $0 == 0xE3 }) else { return nil }
        var changed = false
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if (0xFF01...0xFF5E).contains(scalar.value), let ascii = Unicode.Scalar(scalar.value - 0xFEE0) {
                scalars.append(ascii)
                changed = true
            } else if scalar.value == 0x3000 {
                scalars.append(" ")
                changed = true
            } else {
                scalars.append(scalar)
            }
        }
        return changed ? String(scalars) : nil
    }

    /// Splits a list on 、，；,; and line breaks, dropping empty pieces. A list written one entry per line (JSON
    /// arrays, cells with line breaks) is split on the line breaks only, so a name holding 、 stays whole.
    /// A separator inside brackets belongs to the entry ("居民身份证（原件、复印件）").
    public static func split(_ text: String) -> [String] {
        let bracketed = ListSplitting.hasOpeningBracket(text)
        if !bracketed, let pieces = ListSplitting.splitOnBytes(text) {
            return pieces.map { $0.trimmingWhitespace }.filter { !$0.isEmpty }
        }
        let lineBreaks: Set<Character> = ["\n", "\r\n"]
        let separators: Set<Character> =
            text.contains(where: { lineBreaks.contains($0) }) ? lineBreaks : ["、", "，", "；", ",", ";", "|"]
        let pieces =
            bracketed
            ? ListSplitting.splitOutsideBrackets(text, separators: separators)
            : text.split(whereSeparator: { separators.contains($0) })
        return pieces.map { $0.trimmingWhitespace }.filter { !$0.isEmpty }
    }
}
