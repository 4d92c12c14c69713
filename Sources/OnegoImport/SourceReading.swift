import Foundation
import OnegoBase

/// Opens each source by its extension and pairs its tables with the profile's tables.
struct SourceReading {
    let profile: ImportProfile
    let xlsxLimits: XLSXLimits

    /// One source opened: a workbook whose sheets are read when wanted, or the tables of a CSV or JSON file.
    enum Opened {
        /// A workbook and the profile's tables whose sheets it has.
        case workbook(XLSXWorkbook, [ImportProfile.Table])
        /// The tables of a file read whole.
        case tables([(ImportProfile.Table, SourceTable)])

        /// The source's own notes: each sheet a patterned table read (`import.source.sheet-read`), and each it
        /// matched by name but skipped (`import.source.sheet-skipped`).
        var notes: [ImportDiagnostic] {
            guard case .workbook(let workbook, _) = self else { return [] }
            let read = workbook.readSheets.map { sheet in
                ImportDiagnostic(
                    source: workbook.source, sheet: sheet, severity: .note, rule: .importSourceSheetRead,
                    message: "按表头读取工作表“\(sheet)”")
            }
            return read
                + workbook.skippedSheets.map { sheet, reason in
                    ImportDiagnostic(
                        source: workbook.source, sheet: sheet, severity: .note, rule: .importSourceSheetSkipped,
                        message: "工作表“\(sheet)”\(reason)，未读取")
                }
        }

        /// The profile's tables this source has, in profile order.
        var tables: [ImportProfile.Table] {
            switch self {
            case .workbook(_, let tables): tables
            case .tables(let tables): tables.map(\.0)
            }
        }
    }

    func open(_ source: String) throws(ImportError) -> Opened {
        let lowered = source.lowercased()
        let name = (source as NSString).lastPathComponent
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: source, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw ImportError(.source, "\(source): 文件不存在或是文件夹")
        }
        try checkSize(of: source)
        if lowered.hasSuffix(".xlsx") {
            let sheetTables = workbookTables(fileName: name)
            guard !sheetTables.isEmpty else {
                throw ImportError(.source, "\(source): 导入配置“\(profile.name)”没有声明工作表，不能读取 .xlsx")
            }
            let workbook = try XLSXWorkbook(path: source, source: source, limits: xlsxLimits)
            let tables = try bind(sheetTables, to: workbook, source: source)
            for table in tables {
                guard let sheet = table.sheet else { continue }
                workbook.knownHeaders[sheet, default: []].formUnion(table.knownKeys)
            }
            return .workbook(workbook, tables)
        }
        let data = try contents(of: source)
        let table = try matchingTable(name)
        if lowered.hasSuffix(".csv") {
            return .tables([
                (table, try CSVRecordReader.read(Array(data), source: source, knownHeaders: table.knownKeys))
            ])
        }
        var records: SourceTable
        if lowered.hasSuffix(".jsonl") || lowered.hasSuffix(".ndjson") {
            records = try JSONRecordReader.read(data, source: source, isLines: true)
        } else if lowered.hasSuffix(".json") {
            records = try JSONRecordReader.read(data, source: source, isLines: false, knownKeys: table.knownKeys)
        } else if lowered.hasSuffix(".xml") {
            records = try XMLRecordReader.read(Array(data), source: source, knownKeys: table.knownKeys)
        } else {
            throw ImportError(.source, SourceTypes.refusal(for: source) ?? "\(source): 不支持的文件类型")
        }
        KeyRespelling.apply(to: &records, knownKeys: table.knownKeys)
        return .tables([(table, records)])
    }

    /// The profile's tables of a workbook, each bound to a sheet it has: a table naming a sheet takes that sheet; a
    /// table whose sheet is a pattern (`*`, `?`: characters Excel forbids in sheet names) takes every matching sheet
    /// no table names whose header row names two of its columns, and the other matching sheets are reported as
    /// skipped (``XLSXWorkbook/skippedSheets``). Throws when the item table has no sheet.
    private func bind(
        _ tables: [ImportProfile.Table], to workbook: XLSXWorkbook, source: String
    ) throws(ImportError) -> [ImportProfile.Table] {
        let names = workbook.sheets.map(\.name)
        let named = Set(tables.compactMap(\.sheet).filter { !Self.isPattern($0) })
        var bound: [ImportProfile.Table] = []
        for table in tables {
            guard let sheet = table.sheet else { continue }
            guard Self.isPattern(sheet) else {
                if names.contains(sheet) { bound.append(table) }
                continue
            }
            for name in names where globMatches(sheet, name) && !named.contains(name) {
                if let reason = Self.skipReason(name, table: table, workbook: workbook) {
                    workbook.skippedSheets.append((name, reason))
                } else if try workbook.hasHeader(
                    name, naming: table.knownKeys.subtracting(table.ignoredKeys), anyOf: Self.essentialKeys(table))
                {
                    var copy = table
                    copy.sheet = name
                    bound.append(copy)
                    workbook.readSheets.append(name)
                } else {
                    workbook.skippedSheets.append(
                        (name, "的前 \(HeaderRowChoice.lookahead) 行中没有一行写出导入配置所列的两个以上列名（含事项名称或编码列）"))
                }
            }
        }
        let list = names.joined(separator: "、")
        // A workbook may hold only joined tables (one workbook per national table), but never nothing at all.
        if let items = profile.itemTable?.sheet, !Self.isPattern(items), !bound.contains(where: { $0.role == .items }) {
            throw ImportError(.source, "\(source): 缺少工作表“\(items)”（工作簿中有：\(list)）")
        }
        guard bound.isEmpty else { return bound }
        throw ImportError(
            .source,
            "\(source): 没有一张工作表的前 \(HeaderRowChoice.lookahead) 行中有一行写出导入配置“\(profile.name)”的两个以上列名（工作簿中有：\(list)）；请核对表头，或复制导入配置改写列名"
        )
    }

    /// The profile's tables as a workbook's sheets: a table naming a sheet (or a sheet pattern) as it is; a table
    /// with only a file pattern (CSV dumps of the national tables, `*basic*`) reads the sheets of a workbook whose
    /// name matches the pattern (`up_task_general_basic.xlsx`: every sheet whose header fits), else the sheets
    /// whose names match it (one workbook with a sheet per table).
    private func workbookTables(fileName: String) -> [ImportProfile.Table] {
        profile.tables.compactMap { table in
            if table.sheet != nil { return table }
            guard let pattern = table.filePattern else { return nil }
            var copy = table
            copy.sheet = globMatches(pattern, fileName) ? "*" : pattern
            return copy
        }
    }

    /// Why a sheet a pattern matches is not read though its header may fit: hidden in Excel, or named as an example,
    /// a note or a code table (填报示例, 填表说明, 数据字典 …); `nil` when it may be read. A profile that names the
    /// sheet reads it all the same.
    static func skipReason(_ sheet: String, table: ImportProfile.Table, workbook: XLSXWorkbook) -> String? {
        if workbook.hiddenSheets.contains(sheet) { return "在 Excel 中是隐藏的工作表" }
        let words = ["示例", "样例", "范例", "样表", "说明", "字典", "代码表", "填报要求"]
        if let word = words.first(where: { sheet.contains($0) }) { return "的名称含“\(word)”，按示例或说明处理" }
        return nil
    }

    /// The columns a sheet's header must name for a patterned table to read it: the id and name columns of the item
    /// table, the parent columns of a joined one (empty: any two columns).
    static func essentialKeys(_ table: ImportProfile.Table) -> Set<String> {
        if table.role == .items {
            return Set(table.idKeys + table.fields.filter { $0.target == .name }.flatMap(\.keys))
        }
        return Set(table.parentKeys)
    }

    /// Whether a table's sheet attribute is a pattern rather than a name.
    static func isPattern(_ sheet: String) -> Bool { sheet.contains("*") || sheet.contains("?") }

    /// Refuses a source larger than the limit before reading any of it.
    private func checkSize(of source: String) throws(ImportError) {
        let size = (try? FileManager.default.attributesOfItem(atPath: source)[.size] as? Int) ?? 0
        if size > xlsxLimits.maxSourceBytes { throw tooLarge(source, size) }
    }

    private func tooLarge(_ source: String, _ size: Int?) -> ImportError {
        let limit = xlsxLimits.maxSourceBytes
        let megabytes = { (bytes: Int) in String(format: "%.1f MB", Double(bytes) / 1_048_576) }
        let actual = size.map { "文件有 \(megabytes($0))（\($0) 字节）" } ?? "读取超过上限"
        return ImportError(
            .limit, "\(source): \(actual)，超过导入上限 \(megabytes(limit))（\(limit) 字节）；请拆分后分批导入，未读取任何行")
    }

    /// The bytes of a CSV or JSON source, counted as they are read (a pipe or a growing file has no true size).
    private func contents(of source: String) throws(ImportError) -> Data {
        guard let handle = FileHandle(forReadingAtPath: source) else {
            throw ImportError(.source, "\(source): 无法读取（没有读取权限或文件已被移走）")
        }
        defer { try? handle.close() }
        var data = Data()
        while true {
            let chunk: Data?
            do {
                chunk = try handle.read(upToCount: 1 << 20)
            } catch {
                throw ImportError(.source, "\(source): 无法读取", cause: SendableCause(error))
            }
            guard let chunk, !chunk.isEmpty else { return data }
            data.append(chunk)
            if data.count > xlsxLimits.maxSourceBytes { throw tooLarge(source, nil) }
        }
    }

    private func matchingTable(_ fileName: String) throws(ImportError) -> ImportProfile.Table {
        let patterned = profile.tables.filter { $0.filePattern != nil }
        if let match = patterned.first(where: { globMatches($0.filePattern ?? "", fileName) }) { return match }
        if let items = profile.itemTable, patterned.isEmpty || items.filePattern == nil { return items }
        throw ImportError(
            .source,
            "\(fileName): 导入配置“\(profile.name)”中没有与文件名匹配的表（\(patterned.compactMap(\.filePattern).joined(separator: "、"))）"
        )
    }
}
