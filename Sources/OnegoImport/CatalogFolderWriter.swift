import Foundation
import OnegoBase
import OnegoCatalog

/// Writes items as a catalog folder, one file per department, atomically: a temporary folder beside the target,
/// loaded back with the validating loader, then renamed into place.
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

    /// Writes and verifies; returns the paths of the files written.
    func write(_ items: [ServiceItem], to path: String, replacing: Bool) throws(ImportError) -> [String] {
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
        var groups: [(department: String, items: [ServiceItem])] = []
        var index: [String: Int] = [:]
        for item in items {
            if let at = index[item.department] {
                groups[at].items.append(item)
            } else {
                index[item.department] = groups.count
                groups.append((item.department, [item]))
            }
        }
        var names: [String] = []
        var used: Set<String> = []
        for group in groups {
            var base = Self.fileName(group.department)
            var n = 2
            while used.contains(base.lowercased()) {
                base = Self.fileName(group.department) + "-\(n)"
                n += 1
            }
            used.insert(base.lowercased())
            let regions = Set(group.items.map(\.region.rawValue))
            let writer = CatalogWriter(
                title: String((group.department + "政务服务事项实施清单").prefix(200)),
                region: regions.count == 1 ? regions.first : nil)
            let file = temporary.appendingPathComponent(base + ".xml")
            do {
                try Data(writer.document(group.items).utf8).write(to: file)
            } catch {
                throw ImportError(.output, "无法写入 \(file.path)", cause: SendableCause(error))
            }
            names.append(base + ".xml")
        }
        let loaded = loader.load(paths: [temporary.path])
        let problems = loaded.diagnostics.filter { $0.severity == .error && $0.rule != .catalogUSCC }
        guard problems.isEmpty, loaded.catalog.items.count == items.count else {
            throw ImportError(
                .verification,
                "写出的目录未通过校验，未写入 \(path)：\n" + problems.prefix(20).map(\.description).joined(separator: "\n"))
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
