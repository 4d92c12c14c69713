import ArgumentParser

extension Onego {
    /// The text of a failure: a diagnostic's compiler-style line as it is, anything else after `错误: `.
    static func failureText(_ error: any Error) -> String {
        let text = String(describing: error)
        return text.hasPrefix("错误: ") || text.contains(": 错误: ") ? text : "错误: " + text
    }

    /// argument-parser's usage message with one prefix: its English `Error: ` becomes `错误: `, and a message that
    /// already starts with `错误: ` keeps only one.
    static func usageText(_ message: String) -> String {
        guard message.hasPrefix("Error: ") else { return message }
        let rest = message.dropFirst("Error: ".count)
        return rest.hasPrefix("错误: ") ? String(rest) : "错误: " + rest
    }
}
