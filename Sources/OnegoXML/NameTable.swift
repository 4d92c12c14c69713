/// Interned names keyed by libxml2's dictionary pointers: within one parse, libxml2 hands out the same pointer for
/// the same name, so a pointer pair identifies a name without hashing its characters.
struct NameTable {
    private var keys: [(local: UnsafeRawPointer?, uri: UnsafeRawPointer?)] = Array(repeating: (nil, nil), count: 256)
    private var slots: [Int32] = Array(repeating: -1, count: 256)
    private var entries: [XMLName] = []

    func entry(_ id: Int) -> XMLName { entries[id] }

    mutating func id(local: UnsafeRawPointer?, uri: UnsafeRawPointer?, make: (Int) -> XMLName) -> Int {
        var mask = slots.count - 1
        var slot = Self.slot(local, uri, mask)
        while slots[slot] >= 0 {
            if keys[slot].local == local && keys[slot].uri == uri { return Int(slots[slot]) }
            slot = (slot + 1) & mask
        }
        let made = make(entries.count)
        entries.append(made)
        if entries.count * 2 > slots.count {
            rehash(doubling: true)
            mask = slots.count - 1
            slot = Self.slot(local, uri, mask)
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
        }
        keys[slot] = (local, uri)
        slots[slot] = Int32(made.id)
        return made.id
    }

    private mutating func rehash(doubling: Bool) {
        let old = zip(keys, slots).filter { $0.1 >= 0 }
        let count = slots.count * 2
        keys = Array(repeating: (nil, nil), count: count)
        slots = Array(repeating: -1, count: count)
        for (key, id) in old {
            var slot = Self.slot(key.local, key.uri, count - 1)
            while slots[slot] >= 0 { slot = (slot + 1) & (count - 1) }
            keys[slot] = key
            slots[slot] = id
        }
    }

    private static func slot(_ local: UnsafeRawPointer?, _ uri: UnsafeRawPointer?, _ mask: Int) -> Int {
        let a = UInt(bitPattern: local.map { Int(bitPattern: $0) } ?? 0)
        let b = UInt(bitPattern: uri.map { Int(bitPattern: $0) } ?? 0)
        let mixed = (a &* 0x9E37_79B9_7F4A_7C15) ^ (b &* 0xC2B2_AE3D_27D4_EB4F)
        return Int(truncatingIfNeeded: mixed >> 17) & mask
    }
}
