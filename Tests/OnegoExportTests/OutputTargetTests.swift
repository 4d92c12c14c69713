import Foundation
import OnegoExport
import OnegoTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where `AtomicWriter` writes: links resolved and checked, special files written in place or refused, inputs found
/// by identity.
@Suite struct OutputTargetTests {
    func contents(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    func type(_ path: String) -> mode_t {
        var info = stat()
        return lstat(path, &info) == 0 ? info.st_mode & S_IFMT : 0
    }

    /// A folder holding `items/a.xml` and `matters/m.xml`, as a catalog with its matters beside it.
    func workspace() throws -> String {
        let root = try Fixtures.temporaryDirectory()
        for folder in ["items", "matters", "reference"] {
            try FileManager.default.createDirectory(atPath: root + "/" + folder, withIntermediateDirectories: true)
        }
        try Fixtures.write("<?xml version=\"1.0\"?>\n<catalog/>", to: "items/a.xml", in: root)
        try Fixtures.write("<matter xmlns=\"urn:onego:matter\"/>", to: "matters/m.xml", in: root)
        return root
    }

    @Test func aLinkOntoARecordedInputIsRefusedWhateverItsName() throws {
        let root = try workspace()
        let writer = AtomicWriter(protecting: InputLedger(paths: [root + "/matters"]))
        try FileManager.default.createSymbolicLink(atPath: root + "/e.html", withDestinationPath: "matters/m.xml")
        #expect {
            try writer.write("<html>", to: root + "/e.html")
        } throws: { error in
            guard let error = error as? OutputError, case .insideInput = error.reason else { return false }
            return true
        }
        // A hard link to an input file is the same file.
        #expect(link(root + "/matters/m.xml", root + "/hard.html") == 0)
        #expect {
            try writer.write("<html>", to: root + "/hard.html")
        } throws: { error in
            guard let error = error as? OutputError, case .isInput = error.reason else { return false }
            return error.description.contains("拒绝覆盖")
        }
        #expect(try contents(root + "/matters/m.xml") == "<matter xmlns=\"urn:onego:matter\"/>")
    }

    @Test func anInputNobodyRecordedIsStillNeverReplaced() throws {
        let root = try workspace()
        try FileManager.default.createSymbolicLink(atPath: root + "/e.html", withDestinationPath: "items/a.xml")
        #expect {
            try AtomicWriter().write("<html>", to: root + "/e.html")
        } throws: { error in
            guard let error = error as? OutputError, case .looksLikeInput = error.reason else { return false }
            return error.description.contains("XML")
        }
        #expect(try contents(root + "/items/a.xml") == "<?xml version=\"1.0\"?>\n<catalog/>")
        // An earlier report is replaced as before.
        try AtomicWriter().write("<!DOCTYPE html>旧", to: root + "/r.html")
        try AtomicWriter().write("<!DOCTYPE html>新", to: root + "/r.html")
        #expect(try contents(root + "/r.html") == "<!DOCTYPE html>新")
    }

    @Test func writingThroughAnOwnLinkReplacesItsTargetAndKeepsTheLink() throws {
        let root = try workspace()
        try Fixtures.write("旧", to: "report.html", in: root)
        try FileManager.default.createSymbolicLink(atPath: root + "/latest.html", withDestinationPath: "report.html")
        try AtomicWriter().write("新", to: root + "/latest.html")
        #expect(try contents(root + "/report.html") == "新")
        #expect(type(root + "/latest.html") == S_IFLNK)
    }

    @Test func devicesAreWrittenInPlaceNotReplaced() throws {
        try AtomicWriter().write(String(repeating: "报告", count: 5000), to: "/dev/null")
        #expect(type("/dev/null") == S_IFCHR)
        #expect {
            try AtomicWriter().write("x", to: "/dev/full")
        } throws: { error in
            guard let error = error as? OutputError, case .cannotWrite = error.reason else { return false }
            return true
        }
        #expect(type("/dev/full") == S_IFCHR)
    }

    @Test func aNamedPipeIsWrittenAsAStream() throws {
        let root = try Fixtures.temporaryDirectory()
        let fifo = root + "/pipe.html"
        #expect(mkfifo(fifo, 0o600) == 0)
        let reader = PipeReader(fifo)
        try AtomicWriter().write("经由管道的报告", to: fifo)
        #expect(reader.text() == "经由管道的报告")
        #expect(type(fifo) == S_IFIFO)
        #expect(try FileManager.default.contentsOfDirectory(atPath: root) == ["pipe.html"])
    }

    @Test func socketsAndFoldersAreRefusedByName() throws {
        let root = try Fixtures.temporaryDirectory()
        let path = root + "/s.html"
        let server = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(server) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            for (index, byte) in path.utf8.prefix(buffer.count - 1).enumerated() { buffer[index] = byte }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(server, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        #expect(bound == 0)
        #expect {
            try AtomicWriter().write("x", to: path)
        } throws: { error in
            guard let error = error as? OutputError, case .unsupportedFile = error.reason else { return false }
            return error.description.hasPrefix(path) && error.description.contains("套接字")
        }
        #expect(type(path) == S_IFSOCK)
        #expect {
            try AtomicWriter().write("x", to: root)
        } throws: { error in
            (error as? OutputError)?.reason == .isDirectory
        }
    }

    @Test func aLinkPlantedByAnotherUserInASharedFolderIsNotFollowed() throws {
        try #require(geteuid() == 0, "needs root to give the link to another user")
        let shared = try Fixtures.temporaryDirectory()
        #expect(chmod(shared, 0o1777) == 0)
        let victim = try Fixtures.write("root 的文件", to: "victim.conf", in: try Fixtures.temporaryDirectory())
        try FileManager.default.createSymbolicLink(atPath: shared + "/report.html", withDestinationPath: victim)
        #expect(lchown(shared + "/report.html", 4242, 4242) == 0)
        #expect {
            try AtomicWriter().write("报告", to: shared + "/report.html")
        } throws: { error in
            guard let error = error as? OutputError, case .untrustedLink(_, let owner) = error.reason else {
                return false
            }
            return owner == 4242 && error.description.contains("属于其他用户")
        }
        #expect(try contents(victim) == "root 的文件")
        // The same through a planted link to a folder, in the middle of the path.
        try FileManager.default.createSymbolicLink(
            atPath: shared + "/out", withDestinationPath: (victim as NSString).deletingLastPathComponent)
        #expect(lchown(shared + "/out", 4242, 4242) == 0)
        #expect(throws: OutputError.self) { try AtomicWriter().write("报告", to: shared + "/out/victim.html") }
        #expect(
            !FileManager.default.fileExists(atPath: (victim as NSString).deletingLastPathComponent + "/victim.html"))
    }

    @Test func aFilePlantedInASharedFolderDoesNotGetRootsReport() throws {
        try #require(geteuid() == 0, "needs root to give the file to another user")
        let shared = try Fixtures.temporaryDirectory()
        #expect(chmod(shared, 0o1777) == 0)
        let path = try Fixtures.write("预先放置", to: "report.html", in: shared)
        #expect(chown(path, 4242, 4242) == 0)
        try AtomicWriter().write("root 的报告", to: path)
        var info = stat()
        #expect(stat(path, &info) == 0 && info.st_uid == 0)
        // Elsewhere, root replacing a user's file keeps it theirs.
        let own = try Fixtures.write("旧", to: "report.html", in: try Fixtures.temporaryDirectory())
        #expect(chown(own, 4242, 4242) == 0)
        try AtomicWriter().write("新", to: own)
        #expect(stat(own, &info) == 0 && info.st_uid == 4242)
    }

    @Test func concurrentWritersAllSucceedAndTheLastRenameWins() throws {
        let root = try Fixtures.temporaryDirectory()
        let path = root + "/same.html"
        let failures = Counter()
        DispatchQueue.concurrentPerform(iterations: 8) { writer in
            for round in 0..<25 {
                do {
                    try AtomicWriter().write("写入者 \(writer) 第 \(round) 次", to: path)
                } catch {
                    failures.add()
                }
            }
        }
        #expect(failures.value == 0)
        #expect(try contents(path).hasPrefix("写入者 "))
        #expect(try FileManager.default.contentsOfDirectory(atPath: root) == ["same.html"])
    }

    @Test func aTemporaryFileOfALiveRunIsLeftAlone() throws {
        let root = try Fixtures.temporaryDirectory()
        let live = ".out.html.onego-\(getpid())-1a2b.tmp"
        try Fixtures.write("进行中", to: live, in: root)
        try Fixtures.write("半截", to: ".out.html.onego-2147483000-1a2b.tmp", in: root)
        try AtomicWriter().write("完整", to: root + "/out.html")
        #expect(try FileManager.default.contentsOfDirectory(atPath: root).sorted() == [live, "out.html"])
    }
}

/// Reads a named pipe to its end on its own thread (not a task: a blocked task would hold one of the few threads of
/// the test run's shared pool).
final class PipeReader: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var data = Data()

    init(_ path: String) {
        Thread.detachNewThread { [self] in
            data = FileHandle(forReadingAtPath: path)?.readDataToEndOfFile() ?? Data()
            done.signal()
        }
    }

    /// Waits for the writer to close the pipe and returns what came through.
    func text() -> String {
        done.wait()
        return String(decoding: data, as: UTF8.self)
    }
}

/// A count shared by concurrent workers.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    func add() {
        lock.lock()
        count += 1
        lock.unlock()
    }

    var value: Int {
        lock.lock()
        defer { lock.unlock() }
        return count
    }
}
