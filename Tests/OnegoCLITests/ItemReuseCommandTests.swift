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

    /// Every format of `onego audit` after an item is moved and edited, after the office hours change, after a file
    /// that repeats a code of another is added before it and removed again, after a file is renamed so the files'
    /// order changes, with another policy, and after every findings, coverage and compression-rows entry is damaged: the cached run
    /// prints what a run without the cache prints.
    @Test func auditFormatsAfterAnEditEqualAColdRun() throws {
        let folder = try Fixtures.temporaryDirectory() + "/yunxi"
        try FileManager.default.copyItem(atPath: Fixtures.path("Catalogs/yunxi"), toPath: folder)
        for stray in [folder + "/.onego-cache", folder + "/items/.onego-cache"] {
            try? FileManager.default.removeItem(atPath: stray)
        }
        var policy = Fixtures.path("Catalogs/policies/guangdong-style-2026.xml")
        func audit() -> [String] { ["audit", folder, "--policy", policy, "--today", "2026-11-21"] }
        let formats = ["text", "json", "sarif", "csv", "html"]
        func compare(_ step: String) throws {
            for format in formats {
                let arguments = audit() + ["--format", format]
                let cold = try Fixtures.runOnego(arguments + ["--no-cache"])
                let warm = try Fixtures.runOnego(arguments, environment: CacheCommandTests.caching)
                #expect(warm.status == cold.status, "\(step) \(format)")
                #expect(warm.stdout == cold.stdout, "\(step) \(format)")
                #expect(warm.stderr == cold.stderr, "\(step) \(format)")
            }
        }
        _ = try Fixtures.runOnego(audit(), environment: CacheCommandTests.caching)
        // 内地居民结婚登记 moves below 内地居民离婚登记 and needs three visits.
        let path = folder + "/items/civil-affairs.xml"
        var text = try String(contentsOfFile: path, encoding: .utf8)
        let start = try #require(text.range(of: "  <item "))
        let end = try #require(text.range(of: "  </item>\n", range: start.upperBound..<text.endIndex))
        let first = String(text[..<end.upperBound]) + "</catalog>\n"
        let moved = text[start.lowerBound..<end.upperBound].replacingOccurrences(
            of: "<visits count=\"1\"", with: "<visits count=\"3\"")
        text.removeSubrange(start.lowerBound..<end.upperBound)
        let next = try #require(text.range(of: "  </item>\n"))
        text.insert(contentsOf: moved, at: next.upperBound)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        try compare("moved")
        try "09:00-12:00\n14:00-17:00\n".write(toFile: folder + "/office-hours.txt", atomically: true, encoding: .utf8)
        try compare("office hours")
        // A file before civil-affairs with a copy of its first item: that item now counts in the new file.
        try first.write(toFile: folder + "/items/aaa-copy.xml", atomically: true, encoding: .utf8)
        try compare("file added")
        try FileManager.default.removeItem(atPath: folder + "/items/aaa-copy.xml")
        try compare("file removed")
        // Two copies in turn of later items in a file before civil-affairs: civil-affairs is not its own either time
        // and keeps its number of handling units, so only the own-units check keeps its kept rates and rows out.
        text = try String(contentsOfFile: path, encoding: .utf8)
        let header = try #require(text.range(of: "  <item ")).lowerBound
        let items = text.components(separatedBy: "  </item>\n").dropLast().map {
            $0[($0.range(of: "  <item ")?.lowerBound ?? $0.startIndex)...]
        }
        for (step, index) in [("second item copied earlier", 1), ("ninth item copied earlier", 8)] {
            let copy = String(text[..<header]) + items[index] + "  </item>\n</catalog>\n"
            try copy.write(toFile: folder + "/items/aaa-copy.xml", atomically: true, encoding: .utf8)
            try compare(step)
        }
        try FileManager.default.removeItem(atPath: folder + "/items/aaa-copy.xml")
        try compare("copy removed")
        try FileManager.default.moveItem(
            atPath: folder + "/items/water-affairs.xml", toPath: folder + "/items/a-water.xml")
        try compare("files reordered")
        policy = Fixtures.path("Catalogs/policies/meizhou-2017.xml")
        try compare("other policy")
        let cache = folder + "/.onego-cache"
        let entries = try FileManager.default.contentsOfDirectory(atPath: cache).filter {
            $0.hasSuffix(".findings") || $0.hasSuffix(".coverage") || $0.hasSuffix(".compression.json")
        }
        #expect(entries.count(where: { $0.hasSuffix(".coverage") }) >= 21)
        #expect(entries.count(where: { $0.hasSuffix(".compression.json") }) >= 21)
        for entry in entries {
            var bytes = try Data(contentsOf: URL(fileURLWithPath: cache + "/" + entry))
            bytes[bytes.count - 2] ^= 0x01
            try bytes.write(to: URL(fileURLWithPath: cache + "/" + entry))
        }
        try compare("flipped")
    }
    /// Every format of `onego audit` of a workspace whose unchanged files come as their heads and summaries (no
    /// matters, no waivers, every code distinct), after an item's visits change, a department is renamed, a region
    /// changes, an item moves to a new file, the item is also put back (a code repeated across files: the whole
    /// catalog is audited), with another policy, and after every head and summary entry is damaged or swapped for
    /// another file's: the cached run prints (and writes, for XLSX) what a run without the cache does.
    @Test func auditFromSummariesEqualsAColdRunInEveryFormat() throws {
        let folder = try Fixtures.distinctCodeItems()
        var policy = Fixtures.path("Catalogs/policies/guangdong-style-2026.xml")
        let output = try Fixtures.temporaryDirectory()
        func audit() -> [String] { ["audit", folder, "--policy", policy, "--today", "2026-11-21"] }
        func compare(_ step: String) throws {
            for format in ["text", "json", "sarif", "csv", "html"] {
                let arguments = audit() + ["--format", format]
                let cold = try Fixtures.runOnego(arguments + ["--no-cache"])
                let warm = try Fixtures.runOnego(arguments, environment: CacheCommandTests.caching)
                #expect(warm.status == cold.status, "\(step) \(format)")
                #expect(warm.stdout == cold.stdout, "\(step) \(format)")
                #expect(warm.stderr == cold.stderr, "\(step) \(format)")
            }
            let (coldFile, warmFile) = (output + "/cold.xlsx", output + "/warm.xlsx")
            _ = try Fixtures.runOnego(audit() + ["--format", "xlsx", "-o", coldFile, "--no-cache"])
            _ = try Fixtures.runOnego(
                audit() + ["--format", "xlsx", "-o", warmFile], environment: CacheCommandTests.caching)
            #expect(FileManager.default.contents(atPath: warmFile) == FileManager.default.contents(atPath: coldFile))
        }
        _ = try Fixtures.runOnego(audit(), environment: CacheCommandTests.caching)
        let cache = folder + "/.onego-cache"
        func entries(_ suffix: String) throws -> [String] {
            try FileManager.default.contentsOfDirectory(atPath: cache).filter { $0.hasSuffix(suffix) }.sorted()
        }
        #expect(try entries(".head").count == 21)
        #expect(try entries(".summary").count == 21)
        try compare("unchanged")
        let path = folder + "/civil-affairs.xml"
        var text = try String(contentsOfFile: path, encoding: .utf8)
        text.replaceSubrange(try #require(text.range(of: "<visits count=\"1\"")), with: "<visits count=\"3\"")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        try compare("visits")
        text = text.replacingOccurrences(
            of: "<department>云溪区民政局</department>", with: "<department>云溪区民政事务局</department>")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        try compare("department renamed")
        text.replaceSubrange(
            try #require(text.range(of: "region=\"440188\" handling")), with: "region=\"440305\" handling")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        try compare("region changed")
        let start = try #require(text.range(of: "  <item "))
        let end = try #require(text.range(of: "  </item>\n", range: start.upperBound..<text.endIndex))
        let item = String(text[start.lowerBound..<end.upperBound])
        try (String(text[..<start.lowerBound]) + item + "</catalog>\n").write(
            toFile: folder + "/aaa-moved.xml", atomically: true, encoding: .utf8)
        text.removeSubrange(start.lowerBound..<end.upperBound)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        try compare("moved to another file")
        text.insert(contentsOf: item, at: try #require(text.range(of: "  <item ")).lowerBound)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        try compare("repeated across files")
        try FileManager.default.removeItem(atPath: folder + "/aaa-moved.xml")
        try compare("moved file removed")
        policy = Fixtures.path("Catalogs/policies/meizhou-2017.xml")
        try compare("other policy")
        for suffix in [".head", ".summary"] {
            let damaged = try entries(suffix)
            #expect(damaged.count == 21)
            for (index, entry) in damaged.enumerated() {
                let url = URL(fileURLWithPath: cache + "/" + entry)
                if index % 2 == 0 {
                    var bytes = try Data(contentsOf: url)
                    bytes[bytes.count / 2] ^= 0x01
                    try bytes.write(to: url)
                } else {
                    try FileManager.default.removeItem(at: url)
                    try FileManager.default.copyItem(atPath: cache + "/" + damaged[index - 1], toPath: url.path)
                }
            }
            try compare("\(suffix) damaged")
        }
    }
}
