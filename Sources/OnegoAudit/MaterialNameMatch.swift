import Foundation
import OnegoComposer

/// Normalising material names so that spelling variants compare equal, and spotting near-duplicates.
public enum MaterialNameMatch {
    /// Trims, drops white space and punctuation, maps full-width forms to half-width and letters to lower case:
    /// “ 营业执照（副本）” and “营业执照(副本)” normalise the same.
    public static func normalised(_ name: String) -> String {
        cache.normalised(name)
    }

    /// The comparison keys of a material name: its normalised form and its reduced form, memoised because the same
    /// names recur on thousands of items of a large catalog (the audit spent two thirds of its time here).
    public static func keys(for name: String) -> (normalised: String, comparison: ComparisonKey) {
        cache.keys(name)
    }

    private static let cache = NameCache()

    fileprivate static func computeNormalised(_ name: String) -> String {
        // The composer's identity normalisation (white space, full-width forms, letter case), minus punctuation.
        var scalars = String.UnicodeScalarView()
        for scalar in MaterialName.normalized(name).lowercased().unicodeScalars
        where !ignoredPunctuation.contains(scalar) {
            scalars.append(scalar)
        }
        return String(scalars)
    }

    private static let ignoredPunctuation: Set<Unicode.Scalar> = [
        "(", ")", "[", "]", "{", "}", "<", ">", "\"", "'", ",", ".", ";", ":", "!", "?", "-", "_", "/", "\\",
        "、", "，", "。", "；", "：", "“", "”", "‘", "’", "《", "》", "【", "】", "〔", "〕", "·", "—",
    ]

    /// A thread-safe memo of name → keys, bounded so a hostile catalog of unique names cannot grow it without end.
    private final class NameCache: @unchecked Sendable {
        private let lock = NSLock()
        private var entries: [UTF8Key: (normalised: String, comparison: ComparisonKey)] = [:]

        func keys(_ name: String) -> (normalised: String, comparison: ComparisonKey) {
            let key = UTF8Key(name)
            if let known = lock.withLock({ entries[key] }) { return known }
            let normalised = MaterialNameMatch.computeNormalised(name)
            let made = (normalised, ComparisonKey(normalised))
            lock.withLock {
                if entries.count >= 100_000 { entries.removeAll(keepingCapacity: true) }
                entries[key] = made
            }
            return made
        }

        /// A string hashed and compared by its UTF-8 bytes: the memo only needs byte identity, and String's own
        /// hashing normalises Unicode first, which costs more than the work being memoised.
        struct UTF8Key: Hashable {
            let string: String

            init(_ string: String) { self.string = string }

            func hash(into hasher: inout Hasher) {
                var copy = string
                copy.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
            }

            static func == (lhs: UTF8Key, rhs: UTF8Key) -> Bool { lhs.string.utf8.elementsEqual(rhs.string.utf8) }
        }

        func normalised(_ name: String) -> String { keys(name).normalised }
    }

    /// Qualifiers that do not change which document is meant.
    static let qualifiers = ["复印件", "原件", "扫描件", "电子版", "电子件", "纸质版", "一份", "材料"]

    /// Known synonyms, mapped onto one spelling.
    static let synonyms: [(String, String)] = [("居民身份证", "身份证"), ("户口本", "户口簿")]

    /// Characters that name whose document it is (父/母, 夫/妻, 甲/乙 …): names differing only there are different
    /// documents.
    static let roleCharacters: Set<Character> = ["父", "母", "夫", "妻", "男", "女", "甲", "乙", "买", "卖", "出", "承"]

    /// Whether two normalised names probably mean the same document: equal once qualifiers (复印件, 原件 …) and
    /// known synonyms are dropped, or (six characters or more) one character apart where that character does not
    /// name a party. A name containing another (身份证件 / 配偶身份证件) is a different document and not reported.
    public static func areNearDuplicates(_ a: String, _ b: String) -> Bool {
        areNearDuplicates(ComparisonKey(a), ComparisonKey(b))
    }

    /// A normalised name reduced for near-duplicate comparison, computed once per material so comparing all pairs
    /// of an item's materials does not redo the string work for every pair.
    public struct ComparisonKey: Sendable, Hashable {
        let characters: [Character]

        /// Reduces a normalised name (see ``MaterialNameMatch/normalised(_:)``).
        public init(_ normalisedName: String) { characters = Array(MaterialNameMatch.reduced(normalisedName)) }
    }

    /// Whether two reduced names probably mean the same document (see ``areNearDuplicates(_:_:)-(String,String)``).
    public static func areNearDuplicates(_ x: ComparisonKey, _ y: ComparisonKey) -> Bool {
        if x == y { return true }
        guard x.characters.count == y.characters.count, x.characters.count >= 6 else { return false }
        var differing: (Character, Character)?
        for (a, b) in zip(x.characters, y.characters) where a != b {
            guard differing == nil else { return false }
            differing = (a, b)
        }
        guard let pair = differing else { return true }
        return !roleCharacters.contains(pair.0) && !roleCharacters.contains(pair.1)
    }

    private static func reduced(_ name: String) -> String {
        var s = name
        for (long, short) in synonyms { s = s.replacingOccurrences(of: long, with: short) }
        for qualifier in qualifiers where s.count > qualifier.count + 1 {
            s = s.replacingOccurrences(of: qualifier, with: "")
        }
        return s
    }
}
