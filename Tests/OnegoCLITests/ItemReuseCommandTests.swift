import Foundation
import OnegoTestSupport
import Testing

/// `onego validate` and `onego audit` after an officer edits one item of a cached workspace: only that item is
/// parsed again, and the output is byte for byte a run without the cache.
@Suite struct ItemReuseCommandTests {
    @Test func validateAndAuditAfterEditingOneItemEqualAColdRun() throws {
        let folder = try Fixtures.temporaryDirectory() + "/yunxi"
        try FileManager.default.copyItem(atPath: Fixtures.path("Catalogs/yunxi"), toPath: folder)
        for stray in [folder + "/.onego-cache", folder + "/items/.onego-cache"] {
            try? FileManager.default.removeItem(atPath: stray)
        }
        let validate = ["validate", folder, "--format", "json"]
        let audit = [
            "audit", folder, "--policy", Fixtures.path("Catalogs/policies/guangdong-style-2026.xml"), "--today",
            "2026-11-21", "--format", "json",
        ]
        _ = try Fixtures.runOnego(validate, environment: CacheCommandTests.caching)
        // A negative visit count (a schema error) and a longer name in the second item of 民政局.
        let path = folder + "/items/civil-affairs.xml"
        var text = try String(contentsOfFile: path, encoding: .utf8)
        let second = try #require(text.range(of: "<visits count=\"2\""))
        text.replaceSubrange(second, with: "<visits count=\"-2\"")
        text = text.replacingOccurrences(of: "<name>内地居民结婚登记</name>", with: "<name>内地居民结婚登记（补）</name>")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        for arguments in [validate, audit] {
            let cold = try Fixtures.runOnego(arguments + ["--no-cache"])
            let warm = try Fixtures.runOnego(arguments, environment: CacheCommandTests.caching)
            #expect(cold.status == 1)
            #expect(warm.status == cold.status)
            #expect(warm.stdout == cold.stdout)
            #expect(warm.stderr == cold.stderr)
        }
        let cold = try Fixtures.runOnego(validate + ["--no-cache"])
        #expect(cold.stdout.contains("civil-affairs.xml"))
    }
}
