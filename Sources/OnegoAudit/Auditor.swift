import Foundation
public import OnegoBase
public import OnegoCatalog

/// Runs the rule registry over a catalog, applies waivers, computes coverage and compression, and checks a
/// policy's targets.
///
/// ```swift
/// let load = try CatalogLoader.validating().load(paths: ["Catalogs/yunxi/items"])
/// let (policy, _) = Policy.load(path: "Catalogs/policies/guangdong-style-2026.xml")
/// let report = Auditor().audit(load, policy: policy, today: CalendarDay(iso: "2026-11-21")!)
/// print(report.passes)
/// ```
public struct Auditor: Sendable {
    /// The rules to run.
    public var registry: RuleRegistry
    /// Thresholds of the configurable rules.
    public var settings: AuditSettings
    /// The population the rates count.
    public var population: Population
    /// Where the item findings of unchanged files are kept between audits (`nil`: every rule runs on every item).
    public var findingCache: FindingCache?

    /// Creates an auditor.
    public init(
        registry: RuleRegistry = .standard, settings: AuditSettings = .standard, population: Population = .handlingItems
    ) {
        self.registry = registry
        self.settings = settings
        self.population = population
    }

    /// Loader rules that the audit registry checks again under its own IDs; their loader diagnostics are dropped.
    static let recheckedLoaderRules: Set<RuleID> = [
        .catalogDuplicateCode, .catalogUSCC, .catalogImplementationCode, .catalogHandlingCode, .catalogBasicCode,
        .catalogRegionCode, .catalogPromiseExceedsStatutory,
    ]

    /// Runs every item and catalog rule; the findings are unsorted and unwaived. With a ``findingCache``, the item
    /// findings of files whose outcome and rules are unchanged come from it, the others are worked out and stored;
    /// the result is the same either way.
    public func findings(in catalog: Catalog) -> [Finding] {
        findings(in: catalog, groupingAcrossRegions: false).findings
    }

    /// ``findings(in:)``, and when `groupingAcrossRegions` the catalog's implementations across regions
    /// (``ConsistencyRules/implementationsAcrossRegions(_:)``), worked out once in the catalog rules' task for the
    /// four-same rule and the caller.
    func findings(in catalog: Catalog, groupingAcrossRegions: Bool) -> (
        findings: [Finding], implementationsAcrossRegions: [[ServiceItem]]?
    ) {
        let found = findingsByFile(in: catalog, groupingAcrossRegions: groupingAcrossRegions)
        return (Self.joined(found.perFile, catalogFindings: found.catalogFindings), found.implementationsAcrossRegions)
    }

    /// The findings in report order before sorting: rule by rule, each file's item findings in file order (`perFile`:
    /// one list per rule for each file), then the catalog rule's.
    static func joined(_ perFile: [[[Finding]]], catalogFindings: [[Finding]]) -> [Finding] {
        var result: [Finding] = []
        for index in catalogFindings.indices {
            for file in perFile { result += file[index] }
            result += catalogFindings[index]
        }
        return result
    }

    /// ``findings(in:groupingAcrossRegions:)`` before joining: the item findings of each file segment
    /// (``FileSegment/of(_:keyed:)``) rule by rule, and the catalog rules' findings rule by rule.
    func findingsByFile(in catalog: Catalog, groupingAcrossRegions: Bool) -> (
        perFile: [[[Finding]]], catalogFindings: [[Finding]], implementationsAcrossRegions: [[ServiceItem]]?
    ) {
        let rules = registry.rules
        let segments = FileSegment.of(catalog, keyed: findingCache != nil)
        var perSegment = [[[Finding]]?](repeating: nil, count: segments.count)
        if let findingCache {
            let found = Locked(perSegment)
            DispatchQueue.concurrentPerform(iterations: segments.count) { index in
                guard let path = segments[index].path, let cached = findingCache.findings(for: path, rules: rules)
                else { return }
                found.withLock { $0[index] = cached }
            }
            perSegment = found.withLock { $0 }
        }
        let stale = segments.indices.filter { perSegment[$0] == nil }
        // An edited file's items that the load took unchanged at their lines keep their earlier findings; the rules
        // run on the others, in runs of consecutive items.
        var carried: [Int: (carryOver: ItemCarryOver, findings: CarriedFindings)] = [:]
        if let findingCache {
            for index in stale {
                guard let path = segments[index].path,
                    let found = findingCache.carriedFindings(for: path, rules: rules),
                    found.carryOver.earlierItems.count == segments[index].range.count
                else { continue }
                carried[index] = found
            }
        }
        // Each stale file in pieces, in item order: runs of items whose earlier findings are carried (consecutive
        // earlier items), and runs of items the rules check.
        var runs: [Range<Int>] = []
        var pieces: [[FilePiece]] = []
        for index in stale {
            let range = segments[index].range
            guard let carryOver = carried[index]?.carryOver else {
                pieces.append([.checked(runs.count)])
                runs.append(range)
                continue
            }
            var filePieces: [FilePiece] = []
            for (offset, earlier) in carryOver.earlierItems.enumerated() {
                let position = range.lowerBound + offset
                switch (filePieces.last, earlier) {
                case (.carried(let items)?, let item?) where item == items.upperBound:
                    filePieces[filePieces.count - 1] = .carried(items.lowerBound..<item + 1)
                case (_, let item?):
                    filePieces.append(.carried(item..<item + 1))
                case (.checked(let run)?, nil) where runs[run].upperBound == position:
                    runs[run] = runs[run].lowerBound..<position + 1
                case (_, nil):
                    filePieces.append(.checked(runs.count))
                    runs.append(position..<position + 1)
                }
            }
            pieces.append(filePieces)
        }
        let (computed, catalogFindings, groups) = runRules(
            on: catalog, segments: runs, groupingAcrossRegions: groupingAcrossRegions)
        // Each stale file's findings, rule by rule, its pieces in order.
        for (index, filePieces) in zip(stale, pieces) {
            var found = [[Finding]](repeating: [], count: rules.count)
            for rule in rules.indices {
                for piece in filePieces {
                    switch piece {
                    case .checked(let run): found[rule] += computed[run][rule]
                    case .carried(let items):
                        if let earlier = carried[index]?.findings {
                            found[rule] += earlier.findings(rule: rule, items: items)
                        }
                    }
                }
            }
            perSegment[index] = found
            if let findingCache, let path = segments[index].path { findingCache.store(found, for: path) }
        }
        let empty = [[Finding]](repeating: [], count: rules.count)
        return (perSegment.map { $0 ?? empty }, catalogFindings, groups)
    }

    /// Runs the item rules on the items of each range (one list per rule for each range, in item order) and the
    /// catalog rules on the whole catalog (one list per rule); when `groupingAcrossRegions`, the catalog rules'
    /// task works out the implementations across regions first and hands them to its rules and back.
    private func runRules(
        on catalog: Catalog, segments: [Range<Int>], groupingAcrossRegions: Bool
    ) -> (
        perSegment: [[[Finding]]], catalog: [[Finding]], implementationsAcrossRegions: [[ServiceItem]]?
    ) {
        let rules = registry.rules
        let itemChecks: [(index: Int, check: @Sendable (ServiceItem, RuleContext) -> [RuleIssue])] =
            rules.enumerated().compactMap { index, rule in
                if case .item(let check) = rule.check { return (index, check) }
                return nil
            }
        let catalogChecks: [(index: Int, check: @Sendable (Catalog, RuleContext) -> [(ServiceItem, RuleIssue)])] =
            rules.enumerated().compactMap { index, rule in
                if case .catalog(let check) = rule.check { return (index, check) }
                return nil
            }
        // Item rules are pure functions of one item: run them item by item (one pass over each item while it is
        // in cache) on all cores, in chunks whose results are put back in rule order, then item order, so the
        // output is the same as one rule after another over the whole catalog. The catalog rules are one more
        // task, taken first (task 0, the longest), beside the chunks. Each task has its own context (memos without
        // locks) over one shared memo, so each distinct material name is worked out once.
        let chunks = Self.chunks(of: segments)
        let slots = Locked([[[Finding]]](repeating: [], count: chunks.count + 1))
        let grouped = Locked<[[ServiceItem]]?>(nil)
        let settings = self.settings
        let memo = RuleContext.SharedMemo()
        let items = catalog.items
        DispatchQueue.concurrentPerform(iterations: chunks.count + 1) { task in
            var perRule = [[Finding]](repeating: [], count: rules.count)
            if task == 0 {
                let groups = groupingAcrossRegions ? ConsistencyRules.implementationsAcrossRegions(catalog) : nil
                let context = RuleContext(settings: settings, shared: memo, implementationsAcrossRegions: groups)
                for (index, check) in catalogChecks {
                    for (item, issue) in check(catalog, context) {
                        perRule[index].append(Self.finding(rules[index], item, issue))
                    }
                }
                slots.withLock { $0[task] = perRule }
                grouped.withLock { $0 = groups }
                return
            }
            let context = RuleContext(settings: settings, shared: memo)
            items.withUnsafeBufferPointer { items in
                for position in chunks[task - 1].range {
                    for (index, check) in itemChecks {
                        for issue in check(items[position], context) {
                            perRule[index].append(Self.finding(rules[index], items[position], issue))
                        }
                    }
                }
            }
            slots.withLock { $0[task] = perRule }
        }
        let tasks = slots.withLock { $0 }
        var perSegment = [[[Finding]]](
            repeating: [[Finding]](repeating: [], count: rules.count), count: segments.count)
        for (chunk, (segment, _)) in chunks.enumerated() {
            for index in rules.indices { perSegment[segment][index] += tasks[chunk + 1][index] }
        }
        return (perSegment, tasks[0], grouped.withLock { $0 })
    }

    /// The ranges cut into chunks for the cores (about four per core over all ranges; one chunk per range under
    /// 2,000 items in all), in order.
    private static func chunks(of segments: [Range<Int>]) -> [(segment: Int, range: Range<Int>)] {
        let total = segments.reduce(0) { $0 + $1.count }
        let chunkCount = total < 2_000 ? 1 : max(1, ProcessInfo.processInfo.activeProcessorCount * 4)
        let chunkSize = max(1, (total + chunkCount - 1) / chunkCount)
        var chunks: [(segment: Int, range: Range<Int>)] = []
        for (segment, range) in segments.enumerated() {
            var start = range.lowerBound
            repeat {
                let end = total < 2_000 ? range.upperBound : min(range.upperBound, start + chunkSize)
                chunks.append((segment, start..<end))
                start = end
            } while start < range.upperBound
        }
        return chunks
    }

    private static func finding(_ rule: AuditRule, _ item: ServiceItem, _ issue: RuleIssue) -> Finding {
        Finding(
            rule: rule.id, severity: rule.severity, item: item.id, itemName: item.name, message: issue.message,
            location: issue.location ?? item.location, department: item.department)
    }

    /// Turns diagnostics from elsewhere (the loader, the composer's matter checks, policy and waiver files) into
    /// findings, naming the item whose tag they point into when one does.
    public func findings(from diagnostics: [Diagnostic], catalog: Catalog) -> [Finding] {
        diagnostics.filter { !Self.recheckedLoaderRules.contains($0.rule) && $0.rule != .catalogSkipped }.map {
            Finding(rule: $0.rule, severity: $0.severity, message: $0.message, location: $0.location)
        }
    }

    /// Audits a loaded catalog.
    ///
    /// - Parameters:
    ///   - load: the loader's result (its diagnostics become findings).
    ///   - policy: targets to check, if any.
    ///   - waivers: waivers and global switch-offs.
    ///   - today: the audit date; waivers expire against it.
    ///   - otherDiagnostics: diagnostics from the composer's matter checks and from reading policy/waivers.
    ///   - matters: per-matter before/after figures from the composer.
    public func audit(
        _ load: CatalogLoadResult, policy: Policy? = nil, waivers: WaiverSet = WaiverSet(), today: CalendarDay,
        otherDiagnostics: [Diagnostic] = [], matters: [MatterFigures] = [], paths: [String] = []
    ) -> AuditReport {
        precondition(load.summarizedFiles.isEmpty, "a load of file heads is audited by audit(summarized:…)")
        let catalog = load.catalog
        let items = catalog.items
        let officeHours = settings.officeHours
        // The catalog's index knows whether any code repeats: without repeats, no code is looked up again.
        let distinct = !catalog.hasRepeatedIDs
        // The figures are worked out beside the rules, in independent parts side by side (the compression figures,
        // the coverage tally, the departments and material count); the targets and their work lists need the first
        // two and follow them.
        let figures = Locked<Figures?>(nil)
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { [population, findingCache, policy] in
            let handling = PopulationIndex(.handlingItems, items: items, idsAreDistinct: distinct)
            let compression = Locked<CompressionFigures?>(nil)
            let counted = Locked<Counted?>(nil)
            let listed = Locked<(departments: [String], materials: Int)?>(nil)
            DispatchQueue.concurrentPerform(iterations: 3) { part in
                switch part {
                case 0:
                    let figures = CompressionFigures.compute(items: items, units: handling, officeHours: officeHours)
                    compression.withLock { $0 = figures }
                case 1:
                    let found = Self.count(
                        population, items: items, handling: handling, idsAreDistinct: distinct, cache: findingCache,
                        files: FileSegment.of(catalog, keyed: findingCache != nil), officeHours: officeHours)
                    counted.withLock { $0 = found }
                default:
                    let departments = Array(catalog.departments)
                    let materials = catalog.materialCount
                    listed.withLock { $0 = (departments, materials) }
                }
            }
            guard let compression = compression.withLock({ $0 }), let counted = counted.withLock({ $0 }),
                let listed = listed.withLock({ $0 })
            else { preconditionFailure("a figures part finished without a result") }
            // The targets and their work lists need only the figures: worked out here, beside the rules.
            var targets = policy.map { Self.evaluate($0, rates: counted.rates, compression: compression) } ?? []
            let unmet = targets.indices.filter { !targets[$0].met }
            let lists = WorkList.missing(
                for: unmet.map { targets[$0].target }, items: items, handling: handling, compression: compression,
                rows: .onePerUnit)
            for (index, list) in zip(unmet, lists) { targets[index].missing = list }
            // What a later audit takes instead of decoding a file that stays unchanged (Auditor+Summaries).
            if let findingCache {
                Self.storeSummaries(
                    of: catalog, files: FileSegment.of(catalog, keyed: true), handling: handling,
                    compression: compression, policy: policy, cache: findingCache, officeHours: officeHours)
            }
            let computed: Figures = (
                counted.rates, counted.crossRegion, compression, handling.count, catalog.implementationCodeCount,
                listed.departments, listed.materials, targets, counted.slots ?? []
            )
            figures.withLock { $0 = computed }
        }
        // The four-same rule and the regional variation group the same implementations: grouped once, in the
        // catalog rules' task.
        let ruled = findings(in: catalog, groupingAcrossRegions: true)
        let acrossRegions = ruled.implementationsAcrossRegions ?? ConsistencyRules.implementationsAcrossRegions(catalog)
        var all = ruled.findings
        all += findings(from: load.diagnostics + otherDiagnostics, catalog: catalog)
        let outcome = waivers.apply(
            to: all, today: today, registry: registry, isKnownItem: { catalog.firstIndex(ofID: $0) != nil })
        // Findings about an item from elsewhere (waiver checks) name its department too. The findings are sorted and
        // the regional variation worked out while the figures may still be running.
        var active = outcome.findings
        for index in active.indices where active[index].department == nil {
            guard let code = active[index].item, let position = catalog.firstIndex(ofID: code) else { continue }
            active[index].department = items[position].department
        }
        let sorted = active.sortedForReport()
        let regionalVariation = RegionalVariation.compute(groups: acrossRegions)
        group.wait()
        guard
            let (
                rates, crossRegion, compression, handlingCount, implementationCount, departments, materials, targets,
                slots
            ) =
                figures.withLock({ $0 })
        else {
            preconditionFailure("the figures task finished without a result")
        }
        let subject = AuditReport.Subject(
            paths: paths, files: catalog.files.count, handlingItems: handlingCount,
            implementationItems: implementationCount, departments: departments, materials: materials)
        var report = AuditReport(
            subject: subject, today: today, population: population, policy: policy,
            findings: sorted, waived: outcome.waived, rates: rates,
            crossRegion: crossRegion, compression: compression, matters: matters,
            targets: targets, registry: registry)
        report.regionalVariation = regionalVariation
        report.compressionRowSlots = slots
        return report
    }

    /// The coverage rates and cross-region counts of `population`, and with a cache the compression rows' slots
    /// (`files`: the catalog's files; `handling`: its handling units). With the cache and the handling-item
    /// population, the units are counted file by file, unchanged files' tallies reused.
    private static func count(
        _ population: Population, items: [ServiceItem], handling: PopulationIndex, idsAreDistinct: Bool,
        cache: FindingCache?, files: [FileSegment], officeHours: OfficeHours
    ) -> Counted {
        let units =
            population == .handlingItems
            ? handling : PopulationIndex(population, items: items, idsAreDistinct: idsAreDistinct)
        let calculator = CoverageCalculator(population: population)
        let tally =
            if population == .handlingItems, let cache, files.allSatisfy({ $0.path != nil }) {
                calculator.tally(of: items, handling: handling, files: files, cache: cache)
            } else {
                calculator.tally(of: items, units: units)
            }
        let slots = cache?.compressionRowSlots(files: files, units: handling, officeHours: officeHours)
        return (
            tally.rates(population: population, excluded: units.excluded), tally.crossRegion(population: population),
            slots
        )
    }

    /// Checks each target of a policy against the figures.
    public static func evaluate(_ policy: Policy, rates: [RateFigure], compression: CompressionFigures)
        -> [TargetResult]
    {
        policy.targets.map { target in
            let (value, numerator, denominator) = measure(target, rates: rates, compression: compression)
            let met: Bool
            if let value {
                // A small tolerance so 1/3 written as a fraction is met by exactly a third.
                met =
                    target.comparison == .atLeast ? value >= target.threshold - 1e-9 : value <= target.threshold + 1e-9
            } else {
                met = false
            }
            return TargetResult(target: target, value: value, numerator: numerator, denominator: denominator, met: met)
        }
    }

    static func measure(
        _ target: PolicyTarget, rates: [RateFigure], compression: CompressionFigures
    ) -> (Double?, Double, Double) {
        if let rate = rates.first(where: { $0.id == target.figure }) {
            let n = Double(rate.ratio.numerator)
            let d = Double(rate.ratio.denominator)
            return target.measure == .count ? (n, n, d) : (rate.ratio.value, n, d)
        }
        let aggregate: CompressionAggregate
        let weighted: Bool
        switch CompressionFigure(rawValue: target.figure) {
        case .mean: (aggregate, weighted) = (compression.overall, false)
        case .weighted: (aggregate, weighted) = (compression.overall, true)
        case .licensingMean: (aggregate, weighted) = (compression.licensing, false)
        case .licensingWeighted: (aggregate, weighted) = (compression.licensing, true)
        case nil: return (nil, 0, 0)
        }
        if weighted {
            return (aggregate.dayWeighted, aggregate.statutoryDays - aggregate.promisedDays, aggregate.statutoryDays)
        }
        return (aggregate.meanOfRates, aggregate.rateSum, Double(aggregate.counted))
    }
}

/// The items of one catalog file (``Catalog/files`` in order), named by the file's path when its findings may be
/// cached.
struct FileSegment {
    var path: String?
    var range: Range<Int>

    /// The files' item ranges when `keyed` and the files account for every item; else one range of every item.
    static func of(_ catalog: Catalog, keyed: Bool) -> [FileSegment] {
        let all = [FileSegment(path: nil, range: 0..<catalog.items.count)]
        guard keyed, catalog.files.reduce(0, { $0 + $1.itemCount }) == catalog.items.count,
            Set(catalog.files.map(\.path)).count == catalog.files.count
        else { return all }
        var start = 0
        return catalog.files.map { file in
            defer { start += file.itemCount }
            return FileSegment(path: file.path, range: start..<start + file.itemCount)
        }
    }
}

/// A run of a stale file's items: checked by the rules (the run's index among the ranges checked), or carried over
/// (the earlier items whose findings they take).
private enum FilePiece {
    case checked(Int)
    case carried(Range<Int>)
}

/// The coverage part of the figures (``Auditor/count(_:items:handling:idsAreDistinct:cache:files:officeHours:)``).
private typealias Counted = (rates: [RateFigure], crossRegion: CrossRegionCounts, slots: [CompressionRowSlot]?)

/// The figures computed beside the rule pass.
private typealias Figures = (
    rates: [RateFigure], crossRegion: CrossRegionCounts, compression: CompressionFigures, handling: Int,
    implementation: Int, departments: [String], materials: Int, targets: [TargetResult],
    compressionRowSlots: [CompressionRowSlot]
)
