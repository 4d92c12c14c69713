/// Keeps one copy of each repeated array of a file's items (results, steps, legal basis, forms, fee items …).
///
/// The same item is published by every region that implements it, with the same results, steps and legal basis:
/// across a provincial or national catalog most of these arrays repeat verbatim, and each copy would cost a heap
/// block. Their strings come from the file's ``StringInterner``, so equal texts share storage and a key can hash
/// the strings' bits instead of their characters (hashing Chinese text means normalising it). A text that did not
/// come from the interner only costs a missed share; equality is always checked on the values.
struct SharedArrays {
    private var results = Set<Shared<ItemResult>>()
    private var steps = Set<Shared<ProcessStep>>()
    private var laws = Set<Shared<LegalProvision>>()
    private var procedures = Set<Shared<SpecialProcedure>>()
    private var feeItems = Set<Shared<FeeItem>>()
    private var forms = Set<Shared<HandlingForm>>()
    private var objects = Set<Shared<ServiceObject>>()
    private var materials = Set<SharedMaterial>()

    /// Replaces the material's body with the file's shared copy of an equal body.
    mutating func share(_ material: inout Material) {
        material.storage = materials.insert(SharedMaterial(material.storage)).memberAfterInsert.storage
    }

    /// Gives the item its lists: the shared copy of each repeated one (no allocation when it was seen before) and
    /// an exact-size copy of its materials. The scratch lists keep their storage for the next item.
    mutating func finish(_ item: inout ServiceItem, from lists: inout ItemLists) {
        item.results = Self.intern(lists.results, in: &results)
        item.steps = Self.intern(lists.steps, in: &steps)
        item.legalBasis = Self.intern(lists.legalBasis, in: &laws)
        item.specialProcedures = Self.intern(lists.specialProcedures, in: &procedures)
        item.handlingForms = Self.intern(lists.handlingForms, in: &forms)
        item.serviceObjects = Self.intern(lists.serviceObjects, in: &objects)
        item.materials = lists.materials.isEmpty ? [] : lists.materials.withUnsafeBufferPointer { Array($0) }
        lists.reset()
    }

    /// The fee with its items shared.
    mutating func fee(_ fee: Fee) -> Fee {
        var fee = fee
        fee.items = Self.intern(fee.items, in: &feeItems)
        return fee
    }

    private static func intern<T: BitHashable>(_ array: [T], in set: inout Set<Shared<T>>) -> [T] {
        if array.isEmpty { return [] }
        if let found = set.firstIndex(of: Shared(array)) { return set[found].array }
        // New: keep an exact-size copy, so the scratch storage stays the reader's own.
        let copy = array.withUnsafeBufferPointer { Array($0) }
        set.insert(Shared(copy))
        return copy
    }
}

/// The lists of the item being read, appended to in storage that is reused from item to item.
struct ItemLists {
    var serviceObjects: [ServiceObject] = []
    var legalBasis: [LegalProvision] = []
    var specialProcedures: [SpecialProcedure] = []
    var handlingForms: [HandlingForm] = []
    var materials: [Material] = []
    var results: [ItemResult] = []
    var steps: [ProcessStep] = []

    mutating func reset() {
        serviceObjects.removeAll(keepingCapacity: true)
        legalBasis.removeAll(keepingCapacity: true)
        specialProcedures.removeAll(keepingCapacity: true)
        handlingForms.removeAll(keepingCapacity: true)
        materials.removeAll(keepingCapacity: true)
        results.removeAll(keepingCapacity: true)
        steps.removeAll(keepingCapacity: true)
    }
}

/// An array keyed by its elements' bits (see ``SharedArrays``).
private struct Shared<T: BitHashable>: Hashable {
    let array: [T]
    init(_ array: [T]) { self.array = array }

    static func == (a: Shared, b: Shared) -> Bool { a.array == b.array }

    func hash(into hasher: inout Hasher) {
        hasher.combine(array.count)
        for element in array { element.combineBits(into: &hasher) }
    }
}

/// A material body keyed by its strings' bits.
private struct SharedMaterial: Hashable {
    let storage: Material.Storage
    init(_ storage: Material.Storage) { self.storage = storage }

    static func == (a: SharedMaterial, b: SharedMaterial) -> Bool {
        a.storage === b.storage || a.storage.body == b.storage.body
    }

    func hash(into hasher: inout Hasher) {
        let body = storage.body
        hasher.combineBits(body.name)
        hasher.combineCase(body.type)
        hasher.combineCase(body.form)
        hasher.combineCase(body.necessity)
        hasher.combineCase(body.source)
        hasher.combine(body.originals)
        hasher.combine(body.copies)
        hasher.combine(body.isKey)
        hasher.combineBits(body.issuer)
        hasher.combineBits(body.eLicence)
        hasher.combine(body.supplyDays)
        hasher.combineBits(body.paperSize)
        hasher.combineBits(body.blankForm)
        hasher.combineBits(body.sample)
        hasher.combineBits(body.note)
        hasher.combineBits(body.standard)
        hasher.combineBits(body.holder)
    }
}

/// A value whose strings are hashed by their storage bits.
protocol BitHashable: Hashable {
    func combineBits(into hasher: inout Hasher)
}

extension Hasher {
    /// Combines a string's 16 bytes: identical for interned copies of one text.
    @inline(__always)
    mutating func combineBits(_ string: String) {
        let bits = unsafeBitCast(string, to: (UInt64, UInt64).self)
        combine(bits.0)
        combine(bits.1)
    }

    /// Combines a payload-free enum's case by its in-memory tag (a code-list enum's synthesized hash would hash
    /// its Chinese raw value instead).
    @inline(__always)
    mutating func combineCase<T>(_ value: T) {
        withUnsafeBytes(of: value) { bytes in
            for byte in bytes { combine(byte) }
        }
    }

    @inline(__always)
    mutating func combineBits(_ string: String?) {
        if let string { combineBits(string) } else { combine(0 as UInt8) }
    }

    @inline(__always)
    mutating func combineBits(_ limit: TimeLimit?) {
        guard let limit else { return combine(0 as UInt8) }
        combine(limit.value)
        combineCase(limit.unit)
        combineBits(limit.note)
    }
}

extension ItemResult: BitHashable {
    func combineBits(into hasher: inout Hasher) {
        hasher.combineBits(name)
        hasher.combineCase(type)
        hasher.combineBits(eLicence)
        hasher.combineBits(validity)
        hasher.combineBits(delivery)
    }
}

extension ProcessStep: BitHashable {
    func combineBits(into hasher: inout Hasher) {
        hasher.combineBits(name)
        hasher.combineBits(limit)
        hasher.combineBits(role)
    }
}

extension LegalProvision: BitHashable {
    func combineBits(into hasher: inout Hasher) {
        hasher.combineBits(law)
        hasher.combineBits(article)
        hasher.combineBits(text)
    }
}

extension SpecialProcedure: BitHashable {
    func combineBits(into hasher: inout Hasher) {
        hasher.combineCase(kind)
        hasher.combineBits(limit)
        hasher.combineBits(note)
    }
}

extension FeeItem: BitHashable {
    func combineBits(into hasher: inout Hasher) {
        hasher.combineBits(name)
        hasher.combineBits(standard)
        hasher.combineBits(basis)
    }
}

extension HandlingForm: BitHashable {
    func combineBits(into hasher: inout Hasher) { hasher.combineCase(self) }
}

extension ServiceObject: BitHashable {
    func combineBits(into hasher: inout Hasher) { hasher.combineCase(self) }
}
