import Foundation

/// Results of parallel workers, one slot per worker index, written once each under a lock and read after the
/// workers have finished.
final class WorkerSlots<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [Value?]

    init(count: Int) { storage = Array(repeating: nil, count: count) }

    func store(_ value: Value, at index: Int) { lock.withLock { storage[index] = value } }

    /// Every slot, `nil` where a worker stored nothing.
    var values: [Value?] { lock.withLock { storage } }
}
