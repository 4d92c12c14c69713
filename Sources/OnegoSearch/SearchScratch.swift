import OnegoCatalog

/// A slot per document, kept between queries so that a query pays for the documents it reaches, not for the size of
/// the index: every slot is -1 between uses, and a query sets back to -1 each slot it changed (``touched``).
struct SearchScratch: Sendable {
    /// Per document: -1 between uses; a query's own meaning while in use.
    var slots: [Int32]
    /// The documents whose slot the current query changed.
    var touched: [Int32] = []

    init(documents: Int) {
        slots = [Int32](repeating: -1, count: documents)
    }

    /// Sets a slot, remembering the document when its slot was -1.
    @inline(__always)
    mutating func set(_ document: Int32, _ value: Int32) {
        if slots[Int(document)] == -1 { touched.append(document) }
        slots[Int(document)] = value
    }

    /// Sets every changed slot back to -1.
    mutating func clear() {
        for document in touched { slots[Int(document)] = -1 }
        touched.removeAll(keepingCapacity: true)
    }
}

/// The scratch slots of one index, lent to one query at a time (queries on several threads each get their own).
final class SearchScratchPool: Sendable {
    private let documents: Int
    private let free = Locked<[SearchScratch]>([])

    init(documents: Int) {
        self.documents = documents
    }

    /// Runs `body` with slots all -1; `body` may leave slots changed through ``SearchScratch/set(_:_:)``.
    func with<Result>(_ body: (inout SearchScratch) -> Result) -> Result {
        var scratch = free.withLock { $0.popLast() } ?? SearchScratch(documents: documents)
        let result = body(&scratch)
        scratch.clear()
        free.withLock { if $0.count < 16 { $0.append(scratch) } }
        return result
    }
}
