public import OnegoCatalog
public import OnegoComposer

/// A ranked search over a catalog's items and the matters built on it.
///
/// A query matches item and matter names, 俗称 and keywords, pinyin and pinyin initials (`qykb` → 企业开办),
/// material and result names (`营业执照` finds the item that issues it and the matters that bundle that item),
/// departments and codes (by prefix); short queries also find near names through related words and shared
/// character pairs (`开饭店` → 开办餐饮店). Words separated by spaces must all match. Order is deterministic:
/// by score, then by code.
///
/// ```swift
/// let index = SearchIndex(catalog: catalog, matters: matters)
/// for hit in index.search("qykb") { print(hit.code, hit.name, hit.matched) }
/// ```
public struct SearchIndex: Sendable {
    /// Where a text occurs: a document and the field.
    struct Posting: Sendable {
        var document: Int32
        var field: SearchField
    }

    let documents: [SearchDocument]
    /// Distinct texts over all documents.
    let texts: [SearchText]
    /// For each text, the documents and fields holding it.
    let postings: [[Posting]]
    /// Texts by character pair.
    let pairs: [UInt64: [Int32]]
    /// Upper-cased codes sorted, with their documents.
    let codes: [(code: [UInt8], document: Int32)]
    /// Each document's position when ordered by code (ties in score go by code).
    let codeRanks: [Int32]
    let pinyin: PinyinTable
    let relatedWords: RelatedWords

    /// Indexes the catalog's items and the matters (their member items' names, results and materials are looked up
    /// in `catalog`).
    public init(catalog: Catalog, matters: [Matter]) {
        var documents = catalog.items.map(SearchDocument.init(item:))
        documents += matters.map { SearchDocument(matter: $0, catalog: catalog) }
        let pinyin = PinyinTable.shared
        var textIDs: [String: Int32] = [:]
        var texts: [SearchText] = []
        var postings: [[Posting]] = []
        var pairs: [UInt64: [Int32]] = [:]
        var codes: [(code: [UInt8], document: Int32)] = []
        for (offset, document) in documents.enumerated() {
            let documentID = Int32(offset)
            for fieldText in document.texts {
                let id: Int32
                if let known = textIDs[fieldText.text] {
                    id = known
                    // Documents come in order, so a repeat within this document is the last posting.
                    if let last = postings[Int(id)].last, last.document == documentID, last.field == fieldText.field {
                        continue
                    }
                } else {
                    id = Int32(texts.count)
                    textIDs[fieldText.text] = id
                    let text = SearchText(fieldText.text, pinyin: pinyin)
                    texts.append(text)
                    postings.append([])
                    for pair in SearchText.bigrams(text.scalars) { pairs[pair, default: []].append(id) }
                }
                postings[Int(id)].append(Posting(document: documentID, field: fieldText.field))
            }
            var seen: Set<String> = []
            for code in document.codes where !code.isEmpty && seen.insert(code).inserted {
                codes.append((Array(code.uppercased().utf8), documentID))
            }
        }
        codes.sort { $0.code.lexicographicallyPrecedes($1.code) }
        var codeRanks = [Int32](repeating: 0, count: documents.count)
        for (rank, offset) in documents.indices.sorted(by: { documents[$0].code < documents[$1].code }).enumerated() {
            codeRanks[offset] = Int32(rank)
        }
        self.codeRanks = codeRanks
        self.documents = documents
        self.texts = texts
        self.postings = postings
        self.pairs = pairs
        self.codes = codes
        self.pinyin = pinyin
        self.relatedWords = RelatedWords.shared
    }

    /// The number of items and matters indexed.
    public var count: Int { documents.count }

    /// The best `limit` hits for `query` that pass `facets`, best first (ties by code). An empty query lists
    /// every item and matter passing `facets`, by code, with score 0.
    public func search(_ query: String, facets: SearchFacets = SearchFacets(), limit: Int = 50) -> [SearchHit] {
        let (found, words) = allHits(query)
        let hits = best(
            facets.isEmpty ? found : found.filter { documents[Int($0.document)].matches(facets) }, limit: limit)
        return hits.map { scored in
            let document = documents[Int(scored.document)]
            var matched: [String] = []
            for word in words {
                for label in word.labels(of: scored.document) where !matched.contains(label) { matched.append(label) }
            }
            return SearchHit(
                kind: document.kind, code: document.code, name: document.name, department: document.department,
                score: scored.score, matched: matched)
        }
    }

    /// The `limit` best of `hits` in order: by score, then by code; a bounded insertion for few of many.
    func best(_ hits: [ScoredDocument], limit: Int) -> [ScoredDocument] {
        func precedes(_ lhs: ScoredDocument, _ rhs: ScoredDocument) -> Bool {
            lhs.score != rhs.score ? lhs.score > rhs.score : codeRanks[Int(lhs.document)] < codeRanks[Int(rhs.document)]
        }
        guard limit > 0 else { return [] }
        guard limit < hits.count / 8 else { return Array(hits.sorted(by: precedes).prefix(limit)) }
        var top: [ScoredDocument] = []
        top.reserveCapacity(limit + 1)  // limit < hits.count here, so this cannot overflow
        for hit in hits {
            if top.count == limit, let last = top.last, !precedes(hit, last) { continue }
            var low = 0
            var high = top.count
            while low < high {
                let middle = (low + high) / 2
                if precedes(top[middle], hit) { low = middle + 1 } else { high = middle }
            }
            top.insert(hit, at: low)
            if top.count > limit { top.removeLast() }
        }
        return top
    }

    /// How many hits of `query` (with no facet filter) fall under each department, item type, level and
    /// audience; each list is ordered by count, then by value.
    public func facetCounts(for query: String) -> SearchFacetCounts {
        var department: [String: Int] = [:]
        var type: [String: Int] = [:]
        var level: [String: Int] = [:]
        var audience: [String: Int] = [:]
        for hit in allHits(query).documents {
            let document = documents[Int(hit.document)]
            if let value = document.department { department[value, default: 0] += 1 }
            type[document.type, default: 0] += 1
            if let value = document.level { level[value, default: 0] += 1 }
            for value in Set(document.audiences) { audience[value, default: 0] += 1 }
        }
        func ordered(_ counts: [String: Int]) -> [SearchFacetCount] {
            counts.map { SearchFacetCount(value: $0.key, count: $0.value) }
                .sorted { $0.count != $1.count ? $0.count > $1.count : $0.value < $1.value }
        }
        return SearchFacetCounts(
            department: ordered(department), type: ordered(type), level: ordered(level), audience: ordered(audience))
    }
}
