import OnegoBase

/// The parsed records of one joined table (materials, results, fees, details) by parent id, each record parsed as
/// it comes and its cells let go, with the warnings about records that name no parent.
final class JoinedRecords {
    let table: ImportProfile.Table
    let profile: ImportProfile
    private let keys: TableKeys
    private var records: [String: [ParsedRecord]] = [:]
    private var order: [String] = []
    private var orphans: [ImportDiagnostic] = []

    init(table: ImportProfile.Table, profile: ImportProfile) {
        self.table = table
        self.profile = profile
        keys = TableKeys(table)
    }

    /// Parses `record` and files it under its parent id.
    func add(_ record: SourceRecord) {
        var parsed = ParsedRecord(record: record, table: table, profile: profile, keys: keys)
        parsed.record.cells = []  // read: only its place is needed from here on
        guard let parent = CatalogImporter.firstValue(record, keys: table.parentKeys) else {
            orphans.append(Self.missingParent(record, table))
            return
        }
        if records[parent] == nil { order.append(parent) }
        records[parent, default: []].append(parsed)
    }

    /// The warning about a joined record of `table` that names no parent.
    static func missingParent(_ record: SourceRecord, _ table: ImportProfile.Table) -> ImportDiagnostic {
        ImportDiagnostic(
            source: record.source, sheet: record.sheet, row: record.row, severity: .warning,
            rule: .importJoinMissingParent,
            message: "该行没有所属事项的编号（\(table.parentKeys.joined(separator: "/"))），已舍弃")
    }

    /// Forgets what was added (the table is read again).
    func reset() {
        records = [:]
        order = []
        orphans = []
    }

    /// Adds the records to `children` under the table's role (after those of earlier tables) and the warnings to
    /// `diagnostics`.
    func merge(
        into children: inout [ImportProfile.Role: [String: [ParsedRecord]]], diagnostics: inout [ImportDiagnostic]
    ) {
        for parent in order { children[table.role, default: [:]][parent, default: []] += records[parent] ?? [] }
        diagnostics += orphans
        reset()
    }
}
