import OnegoBase
public import OnegoCatalog
import OnegoComposer

/// The item rules' findings of each catalog file, kept in the parse cache's folder beside the file's entry, so an
/// audit after an edit runs the item rules only on the files whose outcome changed.
///
/// Item rules are functions of one item and the audit's settings (their memos only save work), so a file's item
/// findings are fixed by its outcome (``CatalogCache/outcomeDigest(for:)``: the file's content and path, the
/// loader's settings and onego's build) and by what the rules read besides the item: the registry (each rule's ID,
/// severity and kind, in order) and ``AuditSettings`` (code profile, thresholds, synonym table, office hours). An
/// entry is used only when both digests match and its checksum holds; anything else is recomputed and stored anew.
/// Catalog rules (duplicates, comparisons across items) and waivers are always worked out on the whole catalog.
///
/// Beside the findings, each file's coverage tally (``CoverageTally``: the rates' counters and the cross-region
/// counts over its handling units) is kept under the kind `coverage`, keyed by the file's outcome and the rates'
/// IDs. It stands for the file alone only while none of the file's items is left out for a code of an earlier file,
/// so it is stored and used only then (``PopulationIndex/unitRanges(of:)``); the other files are counted each time,
/// and the tallies are added in file order.
///
/// ```swift
/// var loader = try CatalogLoader.validating()
/// loader.cache = CatalogCache.beside(["Catalogs/yunxi/items"])
/// let load = loader.load(paths: ["Catalogs/yunxi/items"])
/// var auditor = Auditor()
/// auditor.findingCache = loader.cache.map { FindingCache(cache: $0, auditor: auditor) }
/// let report = auditor.audit(load, today: CalendarDay(iso: "2026-11-30")!)
/// ```
public final class FindingCache: Sendable {
    /// The parse cache whose folder holds the entries.
    public let cache: CatalogCache
    /// The digest of the registry and the settings.
    let rulesDigest: UInt64
    private let counts = Locked((reused: [String](), computed: [String]()))
    private let coverageCounts = Locked((reused: [String](), computed: [String]()))
    private let rowCounts = Locked((reused: [String](), computed: [String]()))
    private let carried = Locked([(path: String, items: Int)]())
    let summaryCounts = Locked((reused: [String](), computed: [String]()))

    /// The derived entries' kind (see ``CatalogCache/derived(_:for:key:)``).
    static let kind = "findings"
    /// The kind of the coverage tallies' entries.
    static let coverageKind = "coverage"

    /// A finding cache in `cache`'s folder for audits by `auditor` (its registry and settings).
    public init(cache: CatalogCache, auditor: Auditor) {
        self.cache = cache
        rulesDigest = ContentDigest.of(text: Self.describe(registry: auditor.registry, settings: auditor.settings))
    }

    /// The files whose item findings came from the cache in the audits so far.
    public var reusedPaths: [String] { counts.withLock { $0.reused } }
    /// The files whose item findings were worked out (and stored) in the audits so far.
    public var computedPaths: [String] { counts.withLock { $0.computed } }

    /// The files whose coverage tally came from the cache in the audits so far.
    public var reusedCoveragePaths: [String] { coverageCounts.withLock { $0.reused } }
    /// The files whose coverage tally was counted and stored in the audits so far.
    public var storedCoveragePaths: [String] { coverageCounts.withLock { $0.computed } }

    /// The files whose rendered compression rows came from the cache (``CompressionRowSlot``).
    public var reusedRowPaths: [String] { rowCounts.withLock { $0.reused } }
    /// The files whose rendered compression rows were stored.
    public var storedRowPaths: [String] { rowCounts.withLock { $0.computed } }

    /// The files whose summary (``FileSummary``) came from the cache in the audits so far: they were not decoded.
    public var reusedSummaryPaths: [String] { summaryCounts.withLock { $0.reused } }
    /// The files whose summary was worked out and stored in the audits so far.
    public var storedSummaryPaths: [String] { summaryCounts.withLock { $0.computed } }

    func noteRows(reused path: String) { rowCounts.withLock { $0.reused.append(path) } }
    func noteRows(stored path: String) { rowCounts.withLock { $0.computed.append(path) } }

    /// The entry key of the catalog file `path` as the last load left it; `nil` when its outcome is unknown.
    func key(for path: String) -> UInt64? { cache.outcomeDigest(for: path).map(key(outcome:)) }

    /// The entry key of the item findings of a file's outcome `outcome`.
    private func key(outcome: UInt64) -> UInt64 { ContentDigest.of(text: "findings \(outcome) \(rulesDigest)") }

    /// The files whose items taken unchanged at their lines kept their earlier findings in the audits so far, with
    /// how many items did.
    public var carriedItems: [(path: String, items: Int)] { carried.withLock { $0 } }

    /// For the edited catalog file `path`, whose last load took items from its earlier entry unchanged at their
    /// lines (``CatalogCache/carryOver(for:)``), which items those are and the earlier outcome's item findings by
    /// earlier item, when that outcome's findings entry is still there, intact, and each of its findings lies in
    /// one earlier item; `nil` otherwise.
    func carriedFindings(for path: String, rules: [AuditRule]) -> (
        carryOver: ItemCarryOver, findings: CarriedFindings
    )? {
        guard let carryOver = cache.carryOver(for: path),
            let bytes = cache.derived(Self.kind, for: path, key: key(outcome: carryOver.earlierOutcome)),
            let perRule = FindingRecords.decode(bytes, rules: rules),
            let found = CarriedFindings(perRule, path: path, earlierLines: carryOver.earlierLines)
        else { return nil }
        carried.withLock { $0.append((path, carryOver.earlierItems.count { $0 != nil })) }
        return (carryOver, found)
    }

    /// The stored item findings of `path` (one list per rule), when current.
    func findings(for path: String, rules: [AuditRule]) -> [[Finding]]? {
        guard let key = key(for: path), let bytes = cache.derived(Self.kind, for: path, key: key),
            let found = FindingRecords.decode(bytes, rules: rules)
        else { return nil }
        counts.withLock { $0.reused.append(path) }
        return found
    }

    /// Stores the item findings of `path`, worked out from the outcome the last load took.
    func store(_ perRule: [[Finding]], for path: String) {
        counts.withLock { $0.computed.append(path) }
        guard let key = key(for: path) else { return }
        cache.storeDerived(Self.kind, for: path, key: key, payload: FindingRecords.encode(perRule))
    }

    /// The coverage entry key of `path` as the last load left it: its outcome and the rates counted (their
    /// conditions are onego's code, which the outcome's build identity covers); `nil` when its outcome is unknown.
    func coverageKey(for path: String) -> UInt64? {
        guard let outcome = cache.outcomeDigest(for: path) else { return nil }
        let rates = RateDefinition.all.map(\.id).joined(separator: ",")
        let dimensions = BreakdownDimension.allCases.map(\.rawValue).joined(separator: ",")
        return ContentDigest.of(text: "coverage 1 handling \(outcome) \(rates) \(dimensions)")
    }

    /// The stored coverage tally of the handling units of `path`, when current and of `units` units.
    func coverage(for path: String, units: Int) -> CoverageTally? {
        guard let key = coverageKey(for: path), let bytes = cache.derived(Self.coverageKind, for: path, key: key),
            let tally = CoverageRecords.decode(
                bytes, rateCount: RateDefinition.all.count, dimensionCount: BreakdownDimension.allCases.count),
            tally.unitCount == units
        else { return nil }
        coverageCounts.withLock { $0.reused.append(path) }
        return tally
    }

    /// Stores the coverage tally of the handling units of `path`, counted from the outcome the last load took.
    func storeCoverage(_ tally: CoverageTally, for path: String) {
        guard let key = coverageKey(for: path) else { return }
        coverageCounts.withLock { $0.computed.append(path) }
        cache.storeDerived(Self.coverageKind, for: path, key: key, payload: CoverageRecords.encode(tally))
    }

    /// Everything the item rules read besides the item, as one text that is the same in every run.
    static func describe(registry: RuleRegistry, settings: AuditSettings) -> String {
        let rules = registry.rules.map { rule -> String in
            let kind: String
            switch rule.check {
            case .item: kind = "item"
            case .catalog: kind = "catalog"
            case .external: kind = "external"
            }
            return "\(rule.id.rawValue) \(rule.severity.rawValue) \(kind)"
        }
        let profile = settings.codeProfile
        let labels = profile.itemTypeLabels.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        let parts = [
            "findings 1", rules.joined(separator: ","),
            "profile \(profile.name) \(profile.basicCodeLengths.sorted()) "
                + "\(String(reflecting: profile.implementationLayout.parts)) \(labels)",
            "instant \(String(reflecting: settings.instantApprovalMaxPromise))", "visits \(settings.maxVisits)",
            "hours \(settings.officeHours.periods.map { "\($0.start)-\($0.end)" })",
            "synonyms \(settings.synonyms.fingerprintText)",
        ]
        return parts.joined(separator: "\n")
    }
}
