/// How a ``GuideTable`` is laid out on paper, shared by the HTML, Markdown and Word renderers so the three agree:
///
/// - an item-code column (事项编码) beside a name column moves under the names in small type, so the 34-character
///   codes no longer squeeze the names;
/// - a 材料形式 column whose rows all say the same thing (纸质和电子 on every line) becomes one note under the table.
struct GuideTablePresentation {
    /// The columns shown.
    var columns: [String]
    /// The rows shown, as many cells as columns.
    var rows: [[String]]
    /// Centred columns, re-indexed.
    var centred: Set<Int>
    /// Per shown row, the code printed under the name cell (empty when the table has no code column).
    var codes: [String]
    /// The shown column that carries the codes under its cells.
    var codeUnder: Int?
    /// A note printed after the table (the value of a collapsed column).
    var note: String?

    /// Columns that hold codes.
    static let codeColumns: Set<String> = ["事项编码", "编码"]
    /// Columns that may hold names, checked in this order.
    static let nameColumns = ["事项名称", "事项", "名称", "材料名称"]
    /// Columns collapsed into a note when every row agrees.
    static let uniformColumns: Set<String> = ["材料形式"]

    init(_ table: GuideTable) {
        var keep = Array(table.columns.indices)
        codes = []
        note = nil
        if let code = table.columns.firstIndex(where: Self.codeColumns.contains),
            let name = Self.nameColumns.lazy.compactMap({ table.columns.firstIndex(of: $0) }).first
        {
            keep.removeAll { $0 == code }
            codes = table.rows.map { code < $0.count ? $0[code] : "" }
            codeUnder = keep.firstIndex(of: name)
        }
        if table.rows.count > 1 {
            for (index, column) in table.columns.enumerated() where Self.uniformColumns.contains(column) {
                let values = Set(table.rows.map { index < $0.count ? $0[index] : "" })
                guard values.count == 1, let value = values.first, !value.isEmpty, value != "—" else { continue }
                keep.removeAll { $0 == index }
                note = "以上材料的\(column)均为：\(value)"
            }
        }
        columns = keep.map { table.columns[$0] }
        rows = table.rows.map { row in keep.map { $0 < row.count ? row[$0] : "" } }
        centred = Set(keep.enumerated().compactMap { table.centred.contains($0.element) ? $0.offset : nil })
    }

    /// The code to print under the cell at (`row`, `column`), if any.
    func code(row: Int, column: Int) -> String? {
        guard column == codeUnder, row < codes.count, !codes[row].isEmpty else { return nil }
        return codes[row]
    }
}
