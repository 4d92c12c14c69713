import OnegoCatalog

/// What `onego --version` prints: the program's version, then the version of each built-in schema.
enum VersionText {
    /// The program's version.
    static let program = "0.1.0"

    /// `0.1.0` followed by one `catalog.xsd 1.0` line per built-in schema.
    static var full: String {
        let schemas = SchemaLocator.Kind.allCases.map { kind in
            "  \(kind.rawValue) \(kind.version ?? "（缺失）")"
        }
        return (["onego \(program)", "内置 Schema："] + schemas).joined(separator: "\n")
    }
}
