import OnegoCatalog

/// What a composition depends on among an answer set's effects: the selected members and the materials dropped
/// and added, so the checks compose each distinct selection once.
struct OutcomeKey: Hashable {
    var selected: [Int]
    var dropped: [Int: Set<String>]
    var added: [Int: [String]]

    init(_ outcome: SituationOutcome) {
        selected = outcome.selected
        dropped = outcome.droppedMaterials
        added = outcome.addedMaterials.mapValues {
            $0.map { "\($0.name)|\($0.necessity)|\($0.originals)|\($0.copies)" }
        }
    }
}
