import OnegoCatalog
import OrderedCollections

/// Stage 4 of a composition, and the one place that decides what the applicant hands in: each merged line's
/// ``MaterialDisposition``.
///
/// In order: a line the situation drops is `notNeeded`; one the joint form or a written promise replaces is
/// `replaced`; one another member's result provides is `produced`; one every member behind it fetches as an
/// e-licence (the member is 免证办 and the line names an e-licence type) is `fetched`; anything else is `bring`.
/// The joint form itself is a `bring` line. Lines of one e-licence type kept apart for want of a declared holder
/// carry a hint to declare one.
enum SubmittedSet {
    static func make(
        _ selection: SelectedMembers, merge: MaterialMerge, flow: DocumentFlow, matter: Matter
    ) -> [MergedMaterial] {
        let items = selection.items
        var result: [MergedMaterial] = []
        var replacedUsers: [Int] = []
        for line in merge.lines.values {
            var material = MergedMaterial(
                key: line.key, name: line.name, holder: line.holder, aliases: line.aliases,
                necessity: line.necessity, originals: line.originals, copies: line.copies, eLicence: line.eLicence,
                usedBy: line.users.map { items[$0].id }, disposition: .bring)
            switch line.fate {
            case .dropped:
                material.disposition = .notNeeded
                material.note = "本情形无需提交"
            case .jointForm(let name):
                material.disposition = .replaced
                material.replacedBy = name
                material.note = "已并入《\(name)》，一表申请，无需另行填报"
                for user in line.users where !replacedUsers.contains(user) { replacedUsers.append(user) }
            case .promise:
                material.disposition = .replaced
                material.replacedBy = "告知承诺书"
                material.note = "实行告知承诺制，以申请人签署的告知承诺书代替"
            case .none:
                if !flow.provider.isEmpty, let provider = flow.provider[line.key] {
                    material.disposition = .produced
                    material.providedBy = items[provider].id
                    material.note = "由 \(items[provider].name) 办理结果自动获取"
                } else if let licence = line.eLicence,
                    line.sources.allSatisfy({
                        items[$0.position].modes.isCertificateFree && $0.material.eLicence != nil
                    })
                {
                    material.disposition = .fetched
                    material.fetchedAs = licence
                    material.note = "免证办，窗口通过电子证照“\(licence)”调取"
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

    /// Lines of one e-licence type without a declared holder and with different names stay apart; each gets a
    /// hint naming the others.
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
                let others = offsets.filter { $0 != offset }.map { "“\(lines[$0].name)”" }
                lines[offset].holderHint =
                    "与\(Array(Set(others)).sorted().joined(separator: "、"))同为电子证照“\(lines[offset].eLicence ?? "")”，"
                    + "未注明持有人，未合并；如为同一人的证件，请在目录中注明持有人（holder）"
            }
        }
    }
}
