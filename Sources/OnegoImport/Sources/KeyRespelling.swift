import OnegoBase

/// JSON and XML records whose keys are written in another convention than the profile's (`task_code` or `taskCode`
/// for `TASK_CODE`, full-width or spaced forms): each such key is read in the profile's spelling, unless the record
/// also has that spelling itself, and reported once per key (``ImportRules/importSourceHeaderSpelling``), as a
/// worksheet's headers are (``HeaderRowChoice``).
enum KeyRespelling {
    /// `table` with its records' keys in the profile's spelling, and one note per key read so.
    static func apply(to table: inout SourceTable, knownKeys: Set<String>) {
        let choice = HeaderRowChoice(knownHeaders: knownKeys)
        var spellings: [String: String?] = [:]
        var reported: [String] = []
        func spelling(_ key: String) -> String? {
            if let known = spellings[key] { return known }
            let found = choice.profileSpelling(of: key)
            spellings[key] = found
            return found
        }
        guard table.headers.contains(where: { spelling($0) != nil }) else { return }
        for index in table.records.indices {
            let present = Set(table.records[index].cells.map(\.key))
            for position in table.records[index].cells.indices {
                let key = table.records[index].cells[position].key
                guard let known = spelling(key), !present.contains(known) else { continue }
                table.records[index].cells[position].key = known
                if !reported.contains(key) { reported.append(key) }
            }
        }
        table.headers = table.headers.map { header in spelling(header).map { known in known } ?? header }
        table.notes += reported.map { key in
            ImportDiagnostic(
                source: table.source, column: key, severity: .note, rule: .importSourceHeaderSpelling,
                message: "键名“\(key)”按导入配置的“\(spelling(key) ?? key)”读取（只差大小写、下划线、空白或全角半角）")
        }
    }
}
