import OnegoCatalog

extension InputLedger {
    /// Records the schema files the loaders use: those in `directory` (`--schemas`) when given, and the
    /// `ONEGO_SCHEMAS` ones (the built-in schemas are no files).
    public func recordSchemas(directory: String?) {
        if let directory { record(directory) }
        record(SchemaLocator.Kind.allCases.compactMap { SchemaLocator.path(for: $0) })
    }
}
