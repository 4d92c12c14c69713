import OnegoBase

/// Turns the rows of one worksheet, in row order, into records as they come: the header row is found as
/// ``HeaderRowChoice`` says (rows above it are reported as skipped), and each later row with a value is a record
/// keyed by header text.
struct SheetRecordStream {
    let source: String
    let sheet: String
    private let choice: HeaderRowChoice
    private var headerRow: Int?
    private var headers: [Int: String] = [:]
    private var letters: [Int: String] = [:]
    private var headerNotes: [ImportDiagnostic] = []
    /// Rows seen before the header is known (one of them may still be the header).
    private var early: [SheetRow] = []
    /// The first early row of two different values, the header if none names the profile's keys.
    private var firstCandidate: Int?
    /// Whether the row after the header has been seen (it may be the second row of a two-row header).
    private var pastSubHeader = false
    /// Columns holding values under no header: how many rows, and the first (reported, never read silently).
    private var headerless: [Int: (rows: Int, first: Int)] = [:]

    /// `knownHeaders`: the header texts of the profile's table for this sheet (empty for any).
    init(source: String, sheet: String, knownHeaders: Set<String> = []) {
        self.source = source
        self.sheet = sheet
        choice = HeaderRowChoice(knownHeaders: knownHeaders)
    }

    /// Takes the next row: the header, a record for `consume`, or an early row kept until the header is known.
    mutating func add(_ row: SheetRow, into consume: (SourceRecord) throws(ImportError) -> Void) throws(ImportError) {
        if headerRow != nil {
            try take(row, into: consume)
        } else if choice.isHeader(Self.values(row)) {
            skip(early)
            early = []
            takeHeader(row)
        } else {
            early.append(row)
            if firstCandidate == nil, HeaderRowChoice.isCandidate(Self.values(row)) { firstCandidate = early.count - 1 }
            if early.count > HeaderRowChoice.lookahead, let position = firstCandidate {
                try takeHeader(at: position, into: consume)
            }
        }
    }

    /// Takes the early row at `position` as the header, skipping the rows above it and reading those after it.
    private mutating func takeHeader(
        at position: Int, into consume: (SourceRecord) throws(ImportError) -> Void
    ) throws(ImportError) {
        let rows = early
        early = []
        firstCandidate = nil
        skip(rows[..<position])
        takeHeader(rows[position])
        for row in rows[(position + 1)...] { try take(row, into: consume) }
    }

    /// A row after the header: the second row of a two-row header, or a record.
    private mutating func take(
        _ row: SheetRow, into consume: (SourceRecord) throws(ImportError) -> Void
    ) throws(ImportError) {
        if !pastSubHeader, row.cells.contains(where: { !$0.cell.value.allSatisfy(\.isWhitespace) }) {
            pastSubHeader = true
            if let names = subHeaderNames(row) {
                renameColumns(names, row: row.row)
                return
            }
        }
        if let record = record(of: row) { try consume(record) }
    }

    /// The column names a two-row header gives, when `row` is its second row: a group header over several columns
    /// ("办理时限" merged over two) with the parts beneath ("法定时限", "承诺时限", or "法定", "承诺" read with the
    /// group as "法定办理时限"). Every value of the row must be its column's header again (a cell merged down) or a
    /// part under a group or naming one of the profile's columns; otherwise the row is data and `nil` is returned.
    private func subHeaderNames(_ row: SheetRow) -> [Int: (written: String, name: String)]? {
        guard !choice.knownHeaders.isEmpty else { return nil }
        var names: [Int: (written: String, name: String)] = [:]
        var previous: (column: Int, group: String)?
        for (column, cell) in row.cells {
            let part = cell.value.trimmingWhitespace
            // A group written once over blank header cells (not merged) spans the parts to its right.
            let spanned = previous.flatMap { $0.column == column - 1 && headers[column] == nil ? $0.group : nil }
            guard !part.isEmpty, let group = headers[column] ?? spanned, part != group else { continue }
            previous = (column, group)
            let candidates = [part, part + group, group + part]
            if let known = candidates.lazy.compactMap({ self.choice.known($0) }).first {
                names[column] = (part, known)
            } else if headers[column - 1] == group || headers[column + 1] == group || spanned != nil {
                names[column] = (part, part)
            } else {
                return nil
            }
        }
        return names.isEmpty ? nil : names
    }

    /// Names the columns of a two-row header by their parts, noting each.
    private mutating func renameColumns(_ names: [Int: (written: String, name: String)], row: Int) {
        var group = ""
        for (column, part) in names.sorted(by: { $0.key < $1.key }) {
            group = headers[column] ?? group
            headers[column] = part.name
            letters[column] = CellReference.letters(column)
            headerNotes.append(
                ImportDiagnostic(
                    source: source, sheet: sheet, row: row, column: CellReference.letters(column), severity: .note,
                    rule: .importXLSXHeader,
                    message: "两行表头：“\(group)”之下的“\(part.written)”读作列“\(part.name)”；第 \(row) 行不作为数据读取"))
        }
    }

    /// Reports the rows above the header that hold a value: they are not read as records.
    private mutating func skip(_ rows: some Collection<SheetRow>) {
        for row in rows {
            guard let message = HeaderRowChoice.skippedMessage(row: row.row, values: Self.values(row)) else { continue }
            headerNotes.append(
                ImportDiagnostic(
                    source: source, sheet: sheet, row: row.row, column: CellReference.letters(row.cells[0].column),
                    severity: .note, rule: .importSourceTitleRow, message: message))
        }
    }

    private static func values(_ row: SheetRow) -> [String] { row.cells.map(\.cell.value) }

    /// The table's headers and notes (its records went to `consume`), after the rows of a sheet without a header
    /// row of two values: its first row is then the header.
    mutating func finish(
        problems: [String], into consume: (SourceRecord) throws(ImportError) -> Void
    ) throws(ImportError) -> SourceTable {
        if headerRow == nil, !early.isEmpty {
            try takeHeader(at: firstCandidate ?? 0, into: consume)
        }
        let unread = headerless.sorted { $0.key < $1.key }.map { column, seen in
            ImportDiagnostic(
                source: source, sheet: sheet, row: seen.first, column: CellReference.letters(column),
                severity: .warning,
                rule: .importSourceHeaderlessColumn,
                message:
                    "第 \(CellReference.letters(column)) 列没有表头：其中 \(seen.rows) 行的值未导入（首见第 \(seen.first) 行）；请补上表头后再导入")
        }
        let notes =
            problems.map {
                ImportDiagnostic(
                    source: source, sheet: sheet, severity: .warning, rule: .importXLSXCell, message: $0)
            } + headerNotes + unread
        guard let headerRow else {
            return SourceTable(source: source, sheet: sheet, headers: [], records: [], notes: notes)
        }
        let columns = headers.keys.sorted()
        var table = SourceTable(
            source: source, sheet: sheet, headers: columns.compactMap { headers[$0] }, records: [], notes: notes,
            headerRow: headerRow)
        for column in columns {
            guard let name = headers[column], table.headerColumns[name] == nil else { continue }
            table.headerColumns[name] = letters[column]
        }
        return table
    }

    private mutating func takeHeader(_ row: SheetRow) {
        headerRow = row.row
        let written = row.cells.map(\.cell.value.trimmingWhitespace)
        let (names, respelled) = choice.headerNames(written)
        for (index, (column, cell)) in row.cells.enumerated() {
            let name = names[index]
            guard !name.isEmpty else { continue }
            if respelled.contains(index) {
                headerNotes.append(
                    ImportDiagnostic(
                        source: source, sheet: sheet, row: row.row, column: CellReference.letters(column),
                        severity: .note, rule: .importSourceHeaderSpelling,
                        message: HeaderRowChoice.spellingNote(written[index], name)))
            }
            headers[column] = name
            letters[column] = CellReference.letters(column)
            if let note = cell.note {
                headerNotes.append(
                    ImportDiagnostic(
                        source: source, sheet: sheet, row: row.row, column: CellReference.letters(column),
                        severity: .note, rule: .importXLSXHeader, message: "表头“\(name)”：\(note)"))
            }
        }
    }

    /// The record of a row after the header, or `nil` when it holds no value under a header.
    /// Values under no header are counted for ``headerless`` as the row is read.
    private mutating func record(of row: SheetRow) -> SourceRecord? {
        var cells: [SourceRecord.Cell] = []
        cells.reserveCapacity(row.cells.count)
        var blank = true
        for (column, cell) in row.cells {
            guard let key = headers[column], let letter = letters[column] else {
                if !cell.value.allSatisfy(\.isWhitespace) { headerless[column, default: (0, row.row)].rows += 1 }
                continue
            }
            if blank && !cell.value.allSatisfy(\.isWhitespace) { blank = false }
            cells.append(SourceRecord.Cell(key: key, value: cell.value, column: letter, readNote: cell.note))
        }
        return blank ? nil : SourceRecord(source: source, sheet: sheet, row: row.row, cells: cells)
    }
}
