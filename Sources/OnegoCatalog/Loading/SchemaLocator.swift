import Foundation

/// Finds onego's `Schemas/` folder, which is the single source of truth for every XML format.
///
/// Search order: the `ONEGO_SCHEMAS` environment variable; `Schemas/` in the folders above the running
/// executable (a `swift build` tree); `Schemas/` above the current directory; `/usr/local/share/onego/Schemas`.
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
        var result: [String] = []
        if let env = ProcessInfo.processInfo.environment["ONEGO_SCHEMAS"], !env.isEmpty { result.append(env) }
        let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
        result += ancestors(of: executable.deletingLastPathComponent().path).map { $0 + "/Schemas" }
        result += ancestors(of: FileManager.default.currentDirectoryPath).map { $0 + "/Schemas" }
        result.append("/usr/local/share/onego/Schemas")
        return result
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
