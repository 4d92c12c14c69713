import Foundation

/// Finds onego's shipped resources — `Schemas/` (the single source of truth for every XML format) and
/// `Catalogs/calendars/` — from an environment variable, the folders above the running executable (a `swift build`
/// tree), the folders above the current directory, and `/usr/local/share/onego/`.
public enum ResourceLocator {
    /// Every place searched for `relativePath`, in order. When `environmentVariable` is set it is the only
    /// candidate: a wrong setting must fail, not silently fall back to another copy.
    public static func candidates(for relativePath: String, environmentVariable: String) -> [String] {
        if let env = ProcessInfo.processInfo.environment[environmentVariable], !env.isEmpty { return [env] }
        let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
        var roots = ancestors(of: executable.deletingLastPathComponent().path)
        roots += ancestors(of: FileManager.default.currentDirectoryPath)
        roots.append("/usr/local/share/onego")
        return roots.map { $0 + "/" + relativePath }
    }

    private static func ancestors(of path: String) -> [String] {
        var result: [String] = []
        var url = URL(fileURLWithPath: path).standardizedFileURL
        for _ in 0..<8 {
            result.append(url.path)
            let parent = url.deletingLastPathComponent()
            if parent.path == url.path { break }
            url = parent
        }
        return result
    }
}

/// Finds a schema file in onego's `Schemas/` folder (environment variable `ONEGO_SCHEMAS` overrides).
public enum SchemaLocator {
    /// The schema file names onego ships.
    public enum Kind: String, Sendable, CaseIterable {
        case catalog = "catalog.xsd"
        case matter = "matter.xsd"
        case calendar = "calendar.xsd"
        case policy = "policy.xsd"
        case waivers = "waivers.xsd"
        case synonyms = "synonyms.xsd"
    }

    /// The path of a schema file, or `nil` when no Schemas folder holds it.
    public static func path(for kind: Kind) -> String? {
        for directory in candidateDirectories() {
            let path = directory + "/" + kind.rawValue
            if FileManager.default.isReadableFile(atPath: path) { return path }
        }
        return nil
    }

    /// Every folder searched, in order.
    public static func candidateDirectories() -> [String] {
        ResourceLocator.candidates(for: "Schemas", environmentVariable: "ONEGO_SCHEMAS")
    }
}
