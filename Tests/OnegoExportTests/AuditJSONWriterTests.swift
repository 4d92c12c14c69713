import Foundation
import OnegoAudit
import OnegoBase
import OnegoCatalog
import OnegoComposer
import OnegoTestSupport
import Testing

@testable import OnegoExport

/// The audit JSON as `JSONEncoder` wrote it before ``AuditJSONReport`` wrote its long lists directly: the oracle the
/// direct writer must equal byte for byte.
extension AuditJSONReport {
    static func encoderRender(_ report: AuditReport) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(Document(report)), as: UTF8.self)
    }

    struct Document: Encodable {
        /// The version of this document's shape (see README, "JSON outputs").
        var schemaVersion = 1
        var targets: [Target]
        var rates: [String: Rate]
        var compression: Compression
        /// 四级四同: per basic code, how materials and promised limits differ between regions.
        var regionalVariation: [RegionalVariation]
        var findings: [FindingEntry]
        var departments: [DepartmentSummary]

        init(_ report: AuditReport) {
            targets = report.targets.map(Target.init)
            var rates: [String: Rate] = [:]
            for figure in report.rates {
                var rate = Rate(figure)
                if figure.id == "cross-province" { rate.byMode = report.crossRegion.crossProvinceByMode }
                if figure.id == "cross-region" { rate.byScope = report.crossRegion.byScope }
                rates[figure.id] = rate
            }
            self.rates = rates
            compression = Compression(report.compression, matters: report.matters)
            regionalVariation = report.regionalVariation
            findings = report.findings.map {
                FindingEntry($0, title: AuditFormatting.ruleTitle($0.rule.rawValue, in: report))
            }
            departments = report.departmentSummaries
        }
    }

    struct Target: Encodable {
        var id: String
        var name: String
        var value: Double?
        var target: Double
        var met: Bool
        var assessable: Bool
        var numerator: Double
        var denominator: Double
        var missing: [WorkItem]

        init(_ result: TargetResult) {
            id = result.target.id
            name = result.target.name
            value = result.value.map(round4)
            target = round4(result.target.threshold)
            met = result.met
            assessable = result.isAssessable
            numerator = round4(result.numerator)
            denominator = round4(result.denominator)
            missing = result.missing
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id)
            try c.encode(name, forKey: .name)
            try c.encode(value, forKey: .value)  // null when nothing could be counted
            try c.encode(target, forKey: .target)
            try c.encode(met, forKey: .met)
            try c.encode(assessable, forKey: .assessable)  // false: 无法评估 (denominator 0)
            try c.encode(numerator, forKey: .numerator)
            try c.encode(denominator, forKey: .denominator)
            try c.encode(missing, forKey: .missing)
        }

        enum CodingKeys: String, CodingKey {
            case id, name, value, target, met, assessable, numerator, denominator, missing
        }
    }

    struct ItemRow: Encodable {
        var item: String
        var name: String
        var department: String
        var statutory: String?
        var promised: String
        var rate: Double?
        var excluded: String?
    }

    struct Compression: Encodable {
        var overall: Pair
        var licensing: Pair
        var byDepartment: [Department]
        var immediate: Int
        var unreformed: [ItemRow]
        var excluded: [ItemRow]
        /// Items whose promised limit is 未公布: no data for the figures, listed (never counted as 0).
        var promiseNotPublished: [ItemRow]
        var items: [ItemRow]
        var matters: [MatterFigures]

        init(_ c: CompressionFigures, matters: [MatterFigures]) {
            func row(_ i: ItemCompression) -> ItemRow {
                ItemRow(
                    item: i.item, name: i.name, department: i.department, statutory: i.statutory?.description,
                    promised: i.promised?.description ?? PublishedState.notPublished.rawValue, rate: i.rate.map(round4),
                    excluded: i.exclusion)
            }
            overall = Pair(c.overall)
            licensing = Pair(c.licensing)
            byDepartment = c.byDepartment.map { Department(department: $0.department, compression: Pair($0.aggregate)) }
            immediate = c.immediateCount
            unreformed = c.unreformed.map(row)
            excluded = c.excluded.map(row)
            promiseNotPublished = c.notPublished.map(row)
            items = c.items.map(row)
            self.matters = matters
        }
    }

    struct FindingEntry: Encodable {
        var rule: String
        var ruleTitle: String
        var severity: String
        var item: String?
        var itemName: String?
        var department: String?
        var file: String
        var line: Int
        var column: Int
        var message: String

        init(_ f: Finding, title: String) {
            rule = f.rule.rawValue
            ruleTitle = title
            itemName = f.itemName
            department = f.department
            severity = f.severity.rawValue
            item = f.item
            file = f.location?.file ?? ""
            line = f.location?.line ?? 0
            column = f.location?.column ?? 0
            message = f.message
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(rule, forKey: .rule)
            try c.encode(severity, forKey: .severity)
            try c.encode(ruleTitle, forKey: .ruleTitle)
            try c.encode(item, forKey: .item)  // null for findings about files rather than items
            try c.encode(itemName, forKey: .itemName)
            try c.encode(department, forKey: .department)
            try c.encode(file, forKey: .file)
            try c.encode(line, forKey: .line)
            try c.encode(column, forKey: .column)
            try c.encode(message, forKey: .message)
        }

        enum CodingKeys: String, CodingKey {
            case rule, ruleTitle, severity, item, itemName, department, file, line, column, message
        }
    }
}

/// `AuditJSONReport.render` writes what `JSONEncoder` wrote, byte for byte.
@Suite struct AuditJSONWriterTests {
    /// An audit of a copy of the sample catalog with the cache, and its finding cache.
    static func cachedAudit(_ folder: String) throws -> (report: AuditReport, cache: FindingCache) {
        var loader = try CatalogLoader.validating(schemaPath: Fixtures.schemas + "/catalog.xsd")
        let cache = CatalogCache(directory: folder + "/" + CatalogCache.folderName)
        loader.cache = cache
        let load = loader.load(paths: [folder])
        var auditor = Auditor()
        let findingCache = FindingCache(cache: cache, auditor: auditor)
        auditor.findingCache = findingCache
        let (policy, _) = Policy.load(
            path: Fixtures.path("Catalogs/policies/guangdong-style-2026.xml"),
            schemaPath: Fixtures.schemas + "/policy.xsd")
        let report = auditor.audit(load, policy: policy, today: try #require(CalendarDay(iso: "2026-11-21")))
        return (report, findingCache)
    }

    @Test func compressionRowsKeptPerFileEqualTheEncoder() throws {
        let folder = try Fixtures.temporaryDirectory() + "/items"
        try FileManager.default.copyItem(atPath: Fixtures.sampleItems, toPath: folder)
        try? FileManager.default.removeItem(atPath: folder + "/" + CatalogCache.folderName)
        let first = try Self.cachedAudit(folder)
        #expect(first.report.compressionRowSlots.count == 21)
        #expect(first.report.compressionRowSlots.last?.rows.upperBound == first.report.compression.items.count)
        let oracle = try AuditJSONReport.encoderRender(first.report)
        #expect(try AuditJSONReport.render(first.report) == oracle)
        #expect(first.cache.storedRowPaths.count == 21)
        let second = try Self.cachedAudit(folder)
        #expect(try AuditJSONReport.render(second.report) == oracle)
        #expect(second.cache.reusedRowPaths.count == 21)
        #expect(second.cache.storedRowPaths.isEmpty)
        // An entry with an intact checksum that holds one row too few, and one that holds another file's rows.
        let slots = second.report.compressionRowSlots
        let short = try #require(slots.firstIndex { $0.rows.count >= 2 })
        let rows = CompressionRowsJSON(rows: second.report.compression.items, slots: [], depth: 3)
        slots[short].store(rows.storedForm(of: slots[short].rows.dropLast()), as: CompressionRowsJSON.kind)
        let other = try #require(slots.indices.first { $0 != short && slots[$0].rows.count != slots[short].rows.count })
        slots[other].store(rows.storedForm(of: slots[short].rows), as: CompressionRowsJSON.kind)
        let third = try Self.cachedAudit(folder)
        #expect(try AuditJSONReport.render(third.report) == oracle)
        #expect(third.cache.reusedRowPaths.count == 19)
        #expect(third.cache.storedRowPaths.count == 2)
    }

    /// A report whose compression figures were changed after the audit keeps no rows: its rendering would otherwise
    /// store the changed rows as the files' own, and the next audit of the same files would print them.
    @Test func aChangedReportKeepsNoCompressionRows() throws {
        let folder = try Fixtures.temporaryDirectory() + "/items"
        try FileManager.default.copyItem(atPath: Fixtures.sampleItems, toPath: folder)
        try? FileManager.default.removeItem(atPath: folder + "/" + CatalogCache.folderName)
        var first = try Self.cachedAudit(folder).report
        first.compression.items[0].name = "改过的名称"
        #expect(first.compressionRowSlots.isEmpty)
        #expect(try AuditJSONReport.render(first).contains("改过的名称"))
        let second = try Self.cachedAudit(folder)
        #expect(try !AuditJSONReport.render(second.report).contains("改过的名称"))
        #expect(try AuditJSONReport.render(second.report) == AuditJSONReport.encoderRender(second.report))
    }

    /// The bytes `AuditJSONReport.write` hands its sink, chunk by chunk.
    static func chunks(of report: AuditReport, chunk: Int) throws -> [[UInt8]] {
        var chunks: [[UInt8]] = []
        try AuditJSONReport.write(report, chunk: chunk) { chunks.append(Array($0)) }
        return chunks
    }

    /// Written a chunk at a time, the document is the one rendered whole, with every chunk but the last at least
    /// the chunk size: from rows written in the run, and from rows every file kept in its entry.
    @Test(arguments: [1, 97, 4_096, 1 << 20]) func writtenInChunksEqualsTheWholeDocument(chunk: Int) throws {
        let folder = try Fixtures.temporaryDirectory() + "/items"
        try FileManager.default.copyItem(atPath: Fixtures.sampleItems, toPath: folder)
        try? FileManager.default.removeItem(atPath: folder + "/" + CatalogCache.folderName)
        // The first audit's rows are written in the run (and stored), the second's read from the entries.
        let first = try Self.cachedAudit(folder)
        let oracle = Array(try AuditJSONReport.encoderRender(first.report).utf8)
        // Compared as one truth value: a failure would otherwise print every byte of both documents.
        #expect(try Self.chunks(of: first.report, chunk: chunk).joined().elementsEqual(oracle))
        #expect(first.cache.storedRowPaths.count == 21)
        let second = try Self.cachedAudit(folder)
        let chunks = try Self.chunks(of: second.report, chunk: chunk)
        #expect(second.cache.reusedRowPaths.count == 21)
        #expect(chunks.joined().elementsEqual(oracle))
        for report in [first.report, second.report, try AuditReportRenderingTests.report()] {
            let chunks = try Self.chunks(of: report, chunk: chunk)
            #expect(chunks.dropLast().allSatisfy { $0.count >= chunk })
            #expect(chunks.joined().elementsEqual(try AuditJSONReport.renderUTF8(report)))
        }
        // Cut as soon as a chunk is full: never more than a row's or an embedded part's worth past the size (the
        // findings and targets, written beforehand, go a chunk at a time).
        // The sample's document (a few hundred kilobytes) is one chunk of a megabyte, many of the smaller sizes.
        #expect((chunks.count == 1) == (chunk == 1 << 20))
        #expect(chunks.dropLast().allSatisfy { $0.count < chunk + 200_000 })
    }

    /// A document that cannot be written (a number JSON cannot hold) is refused before its first byte.
    @Test func aRefusedDocumentWritesNothing() throws {
        var report = try AuditReportRenderingTests.report()
        let first = try #require(report.targets.first)
        var infinite = first
        infinite.target.threshold = .infinity
        report.targets = [first, first, infinite]
        var written = 0
        #expect(throws: EncodingError.self) { try AuditJSONReport.write(report, chunk: 1) { written += $0.count } }
        #expect(written == 0)
        #expect(throws: EncodingError.self) { try AuditJSONReport.renderUTF8(report) }
    }

    @Test func sampleWorkspaceAuditEqualsTheEncoder() throws {
        // The sample catalog with its waivers and matters: work lists, findings about files (no item), excluded and
        // unpublished compression rows, matters' figures.
        var loader = try CatalogLoader.validating(schemaPath: Fixtures.schemas + "/catalog.xsd")
        loader.threads = 1
        let load = loader.load(paths: [Fixtures.sampleItems, Fixtures.fixture("audit/district.xml")])
        let (policy, _) = Policy.load(
            path: Fixtures.path("Catalogs/policies/guangdong-style-2026.xml"),
            schemaPath: Fixtures.schemas + "/policy.xsd")
        let (waivers, _) = WaiverSet.load(
            path: Fixtures.path("Catalogs/yunxi/waivers.xml"), schemaPath: Fixtures.schemas + "/waivers.xsd")
        let report = Auditor().audit(
            load, policy: policy, waivers: waivers, today: try #require(CalendarDay(iso: "2026-11-21")),
            otherDiagnostics: [Diagnostic(.warning, rule: "policy.unknown", message: "无文件的提示")],
            paths: [Fixtures.sampleItems])
        #expect(report.findings.contains { $0.item == nil })
        #expect(report.targets.contains { !$0.missing.isEmpty })
        #expect(!report.compression.excluded.isEmpty || !report.compression.notPublished.isEmpty)
        let direct = try AuditJSONReport.render(report)
        #expect(direct == (try AuditJSONReport.encoderRender(report)))
        let empty = Auditor().audit(
            loader.load(
                bytes: Array("<catalog xmlns=\"urn:onego:catalog:1\" schemaVersion=\"1.1\"/>".utf8), name: "空.xml"),
            today: try #require(CalendarDay(iso: "2026-11-21")))
        #expect(try AuditJSONReport.render(empty) == (try AuditJSONReport.encoderRender(empty)))
    }

    /// The rates written by hand equal the encoder's text of them: the sample's, one with no value and no groups,
    /// and one with both count maps; a rate with a number JSON cannot hold is not finite (the encoder writes it).
    @Test func ratesByHandEqualTheEncoder() throws {
        var rates = AuditJSONReport.rates(of: try AuditReportRenderingTests.report())
        let any = try #require(rates.values.first)
        var empty = any
        (empty.value, empty.byDepartment, empty.byRegion, empty.excluded) = (nil, [], [], [])
        for index in empty.byLevel.indices { empty.byLevel[index].value = nil }
        rates["empty \\ \"quoted\""] = empty
        var counted = any
        (counted.byMode, counted.byScope) = (["省内": 3, "全国": 0, "跨省": 12], [:])
        counted.excluded = [Exclusion(item: "A1", name: "重复\n事项", reason: "编码重复")]
        rates["counted"] = counted
        #expect(rates.values.allSatisfy { $0.isFinite })
        // Inside an object, as in the document (the indentation follows the depth).
        var writer = PrettyJSONWriter()
        writer.beginObject()
        writer.key("rates")
        writer.rates(rates)
        writer.endObject()
        var expected = PrettyJSONWriter()
        expected.beginObject()
        expected.key("rates")
        expected.embed(encoded: try PrettyJSONWriter.encoded(rates))
        expected.endObject()
        #expect(String(decoding: writer.bytes, as: UTF8.self) == String(decoding: expected.bytes, as: UTF8.self))
        var infinite = any
        for index in infinite.byType.indices { infinite.byType[index].value = .infinity }
        #expect(!infinite.isFinite)
        #expect(throws: EncodingError.self) { try PrettyJSONWriter.encoded(["x": infinite]) }
        // Written by hand, such a rate is noticed by the writer (the document's last check).
        var byHand = PrettyJSONWriter()
        byHand.rates(["x": infinite])
        #expect(byHand.nonConformingNumber == .infinity)
    }
}
