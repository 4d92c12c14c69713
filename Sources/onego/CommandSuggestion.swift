import ArgumentParser

/// "Did you mean" for a mistyped subcommand: argument-parser reports `onego valdate Catalogs` as "2 unexpected
/// arguments"; this finds the first word that is not a subcommand where one is expected and names the nearest
/// ones by edit distance.
enum CommandSuggestion {
    /// The usage message for a mistyped subcommand in `arguments` (without the program name), or `nil` when the
    /// words name commands (or start with an option, which argument-parser checks itself).
    static func message(for arguments: [String], root: any ParsableCommand.Type = Onego.self) -> String? {
        var command = root
        var path = [root.configuration.commandName ?? "onego"]
        for word in arguments {
            let subcommands = command.configuration.subcommands
            guard !subcommands.isEmpty, !word.hasPrefix("-"), word != "help" else { return nil }
            if let next = subcommands.first(where: { $0.configuration.commandName == word }) {
                command = next
                path.append(word)
                continue
            }
            let names = subcommands.compactMap { $0.configuration.commandName }
            let near = nearest(to: word, among: names)
            let hint =
                near.isEmpty
                ? "" : "。您是不是要用：\(near.map { "\(path.joined(separator: " ")) \($0)" }.joined(separator: "、"))？"
            return """
                错误: 没有子命令“\(word)”\(hint)
                可用的子命令：\(names.joined(separator: "、"))；详见 '\(path.joined(separator: " ")) --help'。
                """
        }
        return nil
    }

    /// The usage message for a long option the addressed command does not have, or `nil` when every `--name`
    /// before a `--` terminator is one of its options. Checked before parsing because argument-parser reports a
    /// missing required option first ("Missing expected argument '--policy'"), without naming the mistyped one.
    static func unknownOption(in arguments: [String], root: any ParsableCommand.Type = Onego.self) -> String? {
        var command = root
        var path = [root.configuration.commandName ?? "onego"]
        var words = arguments[...]
        while let word = words.first,
            let next = command.configuration.subcommands.first(where: { $0.configuration.commandName == word })
        {
            command = next
            path.append(word)
            words = words.dropFirst()
        }
        let help = root.helpMessage(for: command, includeHidden: true, columns: 10_000)
        let known = Set(help.matches(of: /--[A-Za-z0-9][A-Za-z0-9-]*/).map { String($0.output) }).union(builtInOptions)
        for word in words.prefix(while: { $0 != "--" }) where word.hasPrefix("--") {
            let name = String(word.prefix { $0 != "=" })
            guard !known.contains(name) else { continue }
            let near = nearest(to: String(name.dropFirst(2)), among: known.map { String($0.dropFirst(2)) })
            let hint = near.isEmpty ? "" : "，您是不是要用 \(near.prefix(3).map { "'--\($0)'" }.joined(separator: " 或 "))？"
            let command = path.joined(separator: " ")
            return "错误: \(command) 没有选项 '\(name)'\(hint)\n详见 '\(command) --help'。"
        }
        return nil
    }

    /// Options argument-parser adds to every command or to the root.
    private static let builtInOptions: Set<String> = [
        "--help", "--version", "--generate-completion-script", "--experimental-dump-help",
    ]

    /// The names within a small edit distance of `word` (closest first), or whose prefix it is.
    static func nearest(to word: String, among names: [String]) -> [String] {
        let lowered = word.lowercased()
        let scored = names.map { name in (name, distance(lowered, name)) }
        let allowed = max(1, min(3, word.count / 3 + 1))
        return
            scored
            .filter { $0.1 <= allowed || ($0.0.hasPrefix(lowered) && lowered.count >= 2) }
            .sorted { ($0.1, $0.0) < ($1.1, $1.0) }
            .map(\.0)
    }

    /// The Damerau–Levenshtein (optimal string alignment) distance: a swapped pair of letters counts once.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var table = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
                }
            }
        }
        return table[a.count][b.count]
    }
}
