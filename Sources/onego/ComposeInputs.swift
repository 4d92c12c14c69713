import Foundation
import OnegoCatalog
import OnegoComposer
import OnegoXML

/// Finding the matter, synonym table and calendar for `onego compose`.
enum ComposeInputs {
    /// The matter named by a code (in the matters folder) or a file path.
    static func findMatter(_ name: String, catalogPaths: [String], mattersFolder: String?) throws -> Matter {
        let isFile = name.lowercased().hasSuffix(".xml") || FileManager.default.fileExists(atPath: name)
        let paths = isFile ? [name] : (mattersFolder.map { [$0] } ?? defaultMatterFolders(catalogPaths))
        guard !paths.isEmpty else {
            throw CommandFailure("找不到一件事定义目录：请用 --matters 指定（默认为目录 items/ 旁的 matters/）")
        }
        let (matters, diagnostics) = MatterLoader.load(paths: paths)
        if diagnostics.containsErrors {
            Terminal.print(diagnostics.filter { $0.severity == .error })
            throw CommandFailure("一件事定义有错误，请先修正")
        }
        if isFile, let only = matters.first { return only }
        if let found = matters.first(where: { $0.code == name || $0.name == name }) { return found }
        let known = matters.map { "\($0.code)（\($0.name)）" }.joined(separator: "、")
        throw CommandFailure("没有编码为 \(name) 的一件事" + (known.isEmpty ? "" : "；可选：\(known)"))
    }

    /// `matters/` beside each catalog's `items/` folder: `Catalogs/yunxi` and `Catalogs/yunxi/items` both give
    /// `Catalogs/yunxi/matters`.
    static func defaultMatterFolders(_ catalogPaths: [String]) -> [String] {
        var result: [String] = []
        for path in catalogPaths {
            let url = URL(fileURLWithPath: path).standardizedFileURL
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
            let folder = isDirectory.boolValue ? url : url.deletingLastPathComponent()
            let root = folder.lastPathComponent == "items" ? folder.deletingLastPathComponent() : folder
            let candidate = root.appendingPathComponent("matters").path
            if FileManager.default.fileExists(atPath: candidate), !result.contains(candidate) { result.append(candidate) }
        }
        return result
    }

    /// The synonym table: the named file, else the shipped one near the catalog, else none.
    static func synonyms(path: String?, catalogPaths: [String]) throws -> SynonymTable {
        let root = defaultMatterFolders(catalogPaths).first.map {
            URL(fileURLWithPath: $0).deletingLastPathComponent().path
        }
        guard let file = path ?? SynonymTable.defaultPath(near: root ?? catalogPaths.first) else { return .empty }
        let (table, diagnostics) = SynonymTable.load(path: file)
        if diagnostics.containsErrors {
            Terminal.print(diagnostics)
            throw CommandFailure("材料同义词表有错误")
        }
        return table
    }
}
