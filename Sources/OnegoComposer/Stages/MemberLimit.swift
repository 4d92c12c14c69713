import OnegoCatalog

extension ServiceItem {
    /// The member item as a composition counts it: an item whose promised limit is 未公布 takes its statutory limit,
    /// with a note saying so.
    ///
    /// - Throws: ``CompositionError/noPromisedLimit(member:item:)`` when the item publishes neither limit.
    func composable(as member: MatterMember) throws(CompositionError) -> ServiceItem {
        guard promisedLimit == nil else { return self }
        guard let statutory = statutoryLimit else { throw .noPromisedLimit(member: member, item: name) }
        var item = self
        let note = "承诺时限未公布，按法定时限计" + (statutory.note.map { "；\($0)" } ?? "")
        item.promisedLimit = TimeLimit(statutory.value, statutory.unit, note: note)
        return item
    }

    /// The limit a selected member counts with: always the promised one, since ``composable(as:)`` filled it.
    var composingLimit: TimeLimit { promisedLimit ?? statutoryLimit ?? TimeLimit(0, .workingDays) }
}
