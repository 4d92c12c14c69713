import OnegoCatalog

/// What the composer computes once per matter so each composition is a few array walks: the member items,
/// each material's identity, each result's identity, and which members can feed which.
struct PreparedMatter: Sendable {
    struct Line: Sendable {
        /// The identity the line merges on: the document and its holder.
        var key: String
        /// The document part of the identity, without the holder (what a member's result is matched on).
        var document: String
        /// The synonym table's preferred name, else the name as written.
        var displayName: String
        var material: Material
        /// The key's number among the matter's line keys (equal keys, equal numbers): what the merge hashes, so no
        /// composition hashes Chinese text (which normalises it).
        var keyID: Int
        /// The members (indexes into the matter's members) whose results provide the document.
        var producers: [Int]
        /// What the matter does to the line whatever the answers: replaced by the joint form or a promise, or
        /// nothing (the answers may still drop it).
        var fixedFate: MaterialMerge.Fate

        init(_ material: Material, synonyms: SynonymTable, keys: inout LineKeys, fixedFate: MaterialMerge.Fate) {
            key = PreparedMatter.identity(of: material, synonyms: synonyms)
            document = synonyms.key(for: material.eLicence ?? material.name)
            displayName = synonyms.preferredName(for: material.eLicence ?? material.name) ?? material.name
            if material.holder == nil, material.eLicence != nil,
                synonyms.key(for: material.name) != synonyms.key(for: material.eLicence ?? "")
            {
                // A line named after someone (法定代表人身份证明) keeps its own name until it declares a holder.
                displayName = material.name
            }
            self.material = material
            keyID = keys.id(for: key)
            producers = keys.producers[document] ?? []
            self.fixedFate = fixedFate
        }
    }

    /// The numbers of the line keys seen so far, and the members providing each document.
    struct LineKeys: Sendable {
        var ids: [String: Int] = [:]
        var producers: [String: [Int]]

        mutating func id(for key: String) -> Int {
            if let id = ids[key] { return id }
            ids[key] = ids.count
            return ids.count - 1
        }
    }

    let matter: Matter
    let resolver: SituationResolver
    /// The catalog item of each member (nil when its code is unknown).
    let items: [ServiceItem?]
    /// Each member's catalog materials with their identities.
    let lines: [[Line]]
    /// The numbers of the keys of ``lines`` (a material the answers add gets the next free one).
    let keys: LineKeys
    /// Explicit order: `explicitPredecessors[i]` must finish before member `i` starts.
    let explicitPredecessors: [[Int]]
    /// Member index → the shared form fields mapped onto it.
    let formFieldsByMember: [[Int]]
    /// The member lines (`member id` U+001F `material name`) the joint form names as replaced, and those a written
    /// promise replaces.
    let jointFormLines: Set<String>
    let promisedLines: Set<String>

    init(matter: Matter, catalog: Catalog, synonyms: SynonymTable) {
        self.matter = matter
        resolver = SituationResolver(matter: matter)
        let items = matter.members.map { catalog.item(code: $0.code) }
        self.items = items
        var producers: [String: [Int]] = [:]
        for (offset, item) in items.enumerated() {
            for result in item?.results ?? [] {
                let key = synonyms.key(for: result.eLicence ?? result.name)
                if producers[key]?.last != offset { producers[key, default: []].append(offset) }
                // A result known by e-licence type also answers to its name.
                let byName = synonyms.key(for: result.name)
                if byName != key, producers[byName]?.last != offset { producers[byName, default: []].append(offset) }
            }
        }
        let jointFormLines = Set((matter.jointForm?.replaces ?? []).map { "\($0.member)\u{1F}\($0.name)" })
        let promisedLines = Set(matter.promises.map { "\($0.member)\u{1F}\($0.name)" })
        self.jointFormLines = jointFormLines
        self.promisedLines = promisedLines
        var keys = LineKeys(producers: producers)
        var lines: [[Line]] = []
        for (member, item) in items.enumerated() {
            lines.append(
                (item?.materials ?? []).map { material in
                    Line(
                        material, synonyms: synonyms, keys: &keys,
                        fixedFate: Self.fixedFate(
                            of: material, member: matter.members[member].id, matter: matter,
                            jointFormLines: jointFormLines, promisedLines: promisedLines))
                })
        }
        self.lines = lines
        self.keys = keys
        var explicit = Array(repeating: [Int](), count: matter.members.count)
        let index = resolver.memberIndex
        for (offset, member) in matter.members.enumerated() {
            explicit[offset] += member.after.compactMap { index[$0] }
        }
        var earlier: [Int] = []
        for stage in matter.stages {
            let members = stage.members.compactMap { index[$0] }
            for member in members { explicit[member] += earlier }
            earlier += members
        }
        explicitPredecessors = explicit
        var fields = Array(repeating: [Int](), count: matter.members.count)
        for (offset, field) in matter.formFields.enumerated() {
            for mapping in field.mappings {
                if let member = index[mapping.member] { fields[member].append(offset) }
            }
        }
        formFieldsByMember = fields
    }

    /// A member line made for a material the answers add (numbered after the catalog's lines).
    func addedLine(_ material: Material, member: Int, synonyms: SynonymTable, keys: inout LineKeys) -> Line {
        Line(
            material, synonyms: synonyms, keys: &keys,
            fixedFate: Self.fixedFate(
                of: material, member: matter.members[member].id, matter: matter, jointFormLines: jointFormLines,
                promisedLines: promisedLines))
    }

    /// The joint form replaces application forms (when it says so) and the lines it names; else a written promise
    /// replaces the lines it names.
    static func fixedFate(
        of material: Material, member: String, matter: Matter, jointFormLines: Set<String>,
        promisedLines: Set<String>
    ) -> MaterialMerge.Fate {
        if let form = matter.jointForm,
            (form.replacesApplicationForms && material.type == .form)
                || (!jointFormLines.isEmpty && jointFormLines.contains("\(member)\u{1F}\(material.name)"))
        {
            return .jointForm(form.name)
        }
        if !promisedLines.isEmpty && promisedLines.contains("\(member)\u{1F}\(material.name)") { return .promise }
        return .none
    }

    /// A material's identity: the document (its e-licence type when it names one, else its name; normalised,
    /// then mapped through the synonym table) and its holder. Without a declared holder, two lines of the same
    /// e-licence type are the same document only when their names also agree: 法定代表人身份证明 and
    /// 股东主体资格证明 may both be 居民身份证s, but of different people.
    static func identity(of material: Material, synonyms: SynonymTable) -> String {
        let document = synonyms.key(for: material.eLicence ?? material.name)
        if let holder = material.holder { return document + "\u{1F}" + holder }
        guard material.eLicence != nil else { return document }
        let name = synonyms.key(for: material.name)
        return name == document ? document : document + "\u{1F}\u{1F}" + name
    }
}
