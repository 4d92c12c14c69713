/// The values made from ``ValueKey``s, each key's value made once: an open-addressing table of the keys' own
/// digests (``KeyHasher``, a few multiplications per key), where a `Dictionary` fed every key's digest through its
/// SipHash again (and, for lists, each element's) on every lookup. Equal digests are confirmed with `==`, so two
/// keys share a value exactly when a `Dictionary` would have shared it.
///
/// Slots are scattered with a per-table random seed; the digests themselves are not keyed, so keys crafted to
/// share one digest would cost one `==` each per lookup, as colliding `Hashable` keys do.
struct ValueTable<Key: ValueKey> {
    private var keys: [Key] = []
    private var values: [Key.Value] = []
    private var slots = SlotIndex()

    /// The value of `key`, made by `make` the first time the key is seen.
    @inline(__always)
    mutating func value(_ key: Key, make: (Key) -> Key.Value) -> Key.Value {
        let digest = key.digest
        switch slots.find(digest, where: { keys[$0] == key }) {
        case .found(let entry): return values[entry]
        case .vacant(let slot):
            let value = make(key)
            keys.append(key)
            values.append(value)
            slots.insert(digest, at: slot, entry: keys.count - 1)
            return value
        }
    }
}

/// The shared copies of lists of values made from lists of ``ValueKey``s (an item's results, steps, legal basis …),
/// each list made once, keyed as ``ValueTable`` keys single values.
struct ListTable<Key: ValueKey> {
    private var keys: [[Key]] = []
    private var values: [[Key.Value]] = []
    private var slots = SlotIndex()

    /// The shared list of the values of `list`, made the first time an equal list is seen; `[]` for an empty one.
    /// `list` is read, not kept: the table stores an exact-size copy, so the caller's storage stays its own.
    mutating func values(_ list: UnsafeBufferPointer<Key>, make: (Key) -> Key.Value) -> [Key.Value] {
        if list.isEmpty { return [] }
        var hasher = KeyHasher()
        hasher.combine(list.count)
        for key in list { key.combine(into: &hasher) }
        let digest = hasher.value
        switch slots.find(digest, where: { Self.equal(keys[$0], list) }) {
        case .found(let entry): return values[entry]
        case .vacant(let slot):
            let made = list.map(make)
            keys.append(Array(list))
            values.append(made)
            slots.insert(digest, at: slot, entry: keys.count - 1)
            return made
        }
    }
}

extension ListTable {
    /// Whether a stored list holds the same keys as `list` (a loop by index: `elementsEqual`'s iterators cost twice
    /// as much).
    @inline(__always)
    fileprivate static func equal(_ stored: [Key], _ list: UnsafeBufferPointer<Key>) -> Bool {
        guard stored.count == list.count else { return false }
        return stored.withUnsafeBufferPointer { keys in
            for index in 0..<keys.count where keys[index] != list[index] { return false }
            return true
        }
    }
}

/// The open-addressing index of ``ValueTable`` and ``ListTable``: entry numbers by digest, probed linearly, at most
/// half full.
struct SlotIndex {
    private var digests: [UInt64] = []
    private var slots = [Int32](repeating: -1, count: 64)
    private let seed = UInt64.random(in: 1...UInt64.max)

    enum Probe {
        /// The entry whose key matched.
        case found(Int)
        /// No entry matched; the slot a new entry takes.
        case vacant(Int)
    }

    /// The entry with this digest whose key `matches`, else the free slot where it belongs.
    @inline(__always)
    func find(_ digest: UInt64, where matches: (Int) -> Bool) -> Probe {
        let mask = slots.count - 1
        var slot = Self.slot(digest, seed, mask)
        while true {
            let entry = Int(slots[slot])
            if entry < 0 { return .vacant(slot) }
            if digests[entry] == digest && matches(entry) { return .found(entry) }
            slot = (slot + 1) & mask
        }
    }

    /// Records entry `entry` (the next one) with this digest at the slot ``find(_:where:)`` gave, growing the index
    /// when it is half full.
    mutating func insert(_ digest: UInt64, at slot: Int, entry: Int) {
        digests.append(digest)
        if digests.count * 2 > slots.count {
            grow()
            return
        }
        slots[slot] = Int32(entry)
    }

    /// Doubles the slots and places every entry again (the newest included).
    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for (entry, digest) in digests.enumerated() {
            var slot = Self.slot(digest, seed, mask)
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(entry)
        }
    }

    @inline(__always)
    private static func slot(_ digest: UInt64, _ seed: UInt64, _ mask: Int) -> Int {
        let mixed = (digest ^ seed) &* 0x9E37_79B9_7F4A_7C15
        return Int(truncatingIfNeeded: mixed >> 32) & mask
    }
}
