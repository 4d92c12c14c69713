import OnegoCatalog
import OrderedCollections

/// Stage 2 of a composition: the selected members' material lines merged by identity (document + holder), with
/// what each member line's own fate is (dropped by the situation, replaced by the joint form or a promise).
struct MaterialMerge: Sendable {
    /// One merged line under construction.
    struct Line: Sendable {
        var key: String
        /// The document part of the identity (for document flow).
        var document: String
        var name: String
        var holder: String?
        var aliases: [String]
        var necessity: Necessity
        var originals: Int
        var copies: Int
        var eLicence: String?
        /// Positions of the members that use it, in order of first use.
        var users: OrderedSet<Int>
        /// The member lines behind it: (position, catalog material).
        var sources: [(position: Int, material: Material)]
        /// Why the line is not brought, when every member line behind it shares that fate.
        var fate: Fate

        /// Adds another member's line of the same identity: the strictest necessity, the largest counts.
        mutating func merge(_ material: Material, from position: Int) {
            necessity = max(necessity, material.necessity)
            originals = max(originals, material.originals)
            copies = max(copies, material.copies)
            users.append(position)
            if !aliases.contains(material.name) { aliases.append(material.name) }
            if eLicence == nil { eLicence = material.eLicence }
            sources.append((position, material))
        }
    }

    /// What the matter does to one member line before document flow and 免证办 are considered.
    enum Fate: Hashable, Sendable {
        case none
        /// The situation drops it.
        case dropped
        /// The joint form replaces it.
        case jointForm(String)
        /// A written promise replaces it.
        case promise

        /// The fate as it reads in a line key: the same text as `"\(fate)"` without going through reflection
        /// (which cost more than the rest of the merge).
        var keyText: String {
            switch self {
            case .none: "none"
            case .dropped: "dropped"
            case .jointForm(let name): "jointForm(" + name.debugDescription + ")"
            case .promise: "promise"
            }
        }
    }

    var lines: OrderedDictionary<String, Line>
    /// Member lines needed in this situation (before bundling), and their copies.
    var linesBefore: Int
    var copiesBefore: Int

    static func make(_ selection: SelectedMembers, prepared: PreparedMatter, synonyms: SynonymTable) -> MaterialMerge {
        let matter = prepared.matter
        var merged = OrderedDictionary<String, Line>()
        var linesBefore = 0
        var copiesBefore = 0
        let promised = Set(matter.promises.map { "\($0.member)\u{1F}\($0.name)" })
        let named = Set((matter.jointForm?.replaces ?? []).map { "\($0.member)\u{1F}\($0.name)" })
        for (position, member) in selection.indexes.enumerated() {
            let memberID = matter.members[member].id
            let dropped = selection.outcome.droppedMaterials[member] ?? []
            var lines = prepared.lines[member]
            for extra in selection.outcome.addedMaterials[member] ?? [] {
                lines.append(PreparedMatter.Line(extra, synonyms: synonyms))
            }
            // A member lists a handful of lines: a linear search compares fewer strings than hashing each key
            // (hashing Chinese text normalises it).
            var ownKeys: [String] = []
            for line in lines {
                let material = line.material
                let fate: Fate
                if !dropped.isEmpty && dropped.contains(material.name) {
                    fate = .dropped
                } else if let form = matter.jointForm,
                    (form.replacesApplicationForms && material.type == .form)
                        || (!named.isEmpty && named.contains("\(memberID)\u{1F}\(material.name)"))
                {
                    fate = .jointForm(form.name)
                } else if !promised.isEmpty && promised.contains("\(memberID)\u{1F}\(material.name)") {
                    fate = .promise
                } else {
                    fate = .none
                }
                if fate != .dropped {
                    linesBefore += 1
                    copiesBefore += material.copies
                }
                // A fate other than none keeps the line apart from brought lines of the same document; a member
                // listing one document twice (two people's) keeps both.
                var key = fate == .none ? line.key : line.key + "\u{1F}" + fate.keyText
                var repeatNumber = 1
                while ownKeys.contains(key) {
                    repeatNumber += 1
                    key = line.key + "\u{1F}#\(repeatNumber)"
                }
                ownKeys.append(key)
                if let index = merged.index(forKey: key) {
                    // In place: one lookup, and the line's arrays are not copied.
                    merged.values[index].merge(material, from: position)
                } else {
                    let label = material.holder.map(MaterialHolder.shortLabel) ?? ""
                    let shown = line.displayName + (label.isEmpty ? "" : "（\(label)）")
                    merged[key] = Line(
                        key: key, document: line.document, name: shown, holder: material.holder,
                        aliases: [material.name], necessity: material.necessity, originals: material.originals,
                        copies: material.copies, eLicence: material.eLicence, users: [position],
                        sources: [(position, material)], fate: fate)
                }
            }
        }
        return MaterialMerge(lines: merged, linesBefore: linesBefore, copiesBefore: copiesBefore)
    }
}
