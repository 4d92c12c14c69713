/// Collects a ``SearchIndex``'s tables one document at a time.
///
/// Documents with the same searchable content (kind, type and type code, level, audiences, and the same list of
/// field texts apart from their departments and codes) form one ``SearchIndex/groups`` entry: the texts of such a
/// group are posted once, for the group; each document's department texts and codes stay its own. This is the shape
/// of a provincial catalog, where one standardized item is implemented in every county by a different body.
struct SearchIndexBuilder {
    /// What makes documents share their content. The texts are taken by number (field and text ID), so a key hashes
    /// and compares integers, not every text's characters again.
    struct GroupKey: Hashable {
        var kind: SearchHit.Kind
        var type: String
        var typeCode: String?
        var level: String?
        var audiences: [String]
        var texts: [UInt64]
    }

    let pinyin: PinyinTable
    var textIDs: [String: Int32] = [:]
    var texts: [SearchText] = []
    /// Per text, the groups holding it in fields other than the department.
    var groupPostings: [[SearchIndex.Posting]] = []
    /// Per text, the documents holding it as a department text.
    var postings: [[SearchIndex.Posting]] = []
    var forwardStart: [Int32] = [0]
    var forwardTexts: [Int32] = []
    var forwardFields: [SearchField] = []
    var pairs: [UInt64: [Int32]] = [:]
    var characters: [UInt32: [Int32]] = [:]
    var pinyinRuns: PinyinRuns
    var codes: [(code: [UInt8], document: Int32)] = []
    var groupIDs: [GroupKey: Int32] = [:]
    /// Each document's group.
    var groupOf: [Int32] = []

    init(pinyin: PinyinTable) {
        self.pinyin = pinyin
        pinyinRuns = PinyinRuns(table: pinyin)
    }

    /// Adds the next document; `id`s must come in increasing order.
    mutating func add(_ document: SearchDocument, id documentID: Int32) {
        let shared = document.texts.filter { $0.field != .department }
        // Numbering the shared texts first adds new ones in the order posting them would.
        let sharedIDs = shared.map { textIDs[$0.text] ?? addText($0.text) }
        let key = GroupKey(
            kind: document.kind, type: document.type, typeCode: document.typeCode, level: document.level,
            audiences: document.audiences,
            texts: zip(shared, sharedIDs).map { UInt64($0.field.rawValue) << 32 | UInt64(UInt32(bitPattern: $1)) })
        if let group = groupIDs[key] {
            groupOf.append(group)
        } else {
            let group = Int32(groupIDs.count)
            groupIDs[key] = group
            groupOf.append(group)
            for (fieldText, id) in zip(shared, sharedIDs) { post(fieldText, id: id, holder: group, own: false) }
        }
        for fieldText in document.texts where fieldText.field == .department {
            let id = textIDs[fieldText.text] ?? addText(fieldText.text)
            guard post(fieldText, id: id, holder: documentID, own: true) else { continue }
            forwardTexts.append(id)
            forwardFields.append(fieldText.field)
        }
        forwardStart.append(Int32(forwardTexts.count))
        var seen: Set<String> = []
        for code in document.codes where !code.isEmpty && seen.insert(code).inserted {
            codes.append((Array(code.uppercased().utf8), documentID))
        }
    }

    /// Posts text `id` for `holder` (a group, or with `own` a document), unless the holder's last posting of the
    /// text is the same; tells whether it posted.
    @discardableResult
    private mutating func post(_ fieldText: SearchDocument.FieldText, id: Int32, holder: Int32, own: Bool) -> Bool {
        let posting = SearchIndex.Posting(document: holder, field: fieldText.field)
        // Holders come in order, so a repeat within this holder is the last posting.
        let last = own ? postings[Int(id)].last : groupPostings[Int(id)].last
        if let last, last.document == holder, last.field == fieldText.field { return false }
        if own {
            postings[Int(id)].append(posting)
        } else {
            groupPostings[Int(id)].append(posting)
        }
        return true
    }

    /// Adds a new distinct text to the text, pair, character and pinyin tables.
    private mutating func addText(_ string: String) -> Int32 {
        let id = Int32(texts.count)
        textIDs[string] = id
        let text = SearchText(string, pinyin: pinyin)
        texts.append(text)
        postings.append([])
        groupPostings.append([])
        for pair in SearchText.bigrams(text.scalars) { pairs[pair, default: []].append(id) }
        for scalar in Set(text.scalars) { characters[scalar, default: []].append(id) }
        pinyinRuns.add(text, id: id, table: pinyin)
        return id
    }
}
