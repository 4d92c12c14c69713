import Foundation

/// Paths to the repository's sample data and test fixtures, found from this file's location so tests run from
/// any working directory.
public enum Fixtures {
    /// The repository root.
    public static let repositoryRoot: String = {
        URL(fileURLWithPath: #filePath)
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
        for candidate in [bundle.deletingLastPathComponent().appendingPathComponent("onego"),
                          bundle.appendingPathComponent("onego")]
        where FileManager.default.isExecutableFile(atPath: candidate.path) {
            return candidate.path
        }
        // Fall back to the default build folder.
        return path(".build/debug/onego")
    }
}
