import OnegoBase

/// Keeps one copy of each repeated value and array of a file's items (material bodies, contacts, results, steps,
/// legal basis, fee items …), keyed by ``ValueKey``s: the ids of their interned strings, their cases and numbers.
///
/// The same item is published by every region that implements it, with the same results, steps and legal basis,
/// and an office repeats one contact and the same material lines across its items: across a provincial or national
/// catalog most of these repeat verbatim, and each copy would cost heap blocks. A repeated value costs a lookup of
/// its key, which holds no references, so no string is retained, copied or released for it; the value itself is
/// made only the first time its key is seen.
struct SharedArrays {
    private var results = ListTable<ResultKey>()
    private var steps = ListTable<StepKey>()
    private var laws = ListTable<LawKey>()
    private var procedures = ListTable<ProcedureKey>()
    private var feeItems = ListTable<FeeItemKey>()
    private var forms = ListTable<CaseKey<HandlingForm>>()
    private var objects = ListTable<CaseKey<ServiceObject>>()
    private var materials = ValueTable<MaterialKey>()
    private var contacts = ValueTable<ContactKey>()

    /// The material with this key: the file's shared body and its own location.
    mutating func material(_ key: MaterialKey, at location: SourceLocation, strings: StringInterner) -> Material {
        Material(storage: materials.value(key) { $0.make(strings) }, location: location)
    }

    /// The file's shared box of the contact with this key.
    mutating func contact(_ key: ContactKey, strings: StringInterner) -> CopyOnWrite<Contact> {
        contacts.value(key) { $0.make(strings) }
    }

    /// Gives the item its lists: the shared copy of each repeated one (no allocation when it was seen before) and
    /// an exact-size copy of its materials. The scratch lists keep their storage for the next item.
    mutating func finish(_ item: inout ServiceItem, from lists: inout ItemLists, strings: StringInterner) {
        item.results = results.values(lists.results.elements) { $0.make(strings) }
        item.steps = steps.values(lists.steps.elements) { $0.make(strings) }
        item.legalBasis = laws.values(lists.legalBasis.elements) { $0.make(strings) }
        item.specialProcedures = procedures.values(lists.specialProcedures.elements) { $0.make(strings) }
        item.handlingForms = forms.values(lists.handlingForms.elements) { $0.make(strings) }
        item.serviceObjects = objects.values(lists.serviceObjects.elements) { $0.make(strings) }
        item.fee = Fee(
            isCharged: lists.isCharged, items: feeItems.values(lists.feeItems.elements) { $0.make(strings) })
        item.materials = lists.materials.takeAll()
        lists.reset()
    }
}

/// The lists of the item being read, as keys appended to storage that is reused from item to item.
struct ItemLists {
    var serviceObjects: ScratchList<CaseKey<ServiceObject>> = []
    var legalBasis: ScratchList<LawKey> = []
    var specialProcedures: ScratchList<ProcedureKey> = []
    var handlingForms: ScratchList<CaseKey<HandlingForm>> = []
    var materials: ScratchList<Material> = []
    var results: ScratchList<ResultKey> = []
    var steps: ScratchList<StepKey> = []
    var feeItems: ScratchList<FeeItemKey> = []
    /// The `<fee charged>` flag.
    var isCharged = false

    /// Empties the lists, keeping their storage.
    mutating func reset() {
        serviceObjects.removeAll()
        legalBasis.removeAll()
        specialProcedures.removeAll()
        handlingForms.removeAll()
        materials.removeAll()
        results.removeAll()
        steps.removeAll()
        feeItems.removeAll()
        isCharged = false
    }
}

/// Digests a key's words into one, which the dictionary then feeds its own seeded `Hasher` once (`Hasher` per
/// field cost several times more). Mixed by multiplication, not keyed against crafted collisions: the
/// dictionary's own seed still scatters distinct digests, and string ids are the interner's, not the file's bytes.
struct KeyHasher {
    private(set) var value: UInt64 = 0x243F_6A88_85A3_08D3

    @inline(__always)
    mutating func combine(_ word: UInt64) {
        value = (value ^ word) &* 0x9E37_79B9_7F4A_7C15
        value ^= value >> 29
    }

    @inline(__always)
    mutating func combine(_ number: Int) { combine(UInt64(bitPattern: Int64(number))) }

    /// Two string ids in one word.
    @inline(__always)
    mutating func combine(_ a: StringID, _ b: StringID) {
        combine(UInt64(UInt32(bitPattern: a)) | UInt64(UInt32(bitPattern: b)) << 32)
    }

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

    /// Combines a payload-free enum's case by its in-memory tag (a code-list enum's synthesized hash would hash
    /// its Chinese raw value instead).
    @inline(__always)
    mutating func combineCase<T>(_ value: T) {
        withUnsafeBytes(of: value) { bytes in
            for byte in bytes { combine(byte) }
        }
    }
}
