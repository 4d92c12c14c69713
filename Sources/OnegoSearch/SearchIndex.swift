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
    /// Where a text occurs: a document (in ``groupPostings``, a group) and the field.
    struct Posting: Sendable {
        var document: Int32
        var field: SearchField
    }

    let documents: [SearchDocument]
    /// Distinct texts over all documents.
    let texts: [SearchText]
    /// The texts' scalars in one buffer, as query words read them (``texts`` keeps them per text for building).
    let textScalars: TextScalarStore
    /// For each text, the documents holding it as a department text (a document's own texts).
    let postings: [[Posting]]
    /// For each text, the groups holding it in other fields (the texts their documents share).
    let groupPostings: PostingTable
    /// The documents' content groups (see ``SearchIndexBuilder``): each document's group, and each group's
    /// members ordered by code (`members[memberStart[g]..<memberStart[g + 1]]`) and by department, then code.
    let groups: SearchGroups
    /// Each document's own postings (department texts) as (text, field), in posting order: entries
    /// `forwardStart[d]..<forwardStart[d + 1]`.
    let forwardStart: [Int32]
    let forwardTexts: [Int32]
    let forwardFields: [SearchField]
    /// The distinct lists of the documents' own postings, each posted once per text.
    let ownLists: SearchOwnLists
    /// Texts by character pair.
    let pairs: [UInt64: [Int32]]
    /// Texts by character (for one-character queries).
    let characters: [UInt32: [Int32]]
    /// The texts' runs of Hanzi, matched by pinyin.
    let pinyinRuns: PinyinRuns
    /// Upper-cased codes sorted, with their documents.
    let codes: [(code: [UInt8], document: Int32)]
    /// Each document's position when ordered by code (ties in score go by code).
    let codeRanks: [Int32]
    /// The documents ordered by code (the inverse of ``codeRanks``).
    let rankedDocuments: [Int32]
    let pinyin: PinyinTable
    let relatedWords: RelatedWords
    /// The documents' facet values as numbers.
    let facetTable: FacetTable
    /// Per-group slots lent to queries.
    let groupScratchPool: SearchScratchPool
    /// Per-own-list slots lent to queries.
    let ownListScratchPool: SearchScratchPool
    /// Per-text counts lent to query words.
    let textTallies: TextTallyPool
    /// Per-pinyin-run slots lent to query words.
    let runSlotPool: SearchScratchPool

    /// Indexes the catalog's items and the matters (their member items' names, results and materials are looked up
    /// in `catalog`).
    public init(catalog: Catalog, matters: [Matter]) {
        var documents = catalog.items.map(SearchDocument.init(item:))
        documents += matters.map { SearchDocument(matter: $0, catalog: catalog) }
        var builder = SearchIndexBuilder(pinyin: PinyinTable.shared)
        for (offset, document) in documents.enumerated() { builder.add(document, id: Int32(offset)) }
        builder.codes.sort { $0.code.lexicographicallyPrecedes($1.code) }
        var codeRanks = [Int32](repeating: 0, count: documents.count)
        let ranked = documents.indices.sorted(by: { documents[$0].code < documents[$1].code })
        for (rank, offset) in ranked.enumerated() { codeRanks[offset] = Int32(rank) }
        self.codeRanks = codeRanks
        self.rankedDocuments = ranked.map { Int32($0) }
        self.documents = documents
        self.texts = builder.texts
        self.textScalars = TextScalarStore(builder.texts)
        self.postings = builder.postings
        self.groupPostings = PostingTable(builder.groupPostings)
        self.forwardStart = builder.forwardStart
        self.forwardTexts = builder.forwardTexts
        self.forwardFields = builder.forwardFields
        self.pairs = builder.pairs
        self.characters = builder.characters
        self.pinyinRuns = builder.pinyinRuns
        self.codes = builder.codes
        self.pinyin = builder.pinyin
        self.relatedWords = RelatedWords.shared
        let facetTable = FacetTable(documents: documents)
        self.facetTable = facetTable
        self.groups = SearchGroups(
            groupOf: builder.groupOf, count: builder.groupIDs.count, rankedDocuments: ranked,
            department: { facetTable.departmentID(of: $0) })
        self.groupScratchPool = SearchScratchPool(documents: builder.groupIDs.count)
        let ownLists = SearchOwnLists(
            forwardStart: builder.forwardStart, forwardTexts: builder.forwardTexts,
            forwardFields: builder.forwardFields,
            textCount: builder.texts.count, rankedDocuments: ranked, department: { facetTable.departmentID(of: $0) })
        self.ownLists = ownLists
        self.ownListScratchPool = SearchScratchPool(documents: ownLists.count)
        self.textTallies = TextTallyPool(texts: max(builder.texts.count, builder.pinyinRuns.count))
        self.runSlotPool = SearchScratchPool(documents: builder.pinyinRuns.count)
    }

    /// The number of items and matters indexed.
    public var count: Int { documents.count }

    /// The best `limit` hits for `query` that pass `facets`, best first (ties by code). An empty query lists
    /// every item and matter passing `facets`, by code, with score 0.
    ///
    /// Only documents that can rank are scored: each word's matches are applied once to each content group (items
    /// sharing their texts apart from departments and codes) and once to each list of department texts holding
    /// them; the groups' and lists' members are then read in order of their largest possible score until no
    /// further one can reach the `limit` best.
    public func search(_ query: String, facets: SearchFacets = SearchFacets(), limit: Int = 50) -> [SearchHit] {
        let words = Self.words(of: query)
        guard limit > 0, let filter = facetTable.filter(facets) else { return [] }
        guard !words.isEmpty else {
            let all = documents.indices.filter { facetTable.accepts(Int32($0), filter, in: documents) }
            return best(all.map { ScoredDocument(document: Int32($0), score: 0) }, limit: limit).map { hit($0, []) }
        }
        return rankedSearch(words.map(wordMatch), filter: filter, limit: limit)
    }

    func hit(_ scored: ScoredDocument, _ matched: [String]) -> SearchHit {
        let document = documents[Int(scored.document)]
        return SearchHit(
            kind: document.kind, code: document.code, name: document.name, department: document.department,
            score: scored.score, matched: matched)
    }

    /// The `limit` best of `hits` in order: by score, then by code; a bounded insertion for few of many.
    func best(_ hits: [ScoredDocument], limit: Int) -> [ScoredDocument] {
        guard limit > 0 else { return [] }
        guard limit < hits.count / 8 else { return Array(hits.sorted(by: precedes).prefix(limit)) }
        var top: [ScoredDocument] = []
        top.reserveCapacity(limit + 1)  // limit < hits.count here, so this cannot overflow
        for hit in hits { insert(hit, into: &top, limit: limit) }
        return top
    }

    /// How many hits of `query` (with no facet filter) fall under each department, item type, level and
    /// audience; each list is ordered by count, then by value.
    public func facetCounts(for query: String) -> SearchFacetCounts {
        var department: [String: Int] = [:]
        var type: [String: Int] = [:]
        var level: [String: Int] = [:]
        var audience: [String: Int] = [:]
        let matches = Self.words(of: query).map(wordMatch)
        for found in matchingDocuments(matches) {
            let document = documents[Int(found)]
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
