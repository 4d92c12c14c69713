import OnegoBase

/// A list built anew for each item in storage kept from item to item: appending is a store (no uniqueness check of
/// an array buffer) and emptying sets the count (no call into the array's generic removal); ``takeAll()`` hands the
/// elements over as an exact-size array.
final class ScratchList<Element>: ExpressibleByArrayLiteral {
    @exclusivity(unchecked) private var base: UnsafeMutablePointer<Element>
    @exclusivity(unchecked) private var capacity: Int
    /// How many elements the list holds.
    @exclusivity(unchecked) private(set) var count = 0

    init() {
        capacity = 16
        base = .allocate(capacity: capacity)
    }

    convenience init(arrayLiteral elements: Element...) {
        self.init()
        for element in elements { append(element) }
    }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }

    var isEmpty: Bool { count == 0 }

    /// The elements, valid until the list is next changed.
    var elements: UnsafeBufferPointer<Element> { UnsafeBufferPointer(start: base, count: count) }

    @inline(__always)
    func append(_ element: Element) {
        if count == capacity { grow() }
        (base + count).initialize(to: element)
        count += 1
    }

    /// Empties the list, keeping its storage.
    @inline(__always)
    func removeAll() {
        if count > 0 {
            base.deinitialize(count: count)
            count = 0
        }
    }

    /// The elements as an array of their exact count, the list left empty. (Copied, then released here: an array
    /// made with `init(unsafeUninitializedCapacity:initializingWith:)` to move them cost more, its storage's type
    /// looked up in the runtime on every call.)
    func takeAll() -> [Element] {
        if count == 0 { return [] }
        let array = Array(elements)
        removeAll()
        return array
    }

    @inline(never)
    private func grow() {
        base = base.grown(keeping: count, capacity: &capacity, toHold: count + 1)
    }
}
