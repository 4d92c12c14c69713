import Foundation
import OnegoBase
import OnegoTestSupport
import OnegoXML
import Testing

@testable import OnegoCatalog

@Suite struct CatalogCacheTests {
    /// A copy of the sample catalog's item files in a fresh folder, with one material made wrong in 卫生健康 so
    /// the catalog has diagnostics to cache as well.
    private func workspace() throws -> String {
        let folder = try Fixtures.temporaryDirectory() + "/items"
        try FileManager.default.copyItem(atPath: Fixtures.sampleItems, toPath: folder)
        try? FileManager.default.removeItem(atPath: folder + "/" + CatalogCache.folderName)
        let health = folder + "/health.xml"
        var text = try String(contentsOfFile: health, encoding: .utf8)
        let range = try #require(text.range(of: "<visits count=\"0\"/>") ?? text.range(of: "<visits count=\"1\"/>"))
        text.replaceSubrange(range, with: "<visits count=\"-1\"/>")
        try text.write(toFile: health, atomically: true, encoding: .utf8)
        return folder
    }

    private func loader(cache: CatalogCache?) throws -> CatalogLoader {
        var loader = try CatalogLoader.validating(schemaPath: Fixtures.schemas + "/catalog.xsd")
        loader.cache = cache
        return loader
    }

    private func expectEqual(_ a: CatalogLoadResult, _ b: CatalogLoadResult) {
        #expect(a.catalog.items == b.catalog.items)
        #expect(a.catalog.files == b.catalog.files)
        #expect(a.diagnostics == b.diagnostics)
        #expect(a.skippedDocuments == b.skippedDocuments)
    }

    private func entries(of cache: CatalogCache) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: cache.directory).filter { !$0.hasPrefix(".") }.sorted()
            .map { cache.directory + "/" + $0 }
    }

    @Test func xxHash64MatchesTheReferenceVectors() {
        #expect(XXHash64.hash(Array("".utf8)) == 0xEF46_DB37_51D8_E999)
        #expect(XXHash64.hash(Array("a".utf8)) == 0xD24E_C4F1_A98C_6E5B)
        #expect(XXHash64.hash(Array("abc".utf8)) == 0x44BC_2CF5_AD77_0999)
        let long = Array("Nobody inspects the spammish repetition".utf8)
        #expect(XXHash64.hash(long) == 0xFBCE_A83C_8A37_8BF1)
        // Fed in uneven pieces, the hash is the same.
        var hasher = XXHash64()
        for piece in [0..<3, 3..<20, 20..<33, 33..<long.count] {
            long.withUnsafeBytes { hasher.update(UnsafeRawBufferPointer(rebasing: $0[piece])) }
        }
        #expect(hasher.finish() == 0xFBCE_A83C_8A37_8BF1)
    }

    @Test func aSecondLoadDecodesEveryFileAndEqualsAColdLoad() throws {
        let folder = try workspace()
        let cold = try loader(cache: nil).load(paths: [folder])
        #expect(cold.diagnostics.contains { $0.rule == "xml.schema" && $0.location?.file == folder + "/health.xml" })
        let cache = try #require(CatalogCache.beside([folder]))
        #expect(cache.directory == folder + "/.onego-cache")
        let first = try loader(cache: cache).load(paths: [folder])
        expectEqual(first, cold)
        #expect(cache.hitPaths.isEmpty)
        #expect(cache.parsedPaths.count == 21)
        #expect(try entries(of: cache).count == 21)
        #expect(FileManager.default.fileExists(atPath: cache.directory + "/.gitignore"))

        let again = CatalogCache(directory: cache.directory)
        let second = try loader(cache: again).load(paths: [folder])
        expectEqual(second, cold)
        #expect(again.parsedPaths.isEmpty)
        #expect(again.hitPaths.count == 21)
        let names = second.catalog.items.map(\.name)
        #expect(names.contains("城乡居民基本养老保险参保登记"))
    }

    @Test func validateAndAuditShareTheEntriesOfAFolder() throws {
        // `validate` skips other onego documents named directly, `audit` does not; a folder's are always skipped,
        // so the two commands read each other's entries of a folder's files, and not of a file named directly.
        let folder = try workspace()
        let health = folder + "/health.xml"
        var validate = try loader(cache: nil)
        validate.skipsOtherDocumentsNamedDirectly = true
        for paths in [[folder], [health]] {
            let validating = CatalogCache(directory: folder + "/.onego-cache")
            validate.cache = validating
            _ = validate.load(paths: paths)
            let auditing = CatalogCache(directory: folder + "/.onego-cache")
            let audit = try loader(cache: auditing).load(paths: paths)
            expectEqual(audit, try loader(cache: nil).load(paths: paths))
            #expect(auditing.hitPaths.count == (paths == [folder] ? 21 : 0))
            #expect(auditing.parsedPaths == (paths == [folder] ? [] : [health]))
        }
    }

    @Test func editingOneFileReparsesOnlyThatFile() throws {
        let folder = try workspace()
        let cache = try #require(CatalogCache.beside([folder]))
        _ = try loader(cache: cache).load(paths: [folder])
        let taxation = folder + "/taxation.xml"
        var text = try String(contentsOfFile: taxation, encoding: .utf8)
        let name = try #require(text.range(of: "<name>"))
        text.replaceSubrange(name, with: "<name>（已改）")
        try text.write(toFile: taxation, atomically: true, encoding: .utf8)

        let after = CatalogCache(directory: cache.directory)
        let warm = try loader(cache: after).load(paths: [folder])
        #expect(after.parsedPaths == [taxation])
        #expect(after.hitPaths.count == 20)
        expectEqual(warm, try loader(cache: nil).load(paths: [folder]))
        #expect(warm.catalog.items.contains { $0.name.hasPrefix("（已改）") })
    }

    /// A file whose size, times and inode are those its entry recorded, and older than the entry, is not read
    /// again; one changed as late as its entry was written is hashed (git's racy-entry rule); an edit that keeps the
    /// size and restores the modification time still changes the change time and is parsed.
    @Test func onlyFilesWhoseStampChangedOrIsAsNewAsTheEntryAreHashed() throws {
        let folder = try workspace()
        let cache = try #require(CatalogCache.beside([folder]))
        let cold = try loader(cache: cache).load(paths: [folder])
        let settled = CatalogCache(directory: cache.directory)
        expectEqual(try loader(cache: settled).load(paths: [folder]), cold)
        #expect(settled.hitPaths.count == 21)
        #expect(settled.hashedPaths.isEmpty)

        // The entry rewritten as if its file had been hashed in the clock tick of the file's last change: the
        // file is hashed, and the entry still used.
        let education = folder + "/education.xml"
        let stamp = try #require(ContentKey.Stamp(path: education))
        try rewriteHeader(of: cache.entryPath(for: education), stamp: stamp, tick: max(stamp.modified, stamp.changed))
        let racy = CatalogCache(directory: cache.directory)
        expectEqual(try loader(cache: racy).load(paths: [folder]), cold)
        #expect(racy.hashedPaths == [education])
        #expect(racy.hitPaths.count == 21)

        // One digit of a telephone number changed (same size), and the modification time put back.
        let taxation = folder + "/taxation.xml"
        let before = try FileManager.default.attributesOfItem(atPath: taxation)[.modificationDate]
        var text = try String(contentsOfFile: taxation, encoding: .utf8)
        let phone = try #require(text.range(of: "phone=\""))
        let digit = text.index(phone.upperBound, offsetBy: 1)
        let replacement = text[digit] == "9" ? "8" : "9"
        text.replaceSubrange(digit...digit, with: replacement)
        let size = text.utf8.count
        try Data(text.utf8).write(to: URL(fileURLWithPath: taxation))
        try FileManager.default.setAttributes([.modificationDate: try #require(before)], ofItemAtPath: taxation)
        #expect(try FileManager.default.attributesOfItem(atPath: taxation)[.size] as? Int == size)
        let edited = CatalogCache(directory: cache.directory)
        let warm = try loader(cache: edited).load(paths: [folder])
        #expect(edited.parsedPaths == [taxation])
        expectEqual(warm, try loader(cache: nil).load(paths: [folder]))
    }

    /// Rewrites the stamp and clock tick an entry recorded (and its checksum), as a load on a filesystem with coarse
    /// timestamps could have written them.
    private func rewriteHeader(of entry: String, stamp: ContentKey.Stamp, tick: Int64) throws {
        var bytes = try #require(FileManager.default.contents(atPath: entry).map { [UInt8]($0) })
        let length = bytes.withUnsafeBytes {
            Int(UInt32(littleEndian: $0.loadUnaligned(fromByteOffset: 40, as: UInt32.self)))
        }
        let values = [stamp.size, stamp.modified, stamp.changed, Int64(bitPattern: stamp.inode), tick]
        for (index, value) in values.enumerated() {
            withUnsafeBytes(of: value.littleEndian) { for i in 0..<8 { bytes[44 + length + index * 8 + i] = $0[i] } }
        }
        let checksum = bytes.withUnsafeBytes { XXHash64.hash(UnsafeRawBufferPointer(rebasing: $0[16...])) }
        withUnsafeBytes(of: checksum.littleEndian) { for i in 0..<8 { bytes[8 + i] = $0[i] } }
        try Data(bytes).write(to: URL(fileURLWithPath: entry))
    }

    /// On a filesystem with coarse timestamps an edit in the same tick as the hash keeps the file's stamp: such a
    /// file (its stamp equal to the recorded one, changed no earlier than the tick read before the hash) must be
    /// hashed, and its new content parsed, even though the entry itself was written later.
    @Test func anEditInTheClockTickOfTheHashIsHashedAndParsed() throws {
        let folder = try workspace()
        let cache = try #require(CatalogCache.beside([folder]))
        _ = try loader(cache: cache).load(paths: [folder])
        let taxation = folder + "/taxation.xml"
        let entry = cache.entryPath(for: taxation)
        let entryBytes = try #require(CatalogCacheEntry.load(from: entry))
        let recorded = try #require(CatalogCacheEntry.recordedContent(entryBytes))
        #expect(recorded.content.stamp.isSettled(before: recorded.tick))

        // Same size, modification time put back to the tick the hash was read in (futimens), as a coarse clock
        // would have left it; the entry then records the file's present stamp, as if hashed in that tick.
        var text = try String(contentsOfFile: taxation, encoding: .utf8)
        let name = try #require(text.range(of: "<name>"))
        text.replaceSubrange(name.upperBound..<text.index(name.upperBound, offsetBy: 2), with: "改名")
        try Data(text.utf8).write(to: URL(fileURLWithPath: taxation))
        let fd = open(taxation, O_WRONLY)
        #expect(fd >= 0)
        var times = [timespec](repeating: timespec(), count: 2)
        times[0] = timespec(tv_sec: Int(recorded.tick / 1_000_000_000), tv_nsec: Int(recorded.tick % 1_000_000_000))
        times[1] = times[0]
        #expect(futimens(fd, times) == 0)
        close(fd)
        let stamp = try #require(ContentKey.Stamp(path: taxation))
        #expect(stamp.size == recorded.content.stamp.size && stamp.modified == recorded.tick)
        try rewriteHeader(of: entry, stamp: stamp, tick: stamp.changed)
        // The entry file is newer than the edit: the old rule (settled before the entry was written) trusted it.
        try FileManager.default.setAttributes(
            [.modificationDate: Date().addingTimeInterval(60)], ofItemAtPath: entry)

        let after = CatalogCache(directory: cache.directory)
        let warm = try loader(cache: after).load(paths: [folder])
        #expect(after.hashedPaths == [taxation])
        #expect(after.parsedPaths == [taxation])
        expectEqual(warm, try loader(cache: nil).load(paths: [folder]))
        #expect(warm.catalog.items.contains { $0.name.hasPrefix("改名") })
    }

    /// The item checks made beside each file's parse (and cached with it) and the duplicate codes found after the
    /// merge come out exactly as one pass of every check over the whole catalog orders them, cold and cached.
    @Test func itemChecksMadePerFileMatchOnePassOverTheCatalog() throws {
        let folder = try workspace()
        // A second copy of 教育: each of its items is a duplicate code, and its first item also has a bad USCC.
        var text = try String(contentsOfFile: folder + "/education.xml", encoding: .utf8)
        let uscc = try #require(text.range(of: "uscc=\""))
        let end = try #require(text[uscc.upperBound...].firstIndex(of: "\""))
        text.replaceSubrange(uscc.upperBound..<end, with: "9144018800748224IO")
        try text.write(toFile: folder + "/education-copy.xml", atomically: true, encoding: .utf8)

        let cold = try loader(cache: nil).load(paths: [folder])
        let reference = CatalogChecks(profile: .national).run(on: cold.catalog).sortedByLocation()
        let rules = Set(reference.map(\.rule))
        #expect(rules.contains(.catalogDuplicateCode) && rules.contains(.catalogUSCC), "\(rules)")
        #expect(cold.diagnostics.filter { rules.contains($0.rule) } == reference)

        let cache = try #require(CatalogCache.beside([folder]))
        expectEqual(try loader(cache: cache).load(paths: [folder]), cold)
        let warm = CatalogCache(directory: cache.directory)
        expectEqual(try loader(cache: warm).load(paths: [folder]), cold)
        #expect(warm.hitPaths.count == 22)
    }

    /// Damage done to an entry: each must be detected, the file parsed and the entry rewritten.
    enum Damage: String, CaseIterable {
        case flippedPayloadByte, flippedHeaderByte, truncated, empty, otherSettings, otherPath, garbage
    }

    @Test(arguments: Damage.allCases)
    func aDamagedOrForeignEntryIsRebuiltNeverTrusted(_ damage: Damage) throws {
        let folder = try workspace()
        let cache = try #require(CatalogCache.beside([folder]))
        _ = try loader(cache: cache).load(paths: [folder])
        let entry = cache.entryPath(for: folder + "/health.xml")
        var bytes = try #require(FileManager.default.contents(atPath: entry).map { [UInt8]($0) })
        switch damage {
        case .flippedPayloadByte: bytes[bytes.count * 2 / 3] ^= 0x20
        case .flippedHeaderByte: bytes[26] ^= 0x01
        case .truncated: bytes.removeLast(bytes.count / 3)
        case .empty: bytes = []
        case .otherSettings, .otherPath:
            // A well-formed entry with a valid checksum, written by another build or for another file.
            if damage == .otherSettings { bytes[16] ^= 0xFF } else { bytes[44] = UInt8(ascii: "#") }
            let checksum = bytes.withUnsafeBytes { XXHash64.hash(UnsafeRawBufferPointer(rebasing: $0[16...])) }
            withUnsafeBytes(of: checksum.littleEndian) { for i in 0..<8 { bytes[8 + i] = $0[i] } }
        case .garbage: bytes = Array(repeating: 0x5A, count: bytes.count)
        }
        try Data(bytes).write(to: URL(fileURLWithPath: entry))

        let check = CatalogCache(directory: cache.directory)
        let warm = try loader(cache: check).load(paths: [folder])
        expectEqual(warm, try loader(cache: nil).load(paths: [folder]))
        #expect(check.parsedPaths == [folder + "/health.xml"])
        // Rebuilt: the next load decodes it again.
        let next = CatalogCache(directory: cache.directory)
        expectEqual(try loader(cache: next).load(paths: [folder]), warm)
        #expect(next.parsedPaths.isEmpty)
    }

    /// Three runs load the same workspace at once, all writing the same cache folder: each result equals a cold
    /// load, and the entries they leave are whole (the next load decodes every file).
    @Test func concurrentRunsSharingOneCacheEachEqualAColdLoad() throws {
        let folder = try workspace()
        let cold = try loader(cache: nil).load(paths: [folder])
        let base = try loader(cache: nil)
        let directory = folder + "/" + CatalogCache.folderName
        let results = Locked<[CatalogLoadResult]>([])
        DispatchQueue.concurrentPerform(iterations: 3) { _ in
            var run = base
            run.cache = CatalogCache(directory: directory)
            let result = run.load(paths: [folder])
            results.withLock { $0.append(result) }
        }
        #expect(results.current.count == 3)
        for result in results.current { expectEqual(result, cold) }
        let after = CatalogCache(directory: directory)
        expectEqual(try loader(cache: after).load(paths: [folder]), cold)
        #expect(after.parsedPaths.isEmpty)
        #expect(after.hitPaths.count == 21)
        let strays = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".tmp") }
        #expect(strays.isEmpty)
    }

    @Test func aTrustedLoadDoesNotUseValidatedEntries() throws {
        let folder = try workspace()
        let cache = try #require(CatalogCache.beside([folder]))
        _ = try loader(cache: cache).load(paths: [folder])
        var trusted = CatalogLoader(schema: nil)
        trusted.cache = CatalogCache(directory: cache.directory)
        let result = trusted.load(paths: [folder])
        #expect(trusted.cache?.hitPaths.isEmpty == true)
        #expect(!result.diagnostics.contains { $0.rule == "xml.schema" })
    }

    @Test func nothingIsWrittenWhereTheCacheFolderCannotBeMade() throws {
        let folder = try workspace()
        // A file where the cache folder would go: nothing can be written, the load is a plain one.
        let blocker = folder + "/" + CatalogCache.folderName
        try Data("not a folder".utf8).write(to: URL(fileURLWithPath: blocker))
        let cache = try #require(CatalogCache.beside([folder]))
        let result = try loader(cache: cache).load(paths: [folder])
        expectEqual(result, try loader(cache: nil).load(paths: [folder]))
        #expect(cache.parsedPaths.count == 21)
        #expect(try String(contentsOfFile: blocker, encoding: .utf8) == "not a folder")
        #expect(cache.note?.contains("未写入校验缓存") == true)
    }

    @Test func aSingleNamedFileIsCachedBesideIt() throws {
        let folder = try workspace()
        let file = folder + "/education.xml"
        let cache = try #require(CatalogCache.beside([file]))
        #expect(cache.directory == folder + "/.onego-cache")
        let cold = try loader(cache: cache).load(paths: [file])
        let again = CatalogCache(directory: cache.directory)
        expectEqual(try loader(cache: again).load(paths: [file]), cold)
        #expect(again.hitPaths == [file])
    }

    /// Texts that several entries share are decoded once per worker and shared; bytes that are not UTF-8 are still
    /// rejected, also when a valid string with the same hash bucket is held.
    @Test func theStringPoolSharesEqualTextsAndRejectsInvalidBytes() throws {
        let pool = CompactStringPool()
        func decode(_ bytes: [UInt8]) throws -> String {
            try bytes.withUnsafeBufferPointer { try pool.string($0) }
        }
        func address(_ text: String) -> UnsafePointer<UInt8>? {
            var text = text
            return text.withUTF8 { $0.baseAddress }
        }
        let centre = Array("云溪区政务服务中心一楼综合受理窗口（人民路 88 号）".utf8)
        let first = try decode(centre)
        let again = try decode(centre)
        #expect(first == "云溪区政务服务中心一楼综合受理窗口（人民路 88 号）")
        #expect(address(first) == address(again))
        #expect(try decode(Array("居民身份证".utf8)) == "居民身份证")
        #expect(pool.count == 2)
        // A truncated character (the first two bytes of 中) and a lone continuation byte are not UTF-8.
        #expect(throws: CompactCodingError.self) { _ = try decode([0xE4, 0xB8]) }
        #expect(throws: CompactCodingError.self) { _ = try decode(Array("居民".utf8) + [0x80]) }
        // Many strings: the pool grows and still finds every one.
        let names = (0..<5_000).map { "材料\($0)号" }
        for name in names { _ = try decode(Array(name.utf8)) }
        for name in names.prefix(50) { #expect(try decode(Array(name.utf8)) == name) }
        #expect(pool.count == 5_002)
    }

    /// The build identity names the running executable (read from /proc/self/exe, not through Bundle.main).
    @Test func theBuildIdentityNamesTheRunningExecutable() throws {
        let identity = try #require(CacheSettings.buildIdentity())
        let executable = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
        #expect(identity.hasPrefix("build \(executable) "))
    }

    /// An item with every optional part set, and a material body shared by two materials, as the loader shares
    /// them: the compact form gives back equal values and the same sharing.
    @Test func theCompactFormKeepsEveryFieldAndTheSharing() throws {
        let place = SourceLocation(file: "Catalogs/示例区/卫生健康.xml", line: 42, column: 7)
        let card = Material(
            name: "居民身份证", type: .certificate, form: .paperAndElectronic, necessity: .supplyLater,
            source: .government, originals: 1, copies: 2, isKey: true, issuer: "公安机关", eLicence: "居民身份证电子证照",
            supplyDays: 5.5, paperSize: "A4", blankForm: "空表.docx", sample: "样表.pdf", note: "核验原件", standard: "GB 1",
            holder: "申请人", location: place)
        var shared = card
        shared.location.line = 50
        let item = ServiceItem(
            codes: ItemCodes(basic: "00001", implementation: "1153000000000000XA00001", handling: "001"),
            name: "医疗机构执业登记", type: ItemType(rawValue: "01"), level: .municipal, region: RegionCode("530100"),
            handling: .immediate, department: "卫生健康委",
            implementingBody: ImplementingBody(
                name: "市卫生健康委", creditCode: CreditCode("11530000000000000X"), nature: .authorised),
            serviceObjects: [.enterprise, .naturalPerson],
            legalBasis: [LegalProvision(law: "医疗机构管理条例", article: "第十条", text: "……")], conditions: "具备条件",
            statutoryLimit: TimeLimit(20, .workingDays, note: "不含专家评审"), promisedLimit: TimeLimit(2.5, .hours),
            specialProcedures: [SpecialProcedure(kind: .expertReview, limit: TimeLimit(10, .naturalDays), note: "评审")],
            visits: 0, visitReason: "现场核验",
            online: OnlineService(isAvailable: true, depth: .fullyOnline, url: "https://x"),
            handlingForms: [.online, .post], crossRegion: CrossRegion(scope: .nationwide, mode: .proxy, regions: "全省"),
            fee: Fee(isCharged: true, items: [FeeItem(name: "工本费", standard: "10元", basis: "文件")]),
            modes: HandlingModes(isInstantApproval: true, isPromiseBased: true),
            materials: [card, shared, Material(name: "申请表")],
            results: [ItemResult(name: "执业许可证", type: .licence, eLicence: "证照", validity: "5年", delivery: "邮寄")],
            steps: [ProcessStep(name: "受理", limit: TimeLimit(1, .workingDays), role: "窗口")],
            contact: Contact(address: "未公布", hours: "工作日", phone: "0871-12345678", complaintPhone: "12345"),
            details: PublishedDetails(
                levels: [.municipal, .county], jointDepartments: [JointDepartment(name: "市场监管局", role: "联办")],
                aliases: ["诊所执业"], keywords: ["诊所"], appointmentURL: "https://y"),
            location: place)
        let warning = Diagnostic(.warning, rule: "material.name-only", message: "材料仅有名称", at: place, related: [place])
        let outcome = FileOutcome(
            items: [item, ServiceItem(codes: item.codes, name: "最简事项")], diagnostics: [warning], title: "卫生健康",
            region: "530100", skippedNamespace: nil)
        var writer = CompactWriter()
        outcome.write(to: &writer)
        let bytes = writer.finished()
        let decoded = try bytes.withUnsafeBytes { raw in
            var reader = try CompactReader(bytes: raw)
            let value = try FileOutcome(compact: &reader)
            #expect(reader.isAtEnd)
            return value
        }
        #expect(decoded.items == outcome.items)
        #expect(decoded.diagnostics == outcome.diagnostics)
        #expect(decoded.title == "卫生健康" && decoded.region == "530100" && decoded.skippedNamespace == nil)
        let materials = try #require(decoded.items.first?.materials)
        #expect(materials[0].storage.isIdentical(to: materials[1].storage))
        #expect(!materials[0].storage.isIdentical(to: materials[2].storage))
        // Every shorter prefix of the payload is rejected, never read as a smaller outcome.
        for length in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 97)) {
            #expect(throws: CompactCodingError.self) {
                try bytes.withUnsafeBytes { raw in
                    var reader = try CompactReader(bytes: UnsafeRawBufferPointer(rebasing: raw[..<length]))
                    _ = try FileOutcome(compact: &reader)
                }
            }
        }
    }

    /// Items that share a list (the same region's implementations of one item) share it again after decoding; an
    /// equal list built apart is decoded apart and equal. An index past the lists read so far is refused.
    @Test func sharedListsAreWrittenOnceAndSharedAgain() throws {
        let steps = [
            ProcessStep(name: "受理", limit: TimeLimit(1, .workingDays), role: "窗口"),
            ProcessStep(name: "审核", limit: TimeLimit(2, .workingDays), role: "科室"),
        ]
        let results = [ItemResult(name: "准予登记通知书", type: .licence)]
        let first = ServiceItem(
            codes: ItemCodes(basic: "00002", implementation: "1153010000000000XA00002", handling: nil),
            name: "社会团体成立登记", legalBasis: [LegalProvision(law: "社会团体登记管理条例", article: "第九条", text: "……")],
            results: results, steps: steps)
        var second = first
        second.name = "社会团体变更登记"
        var apart = first
        apart.steps = steps.map { $0 }
        func address<T>(_ list: [T]) -> UnsafeRawPointer? { list.withUnsafeBytes { $0.baseAddress } }
        #expect(address(second.steps) == address(first.steps))
        #expect(address(apart.steps) != address(first.steps))

        var writer = CompactWriter()
        [first, second, apart].write(to: &writer)
        let bytes = writer.finished()
        var single = CompactWriter()
        first.write(to: &single)
        let decoded = try bytes.withUnsafeBytes { raw in
            var reader = try CompactReader(bytes: raw)
            return try [ServiceItem](compact: &reader)
        }
        #expect(decoded == [first, second, apart])
        #expect(address(decoded[1].steps) == address(decoded[0].steps))
        #expect(address(decoded[1].results) == address(decoded[0].results))
        #expect(address(decoded[1].legalBasis) == address(decoded[0].legalBasis))
        #expect(address(decoded[2].steps) != address(decoded[0].steps))
        #expect(address(decoded[2].results) == address(decoded[0].results))
        // The second item's lists cost a byte each, not a copy.
        #expect(bytes.count < single.finished().count * 2)

        for (payload, reason) in [([0, 5] as [UInt8], "out of range"), ([0, 1, 0], "is empty")] {
            let error = try #require(
                throws: CompactCodingError.self,
                performing: {
                    try payload.withUnsafeBytes { raw in
                        var reader = try CompactReader(bytes: raw)
                        _ = try reader.shared(\.steps)
                    }
                })
            #expect(error.description.contains(reason))
        }
    }
}
