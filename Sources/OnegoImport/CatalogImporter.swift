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

    /// Reads `sources` and writes the catalog into `outputDirectory` (temporary folder beside it, verified by
    /// loading it back with the validating loader, then renamed into place). Nothing is written when no row is
    /// importable or verification fails.
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
            result.items, to: outputDirectory, replacing: replacing)
        return result.report
    }

    /// Reads `sources` into items, each checked against the catalog schema on its own (a row whose item the
    /// schema rejects is reported and left out). Codes are read and checked by ``codeProfile``.
    public func read(sources: [String], loader: CatalogLoader) throws(ImportError) -> ImportResult {
        var loader = loader
        loader.profile = codeProfile
        guard let itemTable = profile.itemTable else {
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
            let known = Set(table.fields.flatMap { $0.keys + $0.unitKeys }).union(table.ignoredKeys)
                .union(table.idKeys)
                .union(table.parentKeys)
            let unknown = source.headers.filter { !known.contains($0) }
            if !unknown.isEmpty {
                let named = unknown.map { name in source.headerColumns[name].map { "\(name)（\($0) 列）" } ?? name }
                diagnostics.append(
                    ImportDiagnostic(
                        source: source.source, sheet: source.sheet, row: source.headerRow,
                        column: unknown.first.flatMap { source.headerColumns[$0] }, severity: .warning,
                        rule: .importSourceUnknownHeader,
                        message: "导入配置“\(profile.name)”不认识这些列，其值未导入：\(named.joined(separator: "、"))"))
            }
        }
        // Joined records by parent id.
        var children: [ImportProfile.Role: [String: [ParsedRecord]]] = [:]
        for (table, source) in tables where table.role != .items {
            for record in source.records {
                let parsed = ParsedRecord(record: record, table: table, profile: profile)
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
        var items: [ServiceItem] = []
        var rows = 0
        var rejected = 0
        var seenCodes: [String: SourceRecord] = [:]
        var usedParents: Set<String> = []
        let writer = CatalogWriter()
        for (table, source) in tables where table.role == .items {
            _ = itemTable
            for record in source.records {
                rows += 1
                var assembler = ItemAssembler(
                    parsed: ParsedRecord(record: record, table: table, profile: profile), codeProfile: codeProfile)
                if let id = Self.firstValue(record, keys: table.idKeys) {
                    usedParents.insert(id)
                    for details in children[.itemDetails]?[id] ?? [] { assembler.merge(details: details) }
                    assembler.materials = children[.materials]?[id] ?? []
                    assembler.results = children[.results]?[id] ?? []
                    assembler.fees = children[.fees]?[id] ?? []
                }
                var item = assembler.build()
                diagnostics += assembler.diagnostics
                if let built = item {
                    if let first = seenCodes[built.id] {
                        diagnostics.append(
                            Self.rejection(
                                record, "事项编码 \(built.id) 与 \(first.sheet ?? first.source) 第 \(first.row) 行重复"))
                        item = nil
                    } else {
                        // Check the item against the catalog schema on its own.
                        let loaded = loader.load(
                            bytes: Array(writer.document([built]).utf8), name: "\(record.source):\(record.row)")
                        for problem in loaded.diagnostics where problem.severity != .note {
                            let kept = problem.rule == .catalogUSCC || problem.severity == .warning
                            diagnostics.append(
                                ImportDiagnostic(
                                    source: record.source, sheet: record.sheet, row: record.row,
                                    severity: kept ? .warning : .error,
                                    rule: kept ? .importCheck(problem.rule) : .importRowRejected,
                                    message: kept
                                        ? "\(problem.message)（已按原样导入）" : "按目录 Schema 检查不通过：\(problem.message)"))
                            if !kept { item = nil }
                        }
                    }
                } else {
                    diagnostics.append(
                        Self.rejection(record, "该行未导入：\(assembler.rejection.joined(separator: "；"))"))
                }
                if let item {
                    seenCodes[item.id] = record
                    items.append(item)
                } else {
                    rejected += 1
                }
            }
        }
        for (role, groups) in children {
            for (parent, records) in groups where !usedParents.contains(parent) {
                guard let first = records.first?.record else { continue }
                diagnostics.append(
                    ImportDiagnostic(
                        source: first.source, sheet: first.sheet, row: first.row, severity: .warning,
                        rule: .importJoinOrphan,
                        message: "\(records.count) 行\(Self.roleLabel(role))所属事项“\(parent)”不在事项表中，已舍弃"))
            }
        }
        let report = ImportReport(
            rows: rows, imported: items.count, rejected: rejected, diagnostics: diagnostics)
        return ImportResult(items: items, report: report)
    }

    static func rejection(_ record: SourceRecord, _ message: String) -> ImportDiagnostic {
        ImportDiagnostic(
            source: record.source, sheet: record.sheet, row: record.row, severity: .error,
            rule: .importRowRejected,
            message: message)
    }

    static func firstValue(_ record: SourceRecord, keys: [String]) -> String? {
        for key in keys {
            if let value = record.cells.first(where: { $0.key == key })?.value
                .trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty
            {
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
