import Foundation

/// Results of parallel workers, one slot per worker index, written once each under a lock and read after the
/// workers have finished.
final class WorkerSlots<Value: Sendable>: Sendable {
    private let storage: Locked<[Value?]>

    init(count: Int) { storage = Locked(Array(repeating: nil, count: count)) }

    func store(_ value: Value, at index: Int) { storage.withLock { $0[index] = value } }

    /// Every slot, `nil` where a worker stored nothing.
    var values: [Value?] { storage.withLock { $0 } }
}
