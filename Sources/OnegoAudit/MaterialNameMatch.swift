import Foundation

/// Normalising material names so that spelling variants compare equal, and spotting near-duplicates.
public enum MaterialNameMatch {
    /// Trims, drops white space and punctuation, maps full-width forms to half-width and letters to lower case:
    /// “ 营业执照（副本）” and “营业执照(副本)” normalise the same.
    public static func normalised(_ name: String) -> String {
        var result = ""
        result.reserveCapacity(name.utf8.count)
        for scalar in name.unicodeScalars {
            var value = scalar.value
            // Full-width ASCII variants (！ … ～) and the ideographic space.
            if (0xFF01...0xFF5E).contains(value) { value -= 0xFEE0 }
            if value == 0x3000 { value = 0x20 }
            guard let mapped = Unicode.Scalar(value) else { continue }
            if mapped.properties.isWhitespace { continue }
            if ignoredPunctuation.contains(mapped) { continue }
            result.unicodeScalars.append(contentsOf: String(mapped).lowercased().unicodeScalars)
        }
        return result
    }

    private static let ignoredPunctuation: Set<Unicode.Scalar> = [
        "(", ")", "[", "]", "{", "}", "<", ">", "\"", "'", ",", ".", ";", ":", "!", "?", "-", "_", "/", "\\",
        "、", "，", "。", "；", "：", "“", "”", "‘", "’", "《", "》", "【", "】", "〔", "〕", "·", "—",
    ]

    /// Qualifiers that do not change which document is meant.
    static let qualifiers = ["复印件", "原件", "扫描件", "电子版", "电子件", "纸质版", "一份", "材料"]

    /// Known synonyms, mapped onto one spelling.
    static let synonyms: [(String, String)] = [("居民身份证", "身份证"), ("户口本", "户口簿")]

    /// Whether two normalised names probably mean the same document: equal after dropping qualifiers and
    /// synonyms, one containing the other with at most two extra characters, or one character apart.
    public static func areNearDuplicates(_ a: String, _ b: String) -> Bool {
        let x = reduced(a)
        let y = reduced(b)
        if x == y { return true }
        let (short, long) = x.count <= y.count ? (x, y) : (y, x)
        if short.count >= 4 && long.count - short.count <= 2 && long.contains(short) { return true }
        if short.count >= 5 && long.count == short.count && differsByOne(Array(short), Array(long)) { return true }
        return false
    }

    private static func reduced(_ name: String) -> String {
        var s = name
        for (long, short) in synonyms { s = s.replacingOccurrences(of: long, with: short) }
        for qualifier in qualifiers where s.count > qualifier.count + 1 {
            s = s.replacingOccurrences(of: qualifier, with: "")
        }
        return s
    }

    private static func differsByOne(_ a: [Character], _ b: [Character]) -> Bool {
        zip(a, b).reduce(0) { $0 + ($1.0 == $1.1 ? 0 : 1) } == 1
    }
}
