import Foundation
import OnegoExport
import OnegoTestSupport
import Testing

@Suite struct AtomicWriterTests {
    func contents(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    func leftovers(in folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".tmp") }
    }

    @Test func writesNewFileAndReplacesOldOne() throws {
        let folder = try Fixtures.temporaryDirectory()
        let path = folder + "/out.html"
        try AtomicWriter().write("第一版", to: path)
        #expect(try contents(path) == "第一版")
        try AtomicWriter().write("第二版", to: path)
        #expect(try contents(path) == "第二版")
        #expect(try leftovers(in: folder).isEmpty)
    }

    @Test func failureHalfwayLeavesThePreviousFileIntact() throws {
        let folder = try Fixtures.temporaryDirectory()
        let path = folder + "/out.html"
        try AtomicWriter().write("完整的旧文件", to: path)
        #expect(throws: OutputError.self) {
            try AtomicWriter().write(to: path) { sink throws(OutputError) in
                try sink.write("新文件的前半部分")
                throw OutputError(path: path, reason: .aborted("测试中断"))
            }
        }
        #expect(try contents(path) == "完整的旧文件")
        #expect(try leftovers(in: folder).isEmpty)
    }

    @Test func failureOnANewFileLeavesNoFile() throws {
        let folder = try Fixtures.temporaryDirectory()
        let path = folder + "/new.md"
        #expect(throws: OutputError.self) {
            try AtomicWriter().write(to: path) { sink throws(OutputError) in
                try sink.write("部分")
                throw OutputError(path: path, reason: .aborted("测试中断"))
            }
        }
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
    }

    @Test func refusesToOverwriteAnInputFile() throws {
        let folder = try Fixtures.temporaryDirectory()
        let input = try Fixtures.write("<catalog/>", to: "catalog.xml", in: folder)
        let writer = AtomicWriter(protecting: [input])
        #expect {
            try writer.write("x", to: input)
        } throws: { error in
            guard let error = error as? OutputError, case .isInput = error.reason else { return false }
            return error.description.contains("与输入") && error.description.contains("拒绝覆盖")
        }
        // The same file by another spelling, and through a symbolic link.
        #expect(throws: OutputError.self) { try writer.write("x", to: folder + "/./sub/../catalog.xml") }
        try FileManager.default.createDirectory(atPath: folder + "/sub", withIntermediateDirectories: true)
        #expect(throws: OutputError.self) { try writer.write("x", to: folder + "/sub/../catalog.xml") }
        try FileManager.default.createSymbolicLink(atPath: folder + "/link.xml", withDestinationPath: input)
        #expect(throws: OutputError.self) { try writer.write("x", to: folder + "/link.xml") }
        #expect(try contents(input) == "<catalog/>")
    }

    @Test func refusesCatalogFilesInsideAnInputFolderButAllowsOtherOutput() throws {
        let folder = try Fixtures.temporaryDirectory()
        let writer = AtomicWriter(protecting: [folder])
        #expect(throws: OutputError.self) { try writer.write("x", to: folder + "/new.xml") }
        try writer.write("<html></html>", to: folder + "/guide.html")
        #expect(try contents(folder + "/guide.html") == "<html></html>")
    }

    @Test func reportsAMissingFolderAndAFolderTarget() throws {
        let folder = try Fixtures.temporaryDirectory()
        #expect {
            try AtomicWriter().write("x", to: folder + "/no/such/out.html")
        } throws: { error in
            (error as? OutputError)?.description.contains("输出文件夹") == true
        }
        #expect {
            try AtomicWriter().write("x", to: folder)
        } throws: { error in
            (error as? OutputError)?.reason == .isDirectory
        }
    }

    @Test func keepsThePermissionsOfAReplacedFile() throws {
        let folder = try Fixtures.temporaryDirectory()
        let path = try Fixtures.write("old", to: "out.md", in: folder)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        try AtomicWriter().write("new", to: path)
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
    }

    @Test func removesWhatAKilledRunLeftBehind() throws {
        let folder = try Fixtures.temporaryDirectory()
        try Fixtures.write("半截", to: ".out.html.onego-1a2b.tmp", in: folder)
        try Fixtures.write("别人的", to: ".other.html.onego-1a2b.tmp", in: folder)
        try AtomicWriter().write("完整", to: folder + "/out.html")
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == [
                ".other.html.onego-1a2b.tmp", "out.html",
            ])
    }
}
