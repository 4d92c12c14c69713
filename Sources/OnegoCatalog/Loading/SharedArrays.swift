/// Keeps one copy of each repeated array of a file's items (results, steps, legal basis, forms, fee items …).
///
/// The same item is published by every region that implements it, with the same results, steps and legal basis:
/// across a provincial or national catalog most of these arrays repeat verbatim, and each copy would cost a heap
/// block. Keys hash and compare strings by their UTF-8 bytes (``UTF8Keyed``): `String`'s own hash normalises
/// Chinese text (slow), and its `==` treats canonically equivalent texts as equal, so sharing by it could swap the
/// bytes an office wrote for another spelling of them. Equal bytes in different storage hash alike and share.
struct SharedArrays {
    private var results = Set<Shared<ItemResult>>()
    private var steps = Set<Shared<ProcessStep>>()
    private var laws = Set<Shared<LegalProvision>>()
    private var procedures = Set<Shared<SpecialProcedure>>()
    private var feeItems = Set<Shared<FeeItem>>()
    private var forms = Set<Shared<HandlingForm>>()
    private var objects = Set<Shared<ServiceObject>>()
    private var materials = Set<SharedBox<Material.Body>>()
    private var contacts = Set<SharedBox<Contact>>()

    /// Replaces the material's body with the file's shared copy of an equal body.
    mutating func share(_ material: inout Material) {
        material.storage = materials.insert(SharedBox(material.storage)).memberAfterInsert.storage
    }

    /// Replaces the contact's box with the file's shared box of an equal contact.
    mutating func share(_ contact: inout CopyOnWrite<Contact>) {
        contact = contacts.insert(SharedBox(contact)).memberAfterInsert.storage
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

    private static func intern<T: UTF8Keyed>(_ array: [T], in set: inout Set<Shared<T>>) -> [T] {
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

/// An array keyed by its elements' UTF-8 bytes (see ``SharedArrays``).
struct Shared<T: UTF8Keyed>: Hashable {
    let array: [T]
    init(_ array: [T]) { self.array = array }

    static func == (a: Shared, b: Shared) -> Bool {
        guard a.array.count == b.array.count else { return false }
        // Elements compared in place (a loop over `zip` copied each pair, a retain and release per string).
        return a.array.withUnsafeBufferPointer { x in
            b.array.withUnsafeBufferPointer { y in
                for index in x.indices where !x[index].hasSameKey(as: y[index]) { return false }
                return true
            }
        }
    }

    func hash(into hasher: inout Hasher) {
        var key = KeyHasher()
        key.combine(array.count)
        array.withUnsafeBufferPointer { elements in
            for index in elements.indices { elements[index].combineKey(into: &key) }
        }
        hasher.combine(key.value)
    }
}

/// A boxed value (a material body, a contact) keyed by its strings' UTF-8 bytes.
private struct SharedBox<Value: UTF8Keyed & Sendable>: Hashable {
    let storage: CopyOnWrite<Value>
    init(_ storage: CopyOnWrite<Value>) { self.storage = storage }

    static func == (a: SharedBox, b: SharedBox) -> Bool {
        a.storage.isIdentical(to: b.storage) || a.storage.value.hasSameKey(as: b.storage.value)
    }

    func hash(into hasher: inout Hasher) {
        var key = KeyHasher()
        storage.value.combineKey(into: &key)
        hasher.combine(key.value)
    }
}

/// Digests a key's strings and values into one word, which the `Set` then feeds its own seeded `Hasher` once:
/// `Hasher` over every UTF-8 byte of a material's Chinese texts cost 4,700 instructions per material. Strings are
/// read eight bytes at a time and mixed by multiplication (as the interner's FNV hash, not keyed against crafted
/// collisions; the set's own seed still scatters distinct digests).
struct KeyHasher {
    private(set) var value: UInt64 = 0x243F_6A88_85A3_08D3

    @inline(__always)
    mutating func combine(_ word: UInt64) {
        value = (value ^ word) &* 0x9E37_79B9_7F4A_7C15
        value ^= value >> 29
    }

    @inline(__always)
    mutating func combine(_ number: Int) { combine(UInt64(bitPattern: Int64(number))) }

    /// A number by its bits (0 and -0, equal, combine alike).
    @inline(__always)
    mutating func combine(_ number: Double) { combine(number == 0 ? 0 : number.bitPattern) }

    @inline(__always)
    mutating func combine(_ number: Double?) {
        if let number { combine(number) } else { combine(UInt64.max) }
    }

    @inline(__always)
    mutating func combine(_ flag: Bool) { combine(flag ? 1 as UInt64 : 2) }

    @inline(__always)
    mutating func combine(_ byte: UInt8) { combine(UInt64(byte)) }

    /// Combines a string's UTF-8 bytes and their count: the same for equal bytes in any storage.
    @inline(__always)
    mutating func combineUTF8(_ string: String) {
        var string = string
        string.withUTF8 { bytes in
            combine(bytes.count)
            guard let base = bytes.baseAddress else { return }
            let raw = UnsafeRawPointer(base)
            var offset = 0
            while offset + 8 <= bytes.count {
                combine(raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                offset += 8
            }
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while offset < bytes.count {
                tail |= UInt64(base[offset]) << shift
                shift += 8
                offset += 1
            }
            combine(tail)
        }
    }

    @inline(__always)
    mutating func combineUTF8(_ string: String?) {
        if let string { combineUTF8(string) } else { combine(-1) }
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
    mutating func combineUTF8(_ limit: TimeLimit?) {
        guard let limit else { return combine(0 as UInt8) }
        combine(limit.value)
        combineCase(limit.unit)
        combineUTF8(limit.note)
    }
}

/// A value hashed and compared by its strings' UTF-8 bytes and its code-list cases, never by `String`'s
/// normalising hash and equality: the two functions agree (values with the same key hash alike), which
/// `Hashable` requires.
protocol UTF8Keyed {
    /// Feeds `hasher` every string of the value as UTF-8 bytes and every code-list case by its tag.
    func combineKey(into hasher: inout KeyHasher)
    /// Whether `other` has the same strings byte for byte and the same cases and numbers.
    func hasSameKey(as other: Self) -> Bool
}

/// Whether two strings have the same UTF-8 bytes (not `==`, which also equates canonically equivalent texts).
@inline(__always)
func sameUTF8(_ a: String, _ b: String) -> Bool {
    // Identical bits are the same storage (interned copies) or the same small string.
    if unsafeBitCast(a, to: (UInt64, UInt64).self) == unsafeBitCast(b, to: (UInt64, UInt64).self) { return true }
    var (a, b) = (a, b)
    return a.withUTF8 { x in b.withUTF8 { y in x.count == y.count && x.elementsEqual(y) } }
}

@inline(__always)
func sameUTF8(_ a: String?, _ b: String?) -> Bool {
    switch (a, b) {
    case (nil, nil): true
    case (let a?, let b?): sameUTF8(a, b)
    default: false
    }
}

@inline(__always)
func sameUTF8(_ a: TimeLimit?, _ b: TimeLimit?) -> Bool {
    switch (a, b) {
    case (nil, nil): true
    case (let a?, let b?): a.value == b.value && a.unit == b.unit && sameUTF8(a.note, b.note)
    default: false
    }
}

extension Material.Body: UTF8Keyed {
    @inline(__always)
    func combineKey(into hasher: inout KeyHasher) {
        hasher.combineUTF8(name)
        hasher.combineCase(type)
        hasher.combineCase(form)
        hasher.combineCase(necessity)
        hasher.combineCase(source)
        hasher.combine(originals)
        hasher.combine(copies)
        hasher.combine(isKey)
        hasher.combineUTF8(issuer)
        hasher.combineUTF8(eLicence)
        hasher.combine(supplyDays)
        hasher.combineUTF8(paperSize)
        hasher.combineUTF8(blankForm)
        hasher.combineUTF8(sample)
        hasher.combineUTF8(note)
        hasher.combineUTF8(standard)
        hasher.combineUTF8(holder)
    }

    @inline(__always)
    func hasSameKey(as o: Self) -> Bool {
        sameUTF8(name, o.name) && type == o.type && form == o.form && necessity == o.necessity && source == o.source
            && originals == o.originals && copies == o.copies && isKey == o.isKey && sameUTF8(issuer, o.issuer)
            && sameUTF8(eLicence, o.eLicence) && supplyDays == o.supplyDays && sameUTF8(paperSize, o.paperSize)
            && sameUTF8(blankForm, o.blankForm) && sameUTF8(sample, o.sample) && sameUTF8(note, o.note)
            && sameUTF8(standard, o.standard) && sameUTF8(holder, o.holder)
    }
}

extension Contact: UTF8Keyed {
    @inline(__always)
    func combineKey(into hasher: inout KeyHasher) {
        hasher.combineUTF8(address)
        hasher.combineUTF8(hours)
        hasher.combineUTF8(phone)
        hasher.combineUTF8(complaintPhone)
        hasher.combineCase(addressState)
        hasher.combineCase(hoursState)
    }

    @inline(__always)
    func hasSameKey(as o: Self) -> Bool {
        sameUTF8(address, o.address) && sameUTF8(hours, o.hours) && sameUTF8(phone, o.phone)
            && sameUTF8(complaintPhone, o.complaintPhone) && addressState == o.addressState
            && hoursState == o.hoursState
    }
}

extension ItemResult: UTF8Keyed {
    @inline(__always)
    func combineKey(into hasher: inout KeyHasher) {
        hasher.combineUTF8(name)
        hasher.combineCase(type)
        hasher.combineUTF8(eLicence)
        hasher.combineUTF8(validity)
        hasher.combineUTF8(delivery)
    }

    @inline(__always)
    func hasSameKey(as o: Self) -> Bool {
        sameUTF8(name, o.name) && type == o.type && sameUTF8(eLicence, o.eLicence) && sameUTF8(validity, o.validity)
            && sameUTF8(delivery, o.delivery)
    }
}

extension ProcessStep: UTF8Keyed {
    @inline(__always)
    func combineKey(into hasher: inout KeyHasher) {
        hasher.combineUTF8(name)
        hasher.combineUTF8(limit)
        hasher.combineUTF8(role)
    }

    @inline(__always)
    func hasSameKey(as o: Self) -> Bool { sameUTF8(name, o.name) && sameUTF8(limit, o.limit) && sameUTF8(role, o.role) }
}

extension LegalProvision: UTF8Keyed {
    @inline(__always)
    func combineKey(into hasher: inout KeyHasher) {
        hasher.combineUTF8(law)
        hasher.combineUTF8(article)
        hasher.combineUTF8(text)
    }

    @inline(__always)
    func hasSameKey(as o: Self) -> Bool {
        sameUTF8(law, o.law) && sameUTF8(article, o.article) && sameUTF8(text, o.text)
    }
}

extension SpecialProcedure: UTF8Keyed {
    @inline(__always)
    func combineKey(into hasher: inout KeyHasher) {
        hasher.combineCase(kind)
        hasher.combineUTF8(limit)
        hasher.combineUTF8(note)
    }

    @inline(__always)
    func hasSameKey(as o: Self) -> Bool { kind == o.kind && sameUTF8(limit, o.limit) && sameUTF8(note, o.note) }
}

extension FeeItem: UTF8Keyed {
    @inline(__always)
    func combineKey(into hasher: inout KeyHasher) {
        hasher.combineUTF8(name)
        hasher.combineUTF8(standard)
        hasher.combineUTF8(basis)
    }

    @inline(__always)
    func hasSameKey(as o: Self) -> Bool {
        sameUTF8(name, o.name) && sameUTF8(standard, o.standard) && sameUTF8(basis, o.basis)
    }
}

extension HandlingForm: UTF8Keyed {
    @inline(__always)
    func combineKey(into hasher: inout KeyHasher) { hasher.combineCase(self) }
    @inline(__always)
    func hasSameKey(as other: Self) -> Bool { self == other }
}

extension ServiceObject: UTF8Keyed {
    @inline(__always)
    func combineKey(into hasher: inout KeyHasher) { hasher.combineCase(self) }
    @inline(__always)
    func hasSameKey(as other: Self) -> Bool { self == other }
}
