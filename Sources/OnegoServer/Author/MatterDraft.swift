import Foundation
import OnegoBase
import OnegoCatalog
import OnegoComposer
import OnegoXML

/// A matter being authored in the workbench (`--edit`), kept in memory until saved, with the file it is saved to.
struct MatterDraft: Sendable {
    /// The matter as edited; after every edit it is the matter loaded back from what would be saved, so its
    /// locations are lines of that file.
    var matter: Matter
    /// The file it is saved to (the matter's own file, or a new one in the matters folder).
    var path: String
    /// Whether the file does not exist yet.
    var isNew: Bool
    /// The problems of the draft: the schema, the references and the catalog checks, as `onego validate` reports
    /// them for the saved file.
    var diagnostics: [Diagnostic] = []

    /// The XML of the draft as ``MatterWriter`` writes it (what the checks load).
    var xml: String { MatterWriter().document(matter) }

    /// The text the draft saves as over `onDisk`, the file's text ("" for a new file): only changed elements are
    /// rewritten, so comments, layout and the `version` of the rest stay (``MatterPatch``).
    func document(over onDisk: String) -> String { MatterPatch.document(matter, over: onDisk) }

    /// Whether saving is allowed (no errors).
    var isSavable: Bool { !diagnostics.containsErrors }

    /// Rewrites the draft through the writer and the validating loader, then runs the same checks as
    /// `onego validate` against `data`'s catalog.
    mutating func check(against data: WorkbenchData) {
        let text = xml
        let loader: MatterLoader
        do {
            loader = try MatterLoader.validating()
        } catch {
            diagnostics = [error]
            return
        }
        let (loaded, problems) = loader.load(bytes: Array(text.utf8), name: path)
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

/// The drafts of this run of the workbench, by matter code.
final class DraftStore: @unchecked Sendable {
    private let lock = NSLock()
    private var drafts: [String: MatterDraft] = [:]

    /// The draft of `code`, if one is open.
    func draft(_ code: String) -> MatterDraft? { lock.withLock { drafts[code] } }

    /// Stores (or replaces) a draft.
    func put(_ draft: MatterDraft) { lock.withLock { drafts[draft.matter.code] = draft } }

    /// Drops the draft of `code` (after saving).
    func remove(_ code: String) { lock.withLock { drafts[code] = nil } }

    /// The codes of the open drafts.
    var codes: [String] { lock.withLock { drafts.keys.sorted() } }
}

/// Why an edit of a draft was refused, in the officer's words.
struct AuthorError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
