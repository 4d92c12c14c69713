/// Keeps one copy of each repeated string (departments, material names, units, e-licence types), so a large
/// catalog holds each distinct text once, and looks strings up by their UTF-8 bytes so a repeated value costs a
/// hash and a compare, not an allocation. Not thread-safe: one interner per loading thread.
final class StringInterner {
    @exclusivity(unchecked) private var strings: [String] = []
    @exclusivity(unchecked) private var hashes: [UInt64] = []
    @exclusivity(unchecked) private var offsets: [Int] = [0]
    @exclusivity(unchecked) private var arena: [UInt8] = []
    @exclusivity(unchecked) private var buckets: [Int32] = Array(repeating: -1, count: 1024)
    /// A per-interner random seed, so crafted inputs cannot aim many values at one bucket.
    private let seed = UInt64.random(in: 1...UInt64.max)

    /// How many distinct strings are stored.
    var count: Int { strings.count }

    /// The id of the stored copy of `bytes`, adding it when new.
    func id(of bytes: UnsafeBufferPointer<UInt8>) -> Int {
        let hash = Self.hash(bytes, seed: seed)
        var mask = buckets.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = Int(buckets[slot])
            if entry < 0 { break }
            if hashes[entry] == hash && equals(entry, bytes) { return entry }
            slot = (slot + 1) & mask
        }
        let id = strings.count
        strings.append(String(decoding: bytes, as: UTF8.self))
        hashes.append(hash)
        arena.append(contentsOf: bytes)
        offsets.append(arena.count)
        if strings.count * 2 > buckets.count {
            grow()
            mask = buckets.count - 1
            slot = Int(truncatingIfNeeded: hash) & mask
            while buckets[slot] >= 0 { slot = (slot + 1) & mask }
        }
        buckets[slot] = Int32(id)
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

    private func equals(_ entry: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = offsets[entry]
        let length = offsets[entry + 1] - start
        guard length == bytes.count else { return false }
        return arena.withUnsafeBufferPointer { all in
            guard let base = all.baseAddress, let other = bytes.baseAddress else { return length == 0 }
            return memcmp(base + start, other, length) == 0
        }
    }

    private func grow() {
        buckets = Array(repeating: -1, count: buckets.count * 2)
        let mask = buckets.count - 1
        for (id, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & mask
            while buckets[slot] >= 0 { slot = (slot + 1) & mask }
            buckets[slot] = Int32(id)
        }
    }

    /// A seeded multiply-xorshift digest of the bytes, eight at a time (the last few packed into one word with the
    /// length): about one instruction a byte where FNV-1a over each byte took four; the random seed keeps a hostile
    /// file from predicting bucket collisions.
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>, seed: UInt64) -> UInt64 {
        WordHash.of(UnsafeRawBufferPointer(bytes), seed: seed)
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
