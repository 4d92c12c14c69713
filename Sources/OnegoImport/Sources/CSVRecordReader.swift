import CSV
import Foundation
import OnegoBase

/// Reads a CSV file with a header row into records, through yaslab's CSV.swift. The encoding is detected: UTF-8,
/// else GB18030 (reported as a note, since the file does not declare it).
public enum CSVRecordReader {
    /// Reads `bytes` from `source`.
    ///
    /// - Throws: ``ImportError`` when the bytes are neither UTF-8 nor GB18030 or the CSV is malformed.
    public static func read(_ bytes: [UInt8], source: String) throws(ImportError) -> SourceTable {
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
            reader = try CSVReader(string: text, hasHeaderRow: true)
        } catch {
            throw ImportError(.source, "\(source): CSV 格式错误", cause: SendableCause(error))
        }
        let headers = (reader.headerRow ?? []).map { $0.trimmingCharacters(in: .whitespaces) }
        var records: [SourceRecord] = []
        var row = 1
        while let fields = reader.next() {
            row += 1
            if fields.allSatisfy({ $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }) {
                continue
            }
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
        if let error = reader.error {
            throw ImportError(.source, "\(source): 第 \(row + 1) 行 CSV 格式错误", cause: SendableCause(error))
        }
        return SourceTable(source: source, headers: headers, records: records, notes: notes, headerRow: 1)
    }
}
