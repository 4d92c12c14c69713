/// A mapping from one office's source format to onego's fields: profiles are data (`Catalogs/profiles/*.xml`,
/// `Schemas/import-profile.xsd`), so a new format needs a profile file, not Swift code.
public struct ImportProfile: Sendable, Hashable {
    /// The profile's short name (`gdzwfw`).
    public var name: String
    /// What the profile reads, for people.
    public var title: String
    /// Values that mean "not given" ("无", "暂无", "/" …); empty text is always absent.
    public var absentValues: Set<String>
    /// Translation tables for code lists, by name: source value → onego value.
    public var codeLists: [String: [String: String]]
    /// The tables: one of items, and those joined to it.
    public var tables: [Table]

    /// Creates a profile.
    public init(
        name: String, title: String = "", absentValues: Set<String> = ImportProfile.defaultAbsentValues,
        codeLists: [String: [String: String]] = [:], tables: [Table] = []
    ) {
        self.name = name
        self.title = title
        self.absentValues = absentValues
        self.codeLists = codeLists
        self.tables = tables
    }

    /// "无", "暂无", "/", "-", "—", "无此项", "不涉及", "空".
    public static let defaultAbsentValues: Set<String> = ["无", "暂无", "/", "-", "—", "无此项", "空", "null", "NULL"]

    /// What a table holds.
    public enum Role: String, Sendable, Hashable, CaseIterable {
        /// One item per record.
        case items
        /// More fields of an item, joined on its id (the national `_extend` table).
        case itemDetails
        /// Materials of an item, one per record.
        case materials
        /// Results of an item, one per record.
        case results
        /// Fee items of an item, one per record.
        case fees
    }

    /// One table of the source: which sheet or file it is, and its fields.
    public struct Table: Sendable, Hashable {
        /// What the records are.
        public var role: Role
        /// The worksheet name, for workbooks.
        public var sheet: String?
        /// A file-name pattern (`*`, `?`) for CSV and JSON sources.
        public var filePattern: String?
        /// For items: the keys whose value identifies a record, first non-empty wins (joins use it).
        public var idKeys: [String]
        /// For joined tables: the keys holding the item's id.
        public var parentKeys: [String]
        /// The fields.
        public var fields: [Field]
        /// Keys known to carry nothing onego keeps (not reported as unknown).
        public var ignoredKeys: Set<String>

        /// Creates a table.
        public init(
            role: Role, sheet: String? = nil, filePattern: String? = nil, idKeys: [String] = [],
            parentKeys: [String] = [], fields: [Field] = [], ignoredKeys: Set<String> = []
        ) {
            self.role = role
            self.sheet = sheet
            self.filePattern = filePattern
            self.idKeys = idKeys
            self.parentKeys = parentKeys
            self.fields = fields
            self.ignoredKeys = ignoredKeys
        }

        /// Every header text the table names: its fields' keys, its id and parent keys and its ignored keys. A
        /// worksheet's header row is the first that holds two of them.
        public var knownKeys: Set<String> {
            ignoredKeys.union(idKeys).union(parentKeys).union(fields.lazy.flatMap(\.keys))
        }
    }

    /// One onego field: where its value comes from and how it is read.
    public struct Field: Sendable, Hashable {
        /// The onego field (see ``FieldTarget``).
        public var target: FieldTarget
        /// The source keys or headers, first present wins.
        public var keys: [String]
        /// How the text is read.
        public var parser: ValueParser
        /// The code list translating the value, if any.
        public var codeList: String?
        /// Prefixes removed before parsing ("办理地点：").
        public var stripPrefixes: [String]
        /// The value used when the source gives none; every use is reported.
        public var defaultValue: String?
        /// Whether a record without it is rejected.
        public var isRequired: Bool
        /// The unit for bare numbers (time limits).
        public var unit: String?
        /// For time limits: the keys of a column holding the unit code (national tables: 1 工作日, 2 自然日 …),
        /// read through ``unitCodeList``.
        public var unitKeys: [String] = []
        /// The code list translating ``unitKeys`` values into 工作日, 自然日, 小时, 分钟.
        public var unitCodeList: String?

        /// Creates a field.
        public init(
            target: FieldTarget, keys: [String], parser: ValueParser = .text, codeList: String? = nil,
            stripPrefixes: [String] = [], defaultValue: String? = nil, isRequired: Bool = false, unit: String? = nil
        ) {
            self.target = target
            self.keys = keys
            self.parser = parser
            self.codeList = codeList
            self.stripPrefixes = stripPrefixes
            self.defaultValue = defaultValue
            self.isRequired = isRequired
            self.unit = unit
        }
    }

    /// The table of items.
    public var itemTable: Table? { tables.first { $0.role == .items } }
}

/// Whether `name` matches a simple glob (`*` any run, `?` one character).
func globMatches(_ pattern: String, _ name: String) -> Bool {
    let p = Array(pattern.lowercased())
    let n = Array(name.lowercased())
    var memo: [Int: Bool] = [:]
    func match(_ i: Int, _ j: Int) -> Bool {
        let key = i * (n.count + 1) + j
        if let known = memo[key] { return known }
        let result: Bool
        if i == p.count {
            result = j == n.count
        } else if p[i] == "*" {
            result = match(i + 1, j) || (j < n.count && match(i, j + 1))
        } else {
            result = j < n.count && (p[i] == "?" || p[i] == n[j]) && match(i + 1, j + 1)
        }
        memo[key] = result
        return result
    }
    return match(0, 0)
}
