import OnegoBase
import OnegoXML

/// The attribute names of the catalog format, resolved once per distinct name so a start tag's attributes land
/// in fixed slots instead of being searched by string.
enum Attr: Int, CaseIterable {
    case basicCode, implementationCode, handlingCode, type, level, region, handling, uscc, nature, name, article
    case value, unit, note, kind, count, reason, available, depth, url, scope, mode, regions, charged, standard
    case basis, instantApproval, instantDeclaration, promiseBased, certificateFree, form, necessity, source
    case originals, copies, key, issuer, eLicence, supplyDays, paperSize, blankForm, sample, validity, delivery
    case role, address, hours, phone, complaintPhone, holder, state, addressState, hoursState

    private static let byName: [String: Attr] = Dictionary(
        uniqueKeysWithValues: allCases.map { (String(describing: $0), $0) })

    /// The attribute with this local name, if the format has one.
    init?(rawValue name: String) {
        guard let attr = Self.byName[name] else { return nil }
        self = attr
    }
}

/// A start tag's attribute values by slot, for start tags that come with an attribute list instead of slots (see
/// ``CatalogFileReader``); valid only during the start-tag callback. Owned by one reader; a bit mask says which
/// slots are set.
final class AttributeValues {
    private let storage: UnsafeMutablePointer<UnsafeBufferPointer<UInt8>>
    @exclusivity(unchecked) private var used: UInt64 = 0

    init() {
        storage = .allocate(capacity: 64)
        storage.initialize(repeating: UnsafeBufferPointer(start: nil, count: 0), count: 64)
    }

    deinit { storage.deallocate() }

    /// Clears every slot.
    func reset() { used = 0 }

    /// Puts `value` into the slot of `attr` and marks the slot set. (Write-only: a slot not set since the last
    /// ``reset()`` still holds an older tag's value, which only ``slots`` knows to leave out.)
    func set(_ attr: Attr, _ value: UnsafeBufferPointer<UInt8>) {
        storage[attr.rawValue] = value
        used |= 1 << UInt64(attr.rawValue)
    }

    /// The values set, as the parser hands them to a slotted handler.
    var slots: XMLAttributeSlots { XMLAttributeSlots(values: storage, present: used) }
}

/// A code-list enum whose raw values are the XSD tokens, matched against attribute bytes without making strings.
protocol CatalogToken: RawRepresentable, CaseIterable where RawValue == String {
    /// Each case with its token's UTF-8 bytes.
    static var byteTable: TokenTable<Self> { get }
}

/// The tokens of a code list as raw bytes that live for the whole process. Nothing in it is reference counted,
/// so parsing threads that share it never contend on a reference count (shared arrays did: loading a folder on
/// two cores was no faster than on one).
struct TokenTable<Token>: @unchecked Sendable {
    struct Entry {
        var bytes: UnsafeBufferPointer<UInt8>
        var value: Token
        /// The first eight bytes (all of them when fewer) packed into a word (``packedHead(_:count:)``).
        var head: UInt64
    }

    let entries: UnsafeBufferPointer<Entry>

    init(_ pairs: [(String, Token)]) {
        let storage = UnsafeMutableBufferPointer<Entry>.allocate(capacity: pairs.count)
        for (index, (text, value)) in pairs.enumerated() {
            let bytes = Array(text.utf8)
            let copy = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: bytes.count)
            _ = copy.initialize(from: bytes)
            let head = packedHead(copy.baseAddress, count: bytes.count)
            storage.initializeElement(
                at: index, to: Entry(bytes: UnsafeBufferPointer(copy), value: value, head: head))
        }
        entries = UnsafeBufferPointer(storage)
    }
}

extension CatalogToken {
    static func makeByteTable() -> TokenTable<Self> { TokenTable(allCases.map { ($0.rawValue, $0) }) }

    /// The case whose token equals `bytes`, ignoring surrounding ASCII white space. A token is compared by its length
    /// and its first eight bytes as one word; only the bytes past those are compared with `memcmp`.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Self? {
        let trimmed = trimASCIIWhitespace(bytes)
        guard let base = trimmed.baseAddress else { return nil }
        let count = trimmed.count
        let head = packedHead(base, count: count)
        for entry in byteTable.entries where entry.bytes.count == count && entry.head == head {
            if count <= 8 { return entry.value }
            if let other = entry.bytes.baseAddress, memcmp(other + 8, base + 8, count - 8) == 0 { return entry.value }
        }
        return nil
    }
}

/// The first eight of `count` bytes (all of them when fewer) in one word, the first in the low byte and the rest
/// zero: two words are equal exactly when those bytes are.
@inline(__always)
func packedHead(_ base: UnsafePointer<UInt8>?, count: Int) -> UInt64 {
    guard let base else { return 0 }
    let raw = UnsafeRawPointer(base)
    if count >= 8 { return UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self)) }
    if count >= 4 {
        let low = UInt64(UInt32(littleEndian: raw.loadUnaligned(as: UInt32.self)))
        let high = UInt64(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)))
        return low | (high >> UInt64(8 * (8 - count))) << 32
    }
    var packed: UInt64 = 0
    for index in 0..<count { packed |= UInt64(base[index]) << UInt64(8 * index) }
    return packed
}

extension TimeUnit: CatalogToken { static let byteTable = makeByteTable() }
extension HandlingKind: CatalogToken { static let byteTable = makeByteTable() }
extension BodyNature: CatalogToken { static let byteTable = makeByteTable() }
extension VenueState: CatalogToken { static let byteTable = makeByteTable() }
extension ServiceObject: CatalogToken { static let byteTable = makeByteTable() }
extension HandlingForm: CatalogToken { static let byteTable = makeByteTable() }
extension CrossScope: CatalogToken { static let byteTable = makeByteTable() }
extension CrossMode: CatalogToken { static let byteTable = makeByteTable() }
extension MaterialForm: CatalogToken { static let byteTable = makeByteTable() }
extension Necessity: CatalogToken { static let byteTable = makeByteTable() }
extension ResultType: CatalogToken { static let byteTable = makeByteTable() }
extension SpecialProcedureKind: CatalogToken { static let byteTable = makeByteTable() }

/// `bytes` without leading and trailing ASCII white space. Inlined for the common value that neither starts nor ends
/// with a byte at or below 0x20 (two compares); the rest is trimmed out of line.
@inline(__always)
func trimASCIIWhitespace(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
    if let base = bytes.baseAddress, bytes.count > 0, base[0] > 0x20, base[bytes.count &- 1] > 0x20 { return bytes }
    return trimmingASCIIWhitespace(bytes)
}

@inline(never)
private func trimmingASCIIWhitespace(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
    var start = 0
    var end = bytes.count
    func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
    while start < end && isSpace(bytes[start]) { start += 1 }
    while end > start && isSpace(bytes[end - 1]) { end -= 1 }
    return UnsafeBufferPointer(rebasing: bytes[start..<end])
}

/// Reads typed values from the current start tag's attribute bytes, reporting (not crashing on) bad ones when no
/// schema has checked them.
struct ValueReader {
    let values: XMLAttributeSlots
    /// The reader's interner. Called through `_withUnsafeGuaranteedRef`: through an `unowned(unsafe)` reference each
    /// lookup retained and released it (a quarter of a million times for 5,000 items).
    let strings: Unmanaged<StringInterner>
    unowned(unsafe) let context: XMLParseContext
    /// The element's name id, resolved to its name only for messages.
    let element: Int
    let reportsBadValues: Bool

    func has(_ attr: Attr) -> Bool { values.has(attr.rawValue) }

    /// A repeated text, interned.
    func string(_ attr: Attr) -> String? {
        guard let bytes = values[attr.rawValue] else { return nil }
        return strings._withUnsafeGuaranteedRef { $0.intern(bytes) }
    }

    /// The interner's id of a repeated text, or `-1` when the attribute is absent.
    func id(_ attr: Attr) -> StringID {
        guard let bytes = values[attr.rawValue] else { return -1 }
        return StringID(truncatingIfNeeded: strings._withUnsafeGuaranteedRef { $0.id(of: bytes) })
    }

    /// A time limit's key from `value`, `unit` and `note` (as ``timeLimit()`` reads them).
    func limitKey() -> LimitKey? {
        guard let value = number(.value), let unit = token(.unit, TimeUnit.self) else { return nil }
        return LimitKey(value: value, unit: unit, note: id(.note))
    }

    /// A text that is unique per item (codes): not worth interning.
    func unique(_ attr: Attr) -> String? {
        guard let bytes = values[attr.rawValue] else { return nil }
        return String(decoding: trimASCIIWhitespace(bytes), as: UTF8.self)
    }

    func token<T: CatalogToken>(_ attr: Attr, _ type: T.Type) -> T? {
        guard let bytes = values[attr.rawValue] else { return nil }
        if let value = T.parse(bytes) { return value }
        bad(attr, bytes)
        return nil
    }

    func token<T: RawRepresentable>(_ attr: Attr, _ type: T.Type) -> T? where T.RawValue == Int {
        guard let bytes = values[attr.rawValue] else { return nil }
        if let number = parseInteger(bytes), let value = T(rawValue: number) { return value }
        bad(attr, bytes)
        return nil
    }

    func integer(_ attr: Attr) -> Int? {
        guard let bytes = values[attr.rawValue] else { return nil }
        if let number = parseInteger(bytes), number <= 9999 { return number }
        bad(attr, bytes)
        return nil
    }

    func number(_ attr: Attr) -> Double? {
        guard let bytes = values[attr.rawValue] else { return nil }
        if let number = parseDecimal(bytes), number <= 3650 { return number }
        bad(attr, bytes)
        return nil
    }

    func boolean(_ attr: Attr) -> Bool? {
        guard let bytes = values[attr.rawValue] else { return nil }
        let t = trimASCIIWhitespace(bytes)
        switch t.count {
        case 1 where t[0] == UInt8(ascii: "1"): return true
        case 1 where t[0] == UInt8(ascii: "0"): return false
        case 4
        where t[0] == UInt8(ascii: "t") && t[1] == UInt8(ascii: "r") && t[2] == UInt8(ascii: "u")
            && t[3] == UInt8(ascii: "e"):
            return true
        case 5
        where t[0] == UInt8(ascii: "f") && t[1] == UInt8(ascii: "a") && t[2] == UInt8(ascii: "l")
            && t[3] == UInt8(ascii: "s") && t[4] == UInt8(ascii: "e"):
            return false
        default: break
        }
        bad(attr, bytes)
        return nil
    }

    func timeLimit() -> TimeLimit? {
        guard let value = number(.value), let unit = token(.unit, TimeUnit.self) else { return nil }
        return TimeLimit(value, unit, note: string(.note))
    }

    private func bad(_ attr: Attr, _ bytes: UnsafeBufferPointer<UInt8>) {
        guard reportsBadValues else { return }
        let raw = String(decoding: bytes, as: UTF8.self)
        context.report(
            Diagnostic(
                .error, rule: .catalogValue,
                message: "<\(context.name(id: element).localName)> 的属性 \(attr)=\"\(raw)\" 取值无效", at: context.tagLocation
            ))
    }
}

/// A non-negative decimal integer of at most 9 digits, or nil.
func parseInteger(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    let digits = trimASCIIWhitespace(bytes)
    guard !digits.isEmpty, digits.count <= 9 else { return nil }
    var value = 0
    for byte in digits {
        guard byte >= 48 && byte <= 57 else { return nil }
        value = value * 10 + Int(byte - 48)
    }
    return value
}

/// A non-negative decimal such as `0.5` or `20` (at most 9 integer and 6 fraction digits), or nil.
func parseDecimal(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
    let text = trimASCIIWhitespace(bytes)
    guard !text.isEmpty else { return nil }
    var whole = 0
    var fraction = 0
    var scale = 1
    var seenPoint = false
    var digits = 0
    for byte in text {
        if byte == UInt8(ascii: ".") {
            guard !seenPoint else { return nil }
            seenPoint = true
            continue
        }
        guard byte >= 48 && byte <= 57 else { return nil }
        digits += 1
        if seenPoint {
            guard scale < 1_000_000 else { return nil }
            fraction = fraction * 10 + Int(byte - 48)
            scale *= 10
        } else {
            guard whole < 100_000_000 else { return nil }
            whole = whole * 10 + Int(byte - 48)
        }
    }
    guard digits > 0 else { return nil }
    return Double(whole) + Double(fraction) / Double(scale)
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
