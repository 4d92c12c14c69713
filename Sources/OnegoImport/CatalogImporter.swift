import Foundation
import OnegoBase
public import OnegoCatalog

/// Imports catalogs from what offices have — workbooks, CSV dumps, portal JSON — through a profile, and writes
/// a catalog folder (one file per department) atomically. ``run(sources:outputDirectory:replacing:)`` is the one
/// call behind `onego import`.
public struct CatalogImporter: Sendable {
    /// The mapping from the source format.
    public var profile: ImportProfile
    /// Workbook safety limits.
    public var xlsxLimits: XLSXLimits
    /// The catalog schema path (default: the shipped `Schemas/catalog.xsd`).
    public var schemaPath: String?
    /// The province's code layout: imported codes are read and checked by it (national by default).
    public var codeProfile: CodeProfile

    /// Creates an importer.
    public init(
        profile: ImportProfile, xlsxLimits: XLSXLimits = .default, schemaPath: String? = nil,
        codeProfile: CodeProfile = .national
    ) {
        self.profile = profile
        self.xlsxLimits = xlsxLimits
        self.schemaPath = schemaPath
        self.codeProfile = codeProfile
    }

    /// Reads `sources` and writes the catalog into `outputDirectory` (a temporary folder beside it, renamed into
    /// place; every item written was validated in the bytes written). Nothing is written when no row is importable.
    /// The item table of a workbook is streamed: each item is built, checked and spilled as its row is read.
    ///
    /// - Throws: ``ImportError`` when a source or the profile cannot be used or the folder cannot be written.
    public func run(
        sources: [String], outputDirectory: String, replacing: Bool = false
    ) throws(ImportError) -> ImportReport {
        var loader: CatalogLoader
        do {
            loader = try CatalogLoader.validating(schemaPath: schemaPath)
        } catch {
            throw ImportError(.verification, "无法加载目录 Schema", cause: error)
        }
        loader.profile = codeProfile
        try CatalogFolderWriter.checkWritable(outputDirectory, replacing: replacing)
        let folder = try TemporaryFolder(beside: outputDirectory)
        var succeeded = false
        defer { if !succeeded { folder.remove() } }
        let spill = try FragmentSpill(path: folder.url.appendingPathComponent(".items.spill").path)
        let (found, pipeline, files) = try importItems(sources: sources, loader: loader, spill: spill)
        var report = found
        guard pipeline.imported > 0 else { return report }
        let names = try CatalogFolderWriter.write(
            files.enumerated().map { ($1.department, $1.writer, $0) }, from: spill, into: folder)
        try? FileManager.default.removeItem(atPath: spill.path)
        let written = try folder.commit(to: outputDirectory, replacing: replacing)
        succeeded = true
        report.files = names.map { written.appendingPathComponent($0).path }
        return report
    }

    /// Reads `sources` into items, checked against the catalog schema and the loader's checks in the documents
    /// they will be written in (a row whose item is rejected is reported and left out). Codes are read and checked
    /// by ``codeProfile``.
    public func read(sources: [String], loader: CatalogLoader) throws(ImportError) -> ImportResult {
        let (report, pipeline, _) = try importItems(sources: sources, loader: loader, spill: nil)
        return ImportResult(items: pipeline.collectedItems(), report: report)
    }

    /// Reads the joined tables of every source, then the item tables (a workbook's streamed), building and checking
    /// each item as its record comes: into `spill` when given, else kept in the pipeline. A workbook whose item
    /// sheet cannot be streamed (merged ranges, rows out of order) makes the items be read again, whole.
    func importItems(
        sources: [String], loader: CatalogLoader, spill: FragmentSpill?
    ) throws(ImportError) -> (ImportReport, ItemPipeline, [(department: String, writer: CatalogWriter)]) {
        var loader = loader
        loader.profile = codeProfile
        guard profile.itemTable != nil else {
            throw ImportError(.profile, "导入配置“\(profile.name)”没有 role=\"items\" 的表")
        }
        var opened: [SourceReading.Opened] = []
        for source in sources {
            opened.append(try SourceReading(profile: profile, xlsxLimits: xlsxLimits).open(source))
        }
        let validation = BatchValidation(loader: loader, rejects: { !Self.isKept($0) })
        if let streamed = try importStreamingJoins(opened, validation: validation, spill: spill) { return streamed }
        var notes = TableNotes(opened)
        let (children, joinDiagnostics) = try readChildren(&opened, notes: &notes)
        var streaming = true
        while true {
            let pipeline = ItemPipeline(
                profile: profile, codeProfile: codeProfile, joins: .read(children), validation: validation,
                spill: spill)
            if try readItems(opened, into: pipeline, notes: &notes, streaming: streaming) {
                let files = try pipeline.finish()
                let report = Self.report(
                    pipeline, notes: notes, joinDiagnostics: joinDiagnostics,
                    orphans: orphans(children, used: pipeline.usedParents))
                return (report, pipeline, files)
            }
            pipeline.abandon()
            streaming = false
            try spill?.reset()
        }
    }

    /// The report of a finished pipeline: the tables' notes, the joined records' warnings, each row's diagnostics
    /// and the orphan warnings, in that order.
    static func report(
        _ pipeline: ItemPipeline, notes: TableNotes, joinDiagnostics: [ImportDiagnostic], orphans: [ImportDiagnostic]
    ) -> ImportReport {
        let diagnostics = notes.all + joinDiagnostics + pipeline.rowDiagnostics.joined()
        var report = ImportReport(
            rows: pipeline.rows, imported: pipeline.imported, rejected: pipeline.rows - pipeline.imported,
            diagnostics: diagnostics + orphans)
        report.continuationRows = pipeline.continuationRows
        return report
    }

    /// A warning for each parent id of joined records that no item record has.
    func orphans(
        _ children: [ImportProfile.Role: [String: [ParsedRecord]]], used: Set<String>
    ) -> [ImportDiagnostic] {
        var diagnostics: [ImportDiagnostic] = []
        for (role, groups) in children {
            for (parent, records) in groups where !used.contains(parent) {
                guard let first = records.first?.record else { continue }
                diagnostics.append(
                    ImportDiagnostic(
                        source: first.source, sheet: first.sheet, row: first.row, severity: .warning,
                        rule: .importJoinOrphan,
                        message: "\(records.count) 行\(Self.roleLabel(role))所属事项“\(parent)”不在事项表中，已舍弃"))
            }
        }
        return diagnostics
    }

    /// The records of the joined tables by role and parent id (a workbook's sheets streamed, each record parsed as
    /// its row ends), and the warnings about records without a parent.
    func readChildren(
        _ opened: inout [SourceReading.Opened], notes: inout TableNotes
    ) throws(ImportError) -> ([ImportProfile.Role: [String: [ParsedRecord]]], [ImportDiagnostic]) {
        var children: [ImportProfile.Role: [String: [ParsedRecord]]] = [:]
        var diagnostics: [ImportDiagnostic] = []
        for at in opened.indices {
            for (position, table) in opened[at].tables.enumerated() where table.role != .items {
                let joined = JoinedRecords(table: table, profile: profile)
                if case .workbook(let workbook, _) = opened[at], let sheet = table.sheet {
                    let streamed = try workbook.stream(sheet) { record throws(ImportError) in joined.add(record) }
                    if case .streamed(let headers)? = streamed {
                        notes.set(headers.notes + (unknownHeaderNote(table, headers).map { [$0] } ?? []), at, position)
                        joined.merge(into: &children, diagnostics: &diagnostics)
                        continue
                    }
                    joined.reset()  // merged ranges or rows out of order: read whole
                }
                guard let source = try Self.table(position, of: &opened[at]) else { continue }
                notes.set(source.notes + (unknownHeaderNote(table, source).map { [$0] } ?? []), at, position)
                for record in source.records { joined.add(record) }
                joined.merge(into: &children, diagnostics: &diagnostics)
            }
        }
        return (children, diagnostics)
    }

    /// Feeds the records of every item table into `pipeline`, streaming workbook sheets when `streaming`; false
    /// when a sheet turned out to need reading whole (nothing of this pass counts then).
    func readItems(
        _ opened: [SourceReading.Opened], into pipeline: ItemPipeline, notes: inout TableNotes, streaming: Bool
    ) throws(ImportError) -> Bool {
        for (at, source) in opened.enumerated() {
            for (position, table) in source.tables.enumerated() where table.role == .items {
                let keys = TableKeys(table)
                if case .workbook(let workbook, _) = source, streaming, let sheet = table.sheet {
                    let streamed = try workbook.stream(sheet) { record throws(ImportError) in
                        try pipeline.add(record, table: table, keys: keys)
                    }
                    if case .needsWholeSheet? = streamed { return false }
                    if case .streamed(let headers)? = streamed {
                        notes.set(headers.notes + (unknownHeaderNote(table, headers).map { [$0] } ?? []), at, position)
                    }
                    continue
                }
                var copy = source
                guard let whole = try Self.table(position, of: &copy) else { continue }
                notes.set(whole.notes + (unknownHeaderNote(table, whole).map { [$0] } ?? []), at, position)
                for record in whole.records { try pipeline.add(record, table: table, keys: keys) }
            }
        }
        return true
    }

    /// The table at `position` of an opened source: a workbook's sheet read whole, or a file's table (its records
    /// then let go from `source`).
    static func table(_ position: Int, of source: inout SourceReading.Opened) throws(ImportError) -> SourceTable? {
        switch source {
        case .workbook(let workbook, let tables):
            guard let sheet = tables[position].sheet else { return nil }
            return try workbook.table(sheet)
        case .tables(var tables):
            let table = tables[position].1
            tables[position].1.records = []
            source = .tables(tables)
            return table
        }
    }

    /// The import diagnostic of a catalog check's problem: on the item row, or — when the problem is in a
    /// material or result built from a joined row — on that row and the column of the field at fault, naming the
    /// item row it belongs to.
    static func checkDiagnostic(
        _ problem: BatchValidation.Problem, row place: (source: String, sheet: String?, row: Int), places: ChildPlaces
    ) -> ImportDiagnostic {
        let diagnostic = problem.diagnostic
        let isNote = isKept(diagnostic)
        var message = isNote ? "\(diagnostic.message)（已按原样导入）" : "按目录 Schema 检查不通过：\(diagnostic.message)"
        var at = ImportDiagnostic(
            source: place.source, sheet: place.sheet, row: place.row, severity: isNote ? .warning : .error,
            rule: isNote ? .importCheck(diagnostic.rule) : .importRowRejected, message: message)
        guard let element = problem.child, let child = places.place(of: element) else { return at }
        let target = element.target(in: diagnostic.message)
        let itemPlace = "\(place.source)\(place.sheet.map { "[\($0)]" } ?? ""):\(place.row)"
        let what = element.kind == .material ? "材料" : "结果"
        message =
            isNote
            ? "\(what)：\(diagnostic.message)（所属事项 \(itemPlace)，已按原样导入）"
            : "\(what)按目录 Schema 检查不通过，所属事项 \(itemPlace) 未导入：\(diagnostic.message)"
        at.source = child.source
        at.sheet = child.sheet
        at.row = child.row
        at.column = target.flatMap { child.columns[$0] }
        at.field = target?.rawValue
        at.message = message
        return at
    }

    /// The warning naming the columns or keys of `source` that `table` does not map, with where each is first
    /// seen: the header row and column of a sheet or CSV file, the record (and its line and column) in JSON.
    func unknownHeaderNote(_ table: ImportProfile.Table, _ source: SourceTable) -> ImportDiagnostic? {
        let known = Set(table.fields.flatMap { $0.keys + $0.unitKeys }).union(table.ignoredKeys)
            .union(table.idKeys)
            .union(table.parentKeys)
        let unknown = source.headers.filter { !known.contains($0) }
        guard let firstUnknown = unknown.first else { return nil }
        let message = "导入配置“\(profile.name)”不认识这些列，其值未导入："
        if source.headerRow != nil || source.records.isEmpty {
            let named = unknown.map { name in source.headerColumns[name].map { "\(name)（\($0) 列）" } ?? name }
            return ImportDiagnostic(
                source: source.source, sheet: source.sheet, row: source.headerRow,
                column: source.headerColumns[firstUnknown], severity: .warning, rule: .importSourceUnknownHeader,
                message: message + named.joined(separator: "、"))
        }
        // JSON: every record may hold other keys; name the first record holding each unknown one.
        var firstRecord: [String: Int] = [:]
        let wanted = Set(unknown)
        for (index, record) in source.records.enumerated() where firstRecord.count < wanted.count {
            for cell in record.cells where wanted.contains(cell.key) && firstRecord[cell.key] == nil {
                firstRecord[cell.key] = index
            }
        }
        let named = unknown.map { key in
            firstRecord[key].map { "\(key)（\(Self.place(of: source.records[$0], index: $0))）" } ?? key
        }
        let earliest = unknown.compactMap { key in firstRecord[key].map { (key, $0) } }.min { $0.1 < $1.1 }
        return ImportDiagnostic(
            source: source.source, row: earliest.map { source.records[$0.1].row }, column: earliest?.0,
            severity: .warning, rule: .importSourceUnknownHeader, message: message + named.joined(separator: "、"))
    }

    /// Where the `index`th JSON record begins, in words: its ordinal, and its line and column when known.
    static func place(of record: SourceRecord, index: Int) -> String {
        guard let line = record.textLine else { return "首见于第 \(index + 1) 条记录" }
        let column = record.textColumn.map { "第 \($0) 列" } ?? ""
        return "首见于第 \(index + 1) 条记录，第 \(line) 行\(column)"
    }

    /// Whether a catalog check's problem leaves the item imported (a warning, or an invalid credit code: offices
    /// do publish items with them) rather than rejecting its row.
    static func isKept(_ problem: Diagnostic) -> Bool {
        problem.rule == .catalogUSCC || problem.severity == .warning
    }

    static func rejection(_ record: SourceRecord, _ message: String) -> ImportDiagnostic {
        ImportDiagnostic(
            source: record.source, sheet: record.sheet, row: record.row, severity: .error,
            rule: .importRowRejected,
            message: message)
    }

    static func firstValue(_ record: SourceRecord, keys: [String]) -> String? {
        for key in keys {
            if let value = record.cells.first(where: { $0.key == key })?.value.trimmingWhitespace, !value.isEmpty {
                return value
            }
        }
        return nil
    }

    static func roleLabel(_ role: ImportProfile.Role) -> String {
        switch role {
        case .items: "事项"
        case .itemDetails: "事项扩展信息"
        case .materials: "材料"
        case .results: "结果"
        case .fees: "收费项目"
        }
    }
}
