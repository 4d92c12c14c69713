import ArgumentParser
import OnegoCatalog
import OnegoExport
import OnegoXML

/// Options shared by every command that loads a catalog.
struct CatalogOptions: ParsableArguments {
    @Option(name: .customLong("schemas"), help: "Folder holding catalog.xsd (default: ONEGO_SCHEMAS, else built in).")
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
        guard (1...(1 << 24)).contains(maxFileSize), (3...10_000).contains(maxDepth), maxItems > 0 else {
            throw ValidationError("--max-file-size 须在 1 到 16777216（MB）之间，--max-items 须为正数，--max-depth 须在 3 到 10000 之间")
        }
    }

    /// A loader configured from the options; the schemas it may read are recorded as inputs.
    func makeLoader() throws -> CatalogLoader {
        InputLedger.shared.recordSchemas(directory: schemaDirectory)
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

extension CatalogOptions {
    /// Loads the catalog in `paths`, recording them as the run's inputs (so no output can replace them).
    func load(_ paths: [String]) throws -> CatalogLoadResult {
        InputLedger.shared.record(paths)
        return try makeLoader().load(paths: paths)
    }

    /// Loads the catalog in `paths` for a command that needs a valid one: errors are printed in compiler form and
    /// stop the command.
    func loadValidCatalog(_ paths: [String]) throws -> Catalog {
        let loaded = try load(paths)
        if loaded.diagnostics.containsErrors {
            Terminal.print(loaded.diagnostics.filter { $0.severity == .error })
            throw CommandFailure("目录有错误，请先用 onego validate 修正")
        }
        return loaded.catalog
    }
}

/// A failure that stops a command with exit code 1 after printing its message to standard error.
struct CommandFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
