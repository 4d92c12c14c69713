import ArgumentParser

extension Onego {
    /// The text of a failure: a diagnostic's compiler-style line as it is, anything else after `错误: `.
    static func failureText(_ error: any Error) -> String {
        let text = String(describing: error)
        return text.hasPrefix("错误: ") || text.contains(": 错误: ") ? text : "错误: " + text
    }
}
