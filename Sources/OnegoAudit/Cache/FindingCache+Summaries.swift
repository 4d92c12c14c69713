import OnegoBase
import OnegoCatalog

/// The audit's per-file summaries (``FileSummary``), kept beside the findings under the kind `summary`.
///
/// A file's compression rows are fixed by its outcome and the office hours; its work items for an item-rate target
/// by its outcome and the target's rate and comparison. The entry's key holds all of them (the policy's item-rate
/// targets in order), so an entry for another outcome, other hours or another policy's targets is never used, and
/// its checksum (``CatalogCache/derivedPayload(_:for:key:)``) keeps a damaged one out. The rows and lists stand for
/// the file alone only while its handling units are its own (no item left out for a code of an earlier file):
/// they are stored and used only then.
extension FindingCache {
    /// The kind of the summaries' entries.
    static let summaryKind = "summary"

    /// The targets of `policy` whose figure is an item or material rate, in order: those whose work items a summary
    /// keeps.
    static func rateTargets(of policy: Policy?) -> [PolicyTarget] {
        (policy?.targets ?? []).filter { RateDefinition.definition(id: $0.figure) != nil }
    }

    /// The summary entry key of `path` as the last load left it, for `targets` and `officeHours`; `nil` when its
    /// outcome is unknown.
    func summaryKey(for path: String, targets: [PolicyTarget], officeHours: OfficeHours) -> UInt64? {
        guard let outcome = cache.outcomeDigest(for: path) else { return nil }
        let hours = officeHours.periods.map { "\($0.start)-\($0.end)" }.joined(separator: ",")
        let rates = targets.map { "\($0.figure) \($0.comparison.rawValue)" }.joined(separator: ",")
        return ContentDigest.of(text: "summary 1 \(outcome) hours \(hours) targets \(rates)")
    }

    /// The stored summary of `path`, when current, intact and of `units` rows.
    func summary(for path: String, targets: [PolicyTarget], officeHours: OfficeHours, units: Int) -> FileSummary? {
        guard let key = summaryKey(for: path, targets: targets, officeHours: officeHours),
            let bytes = cache.derivedPayload(Self.summaryKind, for: path, key: key),
            let summary = SummaryRecords.decode(bytes, listCount: targets.count), summary.rows.count == units
        else { return nil }
        summaryCounts.withLock { $0.reused.append(path) }
        return summary
    }

    /// Whether a current summary of `path` is stored.
    func hasSummary(for path: String, targets: [PolicyTarget], officeHours: OfficeHours) -> Bool {
        guard let key = summaryKey(for: path, targets: targets, officeHours: officeHours) else { return false }
        return cache.derivedPayload(Self.summaryKind, for: path, key: key) != nil
    }

    /// Stores the summary of `path`, worked out from the outcome the last load took.
    func storeSummary(_ summary: FileSummary, for path: String, targets: [PolicyTarget], officeHours: OfficeHours) {
        guard let key = summaryKey(for: path, targets: targets, officeHours: officeHours) else { return }
        summaryCounts.withLock { $0.computed.append(path) }
        cache.storeDerived(Self.summaryKind, for: path, key: key, payload: SummaryRecords.encode(summary))
    }

    /// One compression row slot per file of `files` (their paths and rows, in order, each file's units its own).
    func compressionRowSlots(files: [(path: String, rows: Range<Int>)], officeHours: OfficeHours)
        -> [CompressionRowSlot]
    {
        files.map {
            CompressionRowSlot(
                rows: $0.rows, path: $0.path, key: rowsKey(for: $0.path, officeHours: officeHours), cache: self)
        }
    }
}
