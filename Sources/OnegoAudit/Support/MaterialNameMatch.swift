import Foundation
import OnegoComposer

/// Normalising material names so that spelling variants compare equal, and spotting near-duplicates.
public enum MaterialNameMatch {
    /// Trims, drops white space and punctuation, maps full-width forms to half-width and letters to lower case:
    /// “ 营业执照（副本）” and “营业执照(副本)” normalise the same.
    public static func normalised(_ name: String) -> String {
        normalised(identity: MaterialName.normalized(name))
    }

    /// ``normalised(_:)`` of a name already normalised by the composer's ``MaterialName/normalized(_:)`` (white
    /// space, full-width forms, letter case): lower-cased, punctuation dropped.
    static func normalised(identity: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in identity.lowercased().unicodeScalars where !ignoredPunctuation.contains(scalar) {
            scalars.append(scalar)
        }
        return String(scalars)
    }

    private static let ignoredPunctuation: Set<Unicode.Scalar> = [
        "(", ")", "[", "]", "{", "}", "<", ">", "\"", "'", ",", ".", ";", ":", "!", "?", "-", "_", "/", "\\",
        "、", "，", "。", "；", "：", "“", "”", "‘", "’", "《", "》", "【", "】", "〔", "〕", "·", "—",
    ]

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

    static func reduced(_ name: String) -> String {
        if let plain = PlainScalars(name) { return plain.reduced() }
        return reducedThroughFoundation(name)
    }

    /// ``reduced(_:)`` by Foundation's search (canonically equivalent sequences match): for any name.
    static func reducedThroughFoundation(_ name: String) -> String {
        var s = name
        for (long, short) in synonyms { s = s.replacingOccurrences(of: long, with: short) }
        for qualifier in qualifiers where s.count > qualifier.count + 1 {
            s = s.replacingOccurrences(of: qualifier, with: "")
        }
        return s
    }

    /// The scalars of a name made only of scalars that are each a character of their own beside any other such
    /// scalar and their own canonical decomposition (printable ASCII, CJK unified ideographs, CJK symbols and
    /// punctuation, full-width forms). Such a name is decomposed already and its characters are its scalars, so
    /// Foundation's canonical search finds exactly the scalar sequences of the synonyms and qualifiers (themselves
    /// such scalars): ``reduced()`` replaces scalar by scalar without Foundation, whose search cost about 8 % of a
    /// warm audit's instructions (the edited file's material names) at 20,000 items. Other scalars do decompose to
    /// these (U+212A KELVIN SIGN to K, the CJK compatibility ideographs to unified ones), but a name holding one is
    /// not plain and goes through Foundation.
    struct PlainScalars {
        var scalars: [Unicode.Scalar]

        init?(_ name: String) {
            var scalars: [Unicode.Scalar] = []
            for scalar in name.unicodeScalars {
                guard Self.isPlain(scalar) else { return nil }
                scalars.append(scalar)
            }
            self.scalars = scalars
        }

        static func isPlain(_ scalar: Unicode.Scalar) -> Bool {
            switch scalar.value {
            // CJK symbols and punctuation less the tone marks U+302A–302F, which combine with what precedes them.
            case 0x20...0x7E, 0x3000...0x3029, 0x3030...0x303F, 0x4E00...0x9FFF, 0xFF01...0xFF60: true
            default: false
            }
        }

        /// Every synonym replaced, then every qualifier dropped while the name is longer than it by two, each left
        /// to right without overlaps, as ``reducedThroughFoundation(_:)`` does.
        func reduced() -> String {
            var s = scalars
            for (long, short) in synonyms {
                s = Self.replacing(Array(long.unicodeScalars), with: Array(short.unicodeScalars), in: s)
            }
            for qualifier in qualifiers {
                let pattern = Array(qualifier.unicodeScalars)
                if s.count > pattern.count + 1 { s = Self.replacing(pattern, with: [], in: s) }
            }
            var view = String.UnicodeScalarView()
            view.append(contentsOf: s)
            return String(view)
        }

        static func replacing(
            _ pattern: [Unicode.Scalar], with replacement: [Unicode.Scalar], in text: [Unicode.Scalar]
        ) -> [Unicode.Scalar] {
            guard let first = pattern.first, text.count >= pattern.count else { return text }
            var out: [Unicode.Scalar] = []
            var index = 0
            var copied = 0
            while index + pattern.count <= text.count {
                if text[index] == first, text[index..<index + pattern.count].elementsEqual(pattern) {
                    if out.isEmpty { out.reserveCapacity(text.count) }
                    out += text[copied..<index]
                    out += replacement
                    index += pattern.count
                    copied = index
                } else {
                    index += 1
                }
            }
            guard copied > 0 else { return text }
            out += text[copied...]
            return out
        }
    }
}
