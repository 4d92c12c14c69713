/// A list written with numbers in one cell, as guides print material lists: "1.申请书；2.营业执照复印件",
/// "1、居民身份证\n2、户口簿", "（1）申请表（2）身份证明", "①申请书②承诺书", "一、申请表；二、身份证明".
///
/// The entries are cut at the markers, numbered 1, 2, 3 … in one style, and never at the separators inside an
/// entry ("1、申请人身份证、户口簿" is one entry, as the guide numbers it). A marker counts only at the start of
/// the text, after a separator, white space or closing punctuation, or (1. 2. …) right after an entry's last
/// character ("1.申请书2.身份证"), and only when followed by something other than a digit ("1.5米" is not a
/// marker). Text that does not start with marker 1 and go on to marker 2 is not a numbered list ("一、二级建造师…"
/// names grades one and two), except one arabic, bracketed or circled entry holding no separator ("1、居民身份证").
enum NumberedList {
    /// The entries of a numbered list, without their markers and trailing separators; `nil` when `text` is not
    /// one.
    static func entries(_ text: String) -> [String]? {
        // Marker 1 starts with one of these: most list cells are ruled out without building characters.
        guard let first = text.unicodeScalars.first(where: { !$0.properties.isWhitespace }),
            first == "1" || first == "(" || first == "（" || first == "①" || first == "一"
        else { return nil }
        let characters = Array(text.trimmingWhitespace)
        guard let style = Style.allCases.first(where: { $0.marker(1, at: 0, in: characters) != nil }) else {
            return nil
        }
        var entries: [String] = []
        var start = style.marker(1, at: 0, in: characters) ?? 0
        var number = 2
        var at = start
        while at < characters.count {
            if style.mayStart(at: at, in: characters), let end = style.marker(number, at: at, in: characters) {
                entries.append(entry(characters[start..<at]))
                start = end
                at = end
                number += 1
                continue
            }
            at += 1
        }
        entries.append(entry(characters[start...]))
        let kept = entries.filter { !$0.isEmpty }
        guard number == 2 else { return kept.isEmpty ? nil : kept }
        // One marker only: a single entry, unless it holds separators (then it is no numbered list).
        guard style != .chinese, let only = kept.first, kept.count == 1,
            !only.contains(where: { "、，；,;\n".contains($0) })
        else { return nil }
        return kept
    }

    /// The pieces of a list split at its separators without their arabic numbers, when every piece starts with one
    /// ("1.申请书；3.身份证明" numbered out of order); `nil` otherwise.
    static func unnumbered(_ pieces: [String]) -> [String]? {
        guard pieces.count >= 2 else { return nil }
        var out: [String] = []
        for piece in pieces {
            let characters = Array(piece)
            let digits = characters.prefix { $0.isASCII && $0.isNumber }
            guard !digits.isEmpty, digits.count < characters.count - 1, ".．、)）".contains(characters[digits.count]),
                !characters[digits.count + 1].isNumber
            else { return nil }
            out.append(entry(characters[(digits.count + 1)...]))
        }
        return out.contains(where: \.isEmpty) ? nil : out
    }

    /// The styles of markers: the first marker fixes the style of the rest.
    enum Style: CaseIterable {
        /// 1. 1． 1、 1) 1）
        case arabic
        /// (1) （1）
        case bracketed
        /// ① ② … ⑳
        case circled
        /// 一、 二、 …
        case chinese
        /// （一） (一)
        case bracketedChinese

        /// The index just past marker `number` at `at`, or `nil` when there is none.
        func marker(_ number: Int, at: Int, in text: [Character]) -> Int? {
            guard at < text.count else { return nil }
            var end: Int?
            switch self {
            case .arabic:
                guard text[at].isASCII, text[at].isNumber else { return nil }
                let digits = Array(String(number))
                guard text.count > at + digits.count, Array(text[at..<at + digits.count]) == digits,
                    ".．、)）".contains(text[at + digits.count])
                else { return nil }
                end = at + digits.count + 1
            case .bracketed:
                guard text[at] == "(" || text[at] == "（" else { return nil }
                end = Self.enclosed(Array(String(number)), at: at, in: text)
            case .circled:
                guard number <= 20, at < text.count,
                    text[at].unicodeScalars.first?.value == 0x2460 + UInt32(number - 1)
                else { return nil }
                end = at + 1
            case .chinese:
                let numeral = Array(Self.chinese(number))
                guard text.count > at + numeral.count, Array(text[at..<at + numeral.count]) == numeral,
                    text[at + numeral.count] == "、"
                else { return nil }
                end = at + numeral.count + 1
            case .bracketedChinese:
                end = Self.enclosed(Array(Self.chinese(number)), at: at, in: text)
            }
            guard let end, end < text.count, !text[end].isNumber || self == .circled || self == .chinese else {
                return nil
            }
            return end
        }

        /// Whether a marker of this style may start at `at`: bracketed and circled markers stand apart by
        /// themselves; "一、" must follow a boundary; "2." a boundary or an ideograph other than 第 ("申请书2.身份证",
        /// but not "第2.3条").
        func mayStart(at: Int, in text: [Character]) -> Bool {
            switch self {
            case .bracketed, .circled, .bracketedChinese: return true
            case .chinese: return NumberedList.isBoundary(text, before: at)
            case .arabic:
                guard !NumberedList.isBoundary(text, before: at) else { return true }
                let previous = text[at - 1]
                return previous != "第"
                    && previous.unicodeScalars.first.map { (0x4E00...0x9FFF).contains($0.value) } == true
            }
        }

        /// 1 … 99 in Chinese numerals as lists number their entries: 一, 十, 十一, 二十, 二十一.
        static func chinese(_ number: Int) -> String {
            let digits = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
            guard number < 100 else { return "〇" }  // no list numbers past 九十九 this way
            guard number >= 10 else { return digits[number] }
            return (number >= 20 ? digits[number / 10] : "") + "十" + digits[number % 10]
        }

        /// The index past "(label)" or "（label）" at `at`.
        private static func enclosed(_ label: [Character], at: Int, in text: [Character]) -> Int? {
            guard text.count > at + label.count + 1, "(（".contains(text[at]),
                Array(text[at + 1..<at + 1 + label.count]) == label, ")）".contains(text[at + 1 + label.count])
            else { return nil }
            return at + label.count + 2
        }
    }

    /// Whether a marker may start at `at`: at the start, or after white space, a separator or closing punctuation.
    static func isBoundary(_ text: [Character], before at: Int) -> Bool {
        at == 0 || text[at - 1].isWhitespace || "、，；,;。.:：)）】]》”\"'".contains(text[at - 1])
    }

    /// An entry without surrounding white space and trailing separators.
    static func entry(_ characters: ArraySlice<Character>) -> String {
        var text = String(characters).trimmingWhitespace
        while let last = text.last, "、，；,;。".contains(last) {
            text.removeLast()
            text = text.trimmingWhitespace
        }
        return text
    }
}
