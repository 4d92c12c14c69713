public import Foundation
import OnegoBase

/// Reads `.json` (an array of objects, or an object holding one, also nested as portal APIs answer:
/// `{"code": 200, "data": {"list": […]}}`) and `.jsonl` (one object per line) into records.
/// The corresponding Foundation API is `JSONSerialization`.
public enum JSONRecordReader {
    /// Reads the records of `data`, naming `source` in errors.
    ///
    /// - Throws: ``ImportError`` when the text is not JSON, holds no array of records, or a record is not an object
    ///   (naming its index).
    /// `knownKeys`: the profile table's keys, which tell the record array from other arrays of objects.
    public static func read(
        _ data: Data, source: String, isLines: Bool, knownKeys: Set<String> = []
    ) throws(ImportError) -> SourceTable {
        var objects: [(row: Int, value: Any)] = []
        var positions: [JSONRecordPositions.Position]?
        var notes: [ImportDiagnostic] = []
        if isLines {
            var starts: [JSONRecordPositions.Position] = []
            var line = 0
            for slice in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
                line += 1
                let text = slice.filter { $0 != UInt8(ascii: "\r") }
                guard let first = text.firstIndex(where: { $0 != 32 && $0 != 9 }) else { continue }
                starts.append(JSONRecordPositions.Position(line: line, column: first + 1))
                do {
                    objects.append(
                        (line, try JSONSerialization.jsonObject(with: Data(text), options: [.fragmentsAllowed])))
                } catch {
                    throw ImportError(.source, "\(source):\(line): 第 \(line) 行不是合法的 JSON", cause: SendableCause(error))
                }
            }
            positions = starts
        } else {
            let root: Any
            do {
                root = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
            } catch {
                throw ImportError(.source, "\(source): 不是合法的 JSON", cause: SendableCause(error))
            }
            guard let found = RecordArray.find(in: root, knownKeys: knownKeys) else {
                throw ImportError(.source, "\(source): JSON 顶层既不是记录数组，也不是含有记录数组的对象")
            }
            if let message = found.note {
                notes.append(
                    ImportDiagnostic(source: source, severity: .note, rule: .importSourceRecords, message: message))
            }
            objects = found.array.enumerated().map { ($0.offset + 1, $0.element) }
            positions = data.withUnsafeBytes { raw in
                JSONRecordPositions.starts(in: raw.bindMemory(to: UInt8.self), path: found.path)
            }
        }
        // Positions are used only when the scan found exactly the records the parser did.
        if positions?.count != objects.count { positions = nil }
        var headers: [String] = []
        var seen: Set<String> = []
        var records: [SourceRecord] = []
        records.reserveCapacity(objects.count)
        for (index, (row, value)) in objects.enumerated() {
            let position = positions?[index]
            guard let object = value as? [String: Any] else {
                let what = isLines ? "第 \(row) 行" : "第 \(row) 条记录（下标 \(row - 1)）"
                let place = position.map { ":\($0.line):\($0.column)" } ?? (isLines ? ":\(row)" : "")
                throw ImportError(.source, "\(source)\(place): \(what)不是 JSON 对象，而是 \(kind(of: value))")
            }
            var cells: [SourceRecord.Cell] = []
            for key in object.keys.sorted() {
                if seen.insert(key).inserted { headers.append(key) }
                guard let text = text(of: object[key] as Any) else { continue }
                cells.append(SourceRecord.Cell(key: key, value: text, column: key))
            }
            records.append(
                SourceRecord(
                    source: source, row: row, cells: cells, textLine: position?.line, textColumn: position?.column))
        }
        return SourceTable(source: source, headers: headers, records: records, notes: notes)
    }

    /// The text of a JSON value: strings as they are, numbers as printed, lists one entry per line, null absent.
    static func text(of value: Any) -> String? {
        switch value {
        case is NSNull: return nil
        case let string as String: return string
        case let number as NSNumber:
            if String(cString: number.objCType) == "c" { return number.boolValue ? "是" : "否" }
            return number.stringValue
        // One entry per line: names such as "主要设备设施布局、操作流程等文件" hold 、 themselves.
        case let list as [Any]: return list.compactMap { text(of: $0) }.joined(separator: "\n")
        case let object as [String: Any]:
            let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
            return data.map { String(decoding: $0, as: UTF8.self) }
        default: return "\(value)"
        }
    }

    private static func kind(of value: Any) -> String {
        switch value {
        case is NSNull: "null"
        case is String: "字符串"
        case is NSNumber: "数值"
        case is [Any]: "数组"
        default: "其他值"
        }
    }
}

/// Wraps a Foundation error as a sendable cause.
struct SendableCause: Error, Sendable, CustomStringConvertible {
    let description: String
    init(_ error: any Error) { description = String(describing: error) }
}
