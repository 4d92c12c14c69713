/// Collects a ``SearchIndex``'s tables one document at a time.
struct SearchIndexBuilder {
    let pinyin: PinyinTable
    var textIDs: [String: Int32] = [:]
    var texts: [SearchText] = []
    var postings: [[SearchIndex.Posting]] = []
    var textFields: [UInt16] = []
    var forwardStart: [Int32] = [0]
    var forwardTexts: [Int32] = []
    var forwardFields: [SearchField] = []
    var pairs: [UInt64: [Int32]] = [:]
    var characters: [UInt32: [Int32]] = [:]
    var pinyinRuns: PinyinRuns
    var codes: [(code: [UInt8], document: Int32)] = []

    init(pinyin: PinyinTable) {
        self.pinyin = pinyin
        pinyinRuns = PinyinRuns(table: pinyin)
    }

    /// Adds the next document; `id`s must come in increasing order.
    mutating func add(_ document: SearchDocument, id documentID: Int32) {
        for fieldText in document.texts {
            let id: Int32
            if let known = textIDs[fieldText.text] {
                id = known
                // Documents come in order, so a repeat within this document is the last posting.
                if let last = postings[Int(id)].last, last.document == documentID, last.field == fieldText.field {
                    continue
                }
            } else {
                id = addText(fieldText.text)
            }
            postings[Int(id)].append(SearchIndex.Posting(document: documentID, field: fieldText.field))
            textFields[Int(id)] |= 1 << UInt16(fieldText.field.rawValue)
            forwardTexts.append(id)
            forwardFields.append(fieldText.field)
        }
        forwardStart.append(Int32(forwardTexts.count))
        var seen: Set<String> = []
        for code in document.codes where !code.isEmpty && seen.insert(code).inserted {
            codes.append((Array(code.uppercased().utf8), documentID))
        }
    }

    /// Adds a new distinct text to the text, pair, character and pinyin tables.
    private mutating func addText(_ string: String) -> Int32 {
        let id = Int32(texts.count)
        textIDs[string] = id
        let text = SearchText(string, pinyin: pinyin)
        texts.append(text)
        postings.append([])
        textFields.append(0)
        for pair in SearchText.bigrams(text.scalars) { pairs[pair, default: []].append(id) }
        for scalar in Set(text.scalars) { characters[scalar, default: []].append(id) }
        pinyinRuns.add(text, id: id, table: pinyin)
        return id
    }
}
