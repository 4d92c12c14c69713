import Foundation
import OnegoTestSupport
import Testing

/// The single `onego` file, copied into a folder with nothing else, works on a copy of the sample workspace.
@Suite struct InstalledBinaryTests {
    private static let overrides = ["ONEGO_SCHEMAS", "ONEGO_CALENDARS"]

    /// A temporary folder holding only a copy of the built binary and of `Catalogs/`.
    private static func installedCopy() throws -> String {
        let folder = try Fixtures.temporaryDirectory()
        try FileManager.default.copyItem(atPath: Fixtures.onegoExecutable, toPath: folder + "/onego")
        try FileManager.default.copyItem(atPath: Fixtures.path("Catalogs"), toPath: folder + "/Catalogs")
        return folder
    }

    @Test func aCopiedBinaryValidatesComposesAndAuditsWithItsBuiltInResources() throws {
        let folder = try Self.installedCopy()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let binary = folder + "/onego"
        // No schema, calendar or synonym table beside the sample catalog's copy: only the built-in ones.
        try FileManager.default.removeItem(atPath: folder + "/Catalogs/calendars")
        try FileManager.default.removeItem(atPath: folder + "/Catalogs/reference")

        let version = try Fixtures.run(binary, ["--version"], in: folder, removing: Self.overrides)
        #expect(version.status == 0, "\(version.stderr)")
        #expect(version.stdout.contains("catalog.xsd 1.1"), "\(version.stdout)")

        let validate = try Fixtures.run(binary, ["validate", "Catalogs/yunxi"], in: folder, removing: Self.overrides)
        #expect(validate.status == 0, "\(validate.stderr)")
        #expect(!validate.stderr.contains("Schemas"), "\(validate.stderr)")

        let compose = try Fixtures.run(
            binary,
            [
                "compose", "YX-QYKB", "--catalog", "Catalogs/yunxi", "--answer", "invoice=是", "--answer", "staff=是",
                "--answer", "fund=是", "--answer", "bank=是", "--answer", "agent=否", "--accepted", "2026-09-30",
            ],
            in: folder, removing: Self.overrides)
        #expect(compose.status == 0, "\(compose.stderr)")
        #expect(compose.stdout.contains("2026-10-08 前办结"), "\(compose.stdout)")

        let audit = try Fixtures.run(
            binary,
            [
                "audit", "Catalogs/yunxi", "--policy", "Catalogs/policies/guangdong-style-2026.xml", "--format",
                "json",
            ],
            in: folder, removing: Self.overrides)
        #expect(audit.status == 0 || audit.status == 1, "\(audit.stderr)")
        #expect(audit.stdout.hasPrefix("{"), "\(audit.stderr)")
    }

    @Test func aParentFoldersSchemasAreNeverPickedUp() throws {
        let folder = try Self.installedCopy()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // A broken catalog.xsd above the working directory must be ignored.
        try FileManager.default.createDirectory(atPath: folder + "/Schemas", withIntermediateDirectories: true)
        try "not a schema".write(toFile: folder + "/Schemas/catalog.xsd", atomically: true, encoding: .utf8)
        let work = folder + "/Catalogs"
        let run = try Fixtures.run(folder + "/onego", ["validate", "yunxi/items"], in: work, removing: Self.overrides)
        #expect(run.status == 0, "\(run.stderr)")
    }

    @Test func versionNamesEverySchemaVersion() throws {
        let run = try Fixtures.runOnego(["--version"])
        #expect(run.status == 0)
        for schema in [
            "catalog.xsd 1.1", "matter.xsd 1.0", "calendar.xsd 1.0", "synonyms.xsd 1.0", "import-profile.xsd 1.0",
            "code-profile.xsd 1.0",
        ] {
            #expect(run.stdout.contains(schema), "\(run.stdout)")
        }
    }
}
