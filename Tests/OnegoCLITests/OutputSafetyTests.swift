import Foundation
import OnegoTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Issue 11's reproducers for outputs: links onto inputs, special files, concurrent runs, write errors on the
/// standard streams. Each runs the built binary.
@Suite struct OutputSafetyTests {
    static let policy = "Tests/Fixtures/audit/lenient-policy.xml"
    static let answers = ["--answer", "invoice=是", "--answer", "staff=是", "--answer", "bank=否"]

    /// `base/district/{items,matters}`, `base/district/material-synonyms.xml`, `base/calendars`, `base/waivers.xml`:
    /// a district with everything that is loaded implicitly, copied so a failing test damages only the copy.
    func workspace() throws -> String {
        let base = try Fixtures.temporaryDirectory()
        let files = FileManager.default
        try files.createDirectory(atPath: base + "/district", withIntermediateDirectories: true)
        try files.copyItem(atPath: Fixtures.fixture("export/qykb/items"), toPath: base + "/district/items")
        try files.copyItem(atPath: Fixtures.fixture("export/qykb/matters"), toPath: base + "/district/matters")
        try files.copyItem(
            atPath: Fixtures.path("Catalogs/reference/material-synonyms.xml"),
            toPath: base + "/district/material-synonyms.xml")
        try files.copyItem(atPath: Fixtures.path("Catalogs/calendars"), toPath: base + "/calendars")
        try files.copyItem(atPath: Fixtures.fixture("audit/waivers.xml"), toPath: base + "/waivers.xml")
        return base
    }

    func bytes(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

    func type(_ path: String) -> mode_t {
        var info = stat()
        return lstat(path, &info) == 0 ? info.st_mode & S_IFMT : 0
    }

    @Test(arguments: ["district/matters/qykb.xml", "district/material-synonyms.xml", "calendars/2026.xml"])
    func guideThroughALinkNeverReplacesAnImplicitInput(input: String) throws {
        let base = try workspace()
        let before = try bytes(base + "/" + input)
        try FileManager.default.createSymbolicLink(atPath: base + "/e.html", withDestinationPath: base + "/" + input)
        let run = try Fixtures.runOnego(
            ["guide", "T-QYKB", "--catalog", base + "/district/items", "--accepted", "2026-09-29", "--output"]
                + [base + "/e.html"] + Self.answers,
            environment: ["ONEGO_CALENDARS": base + "/calendars"])
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.stderr.contains("输入"))
        #expect(try bytes(base + "/" + input) == before)
        #expect(type(base + "/e.html") == S_IFLNK)
    }

    @Test(arguments: ["district/material-synonyms.xml", "waivers.xml", "district/matters/qykb.xml"])
    func auditThroughALinkNeverReplacesAnInput(input: String) throws {
        let base = try workspace()
        let before = try bytes(base + "/" + input)
        try FileManager.default.createSymbolicLink(atPath: base + "/r.html", withDestinationPath: base + "/" + input)
        let run = try Fixtures.runOnego([
            "audit", base + "/district/items", "--policy", Self.policy, "--waivers", base + "/waivers.xml",
            "--today", "2026-11-21", "--format", "html", "--output", base + "/r.html",
        ])
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.stderr.contains("输入"))
        #expect(try bytes(base + "/" + input) == before)
    }

    func audit(output: String, environment: [String: String] = [:]) throws -> Fixtures.ProcessResult {
        try Fixtures.runOnego(
            [
                "audit", "Tests/Fixtures/audit/district.xml", "--policy", Self.policy, "--today", "2026-11-21",
                "--output", output,
            ], environment: environment)
    }

    @Test func devNullAndDevStdoutAreWrittenAsStreams() throws {
        let null = try audit(output: "/dev/null")
        #expect(null.status == 0, "\(null.stderr)")
        #expect(type("/dev/null") == S_IFCHR)
        let stdout = try audit(output: "/dev/stdout")
        #expect(stdout.status == 0, "\(stdout.stderr)")
        #expect(stdout.stdout.contains("结论：通过"))
    }

    @Test func aNamedPipeGetsTheReport() throws {
        let fifo = try Fixtures.temporaryDirectory() + "/report.txt"
        #expect(mkfifo(fifo, 0o600) == 0)
        // The reader is `cat`, so no thread of the test run blocks in open(2).
        let reader = Process()
        reader.executableURL = URL(fileURLWithPath: "/bin/cat")
        reader.arguments = [fifo]
        let received = Pipe()
        reader.standardOutput = received
        try reader.run()
        let run = try audit(output: fifo)
        let text = String(decoding: received.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        reader.waitUntilExit()
        #expect(run.status == 0, "\(run.stderr)")
        #expect(text.contains("结论：通过"))
        #expect(type(fifo) == S_IFIFO)
    }

    @Test func aSocketIsRefusedByName() throws {
        let path = try Fixtures.temporaryDirectory() + "/report.html"
        let server = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(server) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            for (index, byte) in path.utf8.prefix(buffer.count - 1).enumerated() { buffer[index] = byte }
        }
        _ = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(server, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        let run = try audit(output: path)
        #expect(run.status == 1)
        #expect(run.stderr.contains(path) && run.stderr.contains("套接字"))
        #expect(type(path) == S_IFSOCK)
    }

    @Test func concurrentAuditsIntoOneFileAllSucceed() throws {
        let folder = try Fixtures.temporaryDirectory()
        let output = folder + "/same.html"
        // The reproducer: 40 pairs, of which one used to fail with "无法替换目标文件".
        for _ in 0..<40 {
            let runs = try (0..<2).map { _ in try Spawned(audit: output) }
            for run in runs {
                let result = run.finish()
                #expect(result.status == 0, "\(result.stderr)")
                #expect(!result.stderr.contains("无法替换"))
            }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["same.html"])
    }

    @Test func writeErrorsOnStandardOutputExit74WithOneMessage() throws {
        let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        let run = try Spawned(["rules"], standardOutput: full)
        let result = run.finish()
        #expect(result.status == 74)
        #expect(result.stderr.components(separatedBy: "无法写入标准输出").count == 2)
    }

    @Test func writeErrorsOnStandardErrorExit74WithoutATrap() throws {
        let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        let run = try Spawned(["validate", "no/such/catalog"], standardError: full)
        let result = run.finish()
        #expect(result.status == 74)
        #expect(result.stdout.isEmpty)
    }

    @Test func aClosedPipeOnStandardErrorEndsTheRunQuietly() throws {
        let pipe = Pipe()
        try pipe.fileHandleForReading.close()
        let run = try Spawned(["validate", "no/such/catalog"], standardError: pipe.fileHandleForWriting)
        try pipe.fileHandleForWriting.close()
        #expect(run.finish().status == 141)
    }

    @Test func aClosedPipeEndsTheRunQuietly() throws {
        let pipe = Pipe()
        try pipe.fileHandleForReading.close()
        let run = try Spawned(["rules", "--format", "json"], standardOutput: pipe.fileHandleForWriting)
        try pipe.fileHandleForWriting.close()
        let result = run.finish()
        #expect(result.status == 141)
        #expect(result.stderr.isEmpty)
    }

    @Test func twoSiteRunsIntoOneFolderTakeTurns() throws {
        let parent = try Fixtures.temporaryDirectory()
        let arguments = ["site", "Tests/Fixtures/export/qykb/items", "--date", "2026-11-20", "--out", parent + "/site"]
        let runs = try (0..<3).map { _ in try Spawned(arguments) }
        for run in runs {
            let result = run.finish()
            #expect(result.status == 0, "\(result.stderr)")
        }
        #expect(FileManager.default.fileExists(atPath: parent + "/site/index.html"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent + "/site/items").count == 10)
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent) == ["site"])
    }

    @Test func aSiteRunWaitsForTheLockABoundedTime() throws {
        let parent = try Fixtures.temporaryDirectory()
        let folder = open(parent, O_RDONLY | O_DIRECTORY)
        defer { close(folder) }
        #expect(flock(folder, LOCK_EX) == 0)
        let run = try Fixtures.runOnego(
            ["site", "Tests/Fixtures/minimal.xml", "--date", "2026-11-20", "--out", parent + "/site"],
            environment: ["ONEGO_LOCK_TIMEOUT": "0.3"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("另一个 onego 进程正在写入"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent).isEmpty)
    }

    @Test func sigtermDuringASiteRemovesTheTemporaryFolder() throws {
        let parent = try Fixtures.temporaryDirectory()
        var interrupted = false
        for _ in 0..<5 where !interrupted {
            let run = try Spawned(["site", "Catalogs/yunxi/items", "--date", "2026-11-20", "--out", parent + "/site"])
            // Generous: on a loaded machine the debug build may take far longer than 20 s to reach its first page
            // (the run is killed as soon as its temporary folder appears; the deadline only stops a stuck run).
            let deadline = Date().addingTimeInterval(180)
            while Date() < deadline, run.process.isRunning {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? []
                if names.contains(where: { $0.hasPrefix(".site.onego-") && $0.hasSuffix(".tmp") }) {
                    kill(run.process.processIdentifier, SIGTERM)
                    break
                }
                usleep(1000)
            }
            let result = run.finish()
            // The handler ends the run as killed by the signal, or, when the re-raised signal is held up for a
            // second (every thread blocking it at that moment), exits with 128 + the signal (InterruptCleanup).
            if run.process.terminationReason == .uncaughtSignal || result.status == 128 + SIGTERM {
                interrupted = true
                #expect(result.status == SIGTERM || result.status == 128 + SIGTERM)
            } else {
                // The run had finished its swap when the signal came: a whole site and a clean exit.
                #expect(result.status == 0, "\(result.stderr)")
                #expect(FileManager.default.fileExists(atPath: parent + "/site/index.html"))
            }
            let left = try FileManager.default.contentsOfDirectory(atPath: parent)
            #expect(!left.contains { $0.hasPrefix(".site.onego-") }, "\(left)")
        }
        #expect(interrupted, "every run finished before the signal took effect")
    }
}

/// A running `onego`, for tests that start several at once or give it their own standard output.
struct Spawned {
    let process = Process()
    let output = Pipe()
    let error = Pipe()
    let capturesOutput: Bool

    let capturesError: Bool

    init(_ arguments: [String], standardOutput: FileHandle? = nil, standardError: FileHandle? = nil) throws {
        process.executableURL = URL(fileURLWithPath: Fixtures.onegoExecutable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: Fixtures.repositoryRoot)
        process.standardOutput = standardOutput ?? output
        process.standardError = standardError ?? error
        process.standardInput = FileHandle.nullDevice
        capturesOutput = standardOutput == nil
        capturesError = standardError == nil
        try process.run()
    }

    init(audit output: String) throws {
        try self.init([
            "audit", "Tests/Fixtures/audit/district.xml", "--policy", OutputSafetyTests.policy, "--today",
            "2026-11-21", "--format", "html", "--output", output,
        ])
    }

    /// Waits for the exit and returns what the run printed.
    func finish() -> (status: Int32, stdout: String, stderr: String) {
        let out = capturesOutput ? output.fileHandleForReading.readDataToEndOfFile() : Data()
        let err = capturesError ? error.fileHandleForReading.readDataToEndOfFile() : Data()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
    }
}
