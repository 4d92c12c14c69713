/// Groups of words an applicant uses for the same thing (`饭店` ~ `餐饮店`), read from the embedded
/// `Resources/related-words.txt`; a query is also tried with such words replaced.
struct RelatedWords: Sendable {
    /// Each group's words.
    let groups: [[String]]
    /// Groups by the first character of each of their words: a group can apply to a text only through a word whose
    /// first character the text holds.
    let groupsByFirst: [Unicode.Scalar: [Int]]

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
                for group in candidates.map({ groups[$0] }) {
                    for word in group where text.contains(word) {
                        for other in group where other != word && !(other.contains(word) && text.contains(other)) {
                            let variant = text.replacing(word, with: other)
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
