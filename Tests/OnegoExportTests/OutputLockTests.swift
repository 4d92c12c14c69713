import Foundation
import OnegoExport
import OnegoTestSupport
import Testing

/// The output folder's lock and the swap that leaves the old or the new site, never neither.
@Suite struct OutputLockTests {
    let marker = HandbookSite.marker

    @Test func aSecondRunWaitsThenFailsClearly() throws {
        let parent = try Fixtures.temporaryDirectory()
        let first = try OutputLock.acquire(parent + "/site")
        var waited = false
        #expect {
            _ = try OutputLock.acquire(parent + "/site", timeout: 0.2) { waited = true }
        } throws: { error in
            guard let error = error as? OutputError, case .busy = error.reason else { return false }
            return error.description.contains("另一个 onego 进程正在写入")
        }
        #expect(waited)
        first.release()
        let second = try OutputLock.acquire(parent + "/site", timeout: 0.2)
        second.release()
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent).isEmpty)
    }

    @Test func theOldSiteParkedByAKilledSwapIsPutBack() throws {
        let parent = try Fixtures.temporaryDirectory()
        // A run killed between the two renames of the fallback swap: no `site`, the old one parked as `.old`.
        let parked = parent + "/.site.onego-2147483000-ab.old"
        try FileManager.default.createDirectory(atPath: parked, withIntermediateDirectories: true)
        try Fixtures.write("x", to: marker, in: parked)
        try Fixtures.write("旧", to: "index.html", in: parked)
        // The next run fails halfway (a bad page path) and must still leave the old site in place.
        #expect(throws: OutputError.self) {
            try AtomicDirectory(marker: marker).write([(marker, "x"), ("../escape.html", "x")], to: parent + "/site")
        }
        #expect(try String(contentsOfFile: parent + "/site/index.html", encoding: .utf8) == "旧")
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent) == ["site"])
    }

    @Test func aReaderAlwaysFindsTheOldOrTheNewSite() throws {
        let parent = try Fixtures.temporaryDirectory()
        let out = parent + "/site"
        let writer = AtomicDirectory(marker: marker)
        try writer.write([(marker, "x"), ("index.html", "第 0 版")], to: out)
        let misses = Counter()
        let stop = Counter()
        let watcher = Thread {
            while stop.value == 0 {
                if !FileManager.default.fileExists(atPath: out + "/index.html") { misses.add() }
            }
        }
        watcher.start()
        defer { stop.add() }
        for version in 1...30 {
            try writer.write([(marker, "x"), ("index.html", "第 \(version) 版")], to: out)
        }
        #expect(misses.value == 0)
        #expect(try String(contentsOfFile: out + "/index.html", encoding: .utf8) == "第 30 版")
    }

    @Test func concurrentSiteWritesEachLeaveAWholeSite() throws {
        let parent = try Fixtures.temporaryDirectory()
        let out = parent + "/site"
        let pages = (0..<200).map { ("items/\($0).html", "第 \($0) 页") }
        let failures = Counter()
        let marker = marker
        DispatchQueue.concurrentPerform(iterations: 4) { run in
            do {
                try AtomicDirectory(marker: marker).write(
                    [(marker, "x"), ("index.html", "第 \(run) 次")] + pages, to: out)
            } catch {
                failures.add()
            }
        }
        #expect(failures.value == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out + "/items").count == 200)
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent) == ["site"])
    }
}
