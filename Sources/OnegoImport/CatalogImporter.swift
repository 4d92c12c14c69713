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
        var result = try read(sources: sources, loader: loader)
        guard !result.items.isEmpty else { return result.report }
        result.report.files = try CatalogFolderWriter(loader: loader).write(
            result.items, plan: result.plan, to: outputDirectory, replacing: replacing)
        return result.report
    }

    /// Reads `sources` into items, checked against the catalog schema and the loader's checks in the documents
    /// they will be written in (a row whose item is rejected is reported and left out). Codes are read and checked
    /// by ``codeProfile``.
    public func read(sources: [String], loader: CatalogLoader) throws(ImportError) -> ImportResult {
        var loader = loader
        loader.profile = codeProfile
        guard profile.itemTable != nil else {
            throw ImportError(.profile, "导入配置“\(profile.name)”没有 role=\"items\" 的表")
        }
        var diagnostics: [ImportDiagnostic] = []
        var tables: [(ImportProfile.Table, SourceTable)] = []
        for source in sources {
            tables += try SourceReading(profile: profile, xlsxLimits: xlsxLimits).tables(of: source)
        }
        // Unknown headers, once per table.
        for (table, source) in tables {
            diagnostics += source.notes
            if let note = unknownHeaderNote(table, source) { diagnostics.append(note) }
        }
        // Joined records by parent id.
        var children: [ImportProfile.Role: [String: [ParsedRecord]]] = [:]
        for (position, (table, source)) in tables.enumerated() where table.role != .items {
            tables[position].1.records = []  // the parsed records keep what they need
            for record in source.records {
                var parsed = ParsedRecord(record: record, table: table, profile: profile)
                parsed.record.cells = []  // read: only its place is needed from here on
                guard let parent = Self.firstValue(record, keys: table.parentKeys) else {
                    diagnostics.append(
                        ImportDiagnostic(
                            source: record.source, sheet: record.sheet, row: record.row, severity: .warning,
                            rule: .importJoinMissingParent,
                            message: "该行没有所属事项的编号（\(table.parentKeys.joined(separator: "/"))），已舍弃"))
                    continue
                }
                children[table.role, default: [:]][parent, default: []].append(parsed)
            }
        }
        var assembled = assemble(&tables, children: children)
        let checked = check(&assembled, loader: loader)
        diagnostics += assembled.rowDiagnostics.joined()
        for (role, groups) in children {
            for (parent, records) in groups where !assembled.usedParents.contains(parent) {
                guard let first = records.first?.record else { continue }
                diagnostics.append(
                    ImportDiagnostic(
                        source: first.source, sheet: first.sheet, row: first.row, severity: .warning,
                        rule: .importJoinOrphan,
                        message: "\(records.count) 行\(Self.roleLabel(role))所属事项“\(parent)”不在事项表中，已舍弃"))
            }
        }
        let report = ImportReport(
            rows: assembled.rows, imported: checked.items.count, rejected: assembled.rows - checked.items.count,
            diagnostics: diagnostics)
        return ImportResult(items: checked.items, report: report, plan: checked.plan)
    }

    /// The items built from the item tables, before the catalog checks.
    struct Assembled {
        /// Each built item with the index of its row in ``rowDiagnostics`` and where its materials and results
        /// came from.
        var candidates: [(item: ServiceItem, row: Int, places: ChildPlaces)] = []
        /// The diagnostics of each item row, in row order (a row's check problems join its own).
        var rowDiagnostics: [[ImportDiagnostic]] = []
        /// Where each item row is.
        var places: [(source: String, sheet: String?, row: Int)] = []
        var rows = 0
        var usedParents: Set<String> = []
    }

    /// Builds an item from each row of the item tables with its joined child rows; rows that build no item, or
    /// repeat the code of an earlier row, are reported. Each table's records are let go as they are used.
    func assemble(
        _ tables: inout [(ImportProfile.Table, SourceTable)], children: [ImportProfile.Role: [String: [ParsedRecord]]]
    ) -> Assembled {
        var result = Assembled()
        var seenCodes: [String: (sheet: String?, source: String, row: Int)] = [:]
        for position in tables.indices where tables[position].0.role == .items {
            let table = tables[position].0
            var records = tables[position].1.records
            tables[position].1.records = []
            for index in records.indices {
                let record = records[index]
                records[index].cells = []
                result.rows += 1
                var assembler = ItemAssembler(
                    parsed: ParsedRecord(record: record, table: table, profile: profile), codeProfile: codeProfile)
                if let id = Self.firstValue(record, keys: table.idKeys) {
                    result.usedParents.insert(id)
                    for details in children[.itemDetails]?[id] ?? [] { assembler.merge(details: details) }
                    assembler.materials = children[.materials]?[id] ?? []
                    assembler.results = children[.results]?[id] ?? []
                    assembler.fees = children[.fees]?[id] ?? []
                }
                let item = assembler.build()
                var rowDiagnostics = assembler.diagnostics
                if let item, let first = seenCodes[item.id] {
                    rowDiagnostics.append(
                        Self.rejection(
                            record, "事项编码 \(item.id) 与 \(first.sheet ?? first.source) 第 \(first.row) 行重复"))
                } else if let item {
                    seenCodes[item.id] = (record.sheet, record.source, record.row)
                    result.candidates.append((item, result.rowDiagnostics.count, assembler.places))
                } else {
                    rowDiagnostics.append(
                        Self.rejection(record, "该行未导入：\(assembler.rejection.joined(separator: "；"))"))
                }
                result.rowDiagnostics.append(rowDiagnostics)
                result.places.append((record.source, record.sheet, record.row))
            }
        }
        return result
    }

    /// Checks the built items against the catalog schema and the loader's checks (``BatchValidation``): an item
    /// with an error is left out and its row rejected; a warning, or an invalid credit code, is kept as a note.
    /// Returns the items kept, in row order, and the files they go in.
    func check(
        _ assembled: inout Assembled, loader: CatalogLoader
    ) -> (items: [ServiceItem], plan: CatalogFilePlan) {
        var items = assembled.candidates.map(\.item)
        let plan = CatalogFilePlan(items)
        let problems = BatchValidation(loader: loader, rejects: { !Self.isKept($0) }).problems(of: items, plan: plan)
        var kept = [Bool](repeating: true, count: items.count)
        for (index, candidate) in assembled.candidates.enumerated() {
            let place = assembled.places[candidate.row]
            for problem in problems[index] {
                assembled.rowDiagnostics[candidate.row].append(
                    Self.checkDiagnostic(problem, row: place, places: candidate.places))
                if !Self.isKept(problem.diagnostic) { kept[index] = false }
            }
        }
        assembled.candidates = []
        var position = 0
        items.removeAll { _ in
            defer { position += 1 }
            return !kept[position]
        }
        return (items, plan.keeping(kept))
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
