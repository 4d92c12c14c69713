import Foundation

/// The strings that earlier entries of one load already decoded, found again by their UTF-8 bytes, so a text that
/// several files share (an address of the government service centre, opening hours, a law's name, 居民身份证) is
/// checked and allocated once per load instead of once per entry, and the decoded files share one copy of it.
///
/// Creating a `String` checks that its bytes are UTF-8, which cost most of the decoding of an entry's string table;
/// finding a string here costs a hash of its bytes and one comparison. Used by one thread at a time (each of the
/// load's workers has its own pool).
final class CompactStringPool {
    // One thread at a time and no overlapping accesses: the run-time exclusivity checks of class properties
    // (four per lookup) cost a third of the pool's lookups, so they are left out here.

    /// String number + 1 per slot (0 for an empty slot); the slot count is a power of two.
    @exclusivity(unchecked) private var slots = [Int32](repeating: 0, count: 4096)
    @exclusivity(unchecked) private var hashes: [UInt64] = []
    @exclusivity(unchecked) private var strings: [String] = []

    init() {}

    /// The number of distinct strings held.
    var count: Int { strings.count }

    /// The string of `utf8`: the pool's copy when it holds one with these bytes, else a new string (which must be
    /// valid UTF-8, see ``CompactReader/string(_:)``), kept for later entries.
    func string(_ utf8: UnsafeBufferPointer<UInt8>) throws -> String {
        let hash = CompactStringTable.hash(UnsafeRawBufferPointer(utf8))
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = Int(slots[slot]) - 1
            if entry < 0 { break }
            if hashes[entry] == hash, Self.equal(strings[entry], utf8) { return strings[entry] }
            slot = (slot + 1) & mask
        }
        let string = try CompactReader.string(utf8)
        slots[slot] = Int32(truncatingIfNeeded: strings.count + 1)
        strings.append(string)
        hashes.append(hash)
        if strings.count * 2 > slots.count { grow() }
        return string
    }

    private static func equal(_ string: String, _ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        var string = string
        return string.withUTF8 { held in
            guard held.count == utf8.count else { return false }
            guard let left = held.baseAddress, let right = utf8.baseAddress else { return true }
            return memcmp(left, right, utf8.count) == 0
        }
    }

    private func grow() {
        slots = [Int32](repeating: 0, count: slots.count * 2)
        let mask = slots.count - 1
        for (number, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(truncatingIfNeeded: number + 1)
        }
    }
}
