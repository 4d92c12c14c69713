/// A value kept in a shared box and copied on the first mutation while the box is shared: the one copy-on-write
/// storage of the model's large values (``ServiceItem``'s fields, ``Material``'s body), so copying them costs one
/// reference count instead of one per string and array field.
///
/// Properties forward with `_read { yield storage.value.field }` and `_modify { yield &storage.value.field }`: a
/// read never copies, and a write copies the box only when another value still shares it.
struct CopyOnWrite<Value: Sendable>: Sendable {
    /// The shared box; mutated only when uniquely referenced.
    final class Box: @unchecked Sendable {
        /// Unchecked: the box is reached only through its ``CopyOnWrite`` (whose own accesses the compiler checks
        /// statically) and written only while uniquely referenced, so the dynamic check per access (a
        /// `swift_beginAccess` call in every hash and comparison of a shared material) found nothing to catch.
        @exclusivity(unchecked) var value: Value
        init(_ value: Value) { self.value = value }
    }

    /// The box (the loader swaps in a shared one for equal values).
    var box: Box

    /// A new box holding `value`.
    init(_ value: Value) { box = Box(value) }

    /// The value; written in place when this is the box's only holder, else into a fresh copy.
    var value: Value {
        _read { yield box.value }
        _modify {
            if !isKnownUniquelyReferenced(&box) { box = Box(box.value) }
            yield &box.value
        }
    }

    /// Whether both share one box (then their values are equal without comparing them).
    func isIdentical(to other: Self) -> Bool { box === other.box }
}

/// Equal when the values are (boxes shared by both are equal without comparing).
extension CopyOnWrite: Equatable where Value: Equatable {
    static func == (a: Self, b: Self) -> Bool { a.box === b.box || a.box.value == b.box.value }
}

/// Hashes the value, as a stored field of the value's type would.
extension CopyOnWrite: Hashable where Value: Hashable {
    func hash(into hasher: inout Hasher) { hasher.combine(box.value) }
}

/// Coded as the value itself, so a field moved into a box encodes and decodes as before.
extension CopyOnWrite: Codable where Value: Codable {
    init(from decoder: any Decoder) throws { self.init(try Value(from: decoder)) }
    func encode(to encoder: any Encoder) throws { try box.value.encode(to: encoder) }
}
