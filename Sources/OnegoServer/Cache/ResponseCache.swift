import Foundation
import NIOCore
import OnegoBase

/// Recently sent JSON answers of the API (search hits, compositions), by request, for one loaded workspace: at most
/// `capacity` entries, the least recently used dropped first. Entries carry the workspace generation they were
/// computed from; a reload starts a new generation and empties the cache, and an answer computed from older data is
/// neither stored nor returned.
final class ResponseCache: @unchecked Sendable {
    /// A cached answer: the JSON bytes, sent as they are (a response shares the buffer, nothing is copied), and
    /// whether it was an error (422).
    struct Entry: Sendable {
        var body: ByteBuffer
        var isError = false

        /// An answer of the UTF-8 bytes of a JSON writer.
        init(bytes: [UInt8], isError: Bool = false) {
            self.body = ByteBuffer(bytes: bytes)
            self.isError = isError
        }

        /// An answer of a JSON text.
        init(text: String, isError: Bool = false) {
            self.body = ByteBuffer(string: text)
            self.isError = isError
        }

        /// The JSON text.
        var text: String { String(buffer: body) }
    }

    private struct Slot {
        var entry: Entry
        var lastUse: UInt64
    }

    private let lock = NSLock()
    /// Keyed by the requests' UTF-8 bytes: hashing the Chinese text of searches as `String` (normalised to NFC) cost
    /// more than the lookup itself; two spellings of one query are at worst cached twice, never confused.
    private var slots: [UTF8Key: Slot] = [:]
    private var clock: UInt64 = 0
    private var generation: UInt64 = 0
    let capacity: Int

    /// An empty cache for generation 0.
    init(capacity: Int = 1_024) {
        self.capacity = max(1, capacity)
    }

    /// The answer stored for `key` from `generation`, if any.
    func entry(for key: String, generation wanted: UInt64) -> Entry? {
        lock.withLock {
            let key = UTF8Key(key)
            guard wanted == generation, let index = slots.index(forKey: key) else { return nil }
            clock += 1
            slots.values[index].lastUse = clock
            return slots.values[index].entry
        }
    }

    /// Stores an answer computed from `generation` (ignored when the workspace was reloaded since); when full, drops
    /// the least recently used eighth first, so dropping stays cheap on average.
    func store(_ entry: Entry, for key: String, generation from: UInt64) {
        lock.withLock {
            guard from == generation else { return }
            let key = UTF8Key(key)
            if slots[key] == nil && slots.count >= capacity {
                // The uses are distinct numbers: sorting them alone (not the entries with their keys) finds the
                // newest use of the eighth to drop.
                let uses = slots.values.map(\.lastUse).sorted()
                let cutoff = uses[min(uses.count, max(1, capacity / 8)) - 1]
                for key in slots.compactMap({ $0.value.lastUse <= cutoff ? $0.key : nil }) { slots[key] = nil }
            }
            clock += 1
            slots[key] = Slot(entry: entry, lastUse: clock)
        }
    }

    /// Empties the cache and starts `generation`.
    func reset(generation next: UInt64) {
        lock.withLock {
            slots.removeAll()
            generation = next
        }
    }

    /// The number of answers held.
    var count: Int { lock.withLock { slots.count } }
}
