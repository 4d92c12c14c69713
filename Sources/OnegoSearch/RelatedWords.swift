/// Groups of words an applicant uses for the same thing (`饭店` ~ `餐饮店`), read from the embedded
/// `Resources/related-words.txt`; a query is also tried with such words replaced.
struct RelatedWords: Sendable {
    /// Each group's words.
    let groups: [[String]]
    /// Groups by the first character of each of their words: a group can apply to a text only through a word whose
    /// first character the text holds.
    let groupsByFirst: [Unicode.Scalar: [Int]]
    /// Each group's words as scalar values when they are plain (``PlainText``), for a containment test without
    /// `String` searching.
    let plainGroups: [[[UInt32]?]]

    /// The shipped list.
    static let shared = RelatedWords(text: String(decoding: PackageResources.related_words_txt, as: UTF8.self))

    /// Parses one group per line, words separated by spaces; `#` starts a comment.
    init(text: String) {
        groups = text.split(separator: "\n").compactMap { line in
            guard !line.hasPrefix("#") else { return nil }
            let words = line.split(separator: " ").map(String.init)
            return words.count > 1 ? words : nil
        }
        var groupsByFirst: [Unicode.Scalar: [Int]] = [:]
        for (index, group) in groups.enumerated() {
            for first in Set(group.compactMap(\.unicodeScalars.first)) {
                groupsByFirst[first, default: []].append(index)
            }
        }
        self.groupsByFirst = groupsByFirst
        plainGroups = groups.map { $0.map(PlainText.scalars) }
    }

    /// The query with one or two related-word replacements, longest replaced words first, without the query itself;
    /// at most `limit` variants.
    func variants(of query: String, limit: Int = 24) -> [String] {
        var found: [String] = []
        var frontier = [query]
        for _ in 0..<2 {
            var next: [String] = []
            for text in frontier {
                let candidates = Set(text.unicodeScalars.flatMap { groupsByFirst[$0] ?? [] }).sorted()
                let plainText = PlainText.scalars(of: text)
                for index in candidates {
                    let group = groups[index]
                    let plain = plainGroups[index]
                    func textContains(_ word: Int) -> Bool {
                        PlainText.contains(text, plainText, group[word], plain[word])
                    }
                    for word in group.indices where textContains(word) {
                        for other in group.indices
                        where other != word
                            && group[other] != group[word]
                            && !(PlainText.contains(group[other], plain[other], group[word], plain[word])
                                && textContains(other))
                        {
                            let variant = text.replacing(group[word], with: group[other])
                            if variant != query && !found.contains(variant) {
                                found.append(variant)
                                next.append(variant)
                                if found.count >= limit { return found }
                            }
                        }
                    }
                }
            }
            frontier = next
        }
        return found
    }
}

/// Containment between texts made only of characters that are one scalar each and canonically equal only to
/// themselves (CJK unified ideographs of the basic block and extension A, printable ASCII): for such texts,
/// `String.contains` (which compares characters up to canonical equivalence) is a plain search of scalars.
enum PlainText {
    /// The scalar values of `text`, or nil when any character is not plain.
    static func scalars(of text: String) -> [UInt32]? {
        var values: [UInt32] = []
        for scalar in text.unicodeScalars {
            let value = scalar.value
            guard
                (0x4E00...0x9FFF).contains(value) || (0x3400...0x4DBF).contains(value) || (0x20...0x7E).contains(value)
            else { return nil }
            values.append(value)
        }
        return values
    }

    /// `haystack.contains(needle)`, by scalars when both are plain.
    static func contains(_ haystack: String, _ plainHaystack: [UInt32]?, _ needle: String, _ plainNeedle: [UInt32]?)
        -> Bool
    {
        guard let plainHaystack, let plainNeedle else { return haystack.contains(needle) }
        return plainNeedle.isEmpty || SearchText.firstOffset(of: plainNeedle, in: plainHaystack) != nil
    }
}
