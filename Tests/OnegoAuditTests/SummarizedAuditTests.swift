import Foundation
import OnegoBase
import OnegoTestSupport
import Testing

@testable import OnegoAudit
@testable import OnegoCatalog

/// Unchanged files come as their heads and the audit takes their summaries (Auditor+Summaries); every report equals
/// the whole catalog's.
@Suite struct SummarizedAuditTests {
    static let policy = Fixtures.path("Catalogs/policies/guangdong-style-2026.xml")

    /// How an audit went: its report, whether it was made from summaries, and how many files came as heads.
    struct Run {
        var report: AuditReport
        var fromSummaries: Bool
        var heads: Int
        var cache: FindingCache?
    }

    /// Loads and audits `folder` as `onego audit` does: with a cache, unchanged files as their heads, and the whole
    /// catalog loaded again when the summaries cannot stand in.
    static func run(_ folder: String, cached: Bool, policyPath: String = policy) throws -> Run {
        let today = try #require(CalendarDay(iso: "2026-11-30"))
        var loader = try CatalogLoader.validating()
        loader.cache = cached ? FindingCacheTests.newCache(folder) : nil
        loader.summarizesUnchangedFiles = cached
        let (policy, problems) = Policy.load(path: policyPath)
        #expect(!problems.containsErrors)
        var auditor = Auditor()
        auditor.findingCache = loader.cache.map { FindingCache(cache: $0, auditor: auditor) }
        let load = loader.load(paths: [folder])
        if !load.summarizedFiles.isEmpty {
            if let report = auditor.audit(summarized: load, policy: policy, today: today, paths: [folder]) {
                return Run(
                    report: report, fromSummaries: true, heads: load.summarizedFiles.count,
                    cache: auditor.findingCache)
            }
        }
        loader.summarizesUnchangedFiles = false
        let whole = loader.load(paths: [folder])
        let report = auditor.audit(whole, policy: policy, today: today, paths: [folder])
        return Run(
            report: report, fromSummaries: false, heads: load.summarizedFiles.count, cache: auditor.findingCache)
    }

    /// Whether two reports say the same (everything a renderer reads).
    static func expectEqual(_ a: AuditReport, _ b: AuditReport, _ step: String) {
        #expect(a.subject == b.subject, "\(step)")
        #expect(a.findings == b.findings, "\(step)")
        #expect(a.waived == b.waived, "\(step)")
        #expect(a.rates == b.rates, "\(step)")
        #expect(a.crossRegion == b.crossRegion, "\(step)")
        #expect(a.compression == b.compression, "\(step)")
        #expect(a.targets == b.targets, "\(step)")
        #expect(a.regionalVariation == b.regionalVariation, "\(step)")
    }

    @Test func unchangedFilesComeAsHeadsAndTheReportEqualsTheWholeCatalogs() throws {
        let folder = try Fixtures.distinctCodeItems()
        let cold = try Self.run(folder, cached: false)
        let first = try Self.run(folder, cached: true)
        #expect(!first.fromSummaries)
        #expect(first.cache?.storedSummaryPaths.count == 21)
        Self.expectEqual(first.report, cold.report, "first")
        let second = try Self.run(folder, cached: true)
        #expect(second.fromSummaries)
        #expect(second.heads == 21)
        #expect(second.cache?.reusedSummaryPaths.count == 21)
        Self.expectEqual(second.report, cold.report, "unchanged")
        #expect(!cold.report.findings.isEmpty)
        #expect(cold.report.targets.contains { !$0.met && !$0.missing.isEmpty })

        // 内地居民结婚登记 needs three visits and its department is renamed: one file is decoded, 20 come as heads.
        let path = folder + "/" + FindingCacheTests.civilAffairs
        var text = try String(contentsOfFile: path, encoding: .utf8)
        let visits = try #require(text.range(of: "<visits count=\"1\""))
        text.replaceSubrange(visits, with: "<visits count=\"3\"")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        try Self.expectWarmEqualsCold(folder, "visits", heads: 20)
        text = try String(contentsOfFile: path, encoding: .utf8)
        text = text.replacingOccurrences(
            of: "<department>云溪区民政局</department>", with: "<department>云溪区民政事务局</department>")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        try Self.expectWarmEqualsCold(folder, "department renamed", heads: 20)
        // The first item's region changed.
        text = try String(contentsOfFile: path, encoding: .utf8)
        let region = try #require(text.range(of: "region=\"440188\" handling"))
        text.replaceSubrange(region, with: "region=\"440305\" handling")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        try Self.expectWarmEqualsCold(folder, "region changed", heads: 20)
        // Another policy: the summaries of the other targets are worked out from the whole catalog, then used.
        let other = Fixtures.path("Catalogs/policies/meizhou-2017.xml")
        let otherCold = try Self.run(folder, cached: false, policyPath: other)
        let otherFirst = try Self.run(folder, cached: true, policyPath: other)
        #expect(!otherFirst.fromSummaries)
        Self.expectEqual(otherFirst.report, otherCold.report, "other policy")
        let otherSecond = try Self.run(folder, cached: true, policyPath: other)
        #expect(otherSecond.fromSummaries)
        Self.expectEqual(otherSecond.report, otherCold.report, "other policy, warm")
    }

    /// After an edit: the warm run comes from summaries with `heads` files as heads, and equals a cold run.
    static func expectWarmEqualsCold(_ folder: String, _ step: String, heads: Int) throws {
        let cold = try run(folder, cached: false)
        let warm = try run(folder, cached: true)
        #expect(warm.fromSummaries, "\(step)")
        #expect(warm.heads == heads, "\(step)")
        expectEqual(warm.report, cold.report, step)
        let again = try run(folder, cached: true)
        #expect(again.fromSummaries, "\(step)")
        expectEqual(again.report, cold.report, step + ", again")
    }

    @Test func aCodeMovedToAnotherFileOrRepeatedThereTakesTheWholeCatalog() throws {
        let folder = try Fixtures.distinctCodeItems()
        _ = try Self.run(folder, cached: true)
        // civil-affairs' first item moves to a new file that sorts first: codes stay distinct, two files change.
        let path = folder + "/" + FindingCacheTests.civilAffairs
        var text = try String(contentsOfFile: path, encoding: .utf8)
        let start = try #require(text.range(of: "  <item "))
        let end = try #require(text.range(of: "  </item>\n", range: start.upperBound..<text.endIndex))
        let copy = String(text[..<end.upperBound]) + "</catalog>\n"
        let item = String(text[start.lowerBound..<end.upperBound])
        text.removeSubrange(start.lowerBound..<end.upperBound)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        try copy.write(toFile: folder + "/aaa-moved.xml", atomically: true, encoding: .utf8)
        try Self.expectWarmEqualsCold(folder, "moved to another file", heads: 20)
        // The item also back in civil-affairs: its codes repeat across files, the summaries cannot stand in.
        var twice = try String(contentsOfFile: path, encoding: .utf8)
        let first = try #require(twice.range(of: "  <item "))
        twice.insert(contentsOf: item, at: first.lowerBound)
        try twice.write(toFile: path, atomically: true, encoding: .utf8)
        let cold = try Self.run(folder, cached: false)
        #expect(cold.report.findings.contains { $0.rule == RuleID("codes.duplicate") })
        let warm = try Self.run(folder, cached: true)
        #expect(!warm.fromSummaries)
        #expect(warm.heads == 21)
        Self.expectEqual(warm.report, cold.report, "repeated across files")
    }

    @Test func damagedOrForeignHeadsAndSummariesAreNotUsed() throws {
        let folder = try Fixtures.distinctCodeItems()
        let cold = try Self.run(folder, cached: false)
        _ = try Self.run(folder, cached: true)
        // Damaged heads: those files are decoded (and their heads stored again).
        try FindingCacheTests.damageEntries(ending: ".head", in: folder)
        let afterHeads = try Self.run(folder, cached: true)
        #expect(afterHeads.fromSummaries)
        #expect(afterHeads.heads == 18)
        Self.expectEqual(afterHeads.report, cold.report, "damaged heads")
        // Damaged summaries: the summaries cannot stand in, the whole catalog is audited and they are stored again.
        try FindingCacheTests.damageEntries(ending: ".summary", in: folder)
        let afterSummaries = try Self.run(folder, cached: true)
        #expect(!afterSummaries.fromSummaries)
        #expect(afterSummaries.cache?.storedSummaryPaths.count == 3)
        Self.expectEqual(afterSummaries.report, cold.report, "damaged summaries")
        let healed = try Self.run(folder, cached: true)
        #expect(healed.fromSummaries)
        #expect(healed.heads == 21)
        Self.expectEqual(healed.report, cold.report, "healed")
    }

    @Test func summaryRecordsRoundTripAndRefuseOtherBytes() {
        let rows = [
            ItemCompression(
                item: "A1", name: "甲", department: "民政局", isLicensing: true, statutory: TimeLimit(20, .workingDays),
                promised: TimeLimit(5, .hours, note: "承诺"), rate: 0.75, exclusion: nil, statutoryDays: 20,
                promisedDays: 0.714_285_714_285_714_3),
            ItemCompression(
                item: "A2", name: "乙", department: "民政局", isLicensing: false, statutory: nil, promised: nil,
                rate: nil, exclusion: "无法定办结时限", statutoryDays: 0, promisedDays: 0),
        ]
        let lists = [[WorkItem(code: "A1", name: "甲", department: "民政局", reason: "到现场次数：2")], []]
        let summary = FileSummary(rows: rows, workLists: lists)
        let bytes = SummaryRecords.encode(summary)
        #expect(SummaryRecords.decode(bytes[...], listCount: 2) == summary)
        #expect(SummaryRecords.decode(bytes[...], listCount: 1) == nil)
        #expect(SummaryRecords.decode(bytes.dropLast(), listCount: 2) == nil)
        #expect(SummaryRecords.decode(bytes[...] + [0], listCount: 2) == nil)
    }
}
