import ArgumentParser
import OnegoCatalog
import OnegoXML

/// Options shared by every command that loads a catalog.
struct CatalogOptions: ParsableArguments {
    @Option(name: .customLong("schemas"), help: "Folder holding catalog.xsd (default: the repository's Schemas/).")
    var schemaDirectory: String?

    @Flag(help: "Skip XSD validation (well-formedness and code checks only); faster for trusted catalogs.")
    var trusted = false

    /// A loader configured from the options.
    func makeLoader() throws -> CatalogLoader {
        if trusted { return CatalogLoader(schema: nil) }
        do {
            return try CatalogLoader.validating(schemaPath: schemaDirectory.map { $0 + "/catalog.xsd" })
        } catch let diagnostic {
            throw CommandFailure(diagnostic.description)
        }
    }
}

/// A failure that stops a command with exit code 1 after printing its message to standard error.
struct CommandFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
