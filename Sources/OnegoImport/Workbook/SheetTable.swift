import Foundation
import OnegoBase
import OnegoXML

/// Turns the rows of one worksheet into a ``SourceTable``: merged ranges filled from their top-left cell (noted),
/// the header found, and each later row made a record keyed by header text.
enum SheetTable {
    /// The table of a sheet whose rows (in row order) and merged ranges have been read.
    static func make(
        rows: [SheetRow], merges: [(from: CellReference, to: CellReference)], problems: [String], sheet: String,
        source: String
    ) -> SourceTable {
        var rows = rows
        var notes: [ImportDiagnostic] = problems.map {
            ImportDiagnostic(source: source, sheet: sheet, severity: .warning, rule: .importXLSXCell, message: $0)
        }
        if !merges.isEmpty { fill(merges, into: &rows) }
        // The header is the first row holding two or more values.
        guard let headerIndex = rows.firstIndex(where: { $0.cells.count >= 2 }) ?? rows.indices.first else {
            return SourceTable(source: source, sheet: sheet, headers: [], records: [], notes: notes)
        }
        let headerRow = rows[headerIndex]
        var headers: [Int: String] = [:]
        var letters: [Int: String] = [:]
        for (column, cell) in headerRow.cells {
            let name = cell.value.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !name.isEmpty else { continue }
            headers[column] = name
            letters[column] = CellReference.letters(column)
            if let note = cell.note {
                notes.append(
                    ImportDiagnostic(
                        source: source, sheet: sheet, row: headerRow.row, column: CellReference.letters(column),
                        severity: .note, rule: .importXLSXHeader, message: "表头“\(name)”：\(note)"))
            }
        }
        var records: [SourceRecord] = []
        records.reserveCapacity(rows.count - headerIndex)
        for index in rows.indices where index > headerIndex {
            var recordCells: [SourceRecord.Cell] = []
            recordCells.reserveCapacity(rows[index].cells.count)
            var blank = true
            for (column, cell) in rows[index].cells {
                guard let key = headers[column], let letter = letters[column] else { continue }
                if blank && !cell.value.allSatisfy(\.isWhitespace) { blank = false }
                recordCells.append(SourceRecord.Cell(key: key, value: cell.value, column: letter, readNote: cell.note))
            }
            let row = rows[index].row
            rows[index].cells = []  // release the row as its record is made
            if blank { continue }
            records.append(SourceRecord(source: source, sheet: sheet, row: row, cells: recordCells))
        }
        let headerNames = headers.keys.sorted().compactMap { headers[$0] }
        var table = SourceTable(
            source: source, sheet: sheet, headers: headerNames, records: records, notes: notes, headerRow: headerRow.row
        )
        for (column, name) in headers where table.headerColumns[name] == nil {
            table.headerColumns[name] = letters[column]
        }
        return table
    }

    /// Fills every cell of each merged range with the value of its top-left cell, noting where it came from.
    static func fill(_ merges: [(from: CellReference, to: CellReference)], into rows: inout [SheetRow]) {
        var index: [Int: Int] = [:]
        for (position, row) in rows.enumerated() { index[row.row] = position }
        var added: [Int: [(column: Int, cell: SheetCell)]] = [:]
        for merge in merges {
            guard let originRow = index[merge.from.row],
                let origin = rows[originRow].cells.first(where: { $0.column == merge.from.column })?.cell
            else { continue }
            let filled = SheetCell(
                value: origin.value, note: "合并单元格 \(merge.from.text):\(merge.to.text)，取左上角 \(merge.from.text) 的值")
            for row in merge.from.row...max(merge.from.row, merge.to.row) {
                var cells: [(column: Int, cell: SheetCell)] = []
                for column in merge.from.column...max(merge.from.column, merge.to.column)
                where row != merge.from.row || column != merge.from.column {
                    cells.append((column, filled))
                }
                if let position = index[row] {
                    rows[position].cells = WorksheetHandler.ordered(rows[position].cells + cells)
                } else if !cells.isEmpty {
                    added[row, default: []] += cells
                }
            }
        }
        guard !added.isEmpty else { return }
        // Rows that held only merged cells join the rest in row order.
        rows += added.map { SheetRow(row: $0.key, cells: WorksheetHandler.ordered($0.value)) }
        rows.sort { $0.row < $1.row }
    }
}
