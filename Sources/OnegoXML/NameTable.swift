/// Interned names keyed by libxml2's dictionary pointers: within one parse, libxml2 hands out the same pointer for
/// the same name, so a pointer pair identifies a name without hashing its characters.
///
/// The probe table lives in raw storage (no array bounds or uniqueness checks): a lookup is a multiply, a load or
/// two and a compare, which matters at one lookup per element and per attribute.
struct NameTable: ~Copyable {
    /// The pointers as their addresses (0 for none), so a probe compares two words without testing for nil.
    fileprivate struct Key {
        var local: UInt
        var uri: UInt
        /// The name's id, or -1 for an empty slot.
        var id: Int

        init(_ local: UnsafeRawPointer?, _ uri: UnsafeRawPointer?, id: Int) {
            self.local = UInt(bitPattern: local)
            self.uri = UInt(bitPattern: uri)
            self.id = id
        }
    }

    private var table: UnsafeMutableBufferPointer<Key>
    /// The table's size less one (a power of two less one).
    private var mask: Int
    private var entries: [XMLName] = []

    init() {
        table = .allocate(capacity: 256)
        table.initialize(repeating: Key(nil, nil, id: -1))
        mask = table.count - 1
    }

    deinit { table.deallocate() }

    func entry(_ id: Int) -> XMLName { entries[id] }

    /// The id of the name with these dictionary pointers, when it was seen before: the hot path, inlined into the
    /// start-tag callback (one lookup per element and per attribute).
    @inline(__always)
    func find(local: UnsafeRawPointer?, uri: UnsafeRawPointer?) -> Int? { probe.find(local: local, uri: uri) }

    /// The table as it is now, for a loop of lookups with no insertion between them (``NameProbe``).
    @inline(__always)
    var probe: NameProbe { NameProbe(base: UnsafeRawPointer(table.baseAddress.unsafelyUnwrapped), mask: mask) }

    /// The id of the name with these pointers, adding the name `make` builds when it is new.
    mutating func id(local: UnsafeRawPointer?, uri: UnsafeRawPointer?, make: (Int) -> XMLName) -> Int {
        let (a, b) = (UInt(bitPattern: local), UInt(bitPattern: uri))
        var slot = Self.slot(a, b, mask)
        while true {
            let key = table[slot]
            if key.id < 0 { break }
            if key.local == a && key.uri == b { return key.id }
            slot = (slot + 1) & mask
        }
        return add(local: local, uri: uri, slot: slot, make: make)
    }

    private mutating func add(
        local: UnsafeRawPointer?, uri: UnsafeRawPointer?, slot: Int, make: (Int) -> XMLName
    ) -> Int {
        let made = make(entries.count)
        entries.append(made)
        var slot = slot
        let key = Key(local, uri, id: made.id)
        if entries.count * 2 > table.count {
            grow()
            slot = Self.slot(key.local, key.uri, mask)
            while table[slot].id >= 0 { slot = (slot + 1) & mask }
        }
        table[slot] = key
        return made.id
    }

    private mutating func grow() {
        let old = table
        table = .allocate(capacity: old.count * 2)
        table.initialize(repeating: Key(nil, nil, id: -1))
        mask = table.count - 1
        for key in old where key.id >= 0 {
            var slot = Self.slot(key.local, key.uri, mask)
            while table[slot].id >= 0 { slot = (slot + 1) & mask }
            table[slot] = key
        }
        old.deallocate()
    }

    @inline(__always)
    fileprivate static func slot(_ a: UInt, _ b: UInt, _ mask: Int) -> Int {
        let mixed = (a &* 0x9E37_79B9_7F4A_7C15) ^ (b &* 0xC2B2_AE3D_27D4_EB4F)
        return Int(truncatingIfNeeded: mixed >> 17) & mask
    }
}

/// A snapshot of a ``NameTable``'s storage for a loop of lookups: its base and mask held in registers instead of
/// being loaded from the table's owner at every lookup. Valid until the next name is added.
struct NameProbe {
    let base: UnsafeRawPointer
    let mask: Int

    /// The id of the name with these dictionary pointers, when it was seen before.
    @inline(__always)
    func find(local: UnsafeRawPointer?, uri: UnsafeRawPointer?) -> Int? {
        let (a, b) = (UInt(bitPattern: local), UInt(bitPattern: uri))
        let keys = base.assumingMemoryBound(to: NameTable.Key.self)
        var slot = NameTable.slot(a, b, mask)
        while true {
            let key = keys[slot]
            if key.id < 0 { return nil }
            if key.local == a && key.uri == b { return key.id }
            slot = (slot &+ 1) & mask
        }
    }
}
