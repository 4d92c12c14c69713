import Foundation
import OnegoBase

/// Reads the fields of one record through a profile table: finds the value by key, strips prefixes, treats the
/// absent words as absent, applies defaults and code lists, and reports each of these steps.
struct FieldReader {
    let profile: ImportProfile
    let table: ImportProfile.Table
    let record: SourceRecord
    var diagnostics: [ImportDiagnostic] = []
    /// Set when a required field is missing or unreadable.
    var rejection: [String] = []
    /// The table's key numbers.
    let keys: TableKeys
    /// The position of the first cell of each key, by key number (one pass over the cells per record).
    private let positions: [Int]
    /// The longest of the profile's absent words, in UTF-8 bytes (longer values are never absent).
    private let longestAbsent: Int

    init(profile: ImportProfile, table: ImportProfile.Table, record: SourceRecord, keys: TableKeys) {
        self.profile = profile
        self.table = table
        self.record = record
        self.keys = keys
        positions = keys.positions(of: record.cells)
        longestAbsent = profile.absentValues.lazy.map(\.utf8.count).max() ?? 0
    }

    /// The first cell of `key`, if the record has one.
    func cell(_ key: String) -> SourceRecord.Cell? {
        guard let ordinal = keys.ordinals[key] else { return nil }
        return cell(ordinal: ordinal)
    }

    private func cell(ordinal: Int) -> SourceRecord.Cell? {
        let position = positions[ordinal]
        return position < 0 ? nil : record.cells[position]
    }

    /// The raw text of the field at `index` of the table after prefix stripping, absent words and defaults, with
    /// the column it came from.
    mutating func text(_ index: Int) -> (value: String, column: String?)? {
        let field = table.fields[index]
        var found: SourceRecord.Cell?
        var value = ""
        for ordinal in keys.fieldKeys[index] {
            if let cell = cell(ordinal: ordinal) {
                found = cell
                value = cell.value.trimmingWhitespace
                if !value.isEmpty { break }
            }
        }
        if let note = found?.readNote {
            report(field, found?.column, .note, .importValueRead, note)
        }
        for prefix in field.stripPrefixes where value.hasPrefix(prefix) {
            value = String(value.dropFirst(prefix.count)).trimmingWhitespace
            report(field, found?.column, .note, .importValueTransformed, "去掉前缀“\(prefix)”")
        }
        if !value.isEmpty && value.utf8.count <= longestAbsent && profile.absentValues.contains(value) {
            report(field, found?.column, .note, .importValueAbsent, "值“\(value)”视为未提供")
            value = ""
        }
        if value.isEmpty {
            if let fallback = field.defaultValue {
                report(
                    field, found?.column, .warning, .importValueDefaulted,
                    "来源未提供，按导入配置填为默认值“\(fallback)”")
                return (fallback, found?.column)
            }
            if field.isRequired {
                reject(
                    field, found?.column,
                    found == nil ? "缺少必填字段（来源中没有 \(field.keys.joined(separator: "/"))）" : "必填字段为空"
                )
            }
            return nil
        }
        return (value, found?.column)
    }

    /// Translates `value` through the field's code list, reporting the translation.
    mutating func translated(_ value: String, _ field: ImportProfile.Field, column: String?) -> String {
        guard let name = field.codeList, let table = profile.codeLists[name] else { return value }
        if let mapped = table[value] {
            if mapped != value {
                report(
                    field, column, .note, .importValueTransformed, "代码“\(value)”按代码表“\(name)”转换为“\(mapped)”")
            }
            return mapped
        }
        return value
    }

    mutating func report(
        _ field: ImportProfile.Field, _ column: String?, _ severity: Severity, _ rule: RuleID,
        _ message: String
    ) {
        diagnostics.append(
            ImportDiagnostic(
                source: record.source, sheet: record.sheet, row: record.row, column: column,
                field: field.target.rawValue, severity: severity, rule: rule, message: message))
    }

    mutating func reject(_ field: ImportProfile.Field, _ column: String?, _ reason: String) {
        rejection.append("\(field.target.label)（\(field.target.rawValue)）\(reason)")
        report(field, column, .error, .importRowRejected, reason)
    }
}
