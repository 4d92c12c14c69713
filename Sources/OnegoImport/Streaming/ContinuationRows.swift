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

    /// Whether `record` continues the item read from `item`: it comes later in the same sheet or file, each value it
    /// has under the item's fields is the item's own, and it has a list entry the item row does not.
    func continues(_ record: SourceRecord, item: SourceRecord) -> Bool {
        guard !listKeys.isEmpty, record.source == item.source, record.sheet == item.sheet, record.row > item.row
        else { return false }
        // Most rows start an item of their own: told by the id alone.
        if let id = CatalogImporter.firstValue(record, keys: idKeys),
            id != CatalogImporter.firstValue(item, keys: idKeys)
        {
            return false
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
                if itemValues[cell.key] != value { return false }
            } else if listKeys.contains(cell.key), itemValues[cell.key] != value {
                addsEntry = true
            }
        }
        return addsEntry
    }

    /// Adds the list entries of a continuation row to the item being assembled, with the row's notes on those
    /// fields and a note saying where the row went.
    func merge(_ parsed: ParsedRecord, into assembler: inout ItemAssembler) {
        for target in listTargets {
            guard case .list(let more)? = parsed.values[target] else { continue }
            if case .list(let have)? = assembler.parsed.values[target] {
                assembler.parsed.values[target] = .list(have + more)
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
        assembler.diagnostics.append(
            ImportDiagnostic(
                source: parsed.record.source, sheet: parsed.record.sheet, row: parsed.record.row, severity: .note,
                rule: .importSourceContinuation,
                message: "第 \(parsed.record.row) 行是第 \(item.row) 行事项的续行（事项各列合并或留空）：其中的\(labels(parsed))并入该事项，不作为单独的事项"))
    }

    private func labels(_ parsed: ParsedRecord) -> String {
        listTargets.filter { parsed.values[$0] != nil }.map(\.label).sorted().joined(separator: "、")
    }
}
