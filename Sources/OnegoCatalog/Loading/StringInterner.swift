import OnegoBase

/// Keeps one copy of each repeated string (departments, material names, units, e-licence types), so a large
/// catalog holds each distinct text once, and looks strings up by their UTF-8 bytes so a repeated value costs a
/// hash and a compare, not an allocation. Not thread-safe: one interner per loading thread.
///
/// The table and the stored bytes live in raw storage: a lookup hashes the bytes (inlined), probes buckets that
/// hold each string's hash, length and place in the byte arena, and compares bytes only when hash and length
/// agree. (Arrays of hashes and offsets beside the buckets cost a bounds check and a load each per probe.)
final class StringInterner {
    /// One stored string: its hash, its bytes' place in ``arena`` and its id (-1 for an empty bucket).
    private struct Bucket {
        var hash: UInt64
        var offset: Int
        var length: Int
        var id: Int

        static let empty = Bucket(hash: 0, offset: 0, length: 0, id: -1)
    }

    @exclusivity(unchecked) private var strings: [String] = []
    @exclusivity(unchecked) private var buckets: UnsafeMutablePointer<Bucket>
    /// The bucket count less one (a power of two less one).
    @exclusivity(unchecked) private var mask: Int
    /// Every stored string's bytes, one after another.
    @exclusivity(unchecked) private var arena: UnsafeMutablePointer<UInt8>
    @exclusivity(unchecked) private var arenaCount = 0
    @exclusivity(unchecked) private var arenaCapacity: Int
    /// A per-interner random seed, so crafted inputs cannot aim many values at one bucket.
    private let seed = UInt64.random(in: 1...UInt64.max)

    init() {
        let bucketCount = 1024
        buckets = .allocate(capacity: bucketCount)
        buckets.initialize(repeating: .empty, count: bucketCount)
        mask = bucketCount - 1
        arenaCapacity = 16 * 1024
        arena = .allocate(capacity: arenaCapacity)
    }

    deinit {
        buckets.deallocate()
        arena.deallocate()
    }

    /// How many distinct strings are stored.
    var count: Int { strings.count }

    /// The id of the stored copy of `bytes`, adding it when new.
    func id(of bytes: UnsafeBufferPointer<UInt8>) -> Int {
        let hash = WordHash.of(UnsafeRawBufferPointer(bytes), seed: seed)
        let length = bytes.count
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let bucket = buckets[slot]
            if bucket.id < 0 { break }
            if bucket.hash == hash && bucket.length == length {
                guard let other = bytes.baseAddress, length > 0 else { return bucket.id }
                if memcmp(arena + bucket.offset, other, length) == 0 { return bucket.id }
            }
            slot = (slot &+ 1) & mask
        }
        return add(bytes, hash: hash, slot: slot)
    }

    /// Stores new bytes in the empty bucket `slot` (or, when the table grows, in another).
    @inline(never)
    private func add(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64, slot: Int) -> Int {
        let id = strings.count
        strings.append(String(decoding: bytes, as: UTF8.self))
        if arenaCount + bytes.count > arenaCapacity { growArena(toHold: arenaCount + bytes.count) }
        if let source = bytes.baseAddress { (arena + arenaCount).initialize(from: source, count: bytes.count) }
        let bucket = Bucket(hash: hash, offset: arenaCount, length: bytes.count, id: id)
        arenaCount += bytes.count
        var slot = slot
        if strings.count * 2 > mask + 1 {
            growTable()
            slot = Int(truncatingIfNeeded: hash) & mask
            while buckets[slot].id >= 0 { slot = (slot &+ 1) & mask }
        }
        buckets[slot] = bucket
        return id
    }

    /// The string with this id.
    func string(_ id: Int) -> String { strings[id] }

    /// The stored copy equal to `bytes` decoded as UTF-8.
    func intern(_ bytes: UnsafeBufferPointer<UInt8>) -> String { strings[id(of: bytes)] }

    /// The stored copy equal to `string`.
    func intern(_ string: String) -> String {
        var copy = string
        return copy.withUTF8 { intern($0) }
    }

    private func growArena(toHold needed: Int) {
        arena = arena.grown(keeping: arenaCount, capacity: &arenaCapacity, toHold: needed)
    }

    private func growTable() {
        let old = buckets
        let oldCount = mask + 1
        let count = oldCount * 2
        buckets = .allocate(capacity: count)
        buckets.initialize(repeating: .empty, count: count)
        mask = count - 1
        for index in 0..<oldCount where old[index].id >= 0 {
            var slot = Int(truncatingIfNeeded: old[index].hash) & mask
            while buckets[slot].id >= 0 { slot = (slot &+ 1) & mask }
            buckets[slot] = old[index]
        }
        old.deallocate()
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
