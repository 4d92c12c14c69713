/// The notes of each table of each source (reading notes, unknown headers), reported in source and table order
/// whatever order the tables were read in (joined tables before item tables).
struct TableNotes {
    private var notes: [[[ImportDiagnostic]]]
    /// Each source's own notes (sheets skipped), before its tables' notes.
    private let sourceNotes: [[ImportDiagnostic]]

    init(_ opened: [SourceReading.Opened]) {
        notes = opened.map { [[ImportDiagnostic]](repeating: [], count: $0.tables.count) }
        sourceNotes = opened.map(\.notes)
    }

    mutating func set(_ found: [ImportDiagnostic], _ source: Int, _ table: Int) { notes[source][table] = found }

    /// Every note, in order.
    var all: [ImportDiagnostic] {
        zip(sourceNotes, notes).flatMap { source, tables in source + tables.joined() }
    }
}
