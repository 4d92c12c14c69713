import OnegoCatalog
import OrderedCollections

/// Stage 4 of a composition, and the one place that decides what the applicant hands in: each merged line's
/// ``MaterialDisposition``.
///
/// In order: a line the situation drops is `notNeeded`; one the joint form or a written promise replaces is
/// `replaced`; one another member's result provides is `produced`; one every member behind it fetches as an
/// e-licence (the member is 免证办 and the line names an e-licence type) is `fetched`; anything else is `bring`.
/// The joint form itself is a `bring` line. Lines of one e-licence type kept apart for want of a declared holder
/// name each other, so the exporters can suggest declaring one.
enum SubmittedSet {
    static func make(
        _ selection: SelectedMembers, merge: MaterialMerge, flow: DocumentFlow, matter: Matter
    ) -> [MergedMaterial] {
        let items = selection.items
        var result: [MergedMaterial] = []
        var replacedUsers: [Int] = []
        for (offset, line) in merge.lines.values.enumerated() {
            var material = MergedMaterial(
                key: line.key, name: line.name, holder: line.holder, aliases: line.aliases,
                necessity: line.necessity, originals: line.originals, copies: line.copies, eLicence: line.eLicence,
                usedBy: line.users.map { items[$0].id }, disposition: .bring)
            switch line.fate {
            case .dropped:
                material.disposition = .notNeeded
            case .jointForm(let name):
                material.disposition = .replaced
                material.replacedBy = name
                for user in line.users where !replacedUsers.contains(user) { replacedUsers.append(user) }
            case .promise:
                material.disposition = .replaced
                material.replacedBy = MergedMaterial.promiseName
            case .none:
                if !flow.provider.isEmpty, let provider = flow.provider[offset] {
                    material.disposition = .produced
                    material.providedBy = items[provider].id
                } else if let licence = line.eLicence,
                    line.sources.allSatisfy({
                        items[$0.position].modes.isCertificateFree && $0.material.eLicence != nil
                    })
                {
                    material.disposition = .fetched
                    material.fetchedAs = licence
                }
            }
            result.append(material)
        }
        addHolderHints(&result, merge: merge)
        if let form = matter.jointForm {
            let users = replacedUsers.isEmpty ? Array(0..<items.count) : replacedUsers.sorted()
            var joint = MergedMaterial(
                key: "\u{1F}jointForm", name: form.name, holder: nil, aliases: [form.name], necessity: .required,
                originals: 1, copies: 0, eLicence: nil, usedBy: users.map { items[$0].id }, disposition: .bring)
            joint.isJointForm = true
            result.insert(joint, at: 0)
        }
        return result
    }

    /// Lines of one e-licence type without a declared holder and with different names stay apart; each names the
    /// others (``MergedMaterial/keptApartFrom``).
    private static func addHolderHints(_ lines: inout [MergedMaterial], merge: MaterialMerge) {
        var byDocument: [String: [Int]] = [:]
        for (offset, line) in merge.lines.values.enumerated()
        where line.holder == nil && line.eLicence != nil && line.fate != .dropped {
            byDocument[line.document, default: []].append(offset)
        }
        for offsets in byDocument.values where offsets.count > 1 {
            let names = Set(offsets.map { lines[$0].name })
            guard names.count > 1 else { continue }
            for offset in offsets {
                lines[offset].keptApartFrom = Array(Set(offsets.filter { $0 != offset }.map { lines[$0].name }))
                    .sorted()
            }
        }
    }
}
