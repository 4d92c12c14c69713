import Foundation
import OnegoTestSupport
import Testing

/// The parse cache (`.onego-cache/`) as officers meet it through `onego validate` and `onego audit`.
@Suite struct CacheCommandTests {
    /// Test runs of onego leave the cache off unless asked (``Fixtures/runOnego(_:environment:)``).
    static let caching = ["ONEGO_NO_CACHE": "0", "ONEGO_CACHE": "1"]

    /// A copy of the sample workspace (items, matters, waivers) with one schema error in 卫生健康.
    private func workspace() throws -> String {
        let folder = try Fixtures.temporaryDirectory() + "/yunxi"
        try FileManager.default.copyItem(atPath: Fixtures.path("Catalogs/yunxi"), toPath: folder)
        for stray in [folder + "/.onego-cache", folder + "/items/.onego-cache"] {
            try? FileManager.default.removeItem(atPath: stray)
        }
        let health = folder + "/items/health.xml"
        var text = try String(contentsOfFile: health, encoding: .utf8)
        let range = try #require(text.range(of: "<visits count=\"0\"/>"))
        text.replaceSubrange(range, with: "<visits count=\"-1\"/>")
        try text.write(toFile: health, atomically: true, encoding: .utf8)
        return folder
    }

    @Test func validateJSONFromTheCacheEqualsAColdRun() throws {
        let folder = try workspace()
        let cold = try Fixtures.runOnego(["validate", folder, "--format", "json", "--no-cache"])
        #expect(!FileManager.default.fileExists(atPath: folder + "/.onego-cache"))
        #expect(cold.status == 1)
        #expect(cold.stdout.contains("\"rule\" : \"xml.schema\"") || cold.stdout.contains("\"rule\":\"xml.schema\""))
        let writing = try Fixtures.runOnego(["validate", folder, "--format", "json"], environment: Self.caching)
        let entries = try FileManager.default.contentsOfDirectory(atPath: folder + "/.onego-cache")
        // One entry per XML file: the 21 catalog files, and the matters and waivers the catalog loader skips.
        let xml = FileManager.default.enumerator(atPath: folder)?.compactMap { $0 as? String }
            .filter { $0.hasSuffix(".xml") }
        #expect(entries.filter { !$0.hasPrefix(".") }.count == xml?.count)
        #expect((xml?.count ?? 0) > 21)
        let reading = try Fixtures.runOnego(["validate", folder, "--format", "json"], environment: Self.caching)
        for run in [writing, reading] {
            #expect(run.status == cold.status)
            #expect(run.stdout == cold.stdout)
            #expect(run.stderr == cold.stderr)
        }
    }

    @Test func auditJSONFromTheCacheEqualsAColdRun() throws {
        let folder = try workspace()
        let arguments = [
            "audit", folder + "/items", "--policy", Fixtures.path("Catalogs/policies/guangdong-style-2026.xml"),
            "--today", "2026-11-21", "--format", "json",
        ]
        let cold = try Fixtures.runOnego(arguments + ["--no-cache"])
        let writing = try Fixtures.runOnego(arguments, environment: Self.caching)
        #expect(FileManager.default.fileExists(atPath: folder + "/items/.onego-cache"))
        let reading = try Fixtures.runOnego(arguments, environment: Self.caching)
        #expect(cold.stdout.contains("\"findings\""))
        for run in [writing, reading] {
            #expect(run.status == cold.status)
            #expect(run.stdout == cold.stdout)
        }
    }
}
