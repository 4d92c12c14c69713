import Foundation
import OnegoBase
import OnegoCatalog

/// Writes items as a catalog folder, one file per department, atomically: a temporary folder beside the target,
/// renamed into place. Every item was validated in the bytes written (``BatchValidation``), so nothing is loaded
/// back.
struct CatalogFolderWriter {
    let loader: CatalogLoader

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
        let parent = (path as NSString).deletingLastPathComponent
        let folder = parent.isEmpty ? "." : parent
        guard manager.isWritableFile(atPath: folder) else {
            throw ImportError(.output, "无法在 \(folder) 中写入（文件夹不存在或无写权限）")
        }
    }

    /// Writes the files of `plan` (checked items, see ``BatchValidation``) into a temporary folder, then renames it
    /// into place; returns the paths of the files written. Without a plan the items are planned and checked here,
    /// and any error stops the write.
    func write(
        _ items: [ServiceItem], plan: CatalogFilePlan?, to path: String, replacing: Bool
    ) throws(ImportError) -> [String] {
        let files: CatalogFilePlan
        if let plan {
            files = plan
        } else {
            files = try checkedPlan(items)
        }
        let manager = FileManager.default
        let target = URL(fileURLWithPath: path).standardizedFileURL
        let parent = target.deletingLastPathComponent()
        let temporary = parent.appendingPathComponent(".\(target.lastPathComponent).import-\(UUID().uuidString)")
        do {
            try manager.createDirectory(at: temporary, withIntermediateDirectories: false)
        } catch {
            throw ImportError(.output, "无法创建临时文件夹 \(temporary.path)", cause: SendableCause(error))
        }
        var succeeded = false
        defer { if !succeeded { try? manager.removeItem(at: temporary) } }
        var names: [String] = []
        var used: Set<String> = []
        for file in files.files {
            var base = Self.fileName(file.department)
            var n = 2
            while used.contains(base.lowercased()) {
                base = Self.fileName(file.department) + "-\(n)"
                n += 1
            }
            used.insert(base.lowercased())
            let url = temporary.appendingPathComponent(base + ".xml")
            try Self.write(file, of: items, to: url)
            names.append(base + ".xml")
        }
        do {
            if manager.fileExists(atPath: target.path) {
                guard replacing || ((try? manager.contentsOfDirectory(atPath: target.path)) ?? []).isEmpty else {
                    throw ImportError(.output, "输出文件夹 \(path) 已存在且非空；如要替换请加 --replace")
                }
                let old = parent.appendingPathComponent(".\(target.lastPathComponent).old-\(UUID().uuidString)")
                try manager.moveItem(at: target, to: old)
                try manager.moveItem(at: temporary, to: target)
                try? manager.removeItem(at: old)
            } else {
                try manager.moveItem(at: temporary, to: target)
            }
        } catch let error as ImportError {
            throw error
        } catch {
            throw ImportError(.output, "无法把临时文件夹改名为 \(path)", cause: SendableCause(error))
        }
        succeeded = true
        return names.map { target.appendingPathComponent($0).path }
    }

    /// Plans the files of `items` and checks them; throws when an item has an error.
    private func checkedPlan(_ items: [ServiceItem]) throws(ImportError) -> CatalogFilePlan {
        let plan = CatalogFilePlan(items)
        let rejects: @Sendable (Diagnostic) -> Bool = { !CatalogImporter.isKept($0) }
        let problems = BatchValidation(loader: loader, rejects: rejects).problems(of: items, plan: plan)
        let errors = problems.joined().map(\.diagnostic).filter(rejects)
        guard errors.isEmpty else {
            throw ImportError(
                .verification, "目录未通过校验，未写入：\n" + errors.prefix(20).map(\.message).joined(separator: "\n"))
        }
        return plan
    }

    /// Streams one file: the header, each item as it was checked, the footer (written in blocks, never whole).
    private static func write(_ file: CatalogFilePlan.File, of items: [ServiceItem], to url: URL) throws(ImportError) {
        guard FileManager.default.createFile(atPath: url.path, contents: nil),
            let handle = try? FileHandle(forWritingTo: url)
        else {
            throw ImportError(.output, "无法写入 \(url.path)")
        }
        var isClosed = false
        defer { if !isClosed { try? handle.close() } }
        var buffer = file.writer.header()
        do {
            for index in file.items {
                file.writer.write(items[index], to: &buffer)
                if buffer.utf8.count >= 1 << 20 {
                    try handle.write(contentsOf: Data(buffer.utf8))
                    buffer.removeAll(keepingCapacity: true)
                }
            }
            buffer += file.writer.footer()
            try handle.write(contentsOf: Data(buffer.utf8))
            isClosed = true
            try handle.close()
        } catch {
            throw ImportError(.output, "无法写入 \(url.path)", cause: SendableCause(error))
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
