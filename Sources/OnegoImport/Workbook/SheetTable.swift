import Foundation
import OnegoBase
import OnegoXML

/// Turns the rows of one worksheet into a ``SourceTable``: merged ranges filled from their top-left cell (noted),
/// then the rows read as ``SheetRecordStream`` reads them.
enum SheetTable {
    /// The table of a sheet whose rows (in row order) and merged ranges have been read.
    static func make(
        rows: [SheetRow], merges: [(from: CellReference, to: CellReference)], problems: [String], sheet: String,
        source: String, knownHeaders: Set<String> = []
    ) -> SourceTable {
        var rows = rows
        if !merges.isEmpty { fill(merges, into: &rows) }
        var stream = SheetRecordStream(source: source, sheet: sheet, knownHeaders: knownHeaders)
        var records: [SourceRecord] = []
        records.reserveCapacity(rows.count)
        let collect = { (record: SourceRecord) throws(ImportError) in records.append(record) }
        do {
            for index in rows.indices {
                let row = rows[index]
                rows[index].cells = []  // release the row as its record is made
                try stream.add(row, into: collect)
            }
            var table = try stream.finish(problems: problems, into: collect)
            table.records = records
            return table
        } catch {
            // Collecting records throws nothing.
            return SourceTable(source: source, sheet: sheet, headers: [], records: records)
        }
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
