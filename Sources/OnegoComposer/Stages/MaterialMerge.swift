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
        /// The members (indexes into the matter's members) whose results provide the document.
        var producers: [Int]
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

    /// What a merged line is found by: the key's number (``PreparedMatter/Line/keyID``), the fate, and for the
    /// second and later line of one document in one member, its repeat number. Its text is ``text(_:)``.
    struct Key: Hashable, Sendable {
        var id: Int
        /// 0 none, 1 dropped, 2 joint form (the matter has one), 3 promise; 0 for a repeat.
        var fate: UInt8
        /// 1, or the repeat number (2, 3…).
        var repeatNumber: Int

        init(id: Int, fate: Fate, repeatNumber: Int = 1) {
            self.id = id
            self.repeatNumber = repeatNumber
            switch fate {
            case _ where repeatNumber > 1: self.fate = 0
            case .none: self.fate = 0
            case .dropped: self.fate = 1
            case .jointForm: self.fate = 2
            case .promise: self.fate = 3
            }
        }

        /// The key as ``MergedMaterial/key`` shows it: the line's identity, then the fate or the repeat number.
        func text(_ line: PreparedMatter.Line, fate: Fate) -> String {
            if repeatNumber > 1 { return line.key + "\u{1F}#\(repeatNumber)" }
            return fate == .none ? line.key : line.key + "\u{1F}" + fate.keyText
        }
    }

    var lines: OrderedDictionary<Key, Line>
    /// Member lines needed in this situation (before bundling), and their copies.
    var linesBefore: Int
    var copiesBefore: Int

    static func make(_ selection: SelectedMembers, prepared: PreparedMatter, synonyms: SynonymTable) -> MaterialMerge {
        var merge = MaterialMerge(lines: [:], linesBefore: 0, copiesBefore: 0)
        var keys = prepared.keys
        var ownKeys: [Key] = []
        for (position, member) in selection.indexes.enumerated() {
            let dropped = selection.outcome.droppedMaterials[member] ?? []
            ownKeys.removeAll(keepingCapacity: true)
            for line in prepared.lines[member] {
                merge.add(line, from: position, dropped: dropped, ownKeys: &ownKeys)
            }
            for extra in selection.outcome.addedMaterials[member] ?? [] {
                let line = prepared.addedLine(extra, member: member, synonyms: synonyms, keys: &keys)
                merge.add(line, from: position, dropped: dropped, ownKeys: &ownKeys)
            }
        }
        return merge
    }

    /// Adds one member line: merged into the line of the same key, else a new line.
    private mutating func add(
        _ line: PreparedMatter.Line, from position: Int, dropped: Set<String>, ownKeys: inout [Key]
    ) {
        let material = line.material
        let fate = !dropped.isEmpty && dropped.contains(material.name) ? .dropped : line.fixedFate
        if fate != .dropped {
            linesBefore += 1
            copiesBefore += material.copies
        }
        // A fate other than none keeps the line apart from brought lines of the same document; a member listing
        // one document twice (two people's) keeps both. A member lists a handful of lines: a linear search.
        var key = Key(id: line.keyID, fate: fate)
        while ownKeys.contains(key) { key = Key(id: line.keyID, fate: fate, repeatNumber: key.repeatNumber + 1) }
        ownKeys.append(key)
        if let index = lines.index(forKey: key) {
            // In place: one lookup, and the line's arrays are not copied.
            lines.values[index].merge(material, from: position)
        } else {
            let label = material.holder.map(MaterialHolder.shortLabel) ?? ""
            let shown = line.displayName + (label.isEmpty ? "" : "（\(label)）")
            lines[key] = Line(
                key: key.text(line, fate: fate), document: line.document, producers: line.producers, name: shown,
                holder: material.holder, aliases: [material.name], necessity: material.necessity,
                originals: material.originals, copies: material.copies, eLicence: material.eLicence, users: [position],
                sources: [(position, material)], fate: fate)
        }
    }
}
