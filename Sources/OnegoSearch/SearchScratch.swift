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

/// Per-query working memory that a query leaves as it found it (``SearchScratch``, ``TextTally``).
protocol ReusableScratch: Sendable {
    /// Makes the value as a new one would be, after a query that may have changed it.
    mutating func reset()
}

extension SearchScratch: ReusableScratch {
    mutating func reset() { clear() }
}

/// Working memory of one index, lent to one query at a time (queries on several threads each get their own), so
/// that a query pays for what it touches, not for the size of the index.
final class ScratchPool<Value: ReusableScratch>: Sendable {
    private let make: @Sendable () -> Value
    private let free = Locked<[Value]>([])

    init(make: @escaping @Sendable () -> Value) {
        self.make = make
    }

    /// Runs `body` with a value as new; the value is reset and kept for the next query.
    func with<Result>(_ body: (inout Value) -> Result) -> Result {
        var value = free.withLock { $0.popLast() } ?? make()
        let result = body(&value)
        value.reset()
        free.withLock { if $0.count < 16 { $0.append(value) } }
        return result
    }
}

/// Per-document (or per-group) slots lent to queries.
typealias SearchScratchPool = ScratchPool<SearchScratch>

extension ScratchPool where Value == SearchScratch {
    /// Slots for `documents` documents, all -1.
    convenience init(documents: Int) {
        self.init { SearchScratch(documents: documents) }
    }
}
