import Dispatch
import Foundation
import OnegoXML

extension CatalogLoader {
    /// Parses each input (or decodes it from the cache), in parallel when allowed, keeping input order in the
    /// result.
    ///
    /// With a cache, the files that will probably be parsed go first, so they do not finish alone after the
    /// decoding. When fewer files are stale than there are threads (one file edited since the last run), a
    /// validated stale file of at least ``minimumSplitBytes`` is parsed on two threads as a lone file is: the
    /// worker that parses it validates it and hands the model build to the first worker free from decoding.
    func parse(_ inputs: [InputFile]) -> [FileOutcome] {
        guard !inputs.isEmpty else { return [] }
        let meter = progress.map {
            ProgressMeter(totalBytes: LoadProgress.totalBytes(of: inputs.map(\.path)), report: $0)
        }
        defer { meter?.finish() }
        let settings = cache == nil ? nil : CacheSettings(loader: self)
        let checks = CatalogChecks(profile: profile)
        if inputs.count == 1, splitsSingleFile(inputs[0]) {
            return [
                cachedOutcome(inputs[0], settings: settings, meter: meter) {
                    var outcome =
                        if let schema { parseSplit(inputs[0], schema: schema, meter: meter) } else {
                            parseHalves(inputs[0], meter: meter)
                        }
                    outcome.checks = checks.itemChecks(outcome.items)
                    return outcome
                }
            ]
        }
        let workers = min(max(1, threads), inputs.count)
        let plan = cache.map { likelyParsedFirst(inputs, cache: $0) }
        let order = plan?.order ?? Array(inputs.indices)
        var splits = Set<Int>()
        if let plan, workers > 1, schema != nil, plan.stale.count < workers {
            splits = Set(plan.stale.filter { plan.sizes[$0] >= Int64(minimumSplitBytes) })
        }
        let slots = WorkerSlots<FileOutcome>(count: inputs.count)
        let work: @Sendable (Int, CompactStringPool?, LoadWorkQueue?) -> Void = { [splits] index, pool, queue in
            let outcome = cachedOutcome(inputs[index], settings: settings, meter: meter, pool: pool) {
                if let queue, let schema, splits.contains(index) {
                    return parseHandingOff(inputs[index], schema: schema, queue: queue, checks: checks, meter: meter)
                }
                var outcome = parseOne(inputs[index], schema: schema, meter: meter)
                outcome.checks = checks.itemChecks(outcome.items)
                return outcome
            }
            slots.store(outcome, at: index)
        }
        if workers > 1 {
            // Each worker takes the next unit not yet taken, so no more than `threads` parse at once.
            let queue = LoadWorkQueue(order: order)
            DispatchQueue.concurrentPerform(iterations: workers) { _ in
                // Each worker shares the strings of the entries it decodes (see CompactStringPool).
                let pool = settings == nil ? nil : CompactStringPool()
                while let unit = queue.take() {
                    switch unit {
                    case .file(let index): work(index, pool, queue)
                    case .handed(let piece): piece.run()
                    }
                    queue.finished()
                }
            }
        } else {
            let pool = settings == nil ? nil : CompactStringPool()
            for index in order { work(index, pool, nil) }
        }
        return slots.values.map { $0 ?? FileOutcome.empty }
    }

    /// Parses `input` split in two as ``parseSplit(_:schema:meter:)`` does, with the model build handed to the
    /// next free worker of `queue` while this one validates; when no worker took it by then, this one builds it.
    func parseHandingOff(
        _ input: InputFile, schema: XMLSchema, queue: LoadWorkQueue, checks: CatalogChecks, meter: ProgressMeter?
    ) -> FileOutcome {
        let model = HandedParse {
            var outcome = modelPass(input, meter: meter)
            outcome.checks = checks.itemChecks(outcome.items)
            return outcome
        }
        queue.hand(model)
        let validation = validationPass(input, schema: schema)
        if queue.withdraw(model) { model.run() }
        splitObserver?(input.path)
        return joinSplit(model: model.outcome(), validation: validation)
    }
}
