/// The source file types an import reads, by extension, and the refusal every front end gives for another type.
public enum SourceTypes {
    /// The extensions read (compared without case).
    public static let extensions = [".xlsx", ".csv", ".json", ".jsonl", ".ndjson", ".xml"]

    /// Why `path` cannot be imported by its type, in Chinese, or `nil` when it can. Old Excel (`.xls`), WPS (`.et`)
    /// and OpenDocument workbooks are told to be saved as `.xlsx` first.
    public static func refusal(for path: String) -> String? {
        let lowered = path.lowercased()
        if extensions.contains(where: { lowered.hasSuffix($0) }) { return nil }
        var message = "不支持的文件类型：\(path)（支持 .xlsx、.csv、.json、.jsonl、.xml）"
        if [".xls", ".et", ".ods", ".numbers"].contains(where: { lowered.hasSuffix($0) }) {
            message += "；请在 Excel 或 WPS 中另存为“Excel 工作簿（.xlsx）”后再导入"
        }
        return message
    }
}
