import Foundation
import OnegoBase
import OnegoComposer
import OnegoTestSupport
import Testing

@testable import OnegoAudit
@testable import OnegoCatalog

/// The item findings of unchanged files come from the cache; every audit equals one without it.
@Suite struct FindingCacheTests {
    /// A copy of the sample catalog's items in a fresh folder.
    static func workspace() throws -> String {
        let folder = try Fixtures.temporaryDirectory() + "/items"
        try FileManager.default.copyItem(atPath: Fixtures.sampleItems, toPath: folder)
        try? FileManager.default.removeItem(atPath: folder + "/" + CatalogCache.folderName)
        return folder
    }

    /// The findings of a load and audit of `folder`, with the cache when `cache` is given, and that audit's finding
    /// cache.
    static func findings(
        _ folder: String, settings: AuditSettings = .standard, cache: CatalogCache? = nil
    ) throws -> (findings: [Finding], cache: FindingCache?) {
        var loader = try CatalogLoader.validating()
        loader.cache = cache
        let load = loader.load(paths: [folder])
        var auditor = Auditor(settings: settings)
        auditor.findingCache = cache.map { FindingCache(cache: $0, auditor: auditor) }
        return (auditor.findings(in: load.catalog), auditor.findingCache)
    }

    static func newCache(_ folder: String) -> CatalogCache {
        CatalogCache(directory: folder + "/" + CatalogCache.folderName)
    }

    static let civilAffairs = "civil-affairs.xml"

    @Test func secondAuditTakesEveryFileFromTheCache() throws {
        let folder = try Self.workspace()
        let cold = try Self.findings(folder).findings
        #expect(cold.contains { $0.item != nil && $0.location?.file.hasSuffix(Self.civilAffairs) == true })
        let first = try Self.findings(folder, cache: Self.newCache(folder))
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".xml") }
        #expect(first.findings == cold)
        #expect(first.cache?.computedPaths.count == files.count)
        #expect(first.cache?.reusedPaths.isEmpty == true)
        let second = try Self.findings(folder, cache: Self.newCache(folder))
        #expect(second.findings == cold)
        #expect(second.cache?.reusedPaths.count == files.count)
        #expect(second.cache?.computedPaths.isEmpty == true)
    }

    @Test func editedFileIsAuditedAgainAndMovedItemsGetTheirNewLines() throws {
        let folder = try Self.workspace()
        _ = try Self.findings(folder, cache: Self.newCache(folder))
        // 内地居民结婚登记 goes to the end of the file with three visits; a comment moves every item below it.
        let path = folder + "/" + Self.civilAffairs
        var text = try String(contentsOfFile: path, encoding: .utf8)
        let start = try #require(text.range(of: "  <item "))
        let end = try #require(text.range(of: "  </item>\n", range: start.upperBound..<text.endIndex))
        var moved = String(text[start.lowerBound..<end.upperBound])
        moved = moved.replacingOccurrences(of: "<visits count=\"1\"", with: "<visits count=\"3\"")
        text.removeSubrange(start.lowerBound..<end.upperBound)
        text.insert(contentsOf: "  <!-- 已调整 -->\n", at: start.lowerBound)
        let close = try #require(text.range(of: "</catalog>"))
        text.insert(contentsOf: moved, at: close.lowerBound)
        try text.write(toFile: path, atomically: true, encoding: .utf8)

        let cold = try Self.findings(folder).findings
        let warm = try Self.findings(folder, cache: Self.newCache(folder))
        #expect(warm.findings == cold)
        #expect(warm.cache?.computedPaths == [path])
        #expect(warm.cache?.reusedPaths.count == 20)
        let visits = cold.filter { $0.rule == "visits.more-than-allowed" && $0.itemName == "内地居民结婚登记" }
        #expect(visits.count == 1)
        #expect((visits.first?.location?.line ?? 0) > 400)
    }

    /// An edit inside one item's lines: the file's other items were taken from its entry at the same lines, so they
    /// keep their earlier findings (the rules run on the edited item only); a line added below the first item moves
    /// the others, so they are checked again; a damaged findings entry carries nothing. Every audit equals a cold one.
    @Test func itemsOfAnEditedFileUnchangedAtTheirLinesKeepTheirFindings() throws {
        let folder = try Self.workspace()
        _ = try Self.findings(folder, cache: Self.newCache(folder))
        let path = folder + "/" + Self.civilAffairs
        var text = try String(contentsOfFile: path, encoding: .utf8)
        let items = text.components(separatedBy: "  <item ").count - 1
        #expect(items == 12)
        let visits = try #require(text.range(of: "<visits count=\"1\""))
        text.replaceSubrange(visits, with: "<visits count=\"3\"")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let cold = try Self.findings(folder).findings
        #expect(cold.contains { $0.rule == "visits.more-than-allowed" && $0.location?.file == path })
        let warm = try Self.findings(folder, cache: Self.newCache(folder))
        #expect(warm.findings == cold)
        #expect(warm.cache?.carriedItems.map(\.path) == [path])
        #expect(warm.cache?.carriedItems.first?.items == items - 1)
        #expect(warm.cache?.computedPaths == [path])

        // A comment line before the second item moves the other eleven: only the first is carried, and the moved
        // items' findings are worked out at their new lines.
        let second = try #require(text.ranges(of: "  <item ").dropFirst().first)
        text.insert(contentsOf: "  <!-- 已调整 -->\n", at: second.lowerBound)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let moved = try Self.findings(folder).findings
        let lines = { (findings: [Finding]) in findings.compactMap { $0.location?.file == path ? $0.location : nil } }
        #expect(lines(moved).count == lines(cold).count && lines(moved) != lines(cold))
        let warmMoved = try Self.findings(folder, cache: Self.newCache(folder))
        #expect(warmMoved.findings == moved)
        #expect(warmMoved.cache?.carriedItems.first?.items == 1)

        // The earlier outcome's findings entry damaged: nothing carried, every item checked again.
        try Self.damage(path: Self.newCache(folder).entryPath(for: path) + ".findings")
        text.insert(contentsOf: "<!-- 再调整 -->", at: try #require(text.range(of: "<visits count=\"3\"")).lowerBound)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let again = try Self.findings(folder).findings
        let warmAgain = try Self.findings(folder, cache: Self.newCache(folder))
        #expect(warmAgain.findings == again)
        #expect(warmAgain.cache?.carriedItems.isEmpty == true)
    }

    /// The code rules compare items with each other, so they run on the whole catalog even when most of an edited
    /// file's items keep their earlier findings: two in-line edits give the third item the first item's
    /// implementation code and name (a handling name repeated under one implementation) and the fourth the first
    /// item's handling code (a code defined twice), with the first item carried; undoing them carries the others
    /// again. Each audit equals a cold one.
    @Test func codeRulesAcrossItemsHoldWhenTheOtherItemsAreCarried() throws {
        let folder = try Self.workspace()
        _ = try Self.findings(folder, cache: Self.newCache(folder))
        let path = folder + "/" + Self.civilAffairs
        let original = try String(contentsOfFile: path, encoding: .utf8)
        let first = "1144018800748208194071100100100"
        var text = original
        for (from, to) in [
            (
                "implementationCode=\"1144018800748208194071100300100\" "
                    + "handlingCode=\"1144018800748208194071100300100001\"",
                "implementationCode=\"\(first)\" handlingCode=\"\(first)002\""
            ),
            ("<name>补领婚姻登记证</name>", "<name>内地居民结婚登记</name>"),
            ("handlingCode=\"1144018800748208194011100400100001\"", "handlingCode=\"\(first)001\""),
        ] {
            let range = try #require(text.range(of: from))
            text.replaceSubrange(range, with: to)
        }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let cold = try Self.findings(folder).findings
        #expect(cold.contains { $0.rule == "codes.duplicate" })
        #expect(cold.contains { $0.rule == "codes.handling-name-unique" })
        let warm = try Self.findings(folder, cache: Self.newCache(folder))
        #expect(warm.findings == cold)
        #expect(warm.cache?.carriedItems.first?.items == 10)

        try original.write(toFile: path, atomically: true, encoding: .utf8)
        let undone = try Self.findings(folder).findings
        #expect(!undone.contains { $0.rule == "codes.duplicate" || $0.rule == "codes.handling-name-unique" })
        let warmUndone = try Self.findings(folder, cache: Self.newCache(folder))
        #expect(warmUndone.findings == undone)
        #expect(warmUndone.cache?.carriedItems.first?.items == 10)
    }

    /// Findings that do not lie within the earlier items, or not in item order, cannot be told apart: none is
    /// carried.
    @Test func carriedFindingsNeedEachFindingInOneEarlierItem() {
        let lines: [ClosedRange<Int>] = [3...9, 10...20, 24...30]
        func finding(_ line: Int, file: String = "a.xml") -> Finding {
            Finding(
                rule: "visits.more-than-allowed", severity: .warning, item: "x", itemName: "x", message: "m",
                location: SourceLocation(file: file, line: line, column: 3))
        }
        #expect(CarriedFindings.item(holding: 3, in: lines) == 0)
        #expect(CarriedFindings.item(holding: 20, in: lines) == 1)
        #expect(CarriedFindings.item(holding: 22, in: lines) == nil)
        #expect(CarriedFindings.item(holding: 2, in: lines) == nil)
        #expect(CarriedFindings.item(holding: 31, in: lines) == nil)
        let carried = CarriedFindings(
            [[finding(4), finding(25), finding(26)], [], [finding(12)]], path: "a.xml", earlierLines: lines)
        #expect(carried?.findings(rule: 0, items: 2..<3).map(\.location?.line) == [25, 26])
        #expect(carried?.findings(rule: 0, items: 1..<2).isEmpty == true)
        #expect(carried?.findings(rule: 2, items: 0..<2).map(\.location?.line) == [12])
        #expect(CarriedFindings([[finding(22)]], path: "a.xml", earlierLines: lines) == nil)
        #expect(CarriedFindings([[finding(25), finding(4)]], path: "a.xml", earlierLines: lines) == nil)
        #expect(CarriedFindings([[finding(4, file: "b.xml")]], path: "a.xml", earlierLines: lines) == nil)
    }

    /// Flips a byte in the middle of the file at `path`.
    static func damage(path: String) throws {
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        bytes[bytes.count / 2] ^= 0x20
        try bytes.write(to: URL(fileURLWithPath: path))
    }

    @Test func otherSettingsOrRulesTakeNothingFromTheCache() throws {
        let folder = try Self.workspace()
        _ = try Self.findings(folder, cache: Self.newCache(folder))
        let synonyms = SynonymTable(groups: [(preferred: "居民身份证", variants: ["身份证原件及复印件", "身份证"])])
        for settings in [AuditSettings(maxVisits: 2), AuditSettings(synonyms: synonyms)] {
            let cold = try Self.findings(folder, settings: settings).findings
            let warm = try Self.findings(folder, settings: settings, cache: Self.newCache(folder))
            #expect(warm.findings == cold)
            #expect(warm.cache?.reusedPaths.isEmpty == true)
        }
        #expect(
            try Self.findings(folder).findings != Self.findings(folder, settings: AuditSettings(maxVisits: 2)).findings)
    }

    @Test func damagedOrForeignEntriesAreWorkedOutAgain() throws {
        let folder = try Self.workspace()
        _ = try Self.findings(folder, cache: Self.newCache(folder))
        try Self.damageEntries(ending: ".findings", in: folder)

        let cold = try Self.findings(folder).findings
        let warm = try Self.findings(folder, cache: Self.newCache(folder))
        #expect(warm.findings == cold)
        #expect(warm.cache?.computedPaths.count == 3)
        #expect(warm.cache?.reusedPaths.count == 18)
        let again = try Self.findings(folder, cache: Self.newCache(folder))
        #expect(again.findings == cold)
        #expect(again.cache?.reusedPaths.count == 21)
    }

    @Test func aLaterLoadOfOtherBytesUnderTheSameNameTakesNothingFromTheCache() throws {
        // One cache for two loads: the second reads the file's edited bytes from memory under the file's path, so
        // the digest the first load recorded for that path no longer stands for its outcome.
        let folder = try Self.workspace()
        let path = folder + "/" + Self.civilAffairs
        let cache = Self.newCache(folder)
        var loader = try CatalogLoader.validating()
        loader.cache = cache
        var auditor = Auditor()
        auditor.findingCache = FindingCache(cache: cache, auditor: auditor)
        _ = auditor.findings(in: loader.load(paths: [path]).catalog)
        let text = try String(contentsOfFile: path, encoding: .utf8)
            .replacingOccurrences(of: "<visits count=\"1\"", with: "<visits count=\"3\"")
        let edited = loader.load(bytes: Array(text.utf8), name: path)
        let warm = auditor.findings(in: edited.catalog)
        #expect(warm == Auditor().findings(in: edited.catalog))
        #expect(warm.contains { $0.rule == "visits.more-than-allowed" && $0.itemName == "内地居民结婚登记" })
        #expect(auditor.findingCache?.reusedPaths.isEmpty == true)
    }

    @Test func manyItemsInSeveralFilesKeepRuleThenItemOrder() throws {
        // Over 2,000 items in three files: the chunks follow the files, and the order is the one without a cache.
        let sample = try AuditFixture.loader().load(paths: [Fixtures.sampleItems]).catalog.items
        var items: [ServiceItem] = []
        for copy in 0..<15 {
            for item in sample {
                var renamed = item
                renamed.codes.handling =
                    (item.codes.handling ?? item.codes.implementation) + String(format: "%02d", copy)
                items.append(renamed)
            }
        }
        let thirds = [items.count / 3, items.count / 3, items.count - 2 * (items.count / 3)]
        let files = thirds.enumerated().map { CatalogFile(path: "part-\($0.offset).xml", itemCount: $0.element) }
        let catalog = Catalog(items: items, files: files)
        var auditor = Auditor()
        let plain = auditor.findings(in: catalog)
        let unused = Self.newCache(try Fixtures.temporaryDirectory())
        auditor.findingCache = FindingCache(cache: unused, auditor: auditor)
        #expect(auditor.findings(in: catalog) == plain)
        #expect(auditor.findingCache?.computedPaths.count == 3)
    }

    /// The rates and cross-region counts of an audit of `folder` (with the cache when `cache` is given), and that
    /// audit's finding cache.
    static func figures(_ folder: String, cache: CatalogCache? = nil) throws -> (
        rates: [RateFigure], crossRegion: CrossRegionCounts, cache: FindingCache?
    ) {
        var loader = try CatalogLoader.validating()
        loader.cache = cache
        let load = loader.load(paths: [folder])
        var auditor = Auditor()
        auditor.findingCache = cache.map { FindingCache(cache: $0, auditor: auditor) }
        let report = auditor.audit(load, today: try #require(CalendarDay(iso: "2026-11-30")))
        return (report.rates, report.crossRegion, auditor.findingCache)
    }

    @Test func coverageTalliesOfUnchangedFilesAreReused() throws {
        let folder = try Self.workspace()
        let cold = try Self.figures(folder)
        let first = try Self.figures(folder, cache: Self.newCache(folder))
        #expect(first.rates == cold.rates)
        #expect(first.crossRegion == cold.crossRegion)
        #expect(first.cache?.storedCoveragePaths.count == 21)
        let second = try Self.figures(folder, cache: Self.newCache(folder))
        #expect(second.rates == cold.rates)
        #expect(second.crossRegion == cold.crossRegion)
        #expect(second.cache?.reusedCoveragePaths.count == 21)
        #expect(second.cache?.storedCoveragePaths.isEmpty == true)

        // 内地居民结婚登记 becomes a zero-visit, fully online, nationwide item: the rates change, one file is counted.
        let path = folder + "/" + Self.civilAffairs
        let text = try String(contentsOfFile: path, encoding: .utf8)
            .replacingOccurrences(of: "<visits count=\"1\"", with: "<visits count=\"0\"")
            .replacingOccurrences(
                of: "<online available=\"false\" depth=\"2\"", with: "<online available=\"true\" depth=\"4\"")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let edited = try Self.figures(folder)
        #expect(edited.rates != cold.rates)
        let warm = try Self.figures(folder, cache: Self.newCache(folder))
        #expect(warm.rates == edited.rates)
        #expect(warm.crossRegion == edited.crossRegion)
        #expect(warm.cache?.storedCoveragePaths == [path])
        #expect(warm.cache?.reusedCoveragePaths.count == 20)
    }

    @Test func aFileWhoseCodeAnEarlierFileNowHasIsCountedAgain() throws {
        let folder = try Self.workspace()
        _ = try Self.figures(folder, cache: Self.newCache(folder))
        // A file that sorts first, holding a copy of 民政局's first item: that item is now left out of civil-affairs,
        // whose unchanged entry counted it.
        let path = folder + "/" + Self.civilAffairs
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let start = try #require(text.range(of: "  <item "))
        let end = try #require(text.range(of: "  </item>\n", range: start.upperBound..<text.endIndex))
        let copy = String(text[..<end.upperBound]) + "</catalog>\n"
        try copy.write(toFile: folder + "/aaa-copy.xml", atomically: true, encoding: .utf8)
        let cold = try Self.figures(folder)
        let warm = try Self.figures(folder, cache: Self.newCache(folder))
        #expect(warm.rates == cold.rates)
        #expect(warm.crossRegion == cold.crossRegion)
        #expect(warm.cache?.reusedCoveragePaths.contains(path) == false)
        #expect(warm.cache?.storedCoveragePaths == [folder + "/aaa-copy.xml"])
        #expect(warm.cache?.reusedCoveragePaths.count == 20)
        // Without the copy, civil-affairs' entry stands for its units again.
        try FileManager.default.removeItem(atPath: folder + "/aaa-copy.xml")
        let again = try Self.figures(folder, cache: Self.newCache(folder))
        #expect(try again.rates == Self.figures(folder).rates)
        #expect(again.cache?.reusedCoveragePaths.count == 21)
    }

    @Test func damagedOrForeignCoverageEntriesAreCountedAgain() throws {
        let folder = try Self.workspace()
        _ = try Self.figures(folder, cache: Self.newCache(folder))
        try Self.damageEntries(ending: ".coverage", in: folder)
        let cold = try Self.figures(folder)
        let warm = try Self.figures(folder, cache: Self.newCache(folder))
        #expect(warm.rates == cold.rates)
        #expect(warm.crossRegion == cold.crossRegion)
        #expect(warm.cache?.storedCoveragePaths.count == 3)
        #expect(warm.cache?.reusedCoveragePaths.count == 18)
    }

    /// Damages four of the workspace's 21 cache entries whose names end in `suffix`: a flipped byte in the middle of
    /// one, another cut short, a third replaced by a fourth's.
    static func damageEntries(ending suffix: String, in folder: String) throws {
        let cacheFolder = folder + "/" + CatalogCache.folderName
        let entries = try FileManager.default.contentsOfDirectory(atPath: cacheFolder).filter {
            $0.hasSuffix(suffix)
        }.sorted()
        #expect(entries.count == 21)
        var flipped = try Data(contentsOf: URL(fileURLWithPath: cacheFolder + "/" + entries[0]))
        flipped[flipped.count / 2] ^= 0x20
        try flipped.write(to: URL(fileURLWithPath: cacheFolder + "/" + entries[0]))
        let cut = try Data(contentsOf: URL(fileURLWithPath: cacheFolder + "/" + entries[1]))
        try cut.prefix(cut.count - 3).write(to: URL(fileURLWithPath: cacheFolder + "/" + entries[1]))
        try FileManager.default.removeItem(atPath: cacheFolder + "/" + entries[2])
        try FileManager.default.copyItem(atPath: cacheFolder + "/" + entries[3], toPath: cacheFolder + "/" + entries[2])
    }
}
