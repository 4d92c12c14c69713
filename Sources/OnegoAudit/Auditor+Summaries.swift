import Dispatch
public import OnegoBase
public import OnegoCatalog

/// The audit of a load whose unchanged files came as their heads (``CatalogLoader/summarizesUnchangedFiles``): those
/// files contribute what the cache kept of them (item findings, coverage tally, ``FileSummary``) instead of their
/// items, and the report equals the one of the whole catalog.
///
/// The whole catalog's audit reads other files' items only through codes shared between items: a repeated
/// identifying code (`codes.duplicate`, and the handling units, which then leave an item out), a repeated
/// implementation code (`codes.handling-name-unique`), a basic code on several items (四级四同 and the regional
/// variation group them). So the summaries stand in for the items only when every identifying, implementation and
/// basic code of the catalog is distinct, which the heads' 64-bit hashes prove (equal hashes, a collision included,
/// only ever send the audit back to the whole catalog); and only without waivers (their items are looked up by code)
/// or matters (composed from the catalog's items), for the handling-item population.
extension Auditor {
    /// Audits a load whose unchanged files came as their heads; `nil` when it cannot (a precondition above fails,
    /// or a file's findings, coverage tally or summary is not in the cache): the caller then loads the whole catalog
    /// and calls ``audit(_:policy:waivers:today:otherDiagnostics:matters:paths:)``.
    public func audit(
        summarized load: CatalogLoadResult, policy: Policy?, waivers: WaiverSet = WaiverSet(), today: CalendarDay,
        otherDiagnostics: [Diagnostic] = [], matters: [MatterFigures] = [], paths: [String] = []
    ) -> AuditReport? {
        guard let findingCache, population == .handlingItems, waivers.waivers.isEmpty, matters.isEmpty,
            let files = SummaryFile.of(load)
        else { return nil }
        let catalog = load.catalog
        guard Self.codesAreDistinct(catalog.items, heads: load.summarizedFiles.map(\.head)) else { return nil }
        let officeHours = settings.officeHours
        let targets = FindingCache.rateTargets(of: policy)
        let rules = registry.rules
        // What the cache kept of each unchanged file.
        let kept = Locked([Int: (findings: [[Finding]], tally: CoverageTally, summary: FileSummary)]())
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            guard case .summarized(let head) = files[index],
                let found = findingCache.findings(for: head.path, rules: rules),
                let tally = findingCache.coverage(for: head.path, units: head.itemCount),
                let summary = findingCache.summary(
                    for: head.path, targets: targets, officeHours: officeHours, units: head.itemCount)
            else { return }
            kept.withLock { $0[index] = (found, tally, summary) }
        }
        let cached = kept.withLock { $0 }
        guard cached.count == load.summarizedFiles.count else { return nil }

        // The decoded files: their rules run (an edited file's unchanged items keep their findings), their figures
        // are worked out and stored for the next run.
        let ruled = findingsByFile(in: catalog, groupingAcrossRegions: false)
        guard ruled.perFile.count == catalog.files.count else { return nil }
        let units = PopulationIndex(.handlingItems, items: catalog.items, idsAreDistinct: true)
        let compression = CompressionFigures.compute(items: catalog.items, units: units, officeHours: officeHours)
        var decoded: [Int: (tally: CoverageTally, summary: FileSummary)] = [:]
        catalog.items.withUnsafeBufferPointer { items in
            for case (let index, .decoded(let path, let range)) in files.enumerated() {
                let tally = CoverageTally(units: range, of: units, items: items)
                let lists = targets.map {
                    WorkList.missing(forRate: $0, items: catalog.items, handling: units, units: range) ?? []
                }
                let summary = FileSummary(rows: Array(compression.items[range]), workLists: lists)
                findingCache.storeCoverage(tally, for: path)
                findingCache.storeSummary(summary, for: path, targets: targets, officeHours: officeHours)
                decoded[index] = (tally, summary)
            }
        }

        // Every file in order.
        var perFile: [[[Finding]]] = []
        var tally = CoverageTally()
        var rows: [ItemCompression] = []
        var departments: [String] = []
        var seenDepartments = Set<String>()
        var materials = 0
        var slotFiles: [(path: String, rows: Range<Int>)] = []
        var segment = 0
        for (index, file) in files.enumerated() {
            let summary: FileSummary
            switch file {
            case .decoded(let path, let range):
                perFile.append(ruled.perFile[segment])
                segment += 1
                guard let own = decoded[index] else { return nil }
                tally.add(own.tally)
                summary = own.summary
                for position in range {
                    let department = catalog.items[position].department
                    if seenDepartments.insert(department).inserted { departments.append(department) }
                    materials += catalog.items[position].materials.count
                }
                slotFiles.append((path, rows.count..<rows.count + range.count))
            case .summarized(let head):
                guard let stored = cached[index] else { return nil }
                perFile.append(stored.findings)
                tally.add(stored.tally)
                summary = stored.summary
                for department in head.departments where seenDepartments.insert(department).inserted {
                    departments.append(department)
                }
                materials += head.materialCount
                slotFiles.append((head.path, rows.count..<rows.count + head.itemCount))
            }
            rows += summary.rows
        }
        let figures = CompressionFigures.aggregated(rows)
        let rates = tally.rates(population: population, excluded: [])
        var results = policy.map { Self.evaluate($0, rates: rates, compression: figures) } ?? []
        for index in results.indices where !results[index].met {
            let target = results[index].target
            if let list = targets.firstIndex(of: target) {
                results[index].missing = files.indices.flatMap { file in
                    decoded[file]?.summary.workLists[list] ?? cached[file]?.summary.workLists[list] ?? []
                }
            } else {
                results[index].missing = WorkList.missing(forCompression: target, compression: figures)
            }
        }

        var all = Self.joined(perFile, catalogFindings: ruled.catalogFindings)
        all += findings(from: load.diagnostics + otherDiagnostics, catalog: catalog)
        let outcome = waivers.apply(to: all, today: today, registry: registry, isKnownItem: { _ in false })
        // Only findings from elsewhere (waivers) lack a department: the whole catalog would look their items up.
        guard !outcome.findings.contains(where: { $0.department == nil && $0.item != nil }) else { return nil }
        let itemCount = rows.count
        let subject = AuditReport.Subject(
            paths: paths, files: files.count, handlingItems: itemCount, implementationItems: itemCount,
            departments: departments, materials: materials)
        var report = AuditReport(
            subject: subject, today: today, population: population, policy: policy,
            findings: outcome.findings.sortedForReport(), waived: outcome.waived, rates: rates,
            crossRegion: tally.crossRegion(population: population), compression: figures, matters: matters,
            targets: results, registry: registry)
        report.regionalVariation = RegionalVariation.compute(groups: [])
        report.compressionRowSlots = findingCache.compressionRowSlots(files: slotFiles, officeHours: officeHours)
        return report
    }

    /// Whether every identifying, implementation and (non-empty) basic code of `items` and of the files of `heads`
    /// is distinct, by their hashes.
    static func codesAreDistinct(_ items: [ServiceItem], heads: [FileHead]) -> Bool {
        let total = heads.reduce(items.count) { $0 + $1.itemCount }
        var identifying = Set<UInt64>(minimumCapacity: total)
        var implementation = Set<UInt64>(minimumCapacity: total)
        var basic = Set<UInt64>(minimumCapacity: total)
        for item in items {
            guard identifying.insert(FileHead.codeHash(item.id)).inserted,
                implementation.insert(FileHead.codeHash(item.codes.implementation)).inserted,
                item.codes.basic.isEmpty || basic.insert(FileHead.codeHash(item.codes.basic)).inserted
            else { return false }
        }
        for head in heads {
            for index in 0..<head.itemCount {
                guard identifying.insert(head.identifyingHashes[index]).inserted,
                    implementation.insert(head.implementationHashes[index]).inserted,
                    head.basicHashes[index] == 0 || basic.insert(head.basicHashes[index]).inserted
                else { return false }
            }
        }
        return true
    }

    /// Stores the summary of each file of `catalog` (`files`, each with a path) whose handling units are its own and
    /// whose summary is not current: its compression rows among `compression`'s and its work items for the policy's
    /// item-rate targets.
    static func storeSummaries(
        of catalog: Catalog, files: [FileSegment], handling: PopulationIndex, compression: CompressionFigures,
        policy: Policy?, cache: FindingCache, officeHours: OfficeHours
    ) {
        guard files.allSatisfy({ $0.path != nil }) else { return }
        let targets = FindingCache.rateTargets(of: policy)
        for (file, range) in zip(files, handling.unitRanges(of: files.map(\.range))) {
            guard range.isOwn, let path = file.path,
                !cache.hasSummary(for: path, targets: targets, officeHours: officeHours)
            else { continue }
            let lists = targets.map {
                WorkList.missing(forRate: $0, items: catalog.items, handling: handling, units: range.units) ?? []
            }
            cache.storeSummary(
                FileSummary(rows: Array(compression.items[range.units]), workLists: lists), for: path,
                targets: targets, officeHours: officeHours)
        }
    }
}

/// One catalog file of a summarized load, in order: decoded (its items at `range` of the load's catalog) or handed
/// over as its head.
enum SummaryFile {
    case decoded(path: String, range: Range<Int>)
    case summarized(FileHead)

    /// The files of `load` in order; `nil` when they do not account for the catalog's items exactly or a path
    /// repeats.
    static func of(_ load: CatalogLoadResult) -> [SummaryFile]? {
        let catalog = load.catalog
        let summarized = load.summarizedFiles.sorted { $0.position < $1.position }
        var files: [SummaryFile] = []
        var next = (decoded: 0, summarized: 0, item: 0)
        for position in 0..<(catalog.files.count + summarized.count) {
            if next.summarized < summarized.count, summarized[next.summarized].position == position {
                files.append(.summarized(summarized[next.summarized].head))
                next.summarized += 1
            } else {
                guard next.decoded < catalog.files.count else { return nil }
                let file = catalog.files[next.decoded]
                files.append(.decoded(path: file.path, range: next.item..<next.item + file.itemCount))
                next.decoded += 1
                next.item += file.itemCount
            }
        }
        let paths = files.map {
            switch $0 {
            case .decoded(let path, _): path
            case .summarized(let head): head.path
            }
        }
        guard next.summarized == summarized.count, next.decoded == catalog.files.count,
            next.item == catalog.items.count, Set(paths).count == paths.count
        else { return nil }
        return files
    }
}
