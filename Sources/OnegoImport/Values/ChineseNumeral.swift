/// Amounts written in Chinese numerals, as guides print them: "十五个工作日", "二十日", "两小时", "半个工作日",
/// "一个半小时", "零次".
///
/// Only the exact forms are read: digits 零〇一二两三四五六七八九, the multipliers 十百千 in their usual order
/// ("二十五", "一百零五", "十五", and as spoken "一百一" = 110, "两千五" = 2,500), and 半 for a half ("半个工作日" = 0.5, "一个半小时" = 1.5). Anything else (万, 廿,
/// a digit string such as "一五", a multiplier out of order) is not a numeral here, so the caller reports the
/// value instead of reading a guess.
public enum ChineseNumeral {
    private static let digits: [Character: Int] = [
        "零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
    ]
    private static let multipliers: [Character: Int] = ["十": 10, "百": 100, "千": 1_000]

    /// The amount the text starts with and how many characters it takes, or `nil` when it does not start with a
    /// numeral. A trailing "个半" adds a half; a leading "半" (before 个 or a unit) is 0.5.
    public static func leading(_ text: Substring) -> (value: Double, length: Int)? {
        let characters = Array(text)
        if characters.first == "半" { return (0.5, 1) }
        guard let (whole, used) = wholeNumber(characters) else { return nil }
        let rest = characters[used...]
        if rest.starts(with: ["个", "半"]) { return (Double(whole) + 0.5, used + 2) }
        return (Double(whole), used)
    }

    /// A whole number below ten thousand in the usual form: each multiplier smaller than the one before, a digit
    /// before every multiplier but a leading 十, 零 only between a multiplier and a smaller term. A lone 零 is zero.
    static func wholeNumber(_ characters: [Character]) -> (value: Int, length: Int)? {
        guard let first = characters.first else { return nil }
        if digits[first] == 0 { return (0, 1) }
        var total = 0
        var pendingDigit: Int?
        var lastMultiplier = 10_000
        var length = 0
        var zeroAt: Int?
        for character in characters {
            if let digit = digits[character] {
                guard pendingDigit == nil else { break }  // "一五": not a numeral in the usual form
                if digit == 0 {
                    guard lastMultiplier < 10_000, zeroAt == nil else { break }
                    zeroAt = length
                } else {
                    pendingDigit = digit
                }
            } else if let multiplier = multipliers[character], multiplier < lastMultiplier {
                guard let digit = pendingDigit ?? (length == 0 && multiplier == 10 ? 1 : nil) else { break }
                total += digit * multiplier
                lastMultiplier = multiplier
                pendingDigit = nil
                zeroAt = nil
            } else {
                break
            }
            length += 1
        }
        // A 零 with no term after it ("二十零个") is not part of the number.
        if let zeroAt, pendingDigit == nil { length = zeroAt }
        guard length > 0 else { return nil }
        // A digit right after 百 or 千 counts the next place down, as spoken: 一百一 = 110, 两千五 = 2,500.
        if let digit = pendingDigit, zeroAt == nil, lastMultiplier >= 100, lastMultiplier < 10_000 {
            return (total + digit * lastMultiplier / 10, length)
        }
        return (total + (pendingDigit ?? 0), length)
    }
}
