import OnegoBase
import OnegoCatalog

extension CatalogImporter {
    /// Imports a single workbook with its joined sheets read beside the item sheet (``JoinedCursor``), so that no
    /// sheet is held whole: the way the exported template (joined rows in item order) is read. `nil` when the
    /// sources are not one workbook with joined sheets, or when a joined sheet is not in item order, has merged
    /// ranges or rows out of order, or cannot be read: then nothing of this pass counts (the spill is emptied) and
    /// the caller reads the joined sheets first, which gives the same result and reports any error at its place.
    func importStreamingJoins(
        _ opened: [SourceReading.Opened], validation: BatchValidation, spill: FragmentSpill?
    ) throws(ImportError) -> (ImportReport, ItemPipeline, [(department: String, writer: CatalogWriter)])? {
        guard opened.count == 1, case .workbook(let workbook, let tables) = opened[0],
            tables.contains(where: { $0.role != .items }),
            tables.allSatisfy({ $0.sheet != nil })
        else { return nil }
        let inflatedBefore = workbook.inflatedBytes
        var cursors: [(position: Int, cursor: JoinedCursor)] = []
        for (position, table) in tables.enumerated() where table.role != .items {
            guard let sheet = table.sheet, let copy = try? workbook.reopened() else { continue }
            cursors.append(
                (position, JoinedCursor(table: table, sheet: sheet, workbook: copy, profile: profile)))
        }
        let pipeline = ItemPipeline(
            profile: profile, codeProfile: codeProfile, joins: .streamed(cursors.map(\.cursor)),
            validation: validation, spill: spill)
        var notes = TableNotes(opened)
        var isInOrder = (try? readItems(opened, into: pipeline, notes: &notes, streaming: true)) == true
        isInOrder = isInOrder && !pipeline.joinIsOutOfOrder && cursors.count == tables.count - 1
        var joinDiagnostics: [ImportDiagnostic] = []
        var left: [ImportProfile.Role: [String: [ParsedRecord]]] = [:]
        for (position, cursor) in cursors {
            guard isInOrder else {
                cursor.cancel()
                continue
            }
            let (rest, outcome, noParent) = cursor.finish(used: pipeline.usedParents)
            guard case .streamed(let headers) = outcome else {
                isInOrder = false
                continue
            }
            notes.set(headers.notes + (unknownHeaderNote(cursor.table, headers).map { [$0] } ?? []), 0, position)
            joinDiagnostics += noParent
            for (parent, records) in rest { left[cursor.table.role, default: [:]][parent, default: []] += records }
        }
        guard isInOrder else {
            pipeline.abandon()
            try spill?.reset()
            workbook.inflatedBytes = inflatedBefore
            return nil
        }
        let files = try pipeline.finish()
        let report = Self.report(
            pipeline, notes: notes, joinDiagnostics: joinDiagnostics, orphans: orphans(left, used: pipeline.usedParents)
        )
        return (report, pipeline, files)
    }
}
