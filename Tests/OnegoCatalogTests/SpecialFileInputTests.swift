import Dispatch
import Foundation
import OnegoBase
import OnegoCatalog
import OnegoTestSupport
import OnegoXML
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Pipes, devices and sockets among catalog files are refused without being opened; a pipe named on purpose is
/// read as a stream, and the size cap counts the bytes actually read (issue 11).
@Suite struct SpecialFileInputTests {
    let loader: CatalogLoader

    init() throws {
        loader = try CatalogLoader.validating(schemaPath: Fixtures.path("Schemas/catalog.xsd"))
    }

    /// A folder holding the minimal catalog and a FIFO named `fifo.xml`.
    func folderWithFIFO() throws -> (folder: String, fifo: String) {
        let folder = try Fixtures.temporaryDirectory()
        try Fixtures.write(try Fixtures.text("minimal.xml"), to: "a.xml", in: folder)
        let fifo = folder + "/fifo.xml"
        #expect(mkfifo(fifo, 0o600) == 0)
        return (folder, fifo)
    }

    @Test func fifoInAFolderIsRefusedWithoutBlocking() throws {
        let (folder, fifo) = try folderWithFIFO()
        let started = Date()
        let result = loader.load(paths: [folder])
        #expect(Date().timeIntervalSince(started) < 5)
        #expect(result.catalog.items.count == 1)
        let problem = try #require(result.diagnostics.first { $0.rule == "io.not-regular-file" })
        #expect(problem.location?.file == fifo)
        #expect(problem.message.contains("命名管道"))
    }

    @Test func socketNamedDirectlyIsRefused() throws {
        let folder = try Fixtures.temporaryDirectory()
        let path = folder + "/s.xml"
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        #expect(fd >= 0)
        defer { close(fd) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (index, byte) in path.utf8.prefix(raw.count - 1).enumerated() { raw[index] = byte }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        #expect(bound == 0)
        let result = loader.load(paths: [path])
        #expect(result.diagnostics.map(\.rule) == ["io.not-regular-file"])
        #expect(result.diagnostics.first?.message.contains("套接字") == true)
    }

    @Test func parserRefusesAFIFOWhenStreamsAreNotAccepted() throws {
        let (_, fifo) = try folderWithFIFO()
        let parser = XMLStreamParser()  // streams are refused unless accepted
        let diagnostics = parser.parse(contentsOf: fifo, into: NullHandler())
        #expect(diagnostics.map(\.rule) == ["io.not-regular-file"])
    }

    @Test func pipeNamedDirectlyIsReadAndItsSizeIsCountedAsRead() throws {
        let (_, fifo) = try folderWithFIFO()
        let writer = DispatchSemaphore(value: 0)
        // A thread of its own: a global-queue task can wait behind other tests' blocking work and never open the
        // FIFO, leaving the parser waiting for a writer.
        Thread {
            let fd = open(fifo, O_WRONLY)
            let body = "<a>" + String(repeating: "<b/>", count: 10_000) + "</a>"
            _ = body.utf8CString.withUnsafeBufferPointer { write(fd, $0.baseAddress, $0.count - 1) }
            close(fd)
            writer.signal()
        }.start()
        var parser = XMLStreamParser(limits: XMLLimits(maxFileBytes: 4_096))
        parser.acceptsStreams = true
        let diagnostics = parser.parse(contentsOf: fifo, into: NullHandler())
        #expect(diagnostics.map(\.rule) == ["xml.limit.file-size"])
        #expect(diagnostics.first?.location?.file == fifo)
        // Drain whatever the writer still has to write, so it finishes.
        let drain = open(fifo, O_RDONLY | O_NONBLOCK)
        if drain >= 0 { close(drain) }
        _ = writer.wait(timeout: .now() + 5)
    }
}

/// Ignores every event.
private final class NullHandler: XMLContentHandler {
    func startElement(_ name: XMLName, attributes: [XMLAttribute], context: XMLParseContext) {}
    func characters(_ text: UnsafeBufferPointer<UInt8>, context: XMLParseContext) {}
    func endElement(_ name: XMLName, context: XMLParseContext) {}
}
