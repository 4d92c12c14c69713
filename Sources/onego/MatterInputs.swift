import ArgumentParser
import Foundation
import OnegoBase
import OnegoCatalog
import OnegoComposer
import OnegoExport

/// How `compose`, `guide`, `audit` and `site` find matters, answers and the material synonym table, so all
/// commands treat `--catalog Catalogs/yunxi` and `--catalog Catalogs/yunxi/items` alike.
enum MatterInputs {
    /// Where matters are looked for when none are named: for each catalog folder, `matters/` beside an `items/`
    /// folder, else a `matters/` folder inside it, else the folder itself (the matter loader skips other
    /// documents). `Catalogs/yunxi` and `Catalogs/yunxi/items` both give `Catalogs/yunxi/matters`.
    static func defaultFolders(near catalogPaths: [String]) -> [String] {
        var result: [String] = []
        for path in catalogPaths {
            let url = URL(fileURLWithPath: path).standardizedFileURL
            guard isDirectory(url.path) else { continue }
            let candidates = [
                url.lastPathComponent == "items"
                    ? url.deletingLastPathComponent().appendingPathComponent("matters").path : nil,
                url.appendingPathComponent("matters").path,
            ].compactMap { $0 }
            let chosen =
                candidates.first(where: isDirectory) ?? (url.lastPathComponent == "items" ? nil : url.path)
            if let chosen, !result.contains(chosen) { result.append(chosen) }
        }
        return result
    }

    /// The matters in `paths` (recorded as the run's inputs); any error stops the command.
    static func load(paths: [String]) throws -> [Matter] {
        InputLedger.shared.record(paths)
        let (matters, diagnostics) = MatterLoader.load(paths: paths)
        if diagnostics.containsErrors {
            Terminal.print(diagnostics.filter { $0.severity == .error })
            throw CommandFailure("一件事定义有错误，请先修正")
        }
        return matters
    }

    /// The matter named by `name`: its code (any case), its theme name, or its file name without `.xml`.
    static func find(_ name: String, in matters: [Matter]) -> Matter? {
        let wanted = name.lowercased()
        return matters.first { $0.code.lowercased() == wanted || $0.name == name }
            ?? matters.first {
                URL(fileURLWithPath: $0.location.file).deletingPathExtension().lastPathComponent
                    .lowercased() == wanted
            }
    }

    /// The matter named by a code (looked up in the matters folder) or by a file path.
    static func findMatter(_ name: String, catalogPaths: [String], mattersFolder: String?) throws
        -> Matter
    {
        let isFile = name.lowercased().hasSuffix(".xml") && FileManager.default.fileExists(atPath: name)
        let paths = isFile ? [name] : (mattersFolder.map { [$0] } ?? defaultFolders(near: catalogPaths))
        guard !paths.isEmpty else {
            throw CommandFailure("找不到一件事定义目录：请用 --matters 指定（默认为目录 items/ 旁的 matters/）")
        }
        let matters = try load(paths: paths)
        if isFile, let only = matters.first { return only }
        if let found = find(name, in: matters) { return found }
        let known = matters.map { "\($0.code)（\($0.name)）" }.joined(separator: "、")
        throw CommandFailure("没有编码为 \(name) 的一件事" + (known.isEmpty ? "" : "；可选：\(known)"))
    }

    /// Refuses (usage error) an answer to a question the matter does not have, listing the questions it has,
    /// nearest first.
    static func checkQuestions(_ answers: AnswerSet, of matter: Matter) throws {
        let ids = matter.questions.map(\.id)
        for key in answers.questionIDs where !ids.contains(key) {
            let near = CommandSuggestion.nearest(to: key, among: ids)
            let list = matter.questions.map { "\($0.id)（\($0.text)）" }.joined(separator: "、")
            throw ValidationError(
                "一件事 \(matter.code)（\(matter.name)）没有编号为 \(key) 的情形问题"
                    + (near.isEmpty ? "" : "，您是不是要用 \(near.map { "--answer \($0)=…" }.joined(separator: " 或 "))")
                    + "；可用的问题：\(list.isEmpty ? "无" : list)")
        }
    }

    /// `--answer QUESTION=VALUE[,VALUE…]` options as an answer set (several values for multiple choice).
    static func answerSet(from answers: [String]) throws -> AnswerSet {
        var set = AnswerSet()
        for raw in answers {
            guard let equals = raw.firstIndex(of: "="), equals != raw.startIndex else {
                throw ValidationError("回答“\(raw)”应写成 问题=答案，例如 --answer invoice=是")
            }
            let question = String(raw[..<equals]).trimmingCharacters(in: .whitespaces)
            let values = raw[raw.index(after: equals)...].split(separator: ",").map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            guard !values.isEmpty, !values.contains(where: \.isEmpty) else {
                throw ValidationError("回答“\(raw)”缺少答案")
            }
            for value in values { set.add(value, for: question) }
        }
        return set
    }

    /// The synonym table: the named file, else the workspace's own near the catalog (recorded as an input), else the
    /// built-in one.
    static func synonyms(path: String?, catalogPaths: [String]) throws -> SynonymTable {
        let root = defaultFolders(near: catalogPaths).first.map {
            URL(fileURLWithPath: $0).deletingLastPathComponent().path
        }
        let (table, diagnostics): (SynonymTable, [Diagnostic])
        if let file = path ?? SynonymTable.defaultPath(near: root ?? catalogPaths.first) {
            InputLedger.shared.record(file)
            (table, diagnostics) = SynonymTable.load(path: file)
        } else {
            (table, diagnostics) = SynonymTable.loadBuiltIn()
        }
        if diagnostics.containsErrors {
            Terminal.print(diagnostics)
            throw CommandFailure("材料同义词表有错误")
        }
        return table
    }

    /// The office hours: the named file, else `office-hours.txt` beside the catalog, else the standard hours.
    static func officeHours(path: String?, catalogPaths: [String]) throws -> OfficeHours {
        guard
            let file = path ?? catalogPaths.lazy.compactMap({ OfficeHours.defaultPath(near: $0) }).first
        else {
            return .standard
        }
        do {
            return try OfficeHours.load(path: file)
        } catch {
            throw CommandFailure(error)
        }
    }

    private static func isDirectory(_ path: String) -> Bool {
        var flag: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &flag) && flag.boolValue
    }
}
