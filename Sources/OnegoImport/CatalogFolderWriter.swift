import Foundation
import OnegoBase
import OnegoCatalog

/// Writes imported items as a catalog folder, one file per department, into a ``TemporaryFolder`` that is then
/// renamed into place. Every item was validated in the bytes written (``BatchValidation``), so nothing is loaded
/// back.
enum CatalogFolderWriter {
    /// Fails early when `path` cannot be the output folder.
    static func checkWritable(_ path: String, replacing: Bool) throws(ImportError) {
        var isDirectory: ObjCBool = false
        let manager = FileManager.default
        if manager.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw ImportError(.output, "\(path) 已存在且不是文件夹") }
            let contents = (try? manager.contentsOfDirectory(atPath: path)) ?? []
            if !contents.isEmpty && !replacing {
                throw ImportError(.output, "输出文件夹 \(path) 已存在且非空；如要替换请加 --replace")
            }
        }
        let parent = path.parentPath
        let folder = parent.isEmpty ? "." : parent
        guard manager.isWritableFile(atPath: folder) else {
            throw ImportError(.output, "无法在 \(folder) 中写入（文件夹不存在或无写权限）")
        }
    }

    /// Writes the files an import spilled (``FragmentSpill``) into `folder`: each file its header, its checked
    /// items as they were checked, its footer; files without items are left out. Returns the names written.
    static func write(
        _ files: [(department: String, writer: CatalogWriter, spilled: Int)], from spill: FragmentSpill,
        into folder: TemporaryFolder
    ) throws(ImportError) -> [String] {
        let kept = files.filter { spill.holdsItems($0.spilled) }
        var names: [String] = []
        for (file, name) in zip(kept, fileNames(kept.map(\.department))) {
            let url = folder.url.appendingPathComponent(name)
            guard FileManager.default.createFile(atPath: url.path, contents: nil),
                let handle = try? FileHandle(forWritingTo: url)
            else { throw ImportError(.output, "无法写入 \(url.path)") }
            defer { try? handle.close() }
            do {
                try handle.write(contentsOf: Data(file.writer.header().utf8))
                try spill.copy(file: file.spilled, to: handle)
                try handle.write(contentsOf: Data(file.writer.footer().utf8))
                try handle.close()
            } catch let error as ImportError {
                throw error
            } catch {
                throw ImportError(.output, "无法写入 \(url.path)", cause: SendableCause(error))
            }
            names.append(name)
        }
        return names
    }

    /// The file names of departments' files, in order: each department's name made safe, `-2`, `-3` … added to
    /// names already used (compared without case).
    static func fileNames(_ departments: [String]) -> [String] {
        var used: Set<String> = []
        return departments.map { department in
            var base = fileName(department)
            var n = 2
            while used.contains(base.lowercased()) {
                base = fileName(department) + "-\(n)"
                n += 1
            }
            used.insert(base.lowercased())
            return base + ".xml"
        }
    }

    /// A file name for a department: its name without path separators and control characters.
    static func fileName(_ department: String) -> String {
        let cleaned = department.map { character -> Character in
            if "/\\:*?\"<>|".contains(character) || character.isNewline || character.asciiValue.map({ $0 < 32 }) == true
            {
                return "_"
            }
            return character
        }
        let name = String(cleaned).trimmingCharacters(in: CharacterSet(charactersIn: ". "))
        return name.isEmpty ? "department" : String(name.prefix(80))
    }
}
