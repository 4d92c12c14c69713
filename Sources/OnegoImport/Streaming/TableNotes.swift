/// The notes of each table of each source (reading notes, unknown headers), reported in source and table order
/// whatever order the tables were read in (joined tables before item tables).
struct TableNotes {
    private var notes: [[[ImportDiagnostic]]]

    init(_ opened: [SourceReading.Opened]) {
        notes = opened.map { [[ImportDiagnostic]](repeating: [], count: $0.tables.count) }
    }

    mutating func set(_ found: [ImportDiagnostic], _ source: Int, _ table: Int) { notes[source][table] = found }

    /// Every note, in order.
    var all: [ImportDiagnostic] { Array(notes.joined().joined()) }
}
