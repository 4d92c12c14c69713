import OnegoBase

/// Rows that continue the item above them: guide workbooks list one material (or other list entry) per row beneath
/// item cells merged down or left blank. Such a row adds its list entries to the item instead of being read as an
/// item of its own (which would repeat the item's code, or lack one, and be rejected).
struct ContinuationRows {
    /// The headers of the table's list fields (申请材料 …), and those fields.
    private let listKeys: Set<String>
    let listTargets: Set<FieldTarget>
    /// The headers of the table's other fields: a continuation row holds there the item's own values or nothing.
    private let itemKeys: Set<String>
    /// The keys whose value identifies an item record: a row with another id starts another item.
    private let idKeys: [String]

    init(table: ImportProfile.Table) {
        idKeys = table.idKeys
        let lists = table.fields.filter { $0.parser == .list && $0.target != .level && $0.target != .levels }
        let keys = Set(lists.flatMap(\.keys))
        let targets = Set(lists.map(\.target))
        listKeys = keys
        listTargets = targets
        itemKeys = Set(table.fields.filter { !targets.contains($0.target) }.flatMap(\.keys)).subtracting(keys)
    }

    /// How a row continues the item above it.
    enum Kind {
        /// The item's cells are merged down over the row (their values filled from the merge).
        case merged
        /// The row leaves the item's cells blank: likely one more entry, possibly an item the office left unfilled,
        /// so it is reported as a warning.
        case blank
    }

    /// How `record` continues the item read from `item`, or `nil` when it is a record of its own. Only worksheet and
    /// CSV rows continue an item (portal JSON and exchange XML records are items each, and a repeated code there
    /// stays a duplicate); the row comes later in the same sheet or file, its id is the item's id filled from a
    /// merged range or blank, every other value under the item's fields is the item's own, and it adds a list entry
    /// the item does not have yet.
    func kind(of record: SourceRecord, item: SourceRecord) -> Kind? {
        guard !listKeys.isEmpty, record.source == item.source, record.sheet == item.sheet, record.row > item.row,
            record.sheet != nil || record.source.lowercased().hasSuffix(".csv")
        else { return nil }
        let kind: Kind
        if let id = CatalogImporter.firstValue(record, keys: idKeys) {
            // Most rows start an item of their own: told by the id alone.
            guard id == CatalogImporter.firstValue(item, keys: idKeys),
                record.cells.contains(where: { idKeys.contains($0.key) && $0.readNote?.hasPrefix("合并单元格") == true })
            else { return nil }
            kind = .merged
        } else {
            kind = .blank
        }
        var itemValues: [String: String] = [:]
        for cell in item.cells where itemValues[cell.key] == nil {
            itemValues[cell.key] = cell.value.trimmingWhitespace
        }
        var addsEntry = false
        for cell in record.cells {
            let value = cell.value.trimmingWhitespace
            guard !value.isEmpty else { continue }
            if itemKeys.contains(cell.key) {
                if itemValues[cell.key] != value { return nil }
            } else if listKeys.contains(cell.key), itemValues[cell.key] != value {
                addsEntry = true
            }
        }
        return addsEntry ? kind : nil
    }

    /// Adds the list entries of a continuation row to the item being assembled (an entry the item already has is
    /// not added twice), with the row's notes on those fields and a diagnostic saying where the row went: a note
    /// under merged item cells, a warning under blank ones.
    func merge(_ parsed: ParsedRecord, kind: Kind, into assembler: inout ItemAssembler) {
        var repeated = 0
        for target in listTargets {
            guard case .list(let more)? = parsed.values[target] else { continue }
            if case .list(let have)? = assembler.parsed.values[target] {
                let new = more.filter { !have.contains($0) }
                repeated += more.count - new.count
                assembler.parsed.values[target] = .list(have + new)
            } else {
                assembler.parsed.values[target] = .list(more)
                assembler.parsed.columns[target] = parsed.columns[target]
            }
        }
        // The row's notes on the entries it adds (not the item fields it leaves blank).
        assembler.diagnostics += parsed.diagnostics.filter { diagnostic in
            guard let target = diagnostic.field.flatMap(FieldTarget.init(rawValue:)) else { return false }
            return listTargets.contains(target) && parsed.values[target] != nil
        }
        let item = assembler.parsed.record
        let row = parsed.record.row
        let why =
            kind == .merged
            ? "事项各列向下合并" : "没有事项编码，事项各列为空；若是另一个事项，请补全该行后再导入"
        assembler.diagnostics.append(
            ImportDiagnostic(
                source: parsed.record.source, sheet: parsed.record.sheet, row: row,
                severity: kind == .merged ? .note : .warning, rule: .importSourceContinuation,
                message:
                    "第 \(row) 行按第 \(item.row) 行事项的续行读取（\(why)）：其中的\(labels(parsed))并入该事项，不作为单独的事项"
                    + (repeated > 0 ? "；其中 \(repeated) 项与该事项已有的相同，未重复计入" : "")))
    }

    private func labels(_ parsed: ParsedRecord) -> String {
        listTargets.filter { parsed.values[$0] != nil }.map(\.label).sorted().joined(separator: "、")
    }
}
