/// The keys a profile table reads, numbered once per table, and where each record's cells of those keys are.
/// Records of one sheet share their key strings and mostly their order, so a cell's key is first matched against
/// the key seen at the same position in the previous record (equal storage compares at once) before it is hashed.
/// Used by one thread at a time.
final class TableKeys {
    /// The number of each key the table's fields read.
    let ordinals: [String: Int]
    /// The key numbers of each field, by position in the table's fields.
    let fieldKeys: [[Int]]
    private var recent: [(key: String, ordinal: Int)] = []
    /// How the table's rows continue an item above them (made once per table).
    let continuation: ContinuationRows

    /// Numbers the keys of `table`'s fields (their keys and unit keys).
    init(_ table: ImportProfile.Table) {
        continuation = ContinuationRows(table: table)
        var ordinals: [String: Int] = [:]
        func number(_ key: String) -> Int {
            if let known = ordinals[key] { return known }
            ordinals[key] = ordinals.count
            return ordinals.count - 1
        }
        fieldKeys = table.fields.map { field in
            let keys = field.keys.map(number)
            _ = field.unitKeys.map(number)
            return keys
        }
        self.ordinals = ordinals
    }

    /// The position in `cells` of the first cell of each key, by key number (-1: none).
    func positions(of cells: [SourceRecord.Cell]) -> [Int] {
        var out = [Int](repeating: -1, count: ordinals.count)
        for (position, cell) in cells.enumerated() {
            let ordinal: Int
            if position < recent.count && recent[position].key == cell.key {
                ordinal = recent[position].ordinal
            } else {
                ordinal = ordinals[cell.key] ?? -1
                if position < recent.count {
                    recent[position] = (cell.key, ordinal)
                } else {
                    recent.append((cell.key, ordinal))
                }
            }
            if ordinal >= 0 && out[ordinal] < 0 { out[ordinal] = position }
        }
        return out
    }
}
