import ArgumentParser
import Foundation
import OnegoBase
import OnegoCatalog
import OnegoExport
import OnegoXML

/// Options shared by every command that loads a catalog.
struct CatalogOptions: ParsableArguments {
    @Option(
        name: .customLong("schemas"),
        help: "Folder holding catalog.xsd (default: ONEGO_SCHEMAS, else built in).")
    var schemaDirectory: String?

    @Flag(
        help: "Skip XSD validation (well-formedness and code checks only); faster for trusted catalogs."
    )
    var trusted = false

    @Option(help: ArgumentHelp("Largest catalog file accepted, in MB.", valueName: "MB"))
    var maxFileSize: Int = 16_384

    @Option(help: "Deepest element nesting accepted.")
    var maxDepth: Int = XMLLimits.default.maxDepth

    @Option(help: "Most items accepted from one file.")
    var maxItems: Int = 10_000_000

    @Flag(
        inversion: .prefixedNo,
        help:
            "Keep parsed files in .onego-cache/ beside the catalog and re-parse only changed files (off by default; also ONEGO_CACHE=1)."
    )
    var cache: Bool? = nil

    @Option(
        help: ArgumentHelp(
            "Threads for loading: a number, or auto (the cores not busy right now). The output is the same either way.",
            valueName: "N"))
    var threads: ThreadCount = .automatic

    @Option(
        help: ArgumentHelp(
            "Code profile: national, guangdong, sichuan (Catalogs/code-profiles/) or a file; default: code-profile.xml in or above the catalog folder, else national.",
            valueName: "NAME"))
    var codeProfile: String?

    func validate() throws {
        guard (1...(1 << 24)).contains(maxFileSize), (3...10_000).contains(maxDepth), maxItems > 0
        else {
            throw ValidationError(
                "--max-file-size 须在 1 到 16777216（MB）之间，--max-items 须为正数，--max-depth 须在 3 到 10000 之间")
        }
    }

    /// The code profile: the one named, else a `code-profile.xml` in or above the first catalog folder, else national.
    func resolvedCodeProfile(for paths: [String]) throws -> CodeProfile {
        var file: String?
        if let codeProfile {
            guard let found = CodeProfile.locate(codeProfile) else {
                throw ValidationError(
                    "找不到编码规则“\(codeProfile)”（Catalogs/code-profiles/\(codeProfile).xml 或文件路径）")
            }
            file = found
        } else {
            file = Workspace(catalogPaths: paths).codeProfileFile
        }
        guard let file else { return .national }
        InputLedger.shared.record([file])
        do {
            return try CodeProfile.load(
                path: file, schemaPath: schemaDirectory.map { $0 + "/code-profile.xsd" })
        } catch let diagnostic {
            throw CommandFailure(diagnostic)
        }
    }

    /// A loader configured from the options, with the code profile for `paths`; the schemas it may read are
    /// recorded as inputs.
    func makeLoader(for paths: [String] = []) throws -> CatalogLoader {
        InputLedger.shared.recordSchemas(directory: schemaDirectory)
        var loader: CatalogLoader
        if trusted {
            loader = CatalogLoader(schema: nil)
        } else {
            do {
                loader = try CatalogLoader.validating(
                    schemaPath: schemaDirectory.map { $0 + "/catalog.xsd" })
            } catch let diagnostic {
                throw CommandFailure(diagnostic)
            }
        }
        loader.profile = try resolvedCodeProfile(for: paths)
        loader.limits.maxFileBytes = Int64(maxFileSize) << 20
        loader.limits.maxDepth = maxDepth
        loader.maxItemsPerFile = maxItems
        loader.threads = threads.resolved()
        let environment = ProcessInfo.processInfo.environment
        // Opt-in until a cached load is measurably cheaper than a cold one (Benchmarks/RESULTS.md, session 4):
        // `--cache` or ONEGO_CACHE=1 turns it on; `--no-cache` or ONEGO_NO_CACHE=1 keeps it off.
        if cache ?? (environment["ONEGO_CACHE"] == "1"), environment["ONEGO_NO_CACHE"] != "1" {
            loader.cache = CatalogCache.beside(paths)
        }
        return loader
    }
}

extension CatalogOptions {
    /// Loads the catalog in `paths`, recording them as the run's inputs (so no output can replace them);
    /// `showsProgress` draws the progress line on a terminal as `validate` does.
    func load(_ paths: [String], showsProgress: Bool = false) throws -> CatalogLoadResult {
        InputLedger.shared.record(paths)
        var loader = try makeLoader(for: paths)
        if showsProgress { loader.progress = Progress.display() }
        return loader.load(paths: paths)
    }

    /// Loads the catalog in `paths` for a command that needs a valid one: errors are printed in compiler form and
    /// stop the command.
    func loadValidCatalog(_ paths: [String]) throws -> Catalog {
        let loaded = try load(paths)
        if loaded.diagnostics.containsErrors {
            let errors = loaded.diagnostics.filter { $0.severity == .error }
            Terminal.print(errors)
            throw CommandFailure("目录有错误，请先用 onego validate 修正", code: .cliCatalogInvalid, cause: errors.first)
        }
        return loaded.catalog
    }
}

extension CatalogOptions {
    /// Loads the catalog in `paths` for a command that can work on every valid item: items with errors are listed on
    /// standard error and left out; errors that belong to no item (a broken file) still stop the command.
    func loadUsableCatalog(_ paths: [String]) throws -> Catalog { try loadUsable(paths).catalog }

    /// Loads the catalog in `paths` keeping every valid item, and says which items were left out and why: errors
    /// are printed in compiler form on standard error, followed by the list of items left out; errors that belong
    /// to no item (a broken file) still stop the command.
    /// With `keepingItemsWithErrors` (an export, which hands the items back to be corrected) the items with errors
    /// stay in the catalog and are listed as kept.
    func loadUsable(
        _ paths: [String], showsProgress: Bool = false, keepingItemsWithErrors: Bool = false
    ) throws -> UsableCatalog {
        let loaded = try load(paths, showsProgress: showsProgress)
        let errors = loaded.diagnostics.filter { $0.severity == .error }
        guard !errors.isEmpty else { return UsableCatalog(catalog: loaded.catalog, skipped: []) }
        // Each error belongs to the item whose start tag is the last one at or before it in the same file.
        var starts: [String: [(line: Int, index: Int)]] = [:]
        for (index, item) in loaded.catalog.items.enumerated() {
            starts[item.location.file, default: []].append((item.location.line, index))
        }
        var broken: [Int: [Diagnostic]] = [:]
        for error in errors {
            guard let location = error.location,
                let owner = starts[location.file]?.last(where: { $0.line <= location.line })
            else {
                Terminal.print(errors)
                throw CommandFailure("目录有错误，请先用 onego validate 修正", code: .cliCatalogInvalid, cause: error)
            }
            broken[owner.index, default: []].append(error)
        }
        Terminal.print(errors)
        let skipped = broken.keys.sorted().map {
            UsableCatalog.Skipped(item: loaded.catalog.items[$0], errors: broken[$0] ?? [])
        }
        if keepingItemsWithErrors {
            Terminal.err(
                "\(skipped.count) 个事项有错误，照原样保留（修正后可再导入）："
                    + skipped.map { "\($0.item.name)（\($0.item.id)）" }.joined(separator: "、"))
            return UsableCatalog(catalog: loaded.catalog, skipped: skipped)
        }
        Terminal.err(
            "\(skipped.count) 个事项有错误，已略过（其余 \(loaded.catalog.items.count - skipped.count) 个事项照常处理）："
                + skipped.map { "\($0.item.name)（\($0.item.id)）" }.joined(separator: "、"))
        let usable = loaded.catalog.items.enumerated().filter { broken[$0.offset] == nil }.map(
            \.element)
        return UsableCatalog(
            catalog: Catalog(items: usable, files: loaded.catalog.files), skipped: skipped)
    }
}

/// A failure that stops a command with exit code 1 after printing its message to standard error.
struct CommandFailure: CodedError {
    var description: String
    /// The code of the error that caused the failure, else `cli.failure`.
    var code: RuleID
    /// The library error this failure reports, kept rather than flattened into the text.
    var underlyingError: (any Error)?

    /// A failure the command itself detects (`code` from `CommandErrorCodes.swift`), caused by `cause` when it is
    /// the consequence of another error (the first error of a policy file …).
    init(_ description: String, code: RuleID, cause: (any Error)? = nil) {
        self.description = description
        self.code = code
        self.underlyingError = cause
    }

    /// A failure reporting a library error: its text, its code when it has one, and the error itself as cause.
    init(_ error: any Error) {
        self.description = String(describing: error)
        self.code = (error as? any CodedError)?.code ?? .cliFailure
        self.underlyingError = error
    }
}

extension FileManager {
    /// Whether `path` is a folder.
    func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
