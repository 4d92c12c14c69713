import Foundation

/// Paths to the repository's sample data and test fixtures, found from this file's location so tests run from
/// any working directory.
public enum Fixtures {
    /// The repository root.
    ///
    /// First use also turns the parse cache off for every onego this test process starts (`ONEGO_NO_CACHE=1`), so
    /// no `.onego-cache/` folder is left in the fixtures that other tests list.
    public static let repositoryRoot: String = {
        setenv("ONEGO_NO_CACHE", "1", 1)
        return URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // OnegoTestSupport
            .deletingLastPathComponent()  // Tests
            .deletingLastPathComponent()  // root
            .path
    }()

    /// A path below the repository root.
    public static func path(_ relative: String) -> String { repositoryRoot + "/" + relative }

    /// A fixture file under `Tests/Fixtures/`.
    public static func fixture(_ name: String) -> String { path("Tests/Fixtures/" + name) }

    /// The sample district catalog's item folder.
    public static var sampleItems: String { path("Catalogs/yunxi/items") }

    /// Every XML file under `Tests/Fixtures/` and the sample catalog's items (sorted within each): the documents the
    /// parser tests read each of the ways they compare.
    public static let xmlFiles: [String] = {
        var found: [String] = []
        for root in [path("Tests/Fixtures"), sampleItems] {
            let names = FileManager.default.enumerator(atPath: root)?.compactMap { $0 as? String } ?? []
            found += names.filter { $0.hasSuffix(".xml") }.sorted().map { root + "/" + $0 }
        }
        return found
    }()

    /// The sample district's matter folder.
    public static var sampleMatters: String { path("Catalogs/yunxi/matters") }

    /// The schema folder.
    public static var schemas: String { path("Schemas") }

    /// A fresh temporary directory, removed by the caller when done.
    public static func temporaryDirectory() throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("onego-test-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.path
    }

    /// Writes `text` to a file named `name` in `directory` and returns its path.
    @discardableResult
    public static func write(_ text: String, to name: String, in directory: String) throws -> String {
        let path = directory + "/" + name
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// The built `onego` executable next to the test bundle.
    public static var onegoExecutable: String {
        let bundle = Bundle.main.bundleURL
        for candidate in [
            bundle.deletingLastPathComponent().appendingPathComponent("onego"),
            bundle.appendingPathComponent("onego"),
        ]
        where FileManager.default.isExecutableFile(atPath: candidate.path) {
            return candidate.path
        }
        // Fall back to the default build folder.
        return path(".build/debug/onego")
    }
}

extension Fixtures {
    /// The text of a fixture file.
    public static func text(_ name: String) throws -> String {
        try String(contentsOfFile: fixture(name), encoding: .utf8)
    }

    /// Writes a copy of fixture `name` with each `(old, new)` replacement applied (each `old` must occur) into a new
    /// temporary directory, and returns the new file's path. One small fault per variant keeps line numbers known.
    public static func variant(
        of name: String, _ replacements: [(String, String)], fileName: String = "catalog.xml"
    ) throws -> String {
        var text = try text(name)
        for (old, new) in replacements {
            guard text.contains(old) else { throw FixtureError.missing(old, in: name) }
            text = text.replacingOccurrences(of: old, with: new)
        }
        return try write(text, to: fileName, in: temporaryDirectory())
    }

    /// A fixture edit that could not be applied.
    public enum FixtureError: Error, CustomStringConvertible {
        case missing(String, in: String)
        /// The text users read.
        public var description: String {
            switch self {
            case .missing(let text, let file): "fixture \(file) does not contain \(text)"
            }
        }
    }

    /// Runs the built `onego` with `arguments`, returning exit status, standard output and standard error.
    /// The parse cache is off (`ONEGO_NO_CACHE=1`, see ``run(_:_:in:environment:removing:)``).
    public static func runOnego(_ arguments: [String], environment: [String: String] = [:]) throws -> ProcessResult {
        try run(
            onegoExecutable, arguments, in: repositoryRoot,
            environment: ["ONEGO_NO_CACHE": "1"].merging(environment) { $1 })
    }

    /// Runs the built `onego` with `arguments` on a pseudo-terminal (`script`, util-linux, on every Debian system),
    /// from the repository root, typing `input`; returns the exit status and everything the terminal showed.
    public static func runOnegoOnTerminal(_ arguments: String, typing input: String) throws -> (
        status: Int32, text: String
    ) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-qec", "\(onegoExecutable) \(arguments)", "/dev/null"]
        process.currentDirectoryURL = URL(fileURLWithPath: repositoryRoot)
        let keyboard = Pipe()
        let screen = Pipe()
        process.standardInput = keyboard
        process.standardOutput = screen
        process.standardError = screen
        try process.run()
        keyboard.fileHandleForWriting.write(Data(input.utf8))
        try keyboard.fileHandleForWriting.close()
        let text = String(decoding: screen.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, text)
    }

    /// Runs `executable` with `arguments` in `directory`, with the test's environment changed by `environment`
    /// and without the variables named in `removing`.
    public static func run(
        _ executable: String, _ arguments: [String], in directory: String, environment: [String: String] = [:],
        removing: [String] = []
    ) throws -> ProcessResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var env = ProcessInfo.processInfo.environment
        // The parse cache is off unless `environment` sets the variable, so tests never leave `.onego-cache/`
        // folders in the repository's fixtures, which other tests list.
        env["ONEGO_NO_CACHE"] = "1"
        for key in removing { env[key] = nil }
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Read both pipes before waiting so a large output cannot block the child.
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return ProcessResult(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }

    /// What a child process did.
    public struct ProcessResult: Sendable {
        /// The exit status.
        public var status: Int32
        /// Everything written to standard output.
        public var stdout: String
        /// Everything written to standard error.
        public var stderr: String
    }
}
