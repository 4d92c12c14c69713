import ArgumentParser
import OnegoCatalog
import OnegoXML

/// Options shared by every command that loads a catalog.
struct CatalogOptions: ParsableArguments {
    @Option(name: .customLong("schemas"), help: "Folder holding catalog.xsd (default: the repository's Schemas/).")
    var schemaDirectory: String?

    @Flag(help: "Skip XSD validation (well-formedness and code checks only); faster for trusted catalogs.")
    var trusted = false

    @Option(help: ArgumentHelp("Largest catalog file accepted, in MB.", valueName: "MB"))
    var maxFileSize: Int = 16_384

    @Option(help: "Deepest element nesting accepted.")
    var maxDepth: Int = XMLLimits.default.maxDepth

    @Option(help: "Most items accepted from one file.")
    var maxItems: Int = 10_000_000

    func validate() throws {
        guard maxFileSize > 0, maxDepth >= 3, maxItems > 0 else {
            throw ValidationError("--max-file-size、--max-items 须为正数，--max-depth 至少为 3")
        }
    }

    /// A loader configured from the options.
    func makeLoader() throws -> CatalogLoader {
        var loader: CatalogLoader
        if trusted {
            loader = CatalogLoader(schema: nil)
        } else {
            do {
                loader = try CatalogLoader.validating(schemaPath: schemaDirectory.map { $0 + "/catalog.xsd" })
            } catch let diagnostic {
                throw CommandFailure(diagnostic.description)
            }
        }
        loader.limits.maxFileBytes = Int64(maxFileSize) << 20
        loader.limits.maxDepth = maxDepth
        loader.maxItemsPerFile = maxItems
        return loader
    }
}

/// A failure that stops a command with exit code 1 after printing its message to standard error.
struct CommandFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
