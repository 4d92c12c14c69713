public import OnegoCatalog
public import OnegoComposer

/// The search data as plain records, for a search that runs elsewhere (the handbook site's script): the same
/// documents, field weights, pinyin readings and related words as ``SearchIndex``.
public enum SearchExport {
    /// One item or matter: what a hit shows, the audiences it serves, and its texts by field.
    public struct Record: Sendable, Hashable, Encodable {
        /// `item` or `matter`.
        public var kind: String
        /// The identifying code.
        public var code: String
        /// The name.
        public var name: String
        /// The department (lead department of a matter).
        public var department: String
        /// The service objects.
        public var audiences: [String]
        /// Further codes matched by prefix (implementation and basic codes).
        public var codes: [String]
        /// `[field number, text]` pairs; field numbers index ``fields``.
        public var texts: [[String]]
    }

    /// One field: its label, weight (out of 100 for a whole-name match), and whether near and pinyin matches count.
    public struct Field: Sendable, Hashable, Encodable {
        /// The Chinese label (`名称`, `关键词` …).
        public var label: String
        /// The weight.
        public var weight: Double
        /// Whether near matches (shared character pairs) count.
        public var near: Bool
        /// Whether pinyin and initials count.
        public var pinyin: Bool
    }

    /// The searchable fields, in the order the record's field numbers use.
    public static let fields: [Field] = SearchField.allCases.map {
        Field(label: $0.label, weight: $0.weight, near: $0.allowsNearMatch, pinyin: $0.allowsPinyin)
    }

    /// The record of an item.
    public static func record(_ item: ServiceItem) -> Record { record(SearchDocument(item: item)) }

    /// The record of a matter (its members looked up in `catalog`).
    public static func record(_ matter: Matter, catalog: Catalog) -> Record {
        record(SearchDocument(matter: matter, catalog: catalog))
    }

    static func record(_ document: SearchDocument) -> Record {
        var seen = Set<String>()
        var texts: [[String]] = []
        for text in document.texts where seen.insert("\(text.field.rawValue) \(text.text)").inserted {
            texts.append([String(text.field.rawValue), text.text])
        }
        return Record(
            kind: document.kind == .item ? "item" : "matter", code: document.code, name: document.name,
            department: document.department ?? "", audiences: document.audiences,
            codes: Array(Set(document.codes.filter { !$0.isEmpty && $0 != document.code })).sorted(), texts: texts)
    }

    /// The pinyin table's text (`SYLLABLE CHARS` lines, `+SYLLABLE` for a further reading).
    public static var pinyinText: String { String(decoding: PackageResources.pinyin_txt, as: UTF8.self) }

    /// The related-word groups.
    public static var relatedWordGroups: [[String]] { RelatedWords.shared.groups }
}
