import CSV
import Foundation
import OnegoBase

/// Reads a CSV file into records, through yaslab's CSV.swift: the header row is found as ``HeaderRowChoice`` says
/// (a title or notes line above it is reported as skipped). The encoding is detected: UTF-8, else GB18030 (reported
/// as a note, since the file does not declare it).
public enum CSVRecordReader {
    /// Reads `bytes` from `source`; `knownHeaders` are the header texts of the profile's table (empty for any).
    ///
    /// - Throws: ``ImportError`` when the bytes are neither UTF-8 nor GB18030 or the CSV is malformed.
    public static func read(
        _ bytes: [UInt8], source: String, knownHeaders: Set<String> = []
    ) throws(ImportError) -> SourceTable {
        guard let (text, encoding) = TextDecoding.decode(bytes) else {
            throw ImportError(.source, "\(source): 既不是 UTF-8 也不是 GB18030 编码的文本，请另存为 UTF-8 CSV")
        }
        var notes: [ImportDiagnostic] = []
        if encoding == .gb18030 {
            notes.append(
                ImportDiagnostic(
                    source: source, severity: .note, rule: .importSourceEncoding,
                    message: "文件未声明编码，按 GB18030 读取（不是合法的 UTF-8）"))
        }
        let reader: CSVReader
        do {
            reader = try CSVReader(string: text, hasHeaderRow: false)
        } catch {
            throw ImportError(.source, "\(source): CSV 格式错误", cause: SendableCause(error))
        }
        var lines = Lines()
        let (headers, headerRow, rest) = findHeader(
            reader, choice: HeaderRowChoice(knownHeaders: knownHeaders), lines: &lines, source: source, notes: &notes)
        var records: [SourceRecord] = []
        func add(_ fields: [String], at row: Int) {
            if fields.allSatisfy({ $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }) { return }
            var cells: [SourceRecord.Cell] = []
            for (index, value) in fields.enumerated() where index < headers.count {
                cells.append(SourceRecord.Cell(key: headers[index], value: value, column: headers[index]))
            }
            if fields.count > headers.count {
                notes.append(
                    ImportDiagnostic(
                        source: source, row: row, severity: .warning, rule: .importSourceExtraFields,
                        message: "该行有 \(fields.count) 个字段，表头只有 \(headers.count) 列，多出的字段已舍弃"))
            }
            records.append(SourceRecord(source: source, row: row, cells: cells))
        }
        for (number, fields) in rest { add(fields, at: number) }
        while let fields = reader.next() {
            add(fields, at: lines.start(of: fields))
        }
        if let error = reader.error {
            throw ImportError(
                .source, "\(source):\(lines.next): 第 \(lines.next) 行起 CSV 格式错误", cause: SendableCause(error))
        }
        return SourceTable(source: source, headers: headers, records: records, notes: notes, headerRow: headerRow)
    }

    /// Reads rows until the header is known: the header texts, the header's row and the rows read past it.
    private static func findHeader(
        _ reader: CSVReader, choice: HeaderRowChoice, lines: inout Lines, source: String,
        notes: inout [ImportDiagnostic]
    ) -> (headers: [String], row: Int, rest: [(Int, [String])]) {
        var early: [(Int, [String])] = []
        var firstCandidate: Int?
        var position: Int?
        // Past the lookahead, the first row of two different values is the header, however far down it comes.
        while position == nil, let fields = reader.next() {
            early.append((lines.start(of: fields), fields))
            if choice.isHeader(fields) {
                position = early.count - 1
            } else {
                if firstCandidate == nil, HeaderRowChoice.isCandidate(fields) { firstCandidate = early.count - 1 }
                if early.count > HeaderRowChoice.lookahead { position = firstCandidate }
            }
        }
        guard !early.isEmpty else { return ([], 1, []) }
        let at = position ?? firstCandidate ?? 0
        for (number, fields) in early[..<at] {
            guard let message = HeaderRowChoice.skippedMessage(row: number, values: fields) else { continue }
            notes.append(
                ImportDiagnostic(
                    source: source, row: number, severity: .note, rule: .importSourceTitleRow, message: message))
        }
        let written = early[at].1.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        let (headers, respelled) = choice.headerNames(written)
        for index in respelled {
            notes.append(
                ImportDiagnostic(
                    source: source, row: early[at].0, column: headers[index], severity: .note,
                    rule: .importSourceHeaderSpelling,
                    message: HeaderRowChoice.spellingNote(written[index], headers[index])))
        }
        return (headers, early[at].0, Array(early[(at + 1)...]))
    }

    /// The file's line numbers of records: a quoted cell holding line breaks makes its record span several lines,
    /// so positions name the line the record starts on, as an editor shows it.
    struct Lines {
        /// The line the next record starts on.
        private(set) var next = 1

        /// The line `fields` started on; moves past the lines they span.
        mutating func start(of fields: [String]) -> Int {
            let line = next
            next += 1 + fields.reduce(0) { $0 + $1.count(where: \.isNewline) }
            return line
        }
    }
}
