import OnegoBase
import OnegoCatalog

/// Builds, checks and hands on items one item record at a time: each item is built with its joined records
/// (materials, results, fees, details: read first, or taken from the joined sheets as they are read beside the
/// item sheet), written once as its element, checked in its file's batch (``ItemCheckStream``), and then spilled
/// to disk for the folder (``FragmentSpill``) or kept for ``CatalogImporter/read(sources:loader:)``. What stays
/// per row is its diagnostics.
final class ItemPipeline {
    /// Where the joined records of an item come from.
    enum Joins {
        /// Read before the items, by role and parent id.
        case read([ImportProfile.Role: [String: [ParsedRecord]]])
        /// Read beside the item sheet, one cursor per joined sheet, in table order.
        case streamed([JoinedCursor])
    }

    let profile: ImportProfile
    let codeProfile: CodeProfile
    let joins: Joins
    /// Set when a streamed joined sheet turns out not to be in item order (or an item id repeats): what this
    /// pipeline built does not count, and the import reads the joined sheets first instead.
    private(set) var joinIsOutOfOrder = false
    /// Where checked items go; `nil` keeps them in ``collected``.
    let spill: FragmentSpill?
    private let checks: ItemCheckStream
    /// Item records read.
    private(set) var rows = 0
    /// Items that passed their check.
    private(set) var imported = 0
    /// The ids of item records (joined records of other ids are orphans).
    private(set) var usedParents: Set<String> = []
    /// The diagnostics of each item row, in row order (a row's check problems join its own); a warning or note
    /// that repeats an earlier row's is added to that one's rows (``RepeatedFindings``).
    private(set) var rowDiagnostics: [[ImportDiagnostic]] = []
    private var repeated = RepeatedFindings()
    /// The checked items, with their row and file, when there is no spill.
    private(set) var collected: [(row: Int, file: Int, item: ServiceItem)] = []
    private var seenCodes: [String: (sheet: String?, source: String, row: Int)] = [:]

    init(
        profile: ImportProfile, codeProfile: CodeProfile, joins: Joins, validation: BatchValidation,
        spill: FragmentSpill?
    ) {
        self.profile = profile
        self.codeProfile = codeProfile
        self.joins = joins
        self.spill = spill
        checks = ItemCheckStream(validation: validation)
    }

    /// The item record read last, held until the next record shows whether it continues it (one material per row
    /// beneath merged item cells: ``ContinuationRows``).
    private var pending: (record: SourceRecord, assembler: ItemAssembler)?
    /// Rows read as continuations of the item above them (not counted in ``rows``).
    private(set) var continuationRows = 0

    /// Takes one record of the item table `table`: a row continuing the item held is merged into it; otherwise the
    /// held item is built and queued for its check and this record is held. A record that builds no item, or
    /// repeats the code of an earlier one, is reported. `keys`: the table's key numbers.
    func add(_ record: SourceRecord, table: ImportProfile.Table, keys: TableKeys) throws(ImportError) {
        if var held = pending, let kind = keys.continuation.kind(of: record, item: held.record) {
            keys.continuation.merge(
                ParsedRecord(record: record, table: table, profile: profile, keys: keys), kind: kind,
                into: &held.assembler)
            pending = held
            continuationRows += 1
            return
        }
        try build()
        rows += 1
        var assembler = ItemAssembler(
            parsed: ParsedRecord(record: record, table: table, profile: profile, keys: keys), codeProfile: codeProfile)
        if let id = CatalogImporter.firstValue(record, keys: table.idKeys) {
            let joined = joinedRecords(of: id, isFirst: usedParents.insert(id).inserted)
            for details in joined[.itemDetails] ?? [] { assembler.merge(details: details) }
            assembler.materials = joined[.materials] ?? []
            assembler.results = joined[.results] ?? []
            assembler.fees = joined[.fees] ?? []
            // Stops the sheet: the caller sees the flag and reads the joined sheets first.
            if joinIsOutOfOrder { throw ImportError(.source, "joined sheet out of item order") }
        }
        pending = (record, assembler)
    }

    /// Builds the item held, queues it for its check and hands on the items checked.
    private func build() throws(ImportError) {
        guard let (record, held) = pending else { return }
        var assembler = held
        pending = nil
        let item = assembler.build()
        var diagnostics = assembler.diagnostics
        let row = rowDiagnostics.count
        if let item, let first = seenCodes[item.id] {
            diagnostics.append(
                CatalogImporter.rejection(
                    record, "事项编码 \(item.id) 与 \(first.sheet ?? first.source) 第 \(first.row) 行重复"))
        } else if let item {
            seenCodes[item.id] = (record.sheet, record.source, record.row)
            let candidate = CheckCandidate(
                row: row, source: record.source, sheet: record.sheet, sourceRow: record.row, places: assembler.places,
                fragment: ItemFragment(item), item: spill == nil ? item : nil)
            checks.add(
                candidate, department: item.department, region: item.region.rawValue,
                needsSchema11: CatalogWriter.needsSchema11(item))
        } else {
            diagnostics.append(
                CatalogImporter.rejection(record, "该行未导入：\(assembler.rejection.joined(separator: "；"))"))
        }
        rowDiagnostics.append([])
        repeated.add(diagnostics, to: &rowDiagnostics, at: row)
        try deliver(checks.takeChecked())
    }

    /// The joined records of item id `id` by role (`isFirst`: no earlier item record had this id). A streamed
    /// sheet gives the records at its head of that parent; a parent left at the head that an earlier item had
    /// means the sheet is not in item order.
    private func joinedRecords(of id: String, isFirst: Bool) -> [ImportProfile.Role: [ParsedRecord]] {
        var joined: [ImportProfile.Role: [ParsedRecord]] = [:]
        switch joins {
        case .read(let children):
            for (role, byParent) in children {
                if let records = byParent[id] { joined[role] = records }
            }
        case .streamed(let cursors):
            if !isFirst { joinIsOutOfOrder = true }
            for cursor in cursors {
                let (records, next) = cursor.take(id)
                if !records.isEmpty { joined[cursor.table.role, default: []] += records }
                if let next, usedParents.contains(next) { joinIsOutOfOrder = true }
            }
        }
        return joined
    }

    /// Checks the items still waiting and hands them on; returns the files planned (one per department, in order
    /// of first appearance, with their final headers).
    func finish() throws(ImportError) -> [(department: String, writer: CatalogWriter)] {
        try build()
        checks.finish()
        try deliver(checks.takeChecked())
        return checks.files.map { ($0.department, $0.writer) }
    }

    /// Waits for the checks in flight of an import that starts over (their results are not used).
    func abandon() {
        pending = nil
        checks.waitForChecks()
    }

    /// The items kept in memory, in row order.
    func collectedItems() -> [ServiceItem] { collected.sorted { $0.row < $1.row }.map(\.item) }

    /// Adds what each check found to its row, and hands on the items kept.
    private func deliver(_ checked: [ItemCheckStream.Checked]) throws(ImportError) {
        for (candidate, problems, file) in checked {
            repeated.add(
                problems.map { CatalogImporter.checkDiagnostic($0, row: candidate.place, places: candidate.places) },
                to: &rowDiagnostics, at: candidate.row)
            guard problems.allSatisfy({ CatalogImporter.isKept($0.diagnostic) }) else { continue }
            imported += 1
            if let spill {
                try spill.append(candidate.fragment.bytes, file: file)
            } else if let item = candidate.item {
                collected.append((candidate.row, file, item))
            }
        }
    }
}
