import Foundation
import OnegoBase
import OnegoCatalog
import OnegoComposer
import OnegoXML

/// A matter being authored in the workbench (`--edit`), kept in memory until saved, with the file it is saved to.
struct MatterDraft: Sendable {
    /// The matter as edited; after every edit it is the matter loaded back from the text that would be saved over
    /// the file on disk (``document(over:)``), so its locations, and those of the problems, are lines of that text.
    var matter: Matter
    /// The file it is saved to (the matter's own file, or a new one in the matters folder).
    var path: String
    /// Whether the file does not exist yet.
    var isNew: Bool
    /// The problems of the draft: the schema, the references and the catalog checks, as `onego validate` reports
    /// them for the saved file, at its lines.
    var diagnostics: [Diagnostic] = []
    /// ``diagnostics`` with the form field each concerns (set by ``check(against:)``).
    var located: [LocatedDiagnostic] = []
    /// How many changes were applied; every form of the author page sends the revision it was drawn from.
    var revision = 0

    /// Refuses a change sent from a page drawn before the latest change (another window, the back button): its
    /// rows may no longer be the ones the officer saw. Changes that carry no revision (scripts) are not checked.
    func checkRevision(of fields: FormFields) throws(AuthorError) {
        guard let sent = fields["revision"], sent != String(revision) else { return }
        throw AuthorError("这个页面不是最新的：草稿在此后又改动过（可能在另一个窗口中）。下面已是最新内容，请核对后再提交。")
    }

    /// The text the draft saves as over `onDisk`, the file's text ("" for a new file): only changed elements are
    /// rewritten, so comments, layout and the `version` of the rest stay (``MatterPatch``).
    func document(over onDisk: String) -> String { MatterPatch.document(matter, over: onDisk) }

    /// Whether saving is allowed (no errors).
    var isSavable: Bool { !diagnostics.containsErrors }

    /// The text of the file on disk now, or "" when there is none yet.
    var onDisk: String { (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }

    /// Rewrites the draft as it would be saved over the file on disk (``document(over:)``: the writer's output
    /// patched into the file, so comments keep their lines) and loads it back through the validating loader, then
    /// runs the same checks as `onego validate` against `data`'s catalog. Every location is a line of that text.
    mutating func check(against data: WorkbenchData) {
        let text = document(over: onDisk)
        diagnose(text, against: data)
        located = LocatedDiagnostic.locate(
            diagnostics, in: text, file: path, matter: matter, catalog: data.catalog)
    }

    /// Loads `text` back and runs the checks of `onego validate`, setting ``diagnostics`` (and ``matter`` when
    /// the text loads).
    private mutating func diagnose(_ text: String, against data: WorkbenchData) {
        let loader: MatterLoader
        do {
            loader = try MatterLoader.validating()
        } catch {
            diagnostics = [error]
            return
        }
        let (loaded, loadProblems) = loader.load(bytes: Array(text.utf8), name: path)
        let problems = matter.members.isEmpty ? loadProblems.map(Self.explainingNoMembers) : loadProblems
        guard let loaded, !problems.containsErrors else {
            diagnostics = problems
            return
        }
        matter = loaded
        let composer = data.composer
        diagnostics =
            (problems
            + MatterChecks.run(
                matters: [loaded], catalog: data.catalog, synonyms: composer.synonyms,
                officeHours: composer.officeHours)).sortedByLocation()
    }
}

extension MatterDraft {
    /// The schema's complaint about an empty `<members>` (libxml2's English, "Missing child element(s)") in the
    /// officer's words: a new matter has no members until one is picked.
    static func explainingNoMembers(_ diagnostic: Diagnostic) -> Diagnostic {
        guard diagnostic.rule == .xmlSchema, diagnostic.message.contains("'members'") else { return diagnostic }
        var explained = diagnostic
        explained.message = "一件事还没有成员事项：请在“成员事项”下搜索事项并加入（至少一个）。"
        return explained
    }
}

/// The drafts of this run of the workbench, by matter code.
final class DraftStore: Sendable {
    private let drafts = Locked<[String: MatterDraft]>([:])

    /// The draft of `code`, if one is open.
    func draft(_ code: String) -> MatterDraft? { drafts.withLock { $0[code] } }

    /// Stores (or replaces) a draft.
    func put(_ draft: MatterDraft) { drafts.withLock { $0[draft.matter.code] = draft } }

    /// Drops the draft of `code` (after saving).
    func remove(_ code: String) { drafts.withLock { $0[code] = nil } }

    /// The codes of the open drafts.
    var codes: [String] { drafts.withLock { $0.keys.sorted() } }
}

/// Why an edit of a draft was refused, in the officer's words.
struct AuthorError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
