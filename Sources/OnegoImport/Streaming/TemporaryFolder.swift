import Foundation
import OnegoBase

/// A hidden folder beside an output folder, where an import writes its files; renamed into place when complete,
/// removed otherwise, so that nothing is half-written.
struct TemporaryFolder {
    let url: URL

    /// Creates `.NAME.import-UUID` beside `path`.
    init(beside path: String) throws(ImportError) {
        let target = URL(fileURLWithPath: path).standardizedFileURL
        url = target.deletingLastPathComponent()
            .appendingPathComponent(".\(target.lastPathComponent).import-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: false)
        } catch {
            throw ImportError(.output, "无法创建临时文件夹 \(url.path)", cause: SendableCause(error))
        }
    }

    /// Removes the folder and what it holds.
    func remove() { try? FileManager.default.removeItem(at: url) }

    /// Renames the folder to `path` (an existing folder there is replaced when `replacing`, or when empty);
    /// returns the folder's new place.
    func commit(to path: String, replacing: Bool) throws(ImportError) -> URL {
        let manager = FileManager.default
        let target = URL(fileURLWithPath: path).standardizedFileURL
        let parent = target.deletingLastPathComponent()
        do {
            if manager.fileExists(atPath: target.path) {
                guard replacing || ((try? manager.contentsOfDirectory(atPath: target.path)) ?? []).isEmpty else {
                    throw ImportError(.output, "输出文件夹 \(path) 已存在且非空；如要替换请加 --replace")
                }
                let old = parent.appendingPathComponent(".\(target.lastPathComponent).old-\(UUID().uuidString)")
                try manager.moveItem(at: target, to: old)
                try manager.moveItem(at: url, to: target)
                try? manager.removeItem(at: old)
            } else {
                try manager.moveItem(at: url, to: target)
            }
        } catch let error as ImportError {
            throw error
        } catch {
            throw ImportError(.output, "无法把临时文件夹改名为 \(path)", cause: SendableCause(error))
        }
        return target
    }
}
