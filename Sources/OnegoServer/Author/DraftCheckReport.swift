import OnegoBase
import OnegoComposer

/// The JSON of `GET /api/author/CODE/check`: the problems of a draft, as `onego validate --format json` lists
/// them for the file as it would be saved, each with the author form's field it concerns.
struct DraftCheckReport: Encodable {
    /// One problem: `validate`'s entry plus the field (`null` when it has no place in the form).
    struct Entry: Encodable {
        var file: String
        var line: Int
        var column: Int
        var severity: String
        var rule: String
        var message: String
        /// The stable field path (see ``DraftFieldLocator``), or nil.
        var field: String?
        /// The field's name in the officer's words, or nil.
        var fieldLabel: String?
        /// The HTML id of the field on the author page, or nil.
        var elementID: String?
    }

    var code: String
    var file: String
    var isNew: Bool
    var savable: Bool
    var errors: Int
    var warnings: Int
    var diagnostics: [Entry]

    init(_ draft: MatterDraft) {
        code = draft.matter.code
        file = draft.path
        isNew = draft.isNew
        savable = draft.isSavable
        errors = draft.diagnostics.filter { $0.severity == .error }.count
        warnings = draft.diagnostics.filter { $0.severity == .warning }.count
        diagnostics = draft.located.map { located in
            let diagnostic = located.diagnostic
            return Entry(
                file: diagnostic.location?.file ?? "", line: diagnostic.location?.line ?? 0,
                column: diagnostic.location?.column ?? 0, severity: diagnostic.severity.rawValue,
                rule: diagnostic.rule.rawValue, message: diagnostic.message, field: located.field?.path,
                fieldLabel: located.field?.label, elementID: located.field?.elementID)
        }
    }
}
