/// Where one material or result of an imported item came from: its row and the column of each of its fields.
struct ChildPlace: Sendable {
    var source: String
    var sheet: String?
    var row: Int
    var columns: [FieldTarget: String]

    /// The joined row a material or result was built from.
    init(_ record: ParsedRecord) {
        source = record.record.source
        sheet = record.record.sheet
        row = record.record.row
        columns = record.columns
    }

    /// A material named in the item row's list of names (`names`): its name is that column.
    init(_ record: ParsedRecord, names: FieldTarget) {
        source = record.record.source
        sheet = record.record.sheet
        row = record.record.row
        columns = record.columns[names].map { [.materialName: $0] } ?? [:]
    }
}

/// The places of an item's materials and results, in the item's order.
struct ChildPlaces: Sendable {
    var materials: [ChildPlace] = []
    var results: [ChildPlace] = []

    /// The place of `element`, if the item has it.
    func place(of element: ChildElement) -> ChildPlace? {
        let list = element.kind == .material ? materials : results
        return list.indices.contains(element.ordinal) ? list[element.ordinal] : nil
    }
}
