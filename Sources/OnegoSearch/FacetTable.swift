/// Every document's facet values as small numbers, so filtering a posting costs a few integer comparisons instead of
/// string comparisons.
struct FacetTable: Sendable {
    /// Value numbers per facet (an item type's label and code share one numbering).
    private let departmentIDs: [String: Int32]
    private let typeIDs: [String: Int32]
    private let levelIDs: [String: Int32]
    /// Audience values by bit; values past the 63rd share bit 63 and are checked on the document's own strings.
    private let audienceBits: [String: Int]
    /// Per document, the value numbers (-1: none) and the audience bits.
    private let department: [Int32]
    private let type: [Int32]
    private let typeCode: [Int32]
    private let level: [Int32]
    private let audiences: [UInt64]

    init(documents: [SearchDocument]) {
        var departmentIDs: [String: Int32] = [:]
        var typeIDs: [String: Int32] = [:]
        var levelIDs: [String: Int32] = [:]
        var audienceBits: [String: Int] = [:]
        func id(_ value: String?, _ ids: inout [String: Int32]) -> Int32 {
            guard let value else { return -1 }
            if let found = ids[value] { return found }
            ids[value] = Int32(ids.count)
            return Int32(ids.count - 1)
        }
        department = documents.map { id($0.department, &departmentIDs) }
        type = documents.map { id($0.type, &typeIDs) }
        typeCode = documents.map { id($0.typeCode, &typeIDs) }
        level = documents.map { id($0.level, &levelIDs) }
        audiences = documents.map { document in
            document.audiences.reduce(UInt64(0)) { bits, value in
                if audienceBits[value] == nil { audienceBits[value] = min(63, audienceBits.count) }
                return bits | 1 << UInt64(audienceBits[value] ?? 63)
            }
        }
        self.departmentIDs = departmentIDs
        self.typeIDs = typeIDs
        self.levelIDs = levelIDs
        self.audienceBits = audienceBits
    }

    /// The filter for `facets`, or nil when a wanted value is no document's (then nothing passes).
    func filter(_ facets: SearchFacets) -> FacetFilter? {
        var filter = FacetFilter(isEmpty: facets.isEmpty, audience: facets.audience)
        if let wanted = facets.department {
            guard let id = departmentIDs[wanted] else { return nil }
            filter.department = id
        }
        if let wanted = facets.type {
            guard let id = typeIDs[wanted] else { return nil }
            filter.type = id
        }
        if let wanted = facets.level {
            guard let id = levelIDs[wanted] else { return nil }
            filter.level = id
        }
        if let wanted = facets.audience {
            guard let bit = audienceBits[wanted] else { return nil }
            filter.audienceBit = 1 << UInt64(bit)
        }
        return filter
    }

    /// The number of `document`'s department, or -1.
    func departmentID(of document: Int32) -> Int32 { department[Int(document)] }

    /// Whether `document` passes `filter` (``SearchDocument/matches(_:)`` on the numbers).
    func accepts(_ document: Int32, _ filter: FacetFilter, in documents: [SearchDocument]) -> Bool {
        if filter.isEmpty { return true }
        let at = Int(document)
        if filter.department >= 0 && department[at] != filter.department { return false }
        if filter.type >= 0 && type[at] != filter.type && typeCode[at] != filter.type { return false }
        if filter.level >= 0 && level[at] != filter.level { return false }
        if filter.audienceBit != 0 {
            guard audiences[at] & filter.audienceBit != 0 else { return false }
            if filter.audienceBit == 1 << 63, let wanted = filter.audience {
                return documents[at].audiences.contains(wanted)
            }
        }
        return true
    }
}

/// ``SearchFacets`` as the numbers of ``FacetTable`` (-1 or 0: any value).
struct FacetFilter {
    var isEmpty: Bool
    var audience: String?
    var department: Int32 = -1
    var type: Int32 = -1
    var level: Int32 = -1
    var audienceBit: UInt64 = 0
}
