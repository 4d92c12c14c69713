import OnegoBase
import OnegoComposer
import OnegoExport

/// The JSON of `GET /api/author/CODE/check`: the problems of a draft, as `onego validate --format json` lists
/// them for the file as it would be saved, each with the author form's field it concerns.
struct DraftCheckReport: Encodable {
    /// One problem: `validate`'s entry (``DiagnosticRecord``) plus the field, whose keys are left out when it
    /// has no place in the form.
    struct Entry: Encodable {
        var record: DiagnosticRecord
        /// The stable field path (see ``DraftFieldLocator``), or nil.
        var field: String?
        /// The field's name in the officer's words, or nil.
        var fieldLabel: String?
        /// The HTML id of the field on the author page, or nil.
        var elementID: String?

        private enum CodingKeys: String, CodingKey { case field, fieldLabel, elementID }

        /// The record's keys and the field's, in one object.
        func encode(to encoder: any Encoder) throws {
            try record.encode(to: encoder)
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encodeIfPresent(field, forKey: .field)
            try container.encodeIfPresent(fieldLabel, forKey: .fieldLabel)
            try container.encodeIfPresent(elementID, forKey: .elementID)
        }
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
            Entry(
                record: DiagnosticRecord(located.diagnostic), field: located.field?.path,
                fieldLabel: located.field?.label, elementID: located.field?.elementID)
        }
    }
}
