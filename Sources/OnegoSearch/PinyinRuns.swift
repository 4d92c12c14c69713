/// The texts' runs of consecutive Hanzi, for pinyin matching (issue 15). A pinyin match lies within one run (every
/// character it reads must have a reading), so a query is matched once against each distinct run, and a text is
/// scored from the outcomes of its runs. Distinct texts share runs: material names with bracketed qualifiers
/// (`申请人身份证明（原件）`, `申请人身份证明（复印件）`), numbered or dated names, implementing bodies of one
/// department.
struct PinyinRuns: Sendable {
    /// Each distinct run's reading slots.
    private var runs: [[Int32]] = []
    private var runIDs: [[Int32]: Int32] = [:]
    /// Each text's runs in text order: text `t`'s are entries `textRunStart[t]..<textRunStart[t + 1]` of
    /// `textRunOffsets` (the run's first character in the text) and `textRunIDs`.
    private var textRunStart: [Int32] = [0]
    private var textRunOffsets: [Int32] = []
    private var textRunIDs: [Int32] = []
    /// Each text's length in characters.
    private var textLengths: [Int32] = []
    /// The texts holding each run, in increasing order.
    private var runTexts: [[Int32]] = []
    /// The runs by the pinyin they can match.
    private var index: PinyinIndex

    /// No texts yet.
    init(table: PinyinTable) {
        index = PinyinIndex(table: table)
    }

    /// The number of distinct runs.
    var count: Int { runs.count }

    /// Adds text `id`; every text is added, with ids in increasing order from 0.
    mutating func add(_ text: SearchText, id: Int32, table: PinyinTable) {
        let slots = text.slots
        var position = 0
        while position < slots.count {
            guard slots[position] >= 0 else {
                position += 1
                continue
            }
            var end = position + 1
            while end < slots.count && slots[end] >= 0 { end += 1 }
            let run = Array(slots[position..<end])
            let runID = runIDs[run] ?? addRun(run, table: table)
            if runTexts[Int(runID)].last != id { runTexts[Int(runID)].append(id) }
            textRunOffsets.append(Int32(position))
            textRunIDs.append(runID)
            position = end
        }
        textRunStart.append(Int32(textRunIDs.count))
        textLengths.append(Int32(slots.count))
    }

    private mutating func addRun(_ run: [Int32], table: PinyinTable) -> Int32 {
        let id = Int32(runs.count)
        runIDs[run] = id
        runs.append(run)
        runTexts.append([])
        index.add(slots: run, id: id, table: table)
        return id
    }

    /// The texts whose pinyin or pinyin initials contain `letters` (lowercase ASCII), in increasing order, each with
    /// ``SearchText/pinyinScore(_:table:)``'s score and whether only initials were used. `runSlots` lends a slot per
    /// run (``count`` of them).
    func matches(_ letters: [UInt8], table: PinyinTable, tallies: TextTallyPool, runSlots: SearchScratchPool) -> [(
        text: Int32, score: Double, initialsOnly: Bool
    )] {
        guard letters.count >= 2 else { return [] }
        let candidates = tallies.with { tally in
            index.candidates(letters, table: table, into: &tally)
            return tally.drainTexts()
        }
        return runSlots.with { slots in
            // Each matching run's outcome, found through the run's slot (a dictionary's hashing took a tenth of a
            // common syllable's time).
            var outcomes: [RunOutcome] = []
            var matched: [Int32] = []
            letters.withUnsafeBufferPointer { letters in
                table.withBuffers { table in
                    for run in candidates {
                        let outcome = runs[Int(run)].withUnsafeBufferPointer {
                            RunOutcome(letters, slots: $0, table: table)
                        }
                        guard outcome.first != nil else { continue }
                        slots.set(run, Int32(outcomes.count))
                        outcomes.append(outcome)
                        matched.append(run)
                    }
                }
            }
            guard !outcomes.isEmpty else { return [] }
            let texts = tallies.with { tally in
                for run in matched {
                    for text in runTexts[Int(run)] { tally.add(text) }
                }
                return tally.drainTexts()
            }
            return texts.compactMap { text in
                score(text, letterCount: letters.count, outcomes, slots: slots.slots).map {
                    (text, $0.score, $0.initialsOnly)
                }
            }
        }
    }

    /// The score of the text's first run match that counts, as ``SearchText/pinyinScore(_:table:)`` takes its first
    /// start that counts: initials alone need two letters at the text's start or three inside. A run's outcome is
    /// `outcomes[slots[run]]`, or none where the slot is -1.
    private func score(_ text: Int32, letterCount: Int, _ outcomes: [RunOutcome], slots: [Int32]) -> (
        score: Double, initialsOnly: Bool
    )? {
        let length = Int(textLengths[Int(text)])
        for entry in Int(textRunStart[Int(text)])..<Int(textRunStart[Int(text) + 1]) {
            let slot = Int(slots[Int(textRunIDs[entry])])
            guard slot >= 0, let first = outcomes[slot].first else { continue }
            let offset = Int(textRunOffsets[entry])
            let counted = letterCount >= 3 || (offset == 0 && first.start == 0) ? first : outcomes[slot].firstFull
            guard let match = counted else { continue }
            let start = offset + match.start
            let end = offset + match.end
            let coverage = Double(end - start) / Double(length)
            let base = start == 0 ? (end == length ? 0.9 : 0.7) : 0.5
            return (base + 0.2 * coverage, !match.usedFull)
        }
        return nil
    }
}

/// How one query's letters match one run: the match from the first start where there is one, and from the first
/// start whose match uses a full syllable (positions within the run).
private struct RunOutcome {
    struct Match {
        var start: Int
        var end: Int
        var usedFull: Bool
    }

    var first: Match?
    var firstFull: Match?

    init(_ letters: UnsafeBufferPointer<UInt8>, slots: UnsafeBufferPointer<Int32>, table: PinyinBuffers) {
        var matcher = PinyinMatcher(
            letters: letters, slots: slots, table: table,
            failed: PinyinFailures(letters: letters.count, characters: slots.count))
        for start in slots.indices {
            guard let (end, usedFull) = matcher.match(0, start, false) else { continue }
            let match = Match(start: start, end: end, usedFull: usedFull)
            if first == nil { first = match }
            // Three letters or more count wherever they match: only the first start is wanted.
            if usedFull || letters.count >= 3 {
                if usedFull { firstFull = match }
                break
            }
        }
    }
}
