import Foundation
import OnegoBase
import OnegoCatalog
import OnegoTestSupport
import Testing

/// The loader's compact storage (shared material bodies and arrays) must behave exactly like plain values, and
/// its progress reports must add up.
@Suite struct LoaderMemoryAndProgressTests {
    let result: CatalogLoadResult

    init() throws {
        let loader = try CatalogLoader.validating(schemaPath: Fixtures.path("Schemas/catalog.xsd"))
        result = loader.load(paths: [Fixtures.sampleItems])
    }

    @Test func changingASharedMaterialLeavesEveryOtherItemAlone() throws {
        // 身份证-type lines repeat across items; the loader shares their bodies.
        let items = result.catalog.items
        let (first, second) = try #require(Self.itemsSharingAMaterial(items))
        let name = items[first.item].materials[first.material].name
        var changed = items[first.item]
        changed.materials[first.material].name = "已改名"
        changed.materials[first.material].copies += 7
        #expect(changed.materials[first.material].name == "已改名")
        #expect(items[first.item].materials[first.material].name == name)
        #expect(items[second.item].materials[second.material].name == name)
        #expect(items[second.item].materials[second.material].copies + 7 == changed.materials[first.material].copies)
    }

    @Test func materialsCompareAndHashByValueAndLocation() throws {
        let items = result.catalog.items
        let (first, second) = try #require(Self.itemsSharingAMaterial(items))
        var a = items[first.item].materials[first.material]
        let b = items[second.item].materials[second.material]
        #expect(a != b, "same body, different places")
        a.location = b.location
        #expect(a == b)
        #expect(a.hashValue == b.hashValue)
        let rebuilt = Material(
            name: b.name, type: b.type, form: b.form, necessity: b.necessity, source: b.source, originals: b.originals,
            copies: b.copies, isKey: b.isKey, issuer: b.issuer, eLicence: b.eLicence, supplyDays: b.supplyDays,
            paperSize: b.paperSize, blankForm: b.blankForm, sample: b.sample, note: b.note, standard: b.standard,
            location: b.location)
        #expect(rebuilt == b)
        #expect(Set([rebuilt, b, a]).count == 1)
    }

    @Test func materialJSONKeepsTheSynthesizedShape() throws {
        let material = Material(
            name: "居民身份证", type: .certificate, necessity: .required, source: .government, originals: 1,
            issuer: "公安机关", eLicence: "居民身份证", location: SourceLocation(file: "a.xml", line: 3, column: 7))
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = String(decoding: try encoder.encode(material), as: UTF8.self)
        #expect(
            json
                == #"{"copies":0,"eLicence":"居民身份证","form":"纸质","isKey":false,"issuer":"公安机关","#
                + #""location":{"column":7,"file":"a.xml","line":3},"name":"居民身份证","necessity":"必要","#
                + #""originals":1,"source":20,"type":1}"#)
        #expect(try JSONDecoder().decode(Material.self, from: Data(json.utf8)) == material)
    }

    @Test func progressReportsAddUpToTheFilesAndItems() throws {
        let events = Events()
        var loader = try CatalogLoader.validating(schemaPath: Fixtures.path("Schemas/catalog.xsd"))
        loader.progress = { events.append($0) }
        let loaded = loader.load(paths: [Fixtures.sampleItems])
        let last = try #require(events.all.last)
        let files = try FileManager.default.contentsOfDirectory(atPath: Fixtures.sampleItems).filter {
            $0.hasSuffix(".xml")
        }
        let bytes = try files.reduce(0) {
            $0
                + ((try FileManager.default.attributesOfItem(atPath: Fixtures.sampleItems + "/" + $1)[.size] as? Int)
                    ?? 0)
        }
        #expect(last.isFinished)
        #expect(events.all.filter(\.isFinished).count == 1)
        #expect(last.items == loaded.catalog.items.count)
        #expect(last.bytesRead == bytes)
        #expect(last.totalBytes == bytes)
        #expect(last.fraction == 1)
    }

    @Test func estimateScalesTheElapsedTimeByWhatIsLeft() {
        let progress = LoadProgress(bytesRead: 250, totalBytes: 1000, items: 50, elapsed: 2, isFinished: false)
        #expect(progress.fraction == 0.25)
        #expect(progress.itemsPerSecond == 25)
        #expect(progress.estimatedSecondsLeft == 6)
        #expect(
            LoadProgress(bytesRead: 0, totalBytes: 10, items: 0, elapsed: 0, isFinished: false).estimatedSecondsLeft
                == nil)
    }

    /// Two (item, material) positions in different items whose materials have equal bodies.
    static func itemsSharingAMaterial(_ items: [ServiceItem]) -> (
        (item: Int, material: Int), (item: Int, material: Int)
    )? {
        var seen: [String: (Int, Int)] = [:]
        for (i, item) in items.enumerated() {
            for (m, material) in item.materials.enumerated() {
                var body = material
                body.location = SourceLocation(file: "", line: 0, column: 0)
                let key =
                    "\(body.name)|\(body.necessity)|\(body.source)|\(body.originals)|\(body.copies)|\(body.isKey)"
                    + "|\(body.issuer ?? "")|\(body.eLicence ?? "")|\(body.note ?? "")|\(body.form)|\(body.type)"
                if let first = seen[key], first.0 != i,
                    items[first.0].materials[first.1]
                        == {
                            var other = material
                            other.location = items[first.0].materials[first.1].location
                            return other
                        }()
                {
                    return ((first.0, first.1), (i, m))
                }
                seen[key] = seen[key] ?? (i, m)
            }
        }
        return nil
    }
}

private final class Events: @unchecked Sendable {
    private let lock = NSLock()
    private var events: [LoadProgress] = []
    func append(_ event: LoadProgress) { lock.withLock { events.append(event) } }
    var all: [LoadProgress] { lock.withLock { events } }
}
