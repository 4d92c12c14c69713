import OnegoCatalog

/// Stage 1 of a composition: the members an answer set selects, with their catalog items.
struct SelectedMembers: Sendable {
    /// What the answers select, and the materials they drop or add.
    var outcome: SituationOutcome
    /// The catalog item of each selected member, by position (0..<count).
    var items: [ServiceItem]
    /// Member index (into `matter.members`) → position among the selected.
    var position: [Int: Int]

    /// Indexes into `matter.members` of the selected members, by position.
    var indexes: [Int] { outcome.selected }
    var count: Int { items.count }

    /// Resolves the answers (date questions measured on `asOf`, the acceptance day, else today) and looks up each
    /// selected member's item.
    static func make(
        _ prepared: PreparedMatter, answers: AnswerSet, asOf: CalendarDay? = nil
    ) throws(CompositionError) -> SelectedMembers {
        let outcome = try prepared.resolver.resolve(answers, asOf: asOf)
        var items: [ServiceItem] = []
        items.reserveCapacity(outcome.selected.count)
        var position: [Int: Int] = [:]
        for member in outcome.selected {
            guard let item = prepared.items[member] else {
                throw .unknownItem(member: prepared.matter.members[member])
            }
            position[member] = items.count
            items.append(try item.composable(as: prepared.matter.members[member]))
        }
        return SelectedMembers(outcome: outcome, items: items, position: position)
    }
}
