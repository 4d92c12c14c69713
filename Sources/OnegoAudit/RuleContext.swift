import Foundation
import OnegoBase
import OnegoCatalog
import OnegoComposer

/// What a rule sees besides the item: the audit's settings, and memos of work that repeats across thousands of
/// items (material names, phone numbers), so each distinct value is worked out once per audit.
///
/// Each worker of the audit has its own context, whose memos need no locks; a context must not be shared between
/// threads. Contexts made from one ``SharedMemo`` work out each distinct name once between them and number names
/// alike.
public final class RuleContext {
    /// The audit's settings.
    public let settings: AuditSettings
    private let shared: SharedMemo
    private var materialNames: [UTF8Key: MaterialNameKeys] = [:]
    private var ids: [UTF8Key: Int] = [:]
    private var phones: [UTF8Key: PhoneFacts] = [:]
    private var normalisedNames: [UTF8Key: Int] = [:]
    /// The catalog's implementations across regions (``ConsistencyRules/implementationsAcrossRegions(_:)``) when the
    /// auditor worked them out for the catalog rules (it needs them again for the regional variation).
    let implementationsAcrossRegions: [[ServiceItem]]?

    /// Creates a context with empty memos of its own, backed by `shared`.
    public convenience init(settings: AuditSettings, shared: SharedMemo = SharedMemo()) {
        self.init(settings: settings, shared: shared, implementationsAcrossRegions: nil)
    }

    /// Creates a context for the catalog rules of a catalog whose implementations across regions are
    /// `implementationsAcrossRegions` (`nil`: a rule that needs them works them out).
    init(settings: AuditSettings, shared: SharedMemo, implementationsAcrossRegions: [[ServiceItem]]?) {
        self.settings = settings
        self.shared = shared
        self.implementationsAcrossRegions = implementationsAcrossRegions
    }

    /// The comparison keys of a material name, memoised.
    public func materialName(_ name: String) -> MaterialNameKeys {
        let key = UTF8Key(name)
        if let known = materialNames[key] { return known }
        let made = shared.materialName(key, synonyms: settings.synonyms)
        materialNames[key] = made
        return made
    }

    /// A number for ``MaterialNameMatch/normalised(_:)`` of a name (an item's or a material's): equal for names
    /// that normalise alike, memoised.
    func normalisedID(ofName name: String) -> Int {
        let key = UTF8Key(name)
        if let known = normalisedNames[key] { return known }
        let made = id(of: MaterialNameMatch.normalised(name))
        normalisedNames[key] = made
        return made
    }

    /// Facts about a phone number as written, memoised (the same numbers recur on every item of a department).
    func phone(_ text: String) -> PhoneFacts {
        let key = UTF8Key(text)
        if let known = phones[key] { return known }
        let made = PhoneFacts(
            isBlank: text.isBlank, digits: PhoneText.digits(text), hasAreaCode: PhoneText.hasAreaCode(text))
        phones[key] = made
        return made
    }

    /// A dense number for a string: equal strings (byte for byte) get equal numbers in contexts sharing a memo.
    func id(of string: String) -> Int {
        let key = UTF8Key(string)
        if let known = ids[key] { return known }
        let made = shared.id(of: key)
        ids[key] = made
        return made
    }

    /// What the contexts of one audit share: names worked out once, and one numbering. Thread-safe.
    public final class SharedMemo: Sendable {
        private let state = Locked<(materialNames: [UTF8Key: MaterialNameKeys], ids: [UTF8Key: Int])>(([:], [:]))

        /// Creates an empty memo.
        public init() {}

        func materialName(_ key: UTF8Key, synonyms: SynonymTable) -> MaterialNameKeys {
            if let known = state.withLock({ $0.materialNames[key] }) { return known }
            // Worked out outside the lock; numbered inside it, where a racing thread's result wins.
            let identity = MaterialName.normalized(key.string)
            let normalised = MaterialNameMatch.normalised(identity: identity)
            let comparison = MaterialNameMatch.ComparisonKey(normalised)
            let synonym = synonyms.key(forNormalized: identity)
            let reduced = String(comparison.characters)
            return state.withLock { state in
                if let known = state.materialNames[key] { return known }
                let made = MaterialNameKeys(
                    normalised: normalised, normalisedID: Self.number(UTF8Key(normalised), in: &state.ids),
                    synonymID: Self.number(UTF8Key(synonym), in: &state.ids),
                    comparisonID: Self.number(UTF8Key(reduced), in: &state.ids), comparison: comparison)
                state.materialNames[key] = made
                return made
            }
        }

        func id(of key: UTF8Key) -> Int { state.withLock { Self.number(key, in: &$0.ids) } }

        private static func number(_ key: UTF8Key, in ids: inout [UTF8Key: Int]) -> Int {
            if let known = ids[key] { return known }
            let made = ids.count
            ids[key] = made
            return made
        }
    }
}

/// A material name's keys for the material rules, with dense numbers so comparing two names is comparing integers.
public struct MaterialNameKeys: Sendable {
    /// ``MaterialNameMatch/normalised(_:)`` of the name.
    public let normalised: String
    /// Equal for names whose normalised forms are equal.
    public let normalisedID: Int
    /// Equal for names the synonym table maps to the same document.
    public let synonymID: Int
    /// Equal for names whose reduced forms (qualifiers and built-in synonyms dropped) are equal.
    public let comparisonID: Int
    /// The reduced form, for the one-character-apart comparison.
    public let comparison: MaterialNameMatch.ComparisonKey
}

/// What the contact rules need to know about one phone number.
struct PhoneFacts {
    /// Empty or only white space.
    let isBlank: Bool
    /// Its digits without separators.
    let digits: String
    /// Whether it carries an area code or needs none (see ``PhoneNumber/hasAreaCode(_:)``).
    let hasAreaCode: Bool
}

extension String {
    /// Whether the string is empty or only white space, without building a trimmed copy.
    var isBlank: Bool { unicodeScalars.allSatisfy { $0.properties.isWhitespace } }
}
