/// The key of a value the loader reads: its strings as the ids the file's ``StringInterner`` gave their UTF-8
/// bytes (`-1` for an absent one), its code-list cases and numbers. Equal keys make equal values, and equal bytes
/// get equal ids, so two values share storage exactly when their strings are byte for byte the same (`String`'s
/// `==` would also equate canonically equivalent texts and swap the bytes an office wrote for another spelling).
///
/// Keys hold no references: the reader builds them without retaining a string, hashes and compares them as
/// plain words, and makes the value (its strings from the interner) only the first time a key is seen.
protocol ValueKey: Hashable {
    /// The value the key stands for.
    associatedtype Value
    /// Makes the value, its strings taken from `strings`.
    func make(_ strings: StringInterner) -> Value
    /// Mixes the key's words into `key` (its ``digest`` starts from a fresh ``KeyHasher``).
    func combine(into key: inout KeyHasher)
}

extension ValueKey {
    /// The key's words digested into one (what ``ValueTable`` and ``ListTable`` probe by).
    @inline(__always)
    var digest: UInt64 {
        var key = KeyHasher()
        combine(into: &key)
        return key.value
    }

    /// Feeds the ``digest`` to the hasher once.
    func hash(into hasher: inout Hasher) { hasher.combine(digest) }
}

/// An interned string's id; `-1` stands for an absent one.
typealias StringID = Int32

extension StringInterner {
    /// The string with this id, or `""` for `-1`.
    @inline(__always)
    func text(_ id: StringID) -> String { id < 0 ? "" : string(Int(id)) }

    /// The string with this id, or `nil` for `-1`.
    @inline(__always)
    func optional(_ id: StringID) -> String? { id < 0 ? nil : string(Int(id)) }
}

/// A time limit with its note's id.
struct LimitKey: Hashable {
    var value: Double
    var unit: TimeUnit
    var note: StringID

    func make(_ strings: StringInterner) -> TimeLimit { TimeLimit(value, unit, note: strings.optional(note)) }

    func combine(into key: inout KeyHasher) {
        key.combine(value)
        key.combineCase(unit)
        key.combine(note, -1)
    }

    func hash(into hasher: inout Hasher) {
        var key = KeyHasher()
        combine(into: &key)
        hasher.combine(key.value)
    }
}

/// The fields of a ``Material`` but its location.
struct MaterialKey: ValueKey {
    var name: StringID = -1
    var type: MaterialType = .other
    var form: MaterialForm = .paper
    var necessity: Necessity = .required
    var source: MaterialSource = .applicant
    var isKey = false
    var originals = 0
    var copies = 0
    var issuer: StringID = -1
    var eLicence: StringID = -1
    var supplyDays: Double?
    var paperSize: StringID = -1
    var blankForm: StringID = -1
    var sample: StringID = -1
    var note: StringID = -1
    var standard: StringID = -1
    var holder: StringID = -1

    /// The body, boxed; each material that has this key shares the box.
    func make(_ s: StringInterner) -> Material.Storage {
        Material.Storage(
            Material.Body(
                name: s.text(name), type: type, form: form, necessity: necessity, source: source,
                originals: originals, copies: copies, isKey: isKey, issuer: s.optional(issuer),
                eLicence: s.optional(eLicence), supplyDays: supplyDays, paperSize: s.optional(paperSize),
                blankForm: s.optional(blankForm), sample: s.optional(sample), note: s.optional(note),
                standard: s.optional(standard), holder: s.optional(holder)))
    }

    func combine(into key: inout KeyHasher) {
        key.combine(name, issuer)
        key.combine(eLicence, paperSize)
        key.combine(blankForm, sample)
        key.combine(note, standard)
        key.combine(holder, -1)
        key.combineCase(type)
        key.combineCase(form)
        key.combineCase(necessity)
        key.combineCase(source)
        key.combine(isKey)
        key.combine(originals)
        key.combine(copies)
        key.combine(supplyDays)
    }
}

/// The fields of a ``Contact``.
struct ContactKey: ValueKey {
    var address: StringID
    var hours: StringID
    var phone: StringID
    var complaintPhone: StringID
    var addressState: VenueState?
    var hoursState: VenueState?

    /// The contact, boxed; the items whose contacts have this key share the box.
    func make(_ s: StringInterner) -> CopyOnWrite<Contact> {
        CopyOnWrite(
            Contact(
                address: s.text(address), hours: s.text(hours), phone: s.text(phone),
                complaintPhone: s.text(complaintPhone), addressState: addressState, hoursState: hoursState))
    }

    func combine(into key: inout KeyHasher) {
        key.combine(address, hours)
        key.combine(phone, complaintPhone)
        key.combineCase(addressState)
        key.combineCase(hoursState)
    }
}

/// The fields of an ``ItemResult``.
struct ResultKey: ValueKey {
    var name: StringID
    var type: ResultType
    var eLicence: StringID
    var validity: StringID
    var delivery: StringID

    func make(_ s: StringInterner) -> ItemResult {
        ItemResult(
            name: s.text(name), type: type, eLicence: s.optional(eLicence), validity: s.optional(validity),
            delivery: s.optional(delivery))
    }

    func combine(into key: inout KeyHasher) {
        key.combine(name, eLicence)
        key.combine(validity, delivery)
        key.combineCase(type)
    }
}

/// The fields of a ``ProcessStep``.
struct StepKey: ValueKey {
    var name: StringID
    var limit: LimitKey?
    var role: StringID

    func make(_ s: StringInterner) -> ProcessStep {
        ProcessStep(name: s.text(name), limit: limit?.make(s), role: s.optional(role))
    }

    func combine(into key: inout KeyHasher) {
        key.combine(name, role)
        if let limit { limit.combine(into: &key) } else { key.combine(-2) }
    }
}

/// The fields of a ``LegalProvision``.
struct LawKey: ValueKey {
    var law: StringID
    var article: StringID
    var text: StringID = -1

    func make(_ s: StringInterner) -> LegalProvision {
        LegalProvision(law: s.text(law), article: s.optional(article), text: s.text(text))
    }

    func combine(into key: inout KeyHasher) {
        key.combine(law, article)
        key.combine(text, -1)
    }
}

/// The fields of a ``SpecialProcedure``.
struct ProcedureKey: ValueKey {
    var kind: SpecialProcedureKind
    var limit: LimitKey?
    var note: StringID

    func make(_ s: StringInterner) -> SpecialProcedure {
        SpecialProcedure(kind: kind, limit: limit?.make(s), note: s.optional(note))
    }

    func combine(into key: inout KeyHasher) {
        key.combineCase(kind)
        key.combine(note, -1)
        if let limit { limit.combine(into: &key) } else { key.combine(-2) }
    }
}

/// The fields of a ``FeeItem``.
struct FeeItemKey: ValueKey {
    var name: StringID
    var standard: StringID
    var basis: StringID

    func make(_ s: StringInterner) -> FeeItem {
        FeeItem(name: s.text(name), standard: s.text(standard), basis: s.optional(basis))
    }

    func combine(into key: inout KeyHasher) {
        key.combine(name, standard)
        key.combine(basis, -1)
    }
}

/// A code-list case as its own key, hashed by its in-memory tag (its synthesized hash would hash the Chinese raw
/// value).
struct CaseKey<Case: Equatable>: ValueKey {
    var value: Case

    func make(_ strings: StringInterner) -> Case { value }

    func combine(into key: inout KeyHasher) {
        key.combineCase(value)
    }
}
